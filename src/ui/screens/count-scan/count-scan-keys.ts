import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import type { CountScan } from '../../hooks/use-count-scan.ts';

type Stray = ReturnType<typeof useStrayScan>;

/** H names a hopper only while the scan field is empty (it sits just above the field's priority). */
export function hopperKey(s: CountScan): (e: KeyEvent) => boolean {
  return (e) => (matches('count.hopper', e) ? (s.openHopper(), true) : false);
}

function questionKeys(s: CountScan, e: KeyEvent, stray: Stray, submitting: boolean): boolean {
  // A card scanned by habit must not submit the count or drop the input with its Enter.
  if (stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
  if (matches('confirm.yes', e)) return submitting ? s.confirmSubmit() : s.confirmLeave(), true;
  if (matches('confirm.no', e)) return s.cancelQuestion(), true;
  return true; // the question owns the keyboard until answered
}

/** The counting screen's keys, decided on the state the previous key left. */
export function countScanKeys(s: CountScan, stray: Stray, onLeave: () => void): (e: KeyEvent) => boolean {
  return (e) => {
    const mode = s.latest().mode;
    if (mode === 'submit' || mode === 'leave') return questionKeys(s, e, stray, mode === 'submit');
    if (mode === 'hopper') {
      if (stray.swallow(e, (k) => matches('help', k) || matches('quit', k))) return true;
      if (matches('count.hopper-move', e)) return s.moveHopper(e.name === 'up' ? -1 : 1), true;
      if (matches('count.pick-hopper', e)) return s.pickHopper(), true;
    }
    if (mode === 'scan' && matches('count.submit', e)) return s.askSubmit(), true;
    if (matches('back', e)) {
      if (!s.back()) onLeave();
      return true;
    }
    return false;
  };
}
