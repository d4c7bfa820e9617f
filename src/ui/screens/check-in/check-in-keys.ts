import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { CheckIn } from '../../hooks/use-check-in.ts';

/** The check-in screen's keys, decided on the state the previous key left. */
export function checkInKeys(c: CheckIn, onLeave: () => void): (e: KeyEvent) => boolean {
  return (e) => {
    const mode = c.latest().mode;
    if (mode === 'pick') {
      if (matches('checkin.move', e)) return c.movePick(e.name === 'up' ? -1 : 1), true;
      if (matches('checkin.pick', e)) return c.pick(), true;
      return false;
    }
    if (mode === 'leave' || mode === 'confirm') {
      if (matches('confirm.yes', e)) return mode === 'leave' ? onLeave() : c.confirm(), true;
      if (matches('confirm.no', e)) return c.cancelConfirm(), true;
      return true; // the question owns the keyboard until answered
    }
    if (matches('checkin.undo', e)) return c.undo(), true;
    if (matches('checkin.damaged', e)) return c.damaged(), true;
    if (matches('checkin.place', e)) return c.nextPlace(), true;
    if (matches('checkin.custodian', e)) return c.nextCustodian(), true;
    if (matches('back', e) && c.back()) return true;
    return false;
  };
}
