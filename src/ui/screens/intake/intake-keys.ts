import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { Intake } from '../../hooks/use-intake.ts';

/**
 * The intake screen's keys (PRIORITY.screen); the file field takes typing and its Enter itself.
 * Decided on the state the previous key left, not on the last render.
 */
export function intakeKeys(it: Intake, onCheckIn: (batch: string) => void): (e: KeyEvent) => boolean {
  return (e) => {
    const s = it.latest();
    const batch = s.result?.batch;
    if (s.phase === 'preview' && matches('intake.scroll', e)) return it.move(e.name === 'up' ? -1 : 1), true;
    if (s.phase === 'preview' && matches('intake.save-report', e)) return it.saveReport(), true;
    if (s.phase === 'preview' && matches('intake.import', e)) return it.confirm(), true;
    if (s.phase === 'done' && matches('intake.to-checkin', e) && batch) return onCheckIn(batch), true;
    if (matches('back', e) && it.back()) return true;
    return false;
  };
}
