import { useLayoutEffect, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches, type BindingId } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { PHASES, useInstant, type InstantTextField } from '../hooks/use-instant.ts';
import { displayWidth, fitWidth } from '../../text/display-width.ts';
import { INSTANT_PHASE_LABELS } from '../../workflows/instant-issuance.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type InstantScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
  /** L: to 装入卡盒. */
  onLoadHopper: () => void;
};

const T = zh.instant;
const MESSAGE_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;
const LABEL_WIDTH = 18;
const JOB_LABEL_WIDTH = 10;

type State = ReturnType<typeof useInstant>;

function contextOf(s: State): string {
  switch (s.step) {
    case 'loading':
      return 'instant';
    case 'off':
      return s.noBlanks ? 'instant-no-blanks' : 'instant';
    case 'job':
      if (s.job?.needs === 'nothing') return 'instant-job';
      return s.job?.needs === 'face_check' && !s.faceGood ? 'instant-job-face' : 'instant-job-hand';
    case 'resolved':
      return s.resolved?.receipt ? 'instant-resolved-receipt' : 'instant-resolved';
    case 'form':
      return s.focus === 'bank' ? 'instant-form' : 'instant-form-edit';
    case 'running':
      return 'instant-running';
    case 'result':
      return s.result?.status === 'issued' ? 'instant-issued' : s.result?.status === 'failed' ? 'instant-failed' : 'instant-void';
    case 'error':
      return 'instant-error';
  }
}

/** The keys a step without a text field answers to (anything else typed there is a stray scan). */
const STEP_KEYS: readonly BindingId[] = ['instant.refresh', 'instant.face-good', 'instant.face-bad', 'instant.hand-stock', 'instant.receipt', 'help', 'quit'];

export function InstantScreen({ actor, width, height, isActive, onContext, onLoadHopper }: InstantScreenProps) {
  const s = useInstant(actor);
  const context = contextOf(s);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();

  // L opens 装入卡盒 where the hoppers are empty, and on the form before the applicant is typed
  // in; a focused field would take it as text, so this sits just above the field's priority
  // (as H does on the count's scan field) and is active only while that field is empty.
  useKeyHandler((e) => (matches('instant.load', e) && s.canOpenLoad() ? (onLoadHopper(), true) : false), {
    priority: PRIORITY.text + 1,
    isActive: isActive && !s.busy && (s.step === 'form' || s.noBlanks),
  });

  useKeyHandler(
    (e) => {
      // Making a card or resolving a job: every key waits but help (and Ctrl+C, which asks first).
      if (s.step === 'running' || s.busy) return !(matches('help', e) || matches('quit-ctrl-c', e));
      if (s.step !== 'form' && stray.swallow(e, (k) => STEP_KEYS.some((id) => matches(id, k)))) return true;
      switch (s.step) {
        case 'loading':
          return false;
        case 'off':
          if (matches('instant.refresh', e)) return s.reload(), true;
          return false;
        case 'job': {
          const job = s.job;
          if (!job) return false;
          if (job.needs === 'nothing') {
            if (matches('instant.job-resolve', e)) return s.resolve({}), true;
            return false;
          }
          if (job.needs === 'face_check' && !s.faceGood) {
            if (matches('instant.face-good', e)) return s.markFaceGood(), true;
            if (matches('instant.face-bad', e)) return s.resolve({ face: 'bad' }), true;
            return false;
          }
          const face = job.needs === 'face_check' ? ({ face: 'good' } as const) : {};
          if (matches('instant.hand-applicant', e)) return s.resolve({ ...face, handTo: 'applicant' }), true;
          if (matches('instant.hand-stock', e)) return s.resolve({ ...face, handTo: 'stock' }), true;
          if (matches('back', e) && s.unmarkFace()) return true;
          return false;
        }
        case 'resolved':
          if (s.resolved?.receipt && matches('instant.receipt', e)) return s.saveReceipt(), true;
          if (matches('instant.continue', e)) return s.afterResolved(), true;
          return false;
        case 'form':
          if (matches('instant.start', e)) return s.start(), true;
          if (matches('instant.field', e)) return s.moveFocus(e.name === 'backtab' || e.name === 'up' ? -1 : 1), true;
          if (s.focus === 'bank') {
            if (matches('instant.bank', e)) return s.moveBank(e.name === 'left' ? -1 : 1), true;
            if (matches('instant.next', e)) return s.moveFocus(1), true;
          }
          return false;
        case 'result': {
          const status = s.result?.status;
          if (status === 'issued') {
            if (matches('instant.receipt', e)) return s.saveReceipt(), true;
            if (matches('instant.new', e)) return s.next(), true;
          } else if (status === 'failed') {
            if (matches('instant.retry', e)) return s.retry(), true;
            if (matches('instant.to-form', e)) return s.backToForm(), true;
          } else if (matches('instant.void-back', e)) return s.backToForm(), true;
          return false;
        }
        case 'error':
          if (matches('instant.continue', e)) return s.afterError(), true;
          return false;
      }
    },
    { priority: PRIORITY.screen, isActive },
  );

  const line = (text: string, color?: string, opts: { dim?: boolean; bold?: boolean } = {}) => (
    <Text color={color} dimColor={opts.dim} bold={opts.bold}>
      {fitWidth(text, width)}
    </Text>
  );
  const wrapped = (text: string, color?: string) => (
    <Text color={color} wrap="wrap">
      {text || ' '}
    </Text>
  );
  const frame = (children: ReactNode) => (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitWidth(T.title(actor.siteName), width)}</Text>
      {children}
    </Box>
  );
  const messageView = s.message ? wrapped(s.message.text, MESSAGE_COLOR[s.message.level]) : line('');

  if (s.step === 'loading') return frame(<>{line('')}{line(T.loading, 'yellow')}</>);

  if (s.step === 'off') {
    return frame(
      <>
        {line('')}
        {wrapped(s.offReason ?? '', 'yellow')}
        {line('')}
        {line(T.offHint, undefined, { dim: true })}
      </>,
    );
  }

  if (s.step === 'job' && s.job) {
    const j = s.job;
    const row = (label: string, value: string) => line(`  ${fitWidth(label, JOB_LABEL_WIDTH)} ${value}`);
    const ask = j.needs === 'nothing' ? T.askNothing : j.needs === 'face_check' && !s.faceGood ? T.askFace : `${s.faceGood ? T.faceGood : ''}${T.askHand}`;
    return frame(
      <>
        {line(T.jobsTitle(s.jobs.length), 'yellow', { bold: true })}
        {line('')}
        {row(T.jobLabels.jobNo, j.jobNo)}
        {row(T.jobLabels.at, formatLocalTime(j.at))}
        {row(T.jobLabels.printer, T.jobPrinter(j.printerId, j.hopperNo))}
        {row(T.jobLabels.applicant, `${j.applicantName}（${j.applicantIdMasked}）`)}
        {row(T.jobLabels.cardNo, j.cardNo)}
        {row(T.jobLabels.blankNo, j.blankNo)}
        {line('')}
        {wrapped(j.advice, 'yellow')}
        {line('')}
        {wrapped(ask)}
        {s.busy ? line(T.resolving, 'yellow') : messageView}
      </>,
    );
  }

  if (s.step === 'resolved' && s.resolved) {
    const r = s.resolved;
    return frame(
      <>
        {line('')}
        {wrapped(r.message.text, MESSAGE_COLOR[r.message.level])}
        {line('')}
        {receiptLines(s.receipt)}
        {line(`${T.resolvedHint(s.jobs.length - 1)}${r.receipt ? `  ${T.resolvedReceiptHint}` : ''}`, undefined, { dim: true })}
      </>,
    );
  }

  if ((s.step === 'running' || s.step === 'result' || s.step === 'error') && s.run) {
    const run = s.run;
    const status = s.step === 'result' ? s.result?.status : s.step === 'error' ? 'error' : 'running';
    const at = s.phase ? PHASES.indexOf(s.phase) : -1;
    const mark = (i: number): string => {
      if (status === 'issued' || i < at) return '✓';
      if (i > at) return ' ';
      return status === 'running' ? '▶' : '✗';
    };
    const phases = PHASES.map((p, i) => (
      <Text key={p} color={mark(i) === '✗' ? 'red' : mark(i) === '▶' ? 'yellow' : undefined}>
        {fitWidth(` ${mark(i)} ${INSTANT_PHASE_LABELS[p]}`, width)}
      </Text>
    ));
    const head = (
      <>
        {line(T.applicant(run.name, run.idMasked, run.attempt))}
        {line(T.station(run.bank, run.printerId, run.hopperName))}
        {line('')}
      </>
    );
    const r = s.result;
    if (s.step === 'result' && r?.status === 'issued') {
      return frame(
        <>
          {head}
          {line(T.issuedTitle, 'green', { bold: true })}
          {wrapped(T.issued(r.cardNo, r.blankNo), 'green')}
          {line(`${T.holder(r.receipt.holderName, r.receipt.holderIdMasked)}  ${T.jobNo(r.jobNo)}`)}
          {line('')}
          {receiptLines(s.receipt)}
          {line(T.issuedHint, undefined, { dim: true })}
        </>,
      );
    }
    let tail: ReactNode;
    if (s.step === 'running') tail = line(T.runningHint, undefined, { dim: true });
    else if (s.step === 'error') {
      tail = (
        <>
          {line(T.interruptedTitle, 'red', { bold: true })}
          {wrapped(T.interrupted(s.failure ?? ''), 'red')}
          {wrapped(T.interruptedNext)}
        </>
      );
    } else if (r?.status === 'failed') {
      tail = (
        <>
          {line(`${T.failedTitle}  ${T.jobNo(r.jobNo)}`, 'red', { bold: true })}
          {wrapped(r.message, 'red')}
          {line(T.spoiled(r.blankNo ?? ''), 'yellow')}
          {line(T.failedHint, undefined, { dim: true })}
        </>
      );
    } else if (r) {
      tail = (
        <>
          {line(`${T.voidTitle}  ${T.jobNo(r.jobNo)}`, 'yellow', { bold: true })}
          {wrapped(r.status === 'void' ? r.message : r.status === 'stocked' ? T.resolvedStocked(r.jobNo, r.cardNo, r.placeName) : '', 'yellow')}
          {line(T.voidBody)}
          {line(T.voidHint, undefined, { dim: true })}
        </>
      );
    }
    return frame(
      <>
        {head}
        {phases}
        {line('')}
        {tail}
      </>,
    );
  }

  // The form.
  const inForm = isActive && s.step === 'form' && !s.busy;
  const field = (f: InstantTextField) => (
    <TextField
      key={f}
      label={f === 'cardNo' && s.training ? T.fields.cardNoTraining : T.fields[f]}
      value={s.fields[f]}
      onChange={(v) => s.setField(f, v)}
      onSubmit={(v) => s.fieldDone(f, v)}
      focus={inForm && s.focus === f}
      placeholder={T.placeholders[f]}
      width={width}
      labelWidth={LABEL_WIDTH}
    />
  );
  const choice = s.banks[s.bankIndex];
  const bankPrefix = `${s.focus === 'bank' ? '›' : ' '}${fitWidth(T.fields.bank, LABEL_WIDTH)} `;
  const bankText = choice ? `[${T.bankChoice(choice.bank, choice.station.hopperName, choice.station.remaining)}]${s.banks.length > 1 ? `  ${T.bankMore(s.bankIndex + 1, s.banks.length)}` : ''}` : '';
  return frame(
    <>
      {line('')}
      {field('name')}
      {field('printedName')}
      {field('idNumber')}
      <Text>
        {bankPrefix}
        {fitWidth(bankText, Math.max(0, width - displayWidth(bankPrefix)))}
      </Text>
      {field('cardNo')}
      {field('photo')}
      {line('')}
      {messageView}
      {line(T.formHint, undefined, { dim: true })}
      {line(T.loadHint, undefined, { dim: true })}
    </>,
  );

  function receiptLines(receipt: { path: string | null; error: string | null }): ReactNode {
    if (receipt.path) {
      return (
        <>
          {line(T.receiptSaved)}
          {wrapped(`  ${receipt.path}`)}
          {line('')}
        </>
      );
    }
    if (receipt.error) {
      return (
        <>
          {wrapped(receipt.error, 'red')}
          {line('')}
        </>
      );
    }
    return null;
  }
}
