/**
 * The hash chain over movements: each row carries sha256(prev_hash + canonical content), so an
 * edit or a deletion made behind the program's back (e.g. with the sqlite3 tool) breaks a link
 * that `sbk verify` recomputes. The card's identity (number, kind, identification code, bank
 * account, holder) is part of the content, so re-pointing a card row at another number or
 * another holder breaks the chain too.
 */
import { createHash, hash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** What makes a card that card; none of it ever changes (a new card is made instead). */
export type CardIdentity = {
  cardNo: string;
  kind: string;
  cardIdCode: string | null;
  bankCardNo: string | null;
  holderIdType: string | null;
  holderIdNumber: string | null;
  holderName: string | null;
};

export function identityString(c: CardIdentity): string {
  return JSON.stringify([c.kind, c.cardIdCode, c.bankCardNo, c.holderIdType, c.holderIdNumber, c.holderName]);
}

export type HashedMovementContent = {
  id: number;
  operationId: string;
  cardNo: string;
  /** identityString() of the card. */
  identity: string;
  type: string;
  fromState: string;
  toState: string;
  fromSiteId: number | null;
  fromPlaceId: number | null;
  toSiteId: number;
  toPlaceId: number | null;
  operatorId: number;
  secondOperatorId: number | null;
  counterpartRole: string | null;
  counterpartName: string | null;
  counterpartIdNumber: string | null;
  method: string | null;
  reason: string | null;
  refKind: string | null;
  refId: string | null;
  at: string;
};

/** Field order is fixed here forever: changing it invalidates every existing chain. */
export function canonicalMovement(m: HashedMovementContent): string {
  return JSON.stringify([
    m.id,
    m.operationId,
    m.cardNo,
    m.type,
    m.fromState,
    m.toState,
    m.fromSiteId,
    m.fromPlaceId,
    m.toSiteId,
    m.toPlaceId,
    m.operatorId,
    m.secondOperatorId,
    m.counterpartRole,
    m.counterpartName,
    m.counterpartIdNumber,
    m.method,
    m.reason,
    m.refKind,
    m.refId,
    m.at,
    m.identity,
  ]);
}

export function movementHash(prevHash: string, m: HashedMovementContent): string {
  // sha256 over the two strings one after the other; the one-shot form skips a Hash object per
  // movement (a 100,000-card import hashes 200,000 of them).
  return hash('sha256', prevHash + canonicalMovement(m), 'hex');
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A movements row as SQLite returns it (snake_case), for verify and for forensic tools. */
export type MovementSqlRow = {
  id: number;
  operation_id: string;
  card_id: number;
  type: string;
  from_state: string;
  to_state: string;
  from_site_id: number | null;
  from_place_id: number | null;
  to_site_id: number;
  to_place_id: number | null;
  operator_id: number;
  second_operator_id: number | null;
  counterpart_role: string | null;
  counterpart_name: string | null;
  counterpart_id_number: string | null;
  method: string | null;
  reason: string | null;
  ref_kind: string | null;
  ref_id: string | null;
  at: string;
  prev_hash: string;
  hash: string;
};

export function contentFromRow(m: MovementSqlRow, card: CardIdentity): HashedMovementContent {
  return {
    id: m.id,
    operationId: m.operation_id,
    cardNo: card.cardNo,
    identity: identityString(card),
    type: m.type,
    fromState: m.from_state,
    toState: m.to_state,
    fromSiteId: m.from_site_id,
    fromPlaceId: m.from_place_id,
    toSiteId: m.to_site_id,
    toPlaceId: m.to_place_id,
    operatorId: m.operator_id,
    secondOperatorId: m.second_operator_id,
    counterpartRole: m.counterpart_role,
    counterpartName: m.counterpart_name,
    counterpartIdNumber: m.counterpart_id_number,
    method: m.method,
    reason: m.reason,
    refKind: m.ref_kind,
    refId: m.ref_id,
    at: m.at,
  };
}
