import type { Applicant, InstantResult } from '../../workflows/instant-issuance.ts';
import type { Resolution } from '../../workflows/instant-recovery.ts';
import type { IssueReceipt } from '../../domain/issue-receipt-format.ts';
import type { Message } from '../screens/shared/message.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { birthDateAlwaysInNumber, ID_DOC_TYPES, SSN_RULES, type IdDocType } from '../../domain/id-documents.ts';

export type InstantField = 'name' | 'printedName' | 'idNumber' | 'ssn' | 'birthDate' | 'bank' | 'cardNo' | 'photo';
export type InstantTextField = Exclude<InstantField, 'bank'>;
export type InstantFields = Readonly<Record<InstantTextField, string>>;
export type ResolvedView = { readonly message: Message; readonly receipt: IssueReceipt | null };
/** The applicant of the last failed card and its attempt number: a retry counts on from it. */
export type LastFailed = { readonly key: string; readonly attempt: number };

/** The ID row's document type is cycled with Ctrl+T on that row; ssn and birthDate show only when the type needs them. */
export const FIELD_ORDER: readonly InstantField[] = ['name', 'printedName', 'idNumber', 'ssn', 'birthDate', 'bank', 'cardNo', 'photo'];
/**
 * The photo is not required here: an applicant under 7 has none (GD Art. 5 (五)), which the
 * workflow decides from the birth date.
 */
const REQUIRED: readonly InstantTextField[] = ['name', 'idNumber', 'cardNo'];

/**
 * The rows the chosen document needs: the social security number only where the agency assigns
 * it (GD Art. 35 (二)(三)), the birth date only where the number does not state it.
 */
export function fieldsFor(idType: IdDocType): readonly InstantField[] {
  return FIELD_ORDER.filter((f) => (f === 'ssn' ? SSN_RULES[idType] === 'assigned' : f === 'birthDate' ? !birthDateAlwaysInNumber(idType) : true));
}

/** The next document type (Ctrl+T on the ID row). */
export function nextIdType(t: IdDocType, delta: number): IdDocType {
  const n = ID_DOC_TYPES.length;
  return ID_DOC_TYPES[(ID_DOC_TYPES.indexOf(t) + delta + n) % n]!;
}
const T = zh.instant;

/** The row to correct for a refused applicant (by the refusal's code). */
export function fieldOf(code: string): InstantField | null {
  if (code === 'HOLDER_NAME_MISMATCH' || code.startsWith('NAME_')) return 'name';
  if (code.startsWith('ID_') || code.startsWith('HOLDER_')) return 'idNumber';
  if (code.startsWith('SSN_')) return 'ssn';
  if (code.startsWith('BIRTH_DATE')) return 'birthDate';
  if (code.startsWith('FACE_PHOTO') || code.startsWith('PHOTO_')) return 'photo';
  if (code.startsWith('FACE_')) return 'printedName';
  if (code.startsWith('CARD_')) return 'cardNo';
  if (code.startsWith('BANK_') || code.startsWith('HOPPER_')) return 'bank';
  return null;
}

export function missingField(f: InstantFields): InstantTextField | undefined {
  return REQUIRED.find((k) => !f[k].trim());
}

export function nextField(f: InstantField, delta: number, idType: IdDocType = 'resident_id'): InstantField {
  const order = fieldsFor(idType);
  return order[(Math.max(0, order.indexOf(f)) + delta + order.length) % order.length]!;
}

/** The applicant as typed, for the chosen bank, with the photo read. */
export function applicantOf(f: InstantFields, bank: string, photoBase64: string, idType: IdDocType = 'resident_id'): Applicant {
  const printed = f.printedName.trim();
  const shown = fieldsFor(idType);
  const ssn = shown.includes('ssn') ? f.ssn.trim() : '';
  const birthDate = shown.includes('birthDate') ? f.birthDate.trim() : '';
  return {
    name: f.name,
    ...(printed ? { printedName: printed } : {}),
    idType,
    idNumber: f.idNumber,
    ...(ssn ? { ssn } : {}),
    ...(birthDate ? { birthDate } : {}),
    bank,
    cardNo: f.cardNo,
    photoBase64,
  };
}

/** Which card this is for the applicant: after a failed one for the same person and number, the next. */
export function attemptFor(last: LastFailed | null, a: { idNumber: string; cardNo: string }): number {
  return last?.key === applicantKey(a) ? last.attempt + 1 : 1;
}

export function applicantKey(a: { idNumber: string; cardNo: string }): string {
  return `${a.idNumber}|${a.cardNo}`;
}

/** After a run: remember a failed card's applicant, so Enter retries with the next attempt. */
export function lastFailedAfter(r: InstantResult, a: Applicant | null, attempt: number): LastFailed | null {
  return r.status === 'failed' && a ? { key: applicantKey(a), attempt } : null;
}

export function resolvedView(r: Resolution): ResolvedView {
  switch (r.outcome) {
    case 'issued':
      return { message: { level: 'ok', text: T.resolvedIssued(r.jobNo, r.cardNo) }, receipt: r.receipt };
    case 'stocked':
      return { message: { level: 'ok', text: T.resolvedStocked(r.jobNo, r.cardNo, r.placeName) }, receipt: null };
    case 'failed':
      return { message: { level: 'warn', text: T.resolvedFailed(r.jobNo, r.blankNo, r.message) }, receipt: null };
    case 'void':
      return { message: { level: 'warn', text: T.resolvedVoid(r.jobNo, r.message) }, receipt: null };
  }
}
