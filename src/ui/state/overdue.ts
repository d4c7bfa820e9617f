import type { OverdueRow, RecallStats } from '../../workflows/recall.ts';
import type { EndAction } from '../../domain/rule-profiles.ts';
import { RECALL_REASONS, type RecallReason } from '../../domain/recall-reasons.ts';
import type { OverdueTab } from '../hooks/use-navigation.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type OverdueMode = 'list' | 'recall' | 'end' | 'stats' | 'leave' | 'mail';
/** What the 邮寄中 dialog records: signed for with the SMS code, or brought back by the post. */
export type MailOutcome = 'delivered' | 'returned';
export type EndFocus = 'reason' | 'login' | 'pin';
export type Notice = { readonly level: 'ok' | 'error'; readonly text: string };
type Choosable = 'due' | 'cancel';
/** Where the screen goes once the operator agrees to drop the chosen cards. */
export type LeaveTarget = { readonly to: 'settle'; readonly ref: string } | { readonly to: 'new-pickup' } | { readonly to: 'home' };
/** The question before something is dropped: a dialog's typed text (then back to `back`), or the chosen cards. */
export type Leaving = { readonly what: 'form'; readonly back: OverdueMode } | { readonly what: 'selection'; readonly target: LeaveTarget };
export type EndFields = Readonly<Record<EndFocus, string>>;

/**
 * 逾期与回收: the row under the marker on each tab, the cards chosen on 应回收 and 待注销, the
 * dialog open (recall, cancel/seal, statistics) and what is typed in it. The lists are read from
 * the ledger; `version` says when to read them again (after a write).
 */
export type OverdueState = {
  readonly version: number;
  readonly selected: Readonly<Record<OverdueTab, number>>;
  readonly chosen: Readonly<Record<Choosable, ReadonlySet<string>>>;
  readonly mode: OverdueMode;
  readonly notice: Notice | null;
  readonly dialogError: string | null;
  /** Chosen when a dialog opens: a repeated confirmation acts once. */
  readonly operationId: string;
  readonly reasonIndex: number;
  readonly note: string;
  readonly action: EndAction;
  readonly end: EndFields;
  readonly endFocus: EndFocus;
  readonly checking: boolean;
  readonly stats: RecallStats | null;
  readonly leaving: Leaving | null;
  /** The 邮寄中 dialog: which outcome, for which card, and the code (delivered) or note (returned) typed. */
  readonly mail: { readonly outcome: MailOutcome; readonly cardNo: string; readonly text: string };
};

export type OverdueAction =
  | { readonly type: 'move'; readonly tab: OverdueTab; readonly delta: number; readonly count: number }
  | { readonly type: 'notice'; readonly notice: Notice | null }
  /** Space on `cardNo`, the card under the marker; the marker moves on as a checklist is ticked. */
  | { readonly type: 'toggle'; readonly tab: Choosable; readonly cardNo: string; readonly count: number }
  | { readonly type: 'toggle-all'; readonly tab: Choosable; readonly cardNos: readonly string[] }
  /** `only`: nothing was chosen, so the card under the marker is. */
  | { readonly type: 'open-recall'; readonly only: string | null; readonly reasonIndex: number; readonly operationId: string }
  | { readonly type: 'move-reason'; readonly delta: number }
  | { readonly type: 'set-note'; readonly value: string }
  | { readonly type: 'recalled'; readonly text: string }
  | { readonly type: 'dialog-error'; readonly text: string }
  | { readonly type: 'open-end'; readonly action: EndAction; readonly only: string | null; readonly operationId: string }
  | { readonly type: 'set-end'; readonly field: EndFocus; readonly value: string }
  | { readonly type: 'end-focus'; readonly field: EndFocus }
  | { readonly type: 'next-end-field'; readonly delta: number }
  | { readonly type: 'end-refused'; readonly field: EndFocus; readonly text: string }
  | { readonly type: 'checking'; readonly on: boolean }
  | { readonly type: 'ended'; readonly text: string }
  /** The approver or the write refused: the PIN is never kept after a failed attempt. */
  | { readonly type: 'end-failed'; readonly field: EndFocus; readonly text: string }
  | { readonly type: 'stats'; readonly stats: RecallStats }
  | { readonly type: 'close-dialog' }
  | { readonly type: 'ask-leave'; readonly target: LeaveTarget }
  | { readonly type: 'confirm-leave' }
  | { readonly type: 'cancel-leave' }
  | { readonly type: 'open-mail'; readonly outcome: MailOutcome; readonly cardNo: string; readonly operationId: string }
  | { readonly type: 'set-mail-text'; readonly value: string }
  /** Delivered or returned: back to the list, read again. */
  | { readonly type: 'mail-done'; readonly text: string };

const O = zh.overdue;
const END_FOCUS: readonly EndFocus[] = ['reason', 'login', 'pin'];
const NO_END: EndFields = { reason: '', login: '', pin: '' };

export function initialOverdueState(): OverdueState {
  return {
    version: 0,
    selected: { due: 0, warn: 0, pickups: 0, cancel: 0, mail: 0 },
    chosen: { due: new Set(), cancel: new Set() },
    mode: 'list',
    notice: null,
    dialogError: null,
    operationId: '',
    reasonIndex: 0,
    note: '',
    action: 'cancel',
    end: NO_END,
    endFocus: 'reason',
    checking: false,
    stats: null,
    leaving: null,
    mail: { outcome: 'delivered', cardNo: '', text: '' },
  };
}

export function reasonOf(s: OverdueState): RecallReason {
  return RECALL_REASONS[s.reasonIndex] ?? RECALL_REASONS[0]!;
}

/** The marker's row on `tab` among `count` rows (the list can shrink under it). */
export function indexOn(s: OverdueState, tab: OverdueTab, count: number): number {
  return Math.min(s.selected[tab], Math.max(0, count - 1));
}

/** The most common category among the chosen cards (the first one's on a tie). */
export function mainCategory(rows: readonly OverdueRow[]): OverdueRow['category'] {
  const n = new Map<OverdueRow['category'], number>();
  for (const r of rows) n.set(r.category, (n.get(r.category) ?? 0) + 1);
  let best = rows[0]?.category ?? 'unclaimed';
  for (const [c, k] of n) if (k > (n.get(best) ?? 0)) best = c;
  return best;
}

/** Something typed in the open dialog, which Esc would drop. */
function typedInDialog(s: OverdueState): boolean {
  if (s.mode === 'recall') return s.note.trim() !== '';
  if (s.mode === 'mail') return s.mail.text.trim() !== '';
  return s.mode === 'end' && (s.end.reason.trim() !== '' || s.end.login.trim() !== '' || s.end.pin !== '');
}

/** Why the cancel/seal cannot be checked yet (the row to fill), or null; the reason may be the suggested one. */
export function endRefusal(s: OverdueState, suggested: string): { field: EndFocus; text: string } | null {
  if (!(s.end.reason.trim() || suggested)) return { field: 'reason', text: O.reasonRequired };
  if (!s.end.login.trim()) return { field: 'login', text: O.approverRequired };
  if (!s.end.pin) return { field: 'pin', text: O.pinRequired };
  return null;
}

/** The next row still empty after `field`; none: all filled, check the approver and act. */
export function nextEmptyEndField(s: OverdueState, field: EndFocus, suggested: string): EndFocus | undefined {
  const filled: Record<EndFocus, boolean> = { reason: (s.end.reason.trim() || suggested) !== '', login: s.end.login.trim() !== '', pin: s.end.pin !== '' };
  const at = END_FOCUS.indexOf(field);
  return [...END_FOCUS.slice(at + 1), ...END_FOCUS.slice(0, at)].find((f) => !filled[f]);
}

function toggled(set: ReadonlySet<string>, cardNo: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(cardNo)) next.delete(cardNo);
  else next.add(cardNo);
  return next;
}

const withChosen = (s: OverdueState, tab: Choosable, set: ReadonlySet<string>): OverdueState => ({ ...s, chosen: { ...s.chosen, [tab]: set } });
const choose = (s: OverdueState, tab: Choosable, only: string | null): OverdueState => (only === null ? s : withChosen(s, tab, new Set([only])));
const cycle = (f: EndFocus, delta: number): EndFocus => END_FOCUS[(END_FOCUS.indexOf(f) + delta + END_FOCUS.length) % END_FOCUS.length]!;

function closeDialog(s: OverdueState): OverdueState {
  // Esc on the "放弃？" question itself (a second Esc typed ahead of the screen) is its "no":
  // back to the dialog with what was typed, never the drop.
  if (s.mode === 'leave') return cancelLeave(s);
  if (typedInDialog(s)) return { ...s, leaving: { what: 'form', back: s.mode }, mode: 'leave' };
  return { ...s, mode: 'list', dialogError: null };
}

function cancelLeave(s: OverdueState): OverdueState {
  return { ...s, mode: s.leaving?.what === 'form' ? s.leaving.back : 'list', leaving: null };
}

function confirmLeave(s: OverdueState): OverdueState {
  const form = s.leaving?.what === 'form';
  return { ...s, leaving: null, mode: 'list', dialogError: form ? null : s.dialogError };
}

/** The lists: the marker, the chosen cards, the notice. */
function onLists(s: OverdueState, a: OverdueAction): OverdueState {
  switch (a.type) {
    case 'move':
      return { ...s, selected: { ...s.selected, [a.tab]: Math.max(0, Math.min(a.count - 1, s.selected[a.tab] + a.delta)) } };
    case 'notice':
      // Tab clears the notice: no new state (and no render) when there is none.
      return s.notice === a.notice ? s : { ...s, notice: a.notice };
    case 'toggle': {
      const next = withChosen(s, a.tab, toggled(s.chosen[a.tab], a.cardNo));
      return { ...next, selected: { ...s.selected, [a.tab]: Math.min(a.count - 1, s.selected[a.tab] + 1) } };
    }
    case 'toggle-all':
      return withChosen(s, a.tab, a.cardNos.every((n) => s.chosen[a.tab].has(n)) ? new Set() : new Set(a.cardNos));
    case 'stats':
      return { ...s, stats: a.stats, mode: 'stats' };
    case 'close-dialog':
      return closeDialog(s);
    case 'ask-leave':
      return { ...s, leaving: { what: 'selection', target: a.target }, mode: 'leave' };
    case 'confirm-leave':
      return confirmLeave(s);
    case 'cancel-leave':
      return cancelLeave(s);
    default:
      return s;
  }
}

/** The recall dialog. */
function onRecall(s: OverdueState, a: OverdueAction): OverdueState {
  switch (a.type) {
    case 'open-recall':
      return { ...choose(s, 'due', a.only), reasonIndex: a.reasonIndex, note: '', dialogError: null, operationId: a.operationId, mode: 'recall' };
    case 'move-reason':
      return { ...s, reasonIndex: Math.max(0, Math.min(RECALL_REASONS.length - 1, s.reasonIndex + a.delta)), dialogError: null };
    case 'set-note':
      return { ...s, note: a.value, dialogError: null };
    case 'recalled':
      return { ...withChosen(s, 'due', new Set()), notice: { level: 'ok', text: a.text }, mode: 'list', version: s.version + 1 };
    case 'dialog-error':
      return { ...s, dialogError: a.text };
    default:
      return onLists(s, a);
  }
}

/** The 邮寄中 dialog: delivered with the SMS code, or returned (GD Art. 14 一(三), Art. 32 一(一)). */
function onMail(s: OverdueState, a: OverdueAction): OverdueState {
  switch (a.type) {
    case 'open-mail':
      return { ...s, mail: { outcome: a.outcome, cardNo: a.cardNo, text: '' }, operationId: a.operationId, dialogError: null, mode: 'mail' };
    case 'set-mail-text':
      return { ...s, mail: { ...s.mail, text: a.value }, dialogError: null };
    case 'mail-done':
      return { ...s, notice: { level: 'ok', text: a.text }, mode: 'list', version: s.version + 1 };
    default:
      return onRecall(s, a);
  }
}

export function overdueReducer(s: OverdueState, a: OverdueAction): OverdueState {
  switch (a.type) {
    case 'open-end':
      return { ...choose(s, 'cancel', a.only), end: NO_END, endFocus: 'reason', action: a.action, dialogError: null, operationId: a.operationId, mode: 'end' };
    case 'set-end':
      return { ...s, end: { ...s.end, [a.field]: a.value }, dialogError: null };
    case 'end-focus':
      return { ...s, endFocus: a.field };
    case 'next-end-field':
      return { ...s, endFocus: cycle(s.endFocus, a.delta) };
    case 'end-refused':
      return { ...s, endFocus: a.field, dialogError: a.text };
    case 'checking':
      return a.on ? { ...s, checking: true, dialogError: null } : { ...s, checking: false };
    case 'ended':
      return { ...withChosen(s, 'cancel', new Set()), notice: { level: 'ok', text: a.text }, mode: 'list', version: s.version + 1 };
    case 'end-failed':
      return { ...s, dialogError: a.text, end: { ...s.end, pin: '' }, endFocus: a.field };
    default:
      return onMail(s, a);
  }
}
