/**
 * An ID document that failed its check at the counter, as the error the operator sees. The code
 * (ID_CHECKSUM, ID_FORMAT, …) and the message come from the domain's check
 * (src/domain/id-documents.ts), which renders its own text; the counter only says whose
 * document it was. Tests and `--json` rely on the check's code, so it is kept as it is.
 */
import { SbkError } from '../domain/errors.ts';
import { issuanceText } from '../i18n/workflows/issuance.ts';
import { idDocTypeFromLabel, type IdDocType } from '../domain/id-documents.ts';

export type IdOwner = keyof typeof issuanceText.idOf;

/** The document type typed at the counter (a code or a Chinese name; resident ID when blank), or the error naming whose it was. */
export function idDocTypeOrThrow(owner: IdOwner | null, typed: string | undefined): IdDocType {
  const r = idDocTypeFromLabel(typed?.trim() || 'resident_id');
  if (!r.ok) throw idCheckError(owner, r);
  return r.value;
}

export function idCheckError(owner: IdOwner | null, failure: { code: string; message: string }): SbkError {
  const message = owner ? issuanceText.idOf[owner](failure.message) : failure.message;
  return SbkError.rendered(failure.code, message);
}
