import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import type { CountScan } from '../../hooks/use-count-scan.ts';
import { answerQuestion } from '../shared/question-keys.ts';

type Stray = ReturnType<typeof useStrayScan>;

/** H names a hopper only while the scan field is empty (it sits just above the field's priority). */
export function hopperKey(s: CountScan): (e: KeyEvent) => boolean {
  return (e) => (matches('count.hopper', e) ? (s.openHopper(), true) : false);
}

/** The counting screen's keys, decided on the state the previous key left. */
export function countScanKeys(s: CountScan, stray: Stray, onLeave: () => void): (e: KeyEvent) => boolean {
  return (e) => {
    const mode = s.latest().mode;
    // A card scanned by habit must not submit the count or drop the input with its Enter.
    if (mode === 'submit' || mode === 'leave') return answerQuestion(stray, e, mode === 'submit' ? s.confirmSubmit : s.confirmLeave, s.cancelQuestion);
    if (mode === 'hopper') {
      if (stray.swallow(e, (k) => matches('help', k) || matches('quit', k))) return true;
      if (matches('count.hopper-move', e)) return s.moveHopper(e.name === 'up' ? -1 : 1), true;
      if (matches('count.pick-hopper', e)) return s.pickHopper(), true;
    }
    if (mode === 'scan' && matches('count.submit', e)) return s.askSubmit(), true;
    if ((mode === 'scan' || mode === 'qty') && matches('count.undo', e)) return s.undo(), true;
    if (matches('back', e)) {
      if (!s.back()) onLeave();
      return true;
    }
    return false;
  };
}
