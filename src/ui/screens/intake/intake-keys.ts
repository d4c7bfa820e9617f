import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import type { Intake } from '../../hooks/use-intake.ts';
import { isInvalidPreview } from '../../state/intake.ts';

type Stray = ReturnType<typeof useStrayScan>;

const up = (e: KeyEvent): number => (e.name === 'up' ? -1 : 1);

/** Keys that still work while the question is asked: its answers, help and quit. */
const questionKey = (e: KeyEvent): boolean =>
  matches('intake.other-city-yes', e) || matches('intake.other-city-no', e) || matches('help', e) || matches('quit', e);

/**
 * The question before a file for another city owns the keyboard (PRIORITY.modal): Y imports,
 * N or Esc does not; a scan, or the Enter that asked pressed again, answers nothing.
 */
function otherCityKeys(it: Intake, stray: Stray, e: KeyEvent): boolean {
  if (stray.swallow(e, questionKey)) return true;
  if (matches('intake.other-city-yes', e)) return it.importOtherCity(), true;
  if (matches('intake.other-city-no', e)) return it.keepOut(), true;
  return !(matches('help', e) || matches('quit', e) || matches('quit-ctrl-c', e));
}

/**
 * The intake screen's keys; the path field takes typing and its Enter itself. Decided on the
 * state the previous key left, not on the last render. A file with problems has no import key:
 * Enter reads it again.
 */
export function intakeKeys(it: Intake, stray: Stray, onCheckIn: (batch: string) => void): (e: KeyEvent) => boolean {
  return (e) => {
    const s = it.latest();
    const batch = s.result?.batch;
    const invalid = isInvalidPreview(s);
    if (s.phase === 'other-city') return otherCityKeys(it, stray, e);
    if (s.phase === 'file' && matches('intake.complete', e)) return it.complete(), true;
    if (s.phase === 'pick' && matches('intake.pick-move', e)) return it.pickMove(up(e)), true;
    if (s.phase === 'pick' && matches('intake.pick', e)) return it.pick(), true;
    if (invalid && matches('intake.scroll', e)) return it.move(up(e)), true;
    if (invalid && matches('intake.save-report', e)) return it.saveReport(), true;
    if (invalid && matches('intake.reread', e)) return it.reread(), true;
    if (s.phase === 'preview' && !invalid && matches('intake.import', e)) return it.confirm(), true;
    if (s.phase === 'done' && matches('intake.to-checkin', e) && batch) return onCheckIn(batch), true;
    if (matches('back', e) && it.back()) return true;
    return false;
  };
}
