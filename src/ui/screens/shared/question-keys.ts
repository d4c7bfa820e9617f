import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';

type Stray = ReturnType<typeof useStrayScan>;

/**
 * A yes/no question owns the keyboard until it is answered: Y runs `yes`, N runs `no`, and
 * every other key is taken and ignored; a card scanned by habit is neither answer.
 */
export function answerQuestion(stray: Stray, e: KeyEvent, yes: () => void, no: () => void): true {
  if (stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
  if (matches('confirm.yes', e)) yes();
  else if (matches('confirm.no', e)) no();
  return true;
}
