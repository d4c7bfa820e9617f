import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import type { CountReview } from '../../hooks/use-count-review.ts';
import { answerQuestion } from '../shared/question-keys.ts';

type Stray = ReturnType<typeof useStrayScan>;

/** The review's keys, decided on the state the previous key left. */
export function countReviewKeys(r: CountReview, stray: Stray, onLeave: () => void): (e: KeyEvent) => boolean {
  return (e) => {
    const s = r.latest();
    if (s.mode === 'leave') return answerQuestion(stray, e, onLeave, r.cancelLeave);
    if (s.checking) return !matches('quit-ctrl-c', e);
    if (s.mode === 'review') {
      if (!s.clean && matches('count.diff-move', e)) return r.moveDiff(e.name === 'up' ? -1 : 1), true;
      if (s.focus === 'reason' && matches('count.reason-all', e)) return r.applyToRest(), true;
      if (matches('count.field', e)) return r.nextField(e.name === 'backtab' ? -1 : 1), true;
    }
    if (matches('back', e)) {
      if (!r.back()) onLeave();
      return true;
    }
    return false;
  };
}
