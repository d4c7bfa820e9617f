/**
 * 邮递上门 (GD Art. 14 一(一): 个人领取的方式有网点领取和邮递上门两种; HB Art. 36: 生僻字人员的社会保障卡
 * …以邮寄方式送达申领人). The office hands the card to a carrier with the address and tracking
 * number (`mailed`); the holder signs for it with the SMS pick-up code (GD Art. 14 一(三): 须凭短信
 * 取件码签收社保卡) and the card is issued, or the post brings it back and it is in stock again
 * carrying a recall with reason 邮寄信息错误 (GD Art. 32 一(一): 因邮递信息错误等个人原因造成发放不成功
 * 的成品卡 is a card not issued, to be recalled; recall-marker.ts), on the recall list until it
 * is handed over or mailed again and delivered (GD Art. 33 一(六)).
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { holderCardByNo, type HolderCardRow } from '../../db/issuance-queries.ts';
import { insertMailDelivery, insertMailOutcome, mailedCards, openMailing } from '../../db/mail-queries.ts';
import { isRetryOf, movementsOfOperation } from '../../db/operations-repo.ts';
import { placesAt, requireSite, subtreeIds } from '../../db/sites-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { normalizeIdNumber } from '../domain/resident-id.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { isMailed, stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { todayInChina } from '../domain/china-dates.ts';
import { mailText } from '../i18n/workflows/mail.ts';
import { recallReasonText } from '../domain/recall-reasons.ts';
import type { Actor } from './authenticate.ts';
import { blockedReason, ledgerProfile } from './issue-card.ts';

/** Longest address, carrier, tracking number, recipient and code the ledger takes. */
const MAX = { address: 200, carrier: 40, trackingNo: 40, recipient: 40, code: 40 } as const;

function field(name: keyof typeof MAX, value: string): string {
  const v = value.trim();
  if ([...v].length > MAX[name]) throw new SbkError('MAIL_FIELD_TOO_LONG', { field: mailText.fields[name], max: MAX[name] });
  return v;
}

export type MailInput = {
  operationId: string;
  cardNo: string;
  /** 邮寄地址 (GD Art. 8: 邮寄地址、收件人姓名、收件人联系方式 are collected at application). */
  address: string;
  carrier: string;
  trackingNo: string;
  /** 收件人; the holder when not given. */
  recipient?: string | null;
  /** The holder's ID number from the application, checked against the ledger when given. */
  holderIdNumber?: string | null;
};

export type MailResult = { cardNo: string; holderName: string | null; holderIdMasked: string | null; recipient: string; address: string; carrier: string; trackingNo: string; secondIssue: boolean; replayed: boolean };

function cardAt(tx: Ledger['db'], cardNo: string): HolderCardRow {
  const c = holderCardByNo(tx, normalizeCardInput(cardNo));
  if (!c) throw new SbkError('CARD_NOT_FOUND.counter', { cardNo });
  return c;
}

/** Hands a card in stock (or a recalled one, as its second issuance) to the carrier. */
export function mailCard(ledger: Ledger, actor: Actor, input: MailInput, now: Date = ledger.now()): MailResult {
  const address = field('address', input.address);
  const carrier = field('carrier', input.carrier);
  const trackingNo = field('trackingNo', input.trackingNo);
  if (!address || !carrier || !trackingNo) throw new SbkError('MAIL_FIELDS');
  const profile = ledgerProfile(ledger);
  return writeTx(ledger, (tx) => {
    const c = cardAt(tx, input.cardNo);
    const recipient = field('recipient', input.recipient ?? '') || (c.holderName ?? '');
    const result = (secondIssue: boolean, replayed: boolean): MailResult => ({
      cardNo: c.cardNo,
      holderName: c.holderName,
      holderIdMasked: c.holderIdNumber ? maskIdNumber(c.holderIdNumber) : null,
      recipient,
      address,
      carrier,
      trackingNo,
      secondIssue,
      replayed,
    });
    if (isRetryOf(tx, input.operationId, ['mail'], actor.id)) {
      if (!movementsOfOperation(tx, input.operationId).some((m) => m.cardId === c.id)) throw new SbkError('OPERATION_ID_REUSED.issue', undefined, { operationId: input.operationId });
      return result(false, true);
    }
    const blocked = blockedReason(c, actor, profile, todayInChina(now), 'mail');
    if (blocked) throw blocked;
    if (input.holderIdNumber?.trim() && normalizeIdNumber(input.holderIdNumber) !== normalizeIdNumber(c.holderIdNumber ?? '')) throw new SbkError('HOLDER_ID_MISMATCH');
    const secondIssue = c.recalledAt !== null;
    appendMovements(tx, { id: input.operationId, kind: 'mail', operatorId: actor.id }, [
      {
        cardId: c.id,
        type: 'mail',
        toPlaceId: null,
        counterpartRole: 'signer',
        counterpartName: mailText.carrier({ carrier, trackingNo }),
        method: mailText.sentMethod,
        refKind: 'mail',
        refId: trackingNo,
      },
    ]);
    insertMailDelivery(tx, { operationId: input.operationId, cardId: c.id, siteId: c.siteId, recipient, address, carrier, trackingNo, operatorId: actor.id, at: now.toISOString() });
    return result(secondIssue, false);
  });
}

/** The mailed card at the operator's site and its open mailing, or why not. */
function mailedHere(tx: Ledger['db'], actor: Actor, cardNo: string) {
  const c = cardAt(tx, cardNo);
  if (!isMailed(c.state)) throw new SbkError('CARD_NOT_MAILED', { cardNo: c.cardNo, state: stateLabel(c.state as StateOrNone) });
  if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.mail', { cardNo: c.cardNo });
  const mailing = openMailing(tx, c.id);
  // A mailed card always has its mailing: both are written in one transaction.
  if (!mailing) throw new SbkError('CARD_NOT_MAILED', { cardNo: c.cardNo, state: stateLabel(c.state as StateOrNone) });
  return { c, mailing };
}

export type MailOutcomeResult = { cardNo: string; outcome: 'delivered' | 'returned'; trackingNo: string; state: string; replayed: boolean };

/** The holder signed for it with the SMS pick-up code (or the carrier's signature reference): issued. */
export function mailDelivered(ledger: Ledger, actor: Actor, input: { operationId: string; cardNo: string; code: string }, now: Date = ledger.now()): MailOutcomeResult {
  const code = field('code', input.code);
  if (!code) throw new SbkError('MAIL_CODE_REQUIRED');
  return writeTx(ledger, (tx) => {
    if (isRetryOf(tx, input.operationId, ['mail_delivered'], actor.id)) {
      const c = cardAt(tx, input.cardNo);
      return { cardNo: c.cardNo, outcome: 'delivered', trackingNo: movementsOfOperation(tx, input.operationId)[0]?.refId ?? '', state: c.state, replayed: true };
    }
    const { c, mailing } = mailedHere(tx, actor, input.cardNo);
    appendMovements(tx, { id: input.operationId, kind: 'mail_delivered', operatorId: actor.id }, [
      {
        cardId: c.id,
        type: 'mail_delivered',
        toPlaceId: null,
        counterpartRole: 'receiver',
        counterpartName: mailing.recipient,
        method: mailText.deliveredMethod,
        reason: mailText.deliveredReason({ code }),
        refKind: 'mail',
        refId: mailing.trackingNo,
      },
    ]);
    insertMailOutcome(tx, { deliveryId: mailing.id, operationId: input.operationId, outcome: 'delivered', detail: code, operatorId: actor.id, at: now.toISOString() });
    return { cardNo: c.cardNo, outcome: 'delivered', trackingNo: mailing.trackingNo, state: 'issued', replayed: false };
  });
}

/**
 * The post brought it back (GD Art. 32 一(一): 邮递信息错误): into a storage place of the office
 * again, carrying a recall. `note` says what was wrong (the carrier's return slip).
 */
export function mailReturned(
  ledger: Ledger,
  actor: Actor,
  input: { operationId: string; cardNo: string; note?: string | null; placeName?: string | null },
  now: Date = ledger.now(),
): MailOutcomeResult {
  // The recall category GD Art. 32 一(一) names (邮寄信息错误等个人原因), so `sbk recall stats` counts it there.
  const reason = recallReasonText('bad_address', input.note?.trim() || undefined, ledgerProfile(ledger));
  return writeTx(ledger, (tx) => {
    if (isRetryOf(tx, input.operationId, ['mail_returned'], actor.id)) {
      const c = cardAt(tx, input.cardNo);
      return { cardNo: c.cardNo, outcome: 'returned', trackingNo: movementsOfOperation(tx, input.operationId)[0]?.refId ?? '', state: c.state, replayed: true };
    }
    const { c, mailing } = mailedHere(tx, actor, input.cardNo);
    const storage = placesAt(tx, actor.siteId).filter((p) => p.kind !== 'hopper');
    const place = input.placeName?.trim() ? storage.find((p) => p.name === input.placeName!.trim()) : storage[0];
    if (!place) throw new SbkError('PLACE_NOT_FOUND.counter', { place: input.placeName ?? '' });
    appendMovements(tx, { id: input.operationId, kind: 'mail_returned', operatorId: actor.id }, [
      { cardId: c.id, type: 'mail_returned', toPlaceId: place.id, method: mailText.returnedMethod, reason, refKind: 'mail', refId: mailing.trackingNo },
    ]);
    insertMailOutcome(tx, { deliveryId: mailing.id, operationId: input.operationId, outcome: 'returned', detail: reason, operatorId: actor.id, at: now.toISOString() });
    return { cardNo: c.cardNo, outcome: 'returned', trackingNo: mailing.trackingNo, state: 'in_stock', replayed: false };
  });
}

export type MailedCard = {
  cardNo: string;
  holderName: string | null;
  holderIdMasked: string | null;
  site: { code: string; name: string };
  recipient: string;
  address: string;
  carrier: string;
  trackingNo: string;
  mailedAt: string;
  mailedOn: string;
  /** Whole China days since it was handed to the carrier. */
  daysOut: number;
  operator: string;
};

/** The cards in the post from the operator's site and below (or `siteCode` within them). */
export function mailList(ledger: Ledger, actor: Actor, filter: { siteCode?: string } = {}, now: Date = ledger.now()): MailedCard[] {
  const mine = subtreeIds(ledger.db, actor.siteId);
  let scope = mine;
  if (filter.siteCode) {
    const s = requireSite(ledger.db, filter.siteCode);
    if (!mine.includes(s.id)) throw new SbkError('SITE_OUT_OF_SCOPE.custody', { site: filter.siteCode });
    scope = subtreeIds(ledger.db, s.id);
  }
  const today = todayInChina(now);
  const day = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  return mailedCards(ledger.db, scope).map((m) => {
    const mailedOn = todayInChina(new Date(m.at));
    return {
      cardNo: m.cardNo,
      holderName: m.holderName,
      holderIdMasked: m.holderIdNumber ? maskIdNumber(m.holderIdNumber) : null,
      site: { code: m.siteCode, name: m.siteName },
      recipient: m.recipient,
      address: m.address,
      carrier: m.carrier,
      trackingNo: m.trackingNo,
      mailedAt: m.at,
      mailedOn,
      daysOut: day(today) - day(mailedOn),
      operator: m.operatorName,
    };
  });
}
