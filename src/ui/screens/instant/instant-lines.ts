import { INSTANT_PHASE_LABELS, type InstantPhase, type InstantResult } from '../../../workflows/instant-issuance.ts';
import type { InterruptedJob } from '../../../workflows/instant-recovery.ts';
import type { BankChoice } from '../../hooks/use-instant.ts';
import { formatLocalTime } from '../../../domain/china-dates.ts';
import { fitWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const T = zh.instant;
const JOB_LABEL_WIDTH = 10;

export type PhaseRow = { readonly key: InstantPhase; readonly text: string; readonly color: string | undefined };
/** How far a run got: still running, its result's status, or stopped without a result. */
export type RunStatus = InstantResult['status'] | 'running' | 'error';

/** The interrupted job's details, one labelled row each. */
export function jobRows(j: InterruptedJob): string[] {
  const row = (label: string, value: string) => `  ${fitWidth(label, JOB_LABEL_WIDTH)} ${value}`;
  const L = T.jobLabels;
  return [
    row(L.jobNo, j.jobNo),
    row(L.at, formatLocalTime(j.at)),
    row(L.printer, T.jobPrinter(j.printerId, j.hopperNo)),
    row(L.applicant, T.jobApplicant(j.applicantName, j.applicantIdMasked)),
    row(L.cardNo, j.cardNo),
    row(L.blankNo, j.blankNo),
  ];
}

/** What the operator is asked about the job: nothing to decide, the card's face, or whom to hand it to. */
export function jobAsk(j: InterruptedJob, faceGood: boolean): string {
  if (j.needs === 'nothing') return T.askNothing;
  if (j.needs === 'face_check' && !faceGood) return T.askFace;
  return `${faceGood ? T.faceGood : ''}${T.askHand}`;
}

export function resolvedHint(jobs: number, withReceipt: boolean): string {
  return `${T.resolvedHint(jobs - 1)}${withReceipt ? `  ${T.resolvedReceiptHint}` : ''}`;
}

/** Each phase with its mark: ✓ done, ▶ running, ✗ where it stopped, blank still to come. */
export function phaseRows(phase: InstantPhase | null, status: RunStatus): PhaseRow[] {
  const phases = Object.keys(INSTANT_PHASE_LABELS) as InstantPhase[];
  const at = phase ? phases.indexOf(phase) : -1;
  const mark = (i: number): string => {
    if (status === 'issued' || i < at) return '✓';
    if (i > at) return ' ';
    return status === 'running' ? '▶' : '✗';
  };
  return phases.map((p, i) => {
    const m = mark(i);
    return { key: p, text: ` ${m} ${INSTANT_PHASE_LABELS[p]}`, color: m === '✗' ? 'red' : m === '▶' ? 'yellow' : undefined };
  });
}

/** The bank row's value: `[中国工商银行  卡盒1  余 4 张]  ←→ 换银行（1/2）`. */
export function bankText(banks: readonly BankChoice[], index: number): string {
  const choice = banks[index];
  if (!choice) return '';
  const more = banks.length > 1 ? `  ${T.bankMore(index + 1, banks.length)}` : '';
  return `[${T.bankChoice(choice.bank, choice.station.hopperName, choice.station.remaining)}]${more}`;
}
