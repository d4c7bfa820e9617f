/**
 * 发放管理台账 (GD Art. 12 一(三): 纸质卡片交接记录、持卡人签收记录等发放管理台账，应与省卡管系统电子
 * 记录一致; Art. 14 一(二): 做好持卡人签收记录等发放管理台账; Art. 15 二: 双方清点数量并签字确认): every
 * card handed over in a period — at the counter to the holder or an agent, to a unit's agent, by
 * the unit to its member, into the post and signed for at the door — with the receiver, the
 * read-check, the receipt to match and the operator; how many signed receipts the desk must hold
 * for it, and the totals per operator. The ledger the paper is reconciled against.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { issuanceMovements, type IssuanceMovementRow } from '../../db/issuance-ledger-queries.ts';
import { requireSite, subtreeIds } from '../../db/sites-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { isIsoDate } from '../domain/china-dates.ts';
import { addCalendarDays } from '../domain/calendar.ts';
import { issuanceText } from '../i18n/workflows/issuance.ts';
import { issuanceLedgerText } from '../i18n/workflows/issuance-ledger.ts';
import type { Actor } from './authenticate.ts';
import type { IssuanceLedger, IssuanceLedgerRow, LedgerEvent, OperatorTotals, ReadCheckOutcome, ReceiverType } from '../domain/issuance-ledger-format.ts';

export type { IssuanceLedger, IssuanceLedgerRow, OperatorTotals } from '../domain/issuance-ledger-format.ts';

export type IssuanceLedgerFilter = { from: string; to: string; siteCode?: string };

function eventOf(m: IssuanceMovementRow): LedgerEvent {
  if (m.type === 'agent_pickup') return 'pickup';
  if (m.type === 'mail') return 'mail_sent';
  if (m.type === 'mail_delivered') return 'mail_delivered';
  return m.refKind === 'pickup' ? 'settlement' : 'issue';
}

function receiverOf(m: IssuanceMovementRow, event: LedgerEvent): ReceiverType {
  if (event === 'pickup' || event === 'settlement') return 'unit';
  if (event === 'mail_sent' || event === 'mail_delivered') return 'mail';
  return m.counterpartRole === 'agent' ? 'agent' : 'self';
}

function row(m: IssuanceMovementRow): IssuanceLedgerRow {
  const event = eventOf(m);
  const receiverType = receiverOf(m, event);
  // Only the counter's issue records a read-check (issue-card.ts); everything else went without one.
  const readCheck: ReadCheckOutcome = event === 'issue' && (m.reason ?? '').includes(issuanceText.issue.readCheckPassed) ? 'passed' : 'not_done';
  const isMail = event === 'mail_sent' || event === 'mail_delivered';
  const agentName = event === 'pickup' || receiverType === 'agent' ? m.counterpartName : event === 'settlement' ? m.pickupAgent : null;
  return {
    seq: m.movementId,
    at: m.at,
    event,
    // Per holder (GD Art. 15 一(二)): the settlement says whether the holder or the unit signed.
    eventLabel: event === 'settlement' && m.settledAs ? issuanceLedgerText.settledAs[m.settledAs] : issuanceLedgerText.events[event],
    cardNo: m.cardNo,
    holderName: m.holderName,
    holderIdMasked: m.holderIdNumber ? maskIdNumber(m.holderIdNumber) : null,
    site: { code: m.siteCode, name: m.siteName },
    receiverType,
    receiverLabel: issuanceLedgerText.receivers[receiverType],
    agentName,
    readCheck,
    readCheckLabel: issuanceLedgerText.readChecks[readCheck],
    receiptNo: event === 'pickup' ? (m.refId ?? String(m.movementId)) : isMail ? (m.trackingNo ?? String(m.movementId)) : String(m.movementId),
    signed: !isMail,
    operator: { login: m.operatorLogin, name: m.operatorName },
    settledAs: event === 'settlement' ? m.settledAs : null,
    mail: isMail ? { carrier: m.carrier ?? '', trackingNo: m.trackingNo ?? '', address: m.address ?? '', code: m.deliveryCode } : null,
  };
}

function totals(rows: readonly IssuanceLedgerRow[]): OperatorTotals[] {
  const by = new Map<string, OperatorTotals>();
  for (const r of rows) {
    const t = by.get(r.operator.login) ?? { ...r.operator, issue: 0, pickup: 0, settlement: 0, mail_sent: 0, mail_delivered: 0, total: 0 };
    t[r.event] += 1;
    t.total += 1;
    by.set(r.operator.login, t);
  }
  return [...by.values()].sort((a, b) => a.login.localeCompare(b.login));
}

/** The ledger of `from`–`to` (China dates, both included) at the operator's site and below, or at `siteCode` within them. */
export function issuanceLedger(ledger: Ledger, actor: Actor, filter: IssuanceLedgerFilter): IssuanceLedger {
  for (const date of [filter.from, filter.to]) if (!isIsoDate(date)) throw new SbkError('DATE_INVALID.custody', { date });
  if (filter.from > filter.to) throw new SbkError('PERIOD_REVERSED.issued', { from: filter.from, to: filter.to });
  const mine = subtreeIds(ledger.db, actor.siteId);
  let site = { code: actor.siteCode, name: actor.siteName };
  let scope = mine;
  if (filter.siteCode) {
    const s = requireSite(ledger.db, filter.siteCode);
    if (!mine.includes(s.id)) throw new SbkError('SITE_OUT_OF_SCOPE.custody', { site: filter.siteCode });
    scope = subtreeIds(ledger.db, s.id);
    site = { code: s.code, name: s.name };
  }
  const chinaMidnight = (d: string): string => new Date(`${d}T00:00:00+08:00`).toISOString();
  const rows = issuanceMovements(ledger.db, scope, chinaMidnight(filter.from), chinaMidnight(addCalendarDays(filter.to, 1))).map(row);
  const receiptsToHold = new Set(rows.filter((r) => r.signed).map((r) => `${r.event === 'pickup' ? 'P' : 'M'}:${r.receiptNo}`)).size;
  return { from: filter.from, to: filter.to, site, rows, receiptsToHold, byOperator: totals(rows) };
}
