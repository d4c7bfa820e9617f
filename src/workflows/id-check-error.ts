/**
 * An ID document that failed its check at the counter, as the error the operator sees. The code
 * (ID_CHECKSUM, ID_FORMAT, …) and the message come from the domain's check
 * (src/domain/id-documents.ts), which renders its own text; the counter only says whose
 * document it was. Tests and `--json` rely on the check's code, so it is kept as it is.
 */
import { SbkError } from '../domain/errors.ts';
import { issuanceText } from '../i18n/workflows/issuance.ts';

export type IdOwner = keyof typeof issuanceText.idOf;

export function idCheckError(owner: IdOwner | null, failure: { code: string; message: string }): SbkError {
  const message = owner ? issuanceText.idOf[owner](failure.message) : failure.message;
  return SbkError.rendered(failure.code, message);
}
