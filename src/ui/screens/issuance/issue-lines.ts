import type { ReadState, Receiver } from '../../hooks/use-issuance.ts';
import type { IssueCandidate } from '../../../workflows/issue-card.ts';
import type { Message } from '../shared/message.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const I = zh.issuance;

/** A candidate card in the search's table. */
export type CandidateRow = { cardNo: string; holder: string; id: string; state: string; site: string; can: string; blocked: boolean };
export type ColoredText = { readonly text: string; readonly color?: string };

export function candidateRow(c: IssueCandidate): CandidateRow {
  return { cardNo: c.cardNo, holder: c.holderName ?? '-', id: c.holderIdMasked ?? '-', state: c.stateLabel, site: c.siteName, can: c.blocked ? I.cannot : I.can, blocked: c.blocked !== null };
}

/** The line under the list: why the selected card cannot be issued, or that Enter issues it. */
export function pickDetail(c: IssueCandidate | undefined): ColoredText {
  if (!c) return { text: '' };
  return c.blocked ? { text: I.blocked(c.cardNo, c.blocked), color: 'red' } : { text: I.pickHint, color: 'green' };
}

/** The read-check line: no reader, idle, reading, or what the chip said. */
export function readLine(read: ReadState, hasReader: boolean, label: string | null): ColoredText {
  if (!hasReader) return { text: I.readerNone, color: 'yellow' };
  switch (read.kind) {
    case 'none':
      return { text: I.readerIdle(label ?? '') };
    case 'reading':
      return { text: I.reading, color: 'yellow' };
    case 'passed':
      return { text: I.readPassed, color: 'green' };
    case 'mismatch':
      return { text: I.readMismatch(read.text), color: 'red' };
    case 'chip-fault':
      return { text: I.readChipFault(read.message), color: 'red' };
    case 'fault':
      return { text: I.readFault(read.message), color: 'yellow' };
  }
}

/** `[1 本人]  2 代领   3 邮寄 `: the chosen receiver in brackets. */
export function receiverChoices(chosen: Receiver): string {
  return (['self', 'agent', 'mail'] as const).map((r, i) => (r === chosen ? `[${i + 1} ${I.receivers[r]}]` : ` ${i + 1} ${I.receivers[r]} `)).join(' ');
}

export function messageText(m: Message | null): string {
  return m?.text ?? '';
}
