import type { KeyHandler } from '../../keys/key-router.tsx';
import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import type { Receiver, useIssuance } from '../../hooks/use-issuance.ts';
import { answerQuestion } from '../shared/question-keys.ts';

type Issuance = ReturnType<typeof useIssuance>;

const RECEIVERS: readonly Receiver[] = ['self', 'agent', 'mail'];

/** The receiver a key chooses: its digit, or the next (→) or previous (←) one. */
function receiverFor(now: Receiver, e: KeyEvent): Receiver {
  const digit = RECEIVERS[Number(e.char) - 1];
  if (digit) return digit;
  const step = e.name === 'left' ? -1 : 1;
  return RECEIVERS[(RECEIVERS.indexOf(now) + step + RECEIVERS.length) % RECEIVERS.length]!;
}
type Stray = ReturnType<typeof useStrayScan>;

const helpOrQuit = (k: KeyEvent): boolean => matches('help', k) || matches('quit', k);

/** The list of cards found: ↑↓ and Enter (a card scanned by habit must not choose the selected one). */
function pickKeys(s: Issuance, stray: Stray, e: KeyEvent): boolean | null {
  if (stray.swallow(e, helpOrQuit)) return true;
  if (matches('issue.move', e)) return s.movePick(e.name === 'up' ? -1 : 1), true;
  if (matches('issue.choose', e)) return s.choose(), true;
  return null;
}

/** The form: Tab between rows, Ctrl+R reads; on the 领取人 row 1/2 or ←→ choose, R reads, Enter issues. */
function formKeys(s: Issuance, stray: Stray, e: KeyEvent): boolean | null {
  if (matches('issue.field', e)) return s.moveFocus(e.name === 'backtab' || e.name === 'up' ? -1 : 1), true;
  if (matches('issue.read-edit', e)) return void s.readCheck(), true;
  if (s.focus === 'agentId' && matches('issue.agent-id-type', e)) return s.cycleAgentIdType(), true;
  if (s.focus !== 'receiver') return null;
  if (stray.swallow(e, (k) => matches('issue.receiver', k) || matches('issue.read', k) || helpOrQuit(k))) return true;
  if (matches('issue.receiver', e)) {
    // 1 本人, 2 代领, 3 邮寄; ←→ step through them.
    s.setReceiver(receiverFor(s.receiver, e));
    return true;
  }
  if (matches('issue.read', e)) return void s.readCheck(), true;
  if (matches('issue.submit', e)) return s.issue(), true;
  return null;
}

function stepKeys(s: Issuance, stray: Stray, e: KeyEvent): boolean | null {
  switch (s.step) {
    case 'query':
      return null; // the field takes typing, Enter, Ctrl+U and Ctrl+W itself
    case 'pick':
      return pickKeys(s, stray, e);
    case 'form':
      return formKeys(s, stray, e);
    case 'done':
    case 'condemned':
      return stray.swallow(e, helpOrQuit) ? true : null;
    default:
      return null;
  }
}

export function issuanceKeys(s: Issuance, stray: Stray, onLedger?: () => void): KeyHandler {
  return (e) => {
    if (s.step === 'query' && onLedger && matches('issue.ledger', e)) return onLedger(), true;
    // Reading the card or writing the issue: the keys wait (Ctrl+C and the global keys still work).
    if (s.busy) return !matches('quit-ctrl-c', e);
    // Esc with something typed: Y drops it, N returns to the form.
    if (s.step === 'leave') return answerQuestion(stray, e, s.dropForm, s.cancelLeave);
    const handled = stepKeys(s, stray, e);
    if (handled !== null) return handled;
    return matches('back', e) && s.back();
  };
}
