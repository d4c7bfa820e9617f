/**
 * HB Art. 14 (三个工作日内联系申请单位或个人领取): the finished cards at the office and not issued,
 * each with its working-day deadline, the applicant's phone (from the batch application file,
 * else the holder's) masked but for the last four digits, and the contacts recorded since the
 * card arrived. Opening a phone in full is audited; contacts are appended, never changed.
 */
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { logAudit } from '../../db/audit-log.ts';
import { dbNow } from '../../db/ledger-clock.ts';
import { contactsOfCard, countUncontactedBefore, insertContact, waitingCards, type WaitingCard } from '../../db/applications-repo.ts';
import { siteById, subtreeIds } from '../../db/sites-repo.ts';
import { stateAfter } from '../domain/card-states.ts';
import { todayInChina, type DeadlineBasis, type WorkingCalendar } from '../domain/calendar.ts';
import { CONTACT_WORKING_DAYS, contactDeadline, maskPhoneLastFour } from '../domain/contact-deadline.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { SbkError } from '../domain/errors.ts';
import type { Actor } from '../domain/actor.ts';

export type ContactChannel = 'phone' | 'sms' | 'unit';
export const CONTACT_CHANNELS: readonly ContactChannel[] = ['phone', 'sms', 'unit'];
const RESULT_MAX = 200;

export type ContactRow = {
  cardNo: string;
  site: { code: string; name: string };
  holderName: string | null;
  holderIdMasked: string | null;
  /** masked but for the last four digits; null when no number is known */
  phoneMasked: string | null;
  unitCode: string | null;
  unitName: string | null;
  formCode: string | null;
  receivedOn: string;
  dueBy: string;
  dueBasis: DeadlineBasis;
  contacted: boolean;
  lastContactAt: string | null;
  lastChannel: ContactChannel | null;
  overdue: boolean;
};

/** The card state of "at the office, not issued": where a receipt puts a card. */
const waitingState = (): string => stateAfter('receive');

function phoneOf(w: WaitingCard): string | null {
  return w.application?.mobile || w.application?.phone || w.holderPhone || null;
}

export function contactList(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, opts: { overdueOnly?: boolean } = {}, now: Date = ledger.now()): ContactRow[] {
  const today = todayInChina(now);
  const sites = new Map<number, { code: string; name: string }>();
  const site = (id: number) => sites.get(id) ?? sites.set(id, pick(siteById(ledger.db, id))).get(id)!;
  const rows = waitingCards(ledger.db, subtreeIds(ledger.db, actor.siteId), waitingState()).map((w): ContactRow => {
    const d = contactDeadline(calendar, w.receivedAt, today, w.contacts > 0);
    const phone = phoneOf(w);
    return {
      cardNo: w.cardNo,
      site: site(w.siteId),
      holderName: w.holderName,
      holderIdMasked: w.idNumber ? maskIdNumber(w.idNumber) : null,
      phoneMasked: phone ? maskPhoneLastFour(phone) : null,
      unitCode: w.application?.unitCode ?? null,
      unitName: w.application?.unitName ?? null,
      formCode: w.application?.formCode ?? null,
      receivedOn: d.receivedOn,
      dueBy: d.dueBy,
      dueBasis: d.basis,
      contacted: w.contacts > 0,
      lastContactAt: w.lastContactAt,
      lastChannel: w.lastChannel,
      overdue: d.overdue,
    };
  });
  rows.sort((a, b) => (a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : a.cardNo < b.cardNo ? -1 : 1));
  return opts.overdueOnly ? rows.filter((r) => r.overdue) : rows;
}

function pick(s: { code: string; name: string } | undefined): { code: string; name: string } {
  return { code: s?.code ?? '', name: s?.name ?? '' };
}

/**
 * How many cards have passed their contact deadline with no contact (the home alert), counted in
 * SQL: a card is overdue when three working days lie strictly between its day of receipt and
 * today, that is when it was received before the third working day before today.
 */
export function overdueContactCount(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, now: Date = ledger.now()): number {
  const cutoff = calendar.addWorkingDays(todayInChina(now), -CONTACT_WORKING_DAYS).date;
  const beforeIso = new Date(`${cutoff}T00:00:00+08:00`).toISOString();
  return countUncontactedBefore(ledger.db, subtreeIds(ledger.db, actor.siteId), waitingState(), beforeIso);
}

function waitingCard(db: LedgerDb, actor: Actor, cardNo: string): WaitingCard {
  const no = cardNo.trim().toUpperCase();
  const [w] = waitingCards(db, subtreeIds(db, actor.siteId), waitingState(), no);
  if (!w) throw new SbkError('CONTACT_CARD_NOT_WAITING', { cardNo: no });
  return w;
}

export type ContactRecord = { cardNo: string; channel: ContactChannel; result: string | null; by: string; at: string };

export function recordContact(ledger: Ledger, actor: Actor, input: { cardNo: string; channel: string; result?: string }): ContactRecord {
  if (!(CONTACT_CHANNELS as readonly string[]).includes(input.channel)) throw new SbkError('CONTACT_CHANNEL', { channel: input.channel });
  const result = input.result?.trim() || null;
  if (result && [...result].length > RESULT_MAX) throw new SbkError('CONTACT_RESULT_TOO_LONG', { max: RESULT_MAX });
  const channel = input.channel as ContactChannel;
  return writeTx(ledger, (tx) => {
    const w = waitingCard(tx, actor, input.cardNo);
    const at = dbNow(tx);
    insertContact(tx, { cardId: w.cardId, siteId: w.siteId, channel, result, operatorId: actor.id, at });
    return { cardNo: w.cardNo, channel, result, by: actor.name, at };
  });
}

export type ContactDetail = {
  cardNo: string;
  holderName: string | null;
  holderIdMasked: string | null;
  mobile: string | null;
  phone: string | null;
  address: string | null;
  unitCode: string | null;
  unitName: string | null;
  formCode: string | null;
  contacts: { channel: ContactChannel; result: string | null; operatorId: number; at: string }[];
};

/** The card's phone numbers in full: the opening is written to the audit log first. */
export function showContact(ledger: Ledger, actor: Actor, cardNo: string): ContactDetail {
  return writeTx(ledger, (tx) => {
    const w = waitingCard(tx, actor, cardNo);
    logAudit(tx, { type: 'contact_phone_shown', operatorId: actor.id, siteId: w.siteId, detail: w.cardNo });
    const a = w.application;
    return {
      cardNo: w.cardNo,
      holderName: w.holderName,
      holderIdMasked: w.idNumber ? maskIdNumber(w.idNumber) : null,
      mobile: a?.mobile ?? null,
      phone: a?.phone || w.holderPhone || null,
      address: a?.address ?? null,
      unitCode: a?.unitCode ?? null,
      unitName: a?.unitName ?? null,
      formCode: a?.formCode ?? null,
      contacts: contactsOfCard(tx, w.cardId).map((c) => ({ channel: c.channel, result: c.result, operatorId: c.operatorId, at: c.at })),
    };
  });
}

/** Full numbers of the listed cards for an SMS gateway: audited with the count. */
export function contactPhonesForExport(ledger: Ledger, actor: Actor, rows: readonly ContactRow[]): Map<string, string> {
  const wanted = new Set(rows.map((r) => r.cardNo));
  const out = new Map<string, string>();
  for (const w of waitingCards(ledger.db, subtreeIds(ledger.db, actor.siteId), waitingState())) {
    const phone = phoneOf(w);
    if (wanted.has(w.cardNo) && phone) out.set(w.cardNo, phone);
  }
  writeTx(ledger, (tx) => logAudit(tx, { type: 'contact_phones_exported', operatorId: actor.id, siteId: actor.siteId, detail: String(out.size) }));
  return out;
}
