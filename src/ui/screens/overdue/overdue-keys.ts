import type { KeyHandler } from '../../keys/key-router.tsx';
import type { KeyEvent } from '../../keys/key-event.ts';
import { matches, type BindingId } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import type { LeaveTarget, useOverdue } from '../../hooks/use-overdue.ts';
import type { OverdueTab, WaysTab } from '../../hooks/use-navigation.ts';
import { nextTab } from './ways-back-lines.ts';
import { answerQuestion } from '../shared/question-keys.ts';

type Overdue = ReturnType<typeof useOverdue>;
type Stray = ReturnType<typeof useStrayScan>;
/** What the keys act on besides the hook: the tab, the table's page, and where the screen can go. */
export type OverdueKeyContext = { tab: OverdueTab; canSeal: boolean; page: number; onTab: (tab: OverdueTab | WaysTab) => void; go: (target: LeaveTarget) => void };

/** Printable keys that are commands on the lists; other text (a card scanned by habit) is ignored. */
const LIST_COMMANDS: readonly BindingId[] = ['overdue.toggle', 'overdue.all', 'overdue.recall', 'overdue.stats', 'overdue.new-pickup', 'overdue.cancel', 'overdue.seal', 'overdue.mail-delivered', 'overdue.mail-returned', 'help', 'quit'];
const helpOrQuit = (k: KeyEvent): boolean => matches('help', k) || matches('quit', k);

function dialogKeys(o: Overdue, stray: Stray, e: KeyEvent): boolean {
  const mode = o.latest().mode;
  if (mode === 'stats') return matches('overdue.stats-close', e) ? (o.closeDialog(), true) : false;
  // The 邮寄中 dialog's field takes typing and Enter itself.
  if (mode === 'mail') return matches('overdue.dialog-close', e) ? (o.closeDialog(), true) : false;
  if (mode === 'recall') {
    const typing = o.reason.code === 'other';
    // A card scanned by habit must not confirm the recall with its Enter.
    if (!typing && stray.swallow(e, helpOrQuit)) return true;
    if (matches('overdue.reason', e)) return o.moveReason(e.name === 'up' ? -1 : 1), true;
    if (!typing && matches('overdue.recall-confirm', e)) return o.confirmRecall(), true;
    return matches('overdue.dialog-close', e) ? (o.closeDialog(), true) : false;
  }
  if (matches('overdue.end-field', e)) return o.nextEndField(e.name === 'backtab' || e.name === 'up' ? -1 : 1), true;
  return matches('overdue.dialog-close', e) ? (o.closeDialog(), true) : false;
}

/** Keys of one tab: choosing on 应回收 and 待注销, recall and statistics, the pickups, cancel and seal. */
function tabKeys(o: Overdue, k: OverdueKeyContext, e: KeyEvent): boolean | null {
  const { tab } = k;
  if ((tab === 'due' || tab === 'cancel') && matches('overdue.toggle', e)) return o.toggle(), true;
  if ((tab === 'due' || tab === 'cancel') && matches('overdue.all', e)) return o.toggleAll(), true;
  if (tab === 'due' && matches('overdue.recall', e)) return o.openRecall(), true;
  if (tab === 'due' && matches('overdue.stats', e)) return o.openStats(), true;
  if (tab === 'pickups' && matches('overdue.settle', e)) {
    const p = o.lists.pickups[o.index];
    if (p) leave(o, k, { to: 'settle', ref: p.ref });
    return true;
  }
  if (tab === 'pickups' && matches('overdue.new-pickup', e)) return leave(o, k, { to: 'new-pickup' }), true;
  if (tab === 'mail' && matches('overdue.mail-delivered', e)) return o.openMail('delivered'), true;
  if (tab === 'mail' && matches('overdue.mail-returned', e)) return o.openMail('returned'), true;
  if (tab === 'cancel' && matches('overdue.cancel', e)) return o.openEnd('cancel'), true;
  if (tab === 'cancel' && k.canSeal && matches('overdue.seal', e)) return o.openEnd('seal'), true;
  return null;
}

/** Y to dropping the chosen cards: on to where the operator was going (nothing after a dialog's question). */
function goAfter(target: LeaveTarget | null, k: OverdueKeyContext): void {
  if (target) k.go(target);
}

/** Goes now, or asks first when cards are chosen. */
function leave(o: Overdue, k: OverdueKeyContext, target: LeaveTarget): void {
  if (o.guardLeave(target)) k.go(target);
}

function listKeys(o: Overdue, stray: Stray, k: OverdueKeyContext, e: KeyEvent): boolean {
  if (stray.swallow(e, (x) => LIST_COMMANDS.some((id) => matches(id, x)))) return true;
  if (matches('overdue.tab', e)) {
    o.clearNotice();
    // On from 待注销 to the ways back (重制清单, 收回旧卡, 销毁移交) and round.
    k.onTab(nextTab(k.tab, e.name === 'backtab' ? -1 : 1));
    return true;
  }
  if (matches('overdue.move', e)) return o.move(e.name === 'up' ? -1 : 1), true;
  if (matches('overdue.page', e)) return o.move(e.name === 'pageup' ? -k.page : k.page), true;
  const handled = tabKeys(o, k, e);
  if (handled !== null) return handled;
  if (matches('back', e)) return leave(o, k, { to: 'home' }), true;
  return false;
}

export function overdueKeys(o: Overdue, stray: Stray, k: OverdueKeyContext): KeyHandler {
  return (e) => {
    // Decided on the state the previous key left: a second Esc typed ahead answers the question.
    const mode = o.latest().mode;
    if (mode === 'leave') return answerQuestion(stray, e, () => goAfter(o.confirmLeave(), k), o.cancelLeave);
    if (o.checking) return !matches('quit-ctrl-c', e);
    if (mode !== 'list') return dialogKeys(o, stray, e);
    return listKeys(o, stray, k, e);
  };
}
