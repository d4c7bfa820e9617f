/**
 * The paperwork of a batch pickup (批量领取), checked before any card leaves the office. Pure.
 *
 * GD Art. 15 一(一): “卡经办网点核实授权经办人的有效身份证件原件（含电子证照），收取单位授权委托书（加盖公章）。”
 * GD Annex 4 单位授权委托书: “兹授权本单位员工……联系电话……到你单位办理……事宜 …… 授权期限：……” — the letter
 * names the unit, the contact and a period; outside it the letter authorises nothing.
 * GD Art. 15 二: “卡经办网点对照《广东省社会保障卡批量业务申请表》，分拣并清点数量” — the cards are sorted
 * against the unit's batch application (Annex 3, whose applicants the SBK2 file carries with
 * 单位编号/单位名称, Annex 6), so a card applied for by another unit does not go with this one.
 * HB Art. 7: “单位代办应出具单位委托书（介绍信）、单位经办人有效身份证件原件……”.
 */
import { SbkError } from './errors.ts';
import { isIsoDate } from './china-dates.ts';

export type PickupPapers = {
  unitCode: string;
  unitName: string;
  contactName: string;
  contactPhone: string;
  authRef: string;
  /** China dates (YYYY-MM-DD), both included. */
  authFrom: string;
  authTo: string;
};

/** The fields as typed: all given or none (a pickup registered the old way has no paperwork). */
export type PickupPapersInput = { unitCode?: string; contactName?: string; contactPhone?: string; authFrom?: string; authTo?: string };

/** A mobile (11 digits from 1) or a landline with its area code (010-12345678, 02783001234), an extension allowed. */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
/** 统一社会信用代码 (18 characters) or the 单位编号 a city's file carries: letters, digits and hyphens. */
const UNIT_CODE = /^[0-9A-Za-z-]{1,30}$/;

export function hasPapers(p: PickupPapersInput): boolean {
  return [p.unitCode, p.contactName, p.contactPhone, p.authFrom, p.authTo].some((v) => (v ?? '').trim() !== '');
}

/**
 * The paperwork as it will be stored, or an error naming the first thing wrong. `unitName` and
 * `authRef` are the pickup's own --unit and --auth; `onDate` the pickup's China date.
 */
export function checkPickupPapers(p: PickupPapersInput, unitName: string, authRef: string, onDate: string): PickupPapers {
  const v = (s: string | undefined): string => (s ?? '').trim();
  const missing = (['unitCode', 'contactName', 'contactPhone', 'authFrom', 'authTo'] as const).filter((k) => v(p[k]) === '');
  if (missing.length > 0) throw new SbkError('PICKUP_PAPERS_INCOMPLETE', { missing: missing.join(', ') });
  const unitCode = v(p.unitCode).toUpperCase();
  if (!UNIT_CODE.test(unitCode)) throw new SbkError('PICKUP_UNIT_CODE_INVALID', { code: v(p.unitCode) });
  const phone = v(p.contactPhone).replace(/\s+/g, '');
  if (!PHONE.test(phone)) throw new SbkError('PICKUP_PHONE_INVALID');
  const authFrom = v(p.authFrom);
  const authTo = v(p.authTo);
  for (const date of [authFrom, authTo]) if (!isIsoDate(date)) throw new SbkError('DATE_INVALID.pickupAuth', { date });
  if (authFrom > authTo) throw new SbkError('PERIOD_REVERSED.pickupAuth', { from: authFrom, to: authTo });
  // Annex 4 授权期限: the letter authorises on the days of its period only.
  if (onDate < authFrom) throw new SbkError('PICKUP_AUTH_NOT_YET', { from: authFrom, date: onDate });
  if (onDate > authTo) throw new SbkError('PICKUP_AUTH_EXPIRED', { to: authTo, date: onDate });
  return { unitCode, unitName, contactName: v(p.contactName), contactPhone: phone, authRef, authFrom, authTo };
}

/** A card of the pickup and the unit code of its holder's latest SBK2 application (undefined: no application). */
export type CardUnit = { cardNo: string; applicationUnitCode: string | null | undefined };

/** The cards whose application names another unit (or none): GD Art. 15 二 对照批量业务申请表. Cards without an application are not checked. */
export function unitMismatches(cards: readonly CardUnit[], unitCode: string): { cardNo: string; applicationUnitCode: string | null }[] {
  const want = unitCode.trim().toUpperCase();
  return cards
    .filter((c) => c.applicationUnitCode !== undefined && (c.applicationUnitCode ?? '').trim().toUpperCase() !== want)
    .map((c) => ({ cardNo: c.cardNo, applicationUnitCode: c.applicationUnitCode ?? null }));
}

/** How a card came back on the signed list (GD Art. 15 一(二) 持卡人签收记录). */
export type SettleOutcome = 'holder_signed' | 'unit_signed' | 'not_received';
export const SETTLE_OUTCOMES: readonly SettleOutcome[] = ['holder_signed', 'unit_signed', 'not_received'];
