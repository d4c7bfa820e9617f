/**
 * Undo on the scan screens that count against a list (入库清点, 签收): every scan that changed the
 * count is kept as a step with what it replaced, so Ctrl+Z takes back the last one, and again
 * the one before (a mistyped code would otherwise stay a 多出 discrepancy until the whole count
 * is dropped). Pure.
 */
import { undoStep, type CheckInSession, type ScanStep } from '../../domain/check-in-session.ts';
import { zh } from '../../i18n/zh-CN.ts';

/**
 * One scan as it can be taken back: what it changed in the session (null: nothing there, e.g. a
 * sign-in repeat kept outside it), the card that was "the last card" before it, and what the
 * operator reads when it is taken back.
 */
export type Taken = { readonly step: ScanStep | null; readonly lastCard: string | null; readonly text: string };

const U = zh.scanUndo;

/** What the operator reads after `step` was taken back. */
export function undoneText(step: ScanStep): string {
  switch (step.kind) {
    case 'card':
      return U.card(step.cardNo);
    case 'extra':
      return U.extra(step.cardNo);
    case 'repeat':
      return U.repeat(step.cardNo);
    case 'box':
      return U.box(step.box);
    case 'damage':
      return U.damage(step.cardNo);
  }
}

/** The taken-back entry for a scan that changed the session by `step`; null when it changed nothing. */
export function takenOf(step: ScanStep | null, lastCard: string | null): Taken | null {
  return step ? { step, lastCard, text: undoneText(step) } : null;
}

/** The last scan taken back: the session before it and the history without it; null when there is none. */
export function popTaken<T extends Taken>(session: CheckInSession, history: readonly T[]): { session: CheckInSession; history: readonly T[]; taken: T } | null {
  const taken = history.at(-1);
  if (!taken) return null;
  return { session: taken.step ? undoStep(session, taken.step) : session, history: history.slice(0, -1), taken };
}
