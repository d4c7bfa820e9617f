import type { Applicant, InstantResult } from '../../workflows/instant-issuance.ts';
import type { Resolution } from '../../workflows/instant-recovery.ts';
import type { IssueReceipt } from '../../domain/issue-receipt-format.ts';
import type { Message } from '../screens/shared/message.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type InstantField = 'name' | 'printedName' | 'idNumber' | 'bank' | 'cardNo' | 'photo';
export type InstantTextField = Exclude<InstantField, 'bank'>;
export type InstantFields = Readonly<Record<InstantTextField, string>>;
export type ResolvedView = { readonly message: Message; readonly receipt: IssueReceipt | null };
/** The applicant of the last failed card and its attempt number: a retry counts on from it. */
export type LastFailed = { readonly key: string; readonly attempt: number };

export const FIELD_ORDER: readonly InstantField[] = ['name', 'printedName', 'idNumber', 'bank', 'cardNo', 'photo'];
const REQUIRED: readonly InstantTextField[] = ['name', 'idNumber', 'cardNo', 'photo'];
const T = zh.instant;

/** The row to correct for a refused applicant (by the refusal's code). */
export function fieldOf(code: string): InstantField | null {
  if (code === 'HOLDER_NAME_MISMATCH' || code.startsWith('NAME_')) return 'name';
  if (code.startsWith('ID_') || code.startsWith('HOLDER_')) return 'idNumber';
  if (code.startsWith('FACE_PHOTO')) return 'photo';
  if (code.startsWith('FACE_')) return 'printedName';
  if (code.startsWith('CARD_')) return 'cardNo';
  if (code.startsWith('BANK_') || code.startsWith('HOPPER_')) return 'bank';
  return null;
}

export function missingField(f: InstantFields): InstantTextField | undefined {
  return REQUIRED.find((k) => !f[k].trim());
}

export function nextField(f: InstantField, delta: number): InstantField {
  return FIELD_ORDER[(Math.max(0, FIELD_ORDER.indexOf(f)) + delta + FIELD_ORDER.length) % FIELD_ORDER.length]!;
}

/** The applicant as typed, for the chosen bank, with the photo read. */
export function applicantOf(f: InstantFields, bank: string, photoBase64: string): Applicant {
  const printed = f.printedName.trim();
  return { name: f.name, ...(printed ? { printedName: printed } : {}), idNumber: f.idNumber, bank, cardNo: f.cardNo, photoBase64 };
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
