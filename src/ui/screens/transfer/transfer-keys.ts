import type { KeyHandler } from '../../keys/key-router.tsx';
import { matches, type ContextId } from '../../keys/registry.ts';
import type { KeyEvent } from '../../keys/key-event.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import { hasWork, type TransferState } from '../../state/transfer.ts';
import type { useTransfer } from '../../hooks/use-transfer.ts';

type Transfer = ReturnType<typeof useTransfer>;
type Stray = ReturnType<typeof useStrayScan>;

/** The key context of the page's step and focused row (the footer and `?` help read it). */
export function transferContext(s: Pick<TransferState, 'step' | 'mode' | 'focus'>): ContextId {
  if (s.step === 'done') return 'transfer-done';
  if (s.step === 'leave') return 'confirm';
  if (s.focus === 'scan') return 'transfer-scan';
  if (s.focus === 'pin') return 'transfer-pin';
  return s.mode === 'places' ? 'transfer' : 'transfer-handover';
}

const passesQuestion = (e: KeyEvent): boolean => matches('help', e) || matches('quit', e) || matches('quit-ctrl-c', e);

function leaveKeys(t: Transfer, stray: Stray, onLeave: () => void, e: KeyEvent): boolean {
  if (stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
  if (matches('confirm.yes', e)) return onLeave(), true;
  if (matches('confirm.no', e)) return t.cancelLeave(), true;
  return !passesQuestion(e);
}

function formKeys(t: Transfer, e: KeyEvent): boolean {
  const s = t.latest();
  // A scan while a choice row has focus (the scan field takes its own): the card or box is added.
  if (e.name === 'scan') return t.scan(e.char), true;
  if (matches('transfer.submit', e)) return t.submit(), true;
  if (matches('transfer.undo', e)) return t.undo(), true;
  if (matches('transfer.field', e)) return t.moveFocus(e.name === 'backtab' || e.name === 'up' ? -1 : 1), true;
  if (matches('transfer.pick', e) && s.focus !== 'scan' && s.focus !== 'pin') return t.pick(e.name === 'left' ? -1 : 1), true;
  // Esc with something scanned or typed asks before dropping it; otherwise the shell goes back.
  if (matches('back', e) && hasWork(s)) return t.askLeave(), true;
  return false;
}

export function transferKeys(t: Transfer, stray: Stray, onLeave: () => void): KeyHandler {
  return (e) => {
    const s = t.latest();
    if (s.step === 'done') return matches('transfer.again', e) ? (t.again(), true) : false;
    if (s.step === 'leave') return leaveKeys(t, stray, onLeave, e);
    return formKeys(t, e);
  };
}
