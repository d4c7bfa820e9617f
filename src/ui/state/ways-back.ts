/**
 * 退回与销毁 on the recall screen: the re-make list's marker, the take-back form (card number,
 * reason with ←→, the giver's name) and the destruction hand-over form (scanned cards, the
 * operator's count, the bank's receiver, the reason, the approver's 工号 and PIN). Pure.
 * Each form's operation id is chosen when it is (re)opened: a repeated Enter acts once.
 */
import type { WaysTab } from '../hooks/use-navigation.ts';
import type { TakeBackReason } from '../../i18n/workflows/ways-back.ts';

export type { WaysTab };
export type Notice = { readonly level: 'ok' | 'error'; readonly text: string };
export type TakeBackField = 'cardNo' | 'reason' | 'from';
export type DestroyField = 'scan' | 'count' | 'receiver' | 'reason' | 'login' | 'pin';
export type ScannedCard = { readonly cardNo: string; readonly kind: 'finished' | 'prefab'; readonly stateLabel: string };

export const TAKE_BACK_FIELDS: readonly TakeBackField[] = ['cardNo', 'reason', 'from'];
export const DESTROY_FIELDS: readonly DestroyField[] = ['scan', 'count', 'receiver', 'reason', 'login', 'pin'];
/** The order ←→ steps through (GD Art. 32 一(一): 换发的旧卡、注销的卡; a found card). */
export const TAKE_BACK_REASON_ORDER: readonly TakeBackReason[] = ['replacement', 'cancellation', 'found'];

export type TakeBackForm = { readonly cardNo: string; readonly from: string; readonly reasonIndex: number; readonly focus: TakeBackField; readonly operationId: string };
export type DestroyForm = {
  readonly cards: readonly ScannedCard[];
  readonly scan: string;
  readonly count: string;
  readonly receiver: string;
  readonly reason: string;
  readonly login: string;
  readonly pin: string;
  readonly focus: DestroyField;
  readonly operationId: string;
};

export type WaysState = {
  readonly version: number;
  readonly remakeIndex: number;
  readonly takeBack: TakeBackForm;
  readonly destroy: DestroyForm;
  readonly notice: Notice | null;
  /** Under the notice: where the last hand-over's sheet was saved. */
  readonly sheetPath: string | null;
  /** Esc with something typed or scanned: asking before it is dropped. */
  readonly leaving: boolean;
};

export type WaysAction =
  | { readonly type: 'move-remake'; readonly delta: number; readonly count: number }
  | { readonly type: 'notice'; readonly notice: Notice | null }
  /** M on the re-make list was written: the list is read again. */
  | { readonly type: 'remake-ordered'; readonly text: string }
  | { readonly type: 'ask-leave' }
  | { readonly type: 'cancel-leave' }
  | { readonly type: 'tb-set'; readonly field: 'cardNo' | 'from'; readonly value: string }
  | { readonly type: 'tb-focus'; readonly field: TakeBackField }
  | { readonly type: 'tb-reason'; readonly delta: number }
  | { readonly type: 'tb-failed'; readonly field: TakeBackField; readonly text: string }
  | { readonly type: 'tb-done'; readonly text: string; readonly operationId: string }
  | { readonly type: 'd-set'; readonly field: DestroyField; readonly value: string }
  | { readonly type: 'd-focus'; readonly field: DestroyField }
  | { readonly type: 'd-add'; readonly card: ScannedCard; readonly text: string }
  | { readonly type: 'd-undo'; readonly text: string }
  /** The hand-over or the approver refused: the PIN is never kept after a failed attempt. */
  | { readonly type: 'd-failed'; readonly field: DestroyField; readonly text: string }
  | { readonly type: 'd-done'; readonly text: string; readonly sheetPath: string | null; readonly operationId: string };

const emptyTakeBack = (operationId: string, reasonIndex = 0): TakeBackForm => ({ cardNo: '', from: '', reasonIndex, focus: 'cardNo', operationId });
const emptyDestroy = (operationId: string): DestroyForm => ({ cards: [], scan: '', count: '', receiver: '', reason: '', login: '', pin: '', focus: 'scan', operationId });

export function initialWaysState(takeBackOp: string, destroyOp: string): WaysState {
  return { version: 0, remakeIndex: 0, takeBack: emptyTakeBack(takeBackOp), destroy: emptyDestroy(destroyOp), notice: null, sheetPath: null, leaving: false };
}

/** The field `delta` steps from `at` in `order`, wrapping. */
export function stepField<F>(order: readonly F[], at: F, delta: number): F {
  return order[(order.indexOf(at) + delta + order.length) % order.length]!;
}

export const takeBackReason = (s: WaysState): TakeBackReason => TAKE_BACK_REASON_ORDER[s.takeBack.reasonIndex] ?? 'replacement';

/** The first take-back field still empty, or null when the form may be submitted. */
export function takeBackMissing(f: TakeBackForm): TakeBackField | null {
  if (!f.cardNo.trim()) return 'cardNo';
  if (!f.from.trim()) return 'from';
  return null;
}

/** The first hand-over field still empty (the scan list counts as the scan field), or null. */
export function destroyMissing(f: DestroyForm): DestroyField | null {
  if (f.cards.length === 0) return 'scan';
  return (['count', 'receiver', 'reason', 'login', 'pin'] as const).find((k) => !f[k].trim()) ?? null;
}

/** Whether anything is typed or scanned that Esc would drop. */
export function formTyped(s: WaysState, tab: WaysTab): boolean {
  if (tab === 'takeback') return s.takeBack.cardNo.trim() !== '' || s.takeBack.from.trim() !== '';
  if (tab === 'destroy') return s.destroy.cards.length > 0 || DESTROY_FIELDS.some((k) => k !== 'scan' && s.destroy[k] !== '') || s.destroy.scan !== '';
  return false;
}

function onTakeBack(s: WaysState, a: WaysAction): WaysState {
  const f = s.takeBack;
  switch (a.type) {
    case 'tb-set':
      return { ...s, takeBack: { ...f, [a.field]: a.value } };
    case 'tb-focus':
      return { ...s, takeBack: { ...f, focus: a.field } };
    case 'tb-reason': {
      const n = TAKE_BACK_REASON_ORDER.length;
      return { ...s, takeBack: { ...f, reasonIndex: (f.reasonIndex + a.delta + n) % n } };
    }
    case 'tb-failed':
      return { ...s, takeBack: { ...f, focus: a.field }, notice: { level: 'error', text: a.text } };
    case 'tb-done':
      // The reason stays: several old cards of one kind of visit come in a row.
      return { ...s, takeBack: emptyTakeBack(a.operationId, f.reasonIndex), notice: { level: 'ok', text: a.text }, version: s.version + 1 };
    case 'remake-ordered':
      return { ...s, notice: { level: 'ok', text: a.text }, version: s.version + 1 };
    default:
      return s;
  }
}

function onDestroy(s: WaysState, a: WaysAction): WaysState {
  const f = s.destroy;
  switch (a.type) {
    case 'd-set':
      return { ...s, destroy: { ...f, [a.field]: a.value } };
    case 'd-focus':
      return { ...s, destroy: { ...f, focus: a.field } };
    case 'd-add':
      return { ...s, destroy: { ...f, scan: '', cards: f.cards.some((c) => c.cardNo === a.card.cardNo) ? f.cards : [...f.cards, a.card] }, notice: { level: 'ok', text: a.text } };
    case 'd-undo':
      return { ...s, destroy: { ...f, cards: f.cards.slice(0, -1) }, notice: { level: 'ok', text: a.text } };
    case 'd-failed':
      return { ...s, destroy: { ...f, pin: '', focus: a.field }, notice: { level: 'error', text: a.text } };
    case 'd-done':
      return { ...s, destroy: emptyDestroy(a.operationId), notice: { level: 'ok', text: a.text }, sheetPath: a.sheetPath, version: s.version + 1 };
    default:
      return onTakeBack(s, a);
  }
}

export function waysReducer(s: WaysState, a: WaysAction): WaysState {
  switch (a.type) {
    case 'ask-leave':
      return { ...s, leaving: true };
    case 'cancel-leave':
      return { ...s, leaving: false };
    case 'move-remake':
      return { ...s, remakeIndex: Math.max(0, Math.min(a.count - 1, s.remakeIndex + a.delta)) };
    case 'notice':
      return s.notice === a.notice && (a.notice !== null || s.sheetPath === null) ? s : { ...s, notice: a.notice, sheetPath: a.notice === null ? null : s.sheetPath };
    default:
      return onDestroy(s, a);
  }
}
