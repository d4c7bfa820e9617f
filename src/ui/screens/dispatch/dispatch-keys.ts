import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import type { DispatchForm } from '../../hooks/use-dispatch.ts';
import { answerQuestion } from '../shared/question-keys.ts';

type Stray = ReturnType<typeof useStrayScan>;

function detailsKeys(d: DispatchForm, e: KeyEvent): boolean {
  const onMethod = d.latest().focus === 'method';
  if (matches('dispatch.field', e)) return d.nextField(e.name === 'backtab' ? -1 : 1), true;
  if (onMethod && matches('dispatch.method', e)) return d.cycleMethod(e.name === 'left' ? -1 : 1), true;
  if (onMethod && matches('dispatch.next', e)) return d.toConfirm(), true;
  return false;
}

/** The dispatch screen's keys, decided on the state the previous key left. */
export function dispatchKeys(d: DispatchForm, stray: Stray, destPage: number): (e: KeyEvent) => boolean {
  return (e) => {
    const step = d.latest().step;
    // A card scanned by habit on a question must not send the shipment or drop the list.
    if (step === 'confirm' || step === 'leave') return answerQuestion(stray, e, step === 'leave' ? d.dropList : d.confirm, d.back);
    if (step === 'dest') {
      if (matches('dispatch.move', e)) return d.moveDest(e.name === 'up' ? -1 : 1), true;
      if (matches('dispatch.page', e)) return d.moveDest(e.name === 'pageup' ? -destPage : destPage), true;
      if (matches('dispatch.pick', e)) return d.pickDest(), true;
      return false;
    }
    if (step === 'scan' && matches('dispatch.undo', e)) return d.undo(), true;
    if (step === 'details' && detailsKeys(d, e)) return true;
    if (matches('back', e) && d.back()) return true;
    return false;
  };
}
