/**
 * A failed input check (src/domain: identity numbers, names, card numbers) raised as an error.
 * The check's code stays the error's code (tests and `--json` read it) and its words stay, said
 * of the person concerned; the catalogue has one entry per code and use
 * (src/i18n/errors/workflows-custody.ts).
 */
import { SbkError } from '../domain/errors.ts';
import { isErrorKey, type ErrorKey } from '../i18n/error-messages.ts';

/** Who or what the checked input was: the catalogue variant the message is said in. */
export type CheckedFor = 'instantApplicant' | 'instantPhoto' | 'instantName' | 'instantCardNo' | 'consumeHolder' | 'deceasedReport';

type ReraisedKey = Extract<ErrorKey, `${string}.${CheckedFor}`>;

export function checkFailed(r: { readonly code: string; readonly message: string }, checkedFor: CheckedFor): SbkError {
  const key = `${r.code}.${checkedFor}`;
  // A code the catalogue does not list yet still says the check's words, under a generic code.
  const known: ReraisedKey = isErrorKey(key) ? (key as ReraisedKey) : `INPUT_INVALID.${checkedFor}`;
  return new SbkError(known, { problem: r.message });
}
