import { zh } from '../../i18n/zh-CN.ts';

export type SettleStep = 'mark' | 'confirm' | 'leave' | 'done';
/** 已转交本人 (the holder signed the list), 单位代签 (the unit signed for the holder), 退回. */
export type Mark = 'delivered' | 'unit_signed' | 'returned';
export type SettleDone = { readonly delivered: number; readonly returned: number; readonly stillHeld: number };

/**
 * 结清集体代领: the marks made on the agent's cards, the card under the marker, the question
 * asked and the result. The cards themselves are read from the ledger; `version` says when to
 * read them again (after the settlement is written).
 */
export type SettleState = {
  readonly index: number;
  readonly marks: ReadonlyMap<string, Mark>;
  readonly step: SettleStep;
  readonly error: string | null;
  readonly done: SettleDone | null;
  readonly version: number;
  /** Chosen when the screen opens: a repeated confirmation settles once. */
  readonly operationId: string;
};

export type SettleAction =
  | { readonly type: 'move'; readonly delta: number; readonly count: number }
  /** D / R on `cardNo` (the card under the marker); the same mark again takes it off. */
  | { readonly type: 'mark'; readonly mark: Mark; readonly cardNo: string; readonly count: number }
  | { readonly type: 'ask-confirm' }
  | { readonly type: 'settled'; readonly done: SettleDone }
  | { readonly type: 'failed'; readonly error: string }
  | { readonly type: 'cancel-confirm' }
  | { readonly type: 'drop-marks' }
  | { readonly type: 'back' };

export function initialSettleState(operationId: string): SettleState {
  return { index: 0, marks: new Map(), step: 'mark', error: null, done: null, version: 0, operationId };
}

/** The marker's row among `count` cards (the list can shrink under it). */
export function settleIndex(s: SettleState, count: number): number {
  return Math.min(s.index, Math.max(0, count - 1));
}

export function marked(s: SettleState, m: Mark): string[] {
  return [...s.marks].filter(([, x]) => x === m).map(([no]) => no);
}

/** Esc leaves the screen (rather than closing a question or asking first). */
export function settleLeavesOnBack(s: SettleState): boolean {
  return s.step === 'done' || (s.step === 'mark' && s.marks.size === 0);
}

function toggle(marks: ReadonlyMap<string, Mark>, cardNo: string, m: Mark): ReadonlyMap<string, Mark> {
  const next = new Map(marks);
  if (next.get(cardNo) === m) next.delete(cardNo);
  else next.set(cardNo, m);
  return next;
}

export function settleReducer(s: SettleState, a: SettleAction): SettleState {
  switch (a.type) {
    case 'move':
      return { ...s, index: Math.max(0, Math.min(a.count - 1, settleIndex(s, a.count) + a.delta)) };
    case 'mark':
      // On to the next card, as a checklist is ticked.
      return { ...s, marks: toggle(s.marks, a.cardNo, a.mark), error: null, index: Math.min(a.count - 1, settleIndex(s, a.count) + 1) };
    case 'ask-confirm':
      return s.marks.size === 0 ? { ...s, error: zh.settle.nothingMarked } : { ...s, step: 'confirm' };
    case 'settled':
      return { ...s, done: a.done, step: 'done', version: s.version + 1 };
    case 'failed':
      return { ...s, error: a.error, step: 'mark' };
    case 'cancel-confirm':
      return { ...s, step: 'mark' };
    case 'drop-marks':
      return { ...s, marks: new Map(), step: 'mark' };
    case 'back':
      if (s.step === 'confirm' || s.step === 'leave') return { ...s, step: 'mark' };
      return s.step === 'mark' && s.marks.size > 0 ? { ...s, step: 'leave' } : s;
  }
}
