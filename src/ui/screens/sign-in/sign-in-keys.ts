import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import type { SignIn } from '../../hooks/use-sign-in.ts';
import { answerQuestion } from '../shared/question-keys.ts';

type Stray = ReturnType<typeof useStrayScan>;

function resultKeys(s: SignIn, e: KeyEvent): boolean {
  if (matches('signin.field', e)) return s.nextField(e.name === 'backtab' ? -1 : 1), true;
  if (matches('signin.scroll', e)) return s.moveMissing(e.name === 'up' ? -1 : 1), true;
  if (s.latest().focus !== 'place') {
    if (matches('signin.person', e)) return s.pickPerson(e.name === 'left' ? -1 : 1), true;
    if (matches('signin.field-done', e)) return s.fieldDone(), true;
    return false;
  }
  if (matches('signin.place', e)) return s.cyclePlace(e.name === 'left' ? -1 : 1), true;
  if (matches('signin.close', e)) return s.sign(true), true;
  if (matches('signin.partial', e)) return s.sign(false), true;
  return false;
}

/** The sign-in screen's keys, decided on the state the previous key left. */
export function signInKeys(s: SignIn, stray: Stray, onLeave: () => void): (e: KeyEvent) => boolean {
  return (e) => {
    const { mode, focus } = s.latest();
    // A card scanned by habit on the result or a question must not sign or drop anything.
    if (mode === 'result' && focus === 'place' && stray.swallow(e, (k) => matches('signin.partial', k) || matches('help', k) || matches('quit', k))) {
      if (e.name === 'char' || e.name === 'scan') s.strayScan();
      return true;
    }
    if (mode === 'leave') return answerQuestion(stray, e, onLeave, s.cancelLeave);
    if (mode === 'scan' && matches('signin.submit', e)) return s.submitCount(), true;
    if ((mode === 'scan' || mode === 'box-count' || mode === 'damage-reason') && matches('signin.undo', e)) return s.undo(), true;
    if (mode === 'scan' && matches('signin.damaged', e)) return s.damaged(), true;
    if (mode === 'result' && resultKeys(s, e)) return true;
    if (matches('back', e) && s.back()) return true;
    return false;
  };
}
