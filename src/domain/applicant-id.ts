/**
 * The check of an applicant's document number in a batch application file (GD Annex 6:
 * 证件类型, 证件号码). One function, so that the general ID-document module (issue 19 item 1) can
 * take its place: for now every row is checked as a citizen identity number, which is what the
 * Annex's photo names require (身份证号必须为18位).
 */
import type { CheckResult } from './check-result.ts';
import { checkResidentId } from './resident-id.ts';

export type ApplicantId = { number: string; birthDate: string };

export function checkApplicantId(_idType: string, number: string, today: string): CheckResult<ApplicantId> {
  const r = checkResidentId(number, today);
  return r.ok ? { ok: true, value: { number: r.value.number, birthDate: r.value.birthDate } } : r;
}
