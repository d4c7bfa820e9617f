import type { KeyHandler } from '../../keys/key-router.tsx';
import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import type { useWaysBack } from '../../hooks/use-ways-back.ts';
import type { OverdueTab, WaysTab } from '../../hooks/use-navigation.ts';
import { formTyped } from '../../state/ways-back.ts';
import { answerQuestion } from '../shared/question-keys.ts';
import { nextTab } from './ways-back-lines.ts';

type Ways = ReturnType<typeof useWaysBack>;
type Stray = ReturnType<typeof useStrayScan>;
export type WaysKeyContext = { tab: WaysTab; page: number; onTab: (tab: OverdueTab | WaysTab) => void; onLeave: () => void };

const helpOrQuit = (k: KeyEvent): boolean => matches('help', k) || matches('quit', k);
const up = (e: KeyEvent): boolean => e.name === 'up' || e.name === 'backtab';

/** Keys of the page whose row has no text field: the list, or the take-back form's reason row. */
function rowKeys(w: Ways, stray: Stray, k: WaysKeyContext, e: KeyEvent): boolean {
  if (k.tab === 'remake') {
    // A card scanned by habit on the list is not a command.
    if (stray.swallow(e, (x) => helpOrQuit(x) || matches('ways.order', x))) return true;
    if (matches('ways.order', e)) return w.orderSelected(), true;
    if (matches('ways.move', e)) return w.move(up(e) ? -1 : 1), true;
    if (matches('ways.page', e)) return w.move(e.name === 'pageup' ? -k.page : k.page), true;
    return false;
  }
  if (k.tab === 'takeback' && w.latest().takeBack.focus === 'reason') {
    if (matches('ways.reason', e)) return w.moveReason(e.name === 'left' ? -1 : 1), true;
    if (matches('ways.submit', e)) return w.takeBackDone('reason'), true;
    // A scan typed here would be lost: it belongs in the card number field.
    if (stray.swallow(e, helpOrQuit)) return true;
  }
  return false;
}

export function waysKeys(w: Ways, stray: Stray, k: WaysKeyContext): KeyHandler {
  return (e) => {
    const s = w.latest();
    if (s.leaving) return answerQuestion(stray, e, k.onLeave, w.cancelLeave);
    if (matches('ways.tab', e)) {
      w.clearNotice();
      k.onTab(nextTab(k.tab, e.name === 'backtab' ? -1 : 1));
      return true;
    }
    if (matches('back', e)) return formTyped(s, k.tab) ? w.askLeave() : k.onLeave(), true;
    if (rowKeys(w, stray, k, e)) return true;
    if (k.tab === 'takeback' && matches('ways.field', e)) return w.takeBackField(up(e) ? -1 : 1), true;
    if (k.tab === 'destroy' && matches('ways.field', e)) return w.destroyField(up(e) ? -1 : 1), true;
    if (k.tab === 'destroy' && matches('ways.undo', e)) return w.undoScan(), true;
    return false;
  };
}
