import type { KeyHandler } from '../../keys/key-router.tsx';
import type { KeyEvent } from '../../keys/key-event.ts';
import { matches, type BindingId } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import type { useInstant } from '../../hooks/use-instant.ts';

type Instant = ReturnType<typeof useInstant>;
type Stray = ReturnType<typeof useStrayScan>;

/** The keys a step without a text field answers to (anything else typed there is a stray scan). */
const STEP_KEYS: readonly BindingId[] = ['instant.refresh', 'instant.face-good', 'instant.face-bad', 'instant.hand-stock', 'instant.receipt', 'help', 'quit'];

/** An interrupted job: Enter where nothing is to decide; G/B for the card's face; Enter/S whom it goes to. */
function jobKeys(s: Instant, e: KeyEvent): boolean {
  const job = s.job;
  if (!job) return false;
  if (job.needs === 'nothing') return matches('instant.job-resolve', e) ? (s.resolve({}), true) : false;
  if (job.needs === 'face_check' && !s.faceGood) {
    if (matches('instant.face-good', e)) return s.markFaceGood(), true;
    if (matches('instant.face-bad', e)) return s.resolve({ face: 'bad' }), true;
    return false;
  }
  const face = job.needs === 'face_check' ? ({ face: 'good' } as const) : {};
  if (matches('instant.hand-applicant', e)) return s.resolve({ ...face, handTo: 'applicant' }), true;
  if (matches('instant.hand-stock', e)) return s.resolve({ ...face, handTo: 'stock' }), true;
  return matches('back', e) && s.unmarkFace();
}

function formKeys(s: Instant, e: KeyEvent): boolean {
  if (matches('instant.start', e)) return s.start(), true;
  if (matches('instant.field', e)) return s.moveFocus(e.name === 'backtab' || e.name === 'up' ? -1 : 1), true;
  if (s.focus === 'idNumber' && matches('instant.id-type', e)) return s.moveIdType(1), true;
  if (s.focus !== 'bank') return false;
  if (matches('instant.bank', e)) return s.moveBank(e.name === 'left' ? -1 : 1), true;
  if (matches('instant.next', e)) return s.moveFocus(1), true;
  return false;
}

/** The result of a run: issued (P, Enter for the next applicant), failed (Enter retries) or void. */
function resultKeys(s: Instant, e: KeyEvent): boolean {
  const status = s.result?.status;
  if (status === 'issued') {
    if (matches('instant.receipt', e)) return s.saveReceipt(), true;
    if (matches('instant.new', e)) return s.next(), true;
  } else if (status === 'failed') {
    if (matches('instant.retry', e)) return s.retry(), true;
    if (matches('instant.to-form', e)) return s.backToForm(), true;
  } else if (matches('instant.void-back', e)) return s.backToForm(), true;
  return false;
}

function stepKeys(s: Instant, e: KeyEvent): boolean {
  switch (s.step) {
    case 'loading':
      return false;
    case 'off':
      return matches('instant.refresh', e) ? (s.reload(), true) : false;
    case 'job':
      return jobKeys(s, e);
    case 'resolved':
      if (s.resolved?.receipt && matches('instant.receipt', e)) return s.saveReceipt(), true;
      return matches('instant.continue', e) ? (s.afterResolved(), true) : false;
    case 'form':
      return formKeys(s, e);
    case 'result':
      return resultKeys(s, e);
    case 'error':
      return matches('instant.continue', e) ? (s.afterError(), true) : false;
    case 'running':
      return false;
  }
}

export function instantKeys(s: Instant, stray: Stray): KeyHandler {
  return (e) => {
    // Making a card or resolving a job: every key waits but help (and Ctrl+C, which asks first).
    if (s.step === 'running' || s.busy) return !(matches('help', e) || matches('quit-ctrl-c', e));
    if (s.step !== 'form' && stray.swallow(e, (k) => STEP_KEYS.some((id) => matches(id, k)))) return true;
    return stepKeys(s, e);
  };
}

/**
 * L opens 装入卡盒 where the hoppers are empty; on the form, before the applicant is typed in,
 * only Shift+L does, so a lower-case l typed as a name's first letter stays text.
 */
export function loadKey(s: Instant, onLoadHopper: () => void): KeyHandler {
  return (e) => (matches(s.loadFromForm() ? 'instant.load-form' : 'instant.load', e) && s.canOpenLoad() ? (onLoadHopper(), true) : false);
}
