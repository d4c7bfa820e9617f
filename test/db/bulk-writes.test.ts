/**
 * Large operations write a hundred rows per statement (db/bulk-sql.ts) and insert new cards as
 * they stand after their movements (registerCards). These tests cross the statement boundaries
 * (100 rows) on purpose: what ends up in the ledger must be what a move-by-move write gave, and
 * `verify` must replay it.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { insertBatch, registerCards, type NewCard } from '../../db/register-cards.ts';
import { addPlace, placesAt } from '../../db/sites-repo.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { canonicalMovement, movementHash, type HashedMovementContent } from '../../db/movement-hash.ts';
import { freshLedger } from '../helpers/temp-ledger.ts';
import { sbkCode } from '../helpers/error-code.ts';
import type { Ledger } from '../../db/open-ledger.ts';

function prefab(n: number, prefix = 'P'): NewCard[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'prefab' as const,
    cardNo: `${prefix}${String(i + 1).padStart(8, '0')}`,
    cardIdCode: `${prefix}-${i + 1}`,
    bank: '中国工商银行',
    maker: '东信和平',
    boxLabel: String(Math.floor(i / 50) + 1),
    boxPosition: String(i + 1),
  }));
}

type CardRow = { id: number; card_no: string; state: string; place_id: number | null; state_since: string; last_movement_id: number; received_at: string | null };
const cardRows = (l: Ledger) => l.sqlite.prepare('SELECT id, card_no, state, place_id, state_since, last_movement_id, received_at FROM cards ORDER BY id').all() as CardRow[];
const counts = (l: Ledger) =>
  l.sqlite.prepare('SELECT (SELECT count(*) FROM cards) AS cards, (SELECT count(*) FROM movements) AS movements, (SELECT count(*) FROM operations) AS operations').get();
/** The newest movement of each card, as the projection must name it. */
const lastMovements = (l: Ledger) =>
  new Map((l.sqlite.prepare('SELECT card_id AS c, max(id) AS m FROM movements GROUP BY card_id').all() as { c: number; m: number }[]).map((r) => [r.c, r.m]));

function register(l: Ledger, adminId: number, siteId: number, list: NewCard[], code = 'B-1') {
  return writeTx(l, (tx) => {
    const b = insertBatch(tx, { code, kind: 'prefab', bank: '中国工商银行', maker: '东信和平', declaredCount: list.length });
    return registerCards(tx, { id: `reg-${code}`, kind: 'import', operatorId: adminId }, b, siteId, list, { refKind: 'import', refId: code }).cardIds;
  });
}

describe('bulk writes', () => {
  it('registers and receives 250 cards: rows as verify replays them, ids in list order', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    const ids = register(ledger, adminId, rootSiteId, prefab(250));
    expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => ids[0]! + i));
    const rows = cardRows(ledger);
    expect(rows.map((r) => r.card_no)).toEqual(prefab(250).map((c) => c.cardNo));
    expect(rows.every((r) => r.state === 'expected' && r.place_id === null && r.received_at === null)).toBe(true);
    const place = placesAt(ledger.db, rootSiteId)[0]!.id;
    writeTx(ledger, (tx) =>
      appendMovements(tx, { id: 'rcv', kind: 'receive', operatorId: adminId }, ids.map((cardId) => ({ cardId, type: 'receive', toPlaceId: place, counterpartRole: 'signer', counterpartName: '王建国' }))),
    );
    const last = lastMovements(ledger);
    for (const r of cardRows(ledger)) {
      expect(r).toMatchObject({ state: 'in_stock', place_id: place, last_movement_id: last.get(r.id) });
      expect(r.received_at).toBe(r.state_since);
    }
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('moves one card several times in one operation, within a window and across windows', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    const ids = register(ledger, adminId, rootSiteId, prefab(130));
    const [safe] = placesAt(ledger.db, rootSiteId).map((p) => p.id);
    const cabinet = writeTx(ledger, (tx) => addPlace(tx, rootSiteId, '卡柜9', 'cabinet'));
    writeTx(ledger, (tx) =>
      appendMovements(tx, { id: 'rcv', kind: 'receive', operatorId: adminId }, ids.map((cardId) => ({ cardId, type: 'receive', toPlaceId: safe!, counterpartRole: 'signer', counterpartName: '王建国' }))),
    );
    // 250 transfers over 130 cards: cards 0..119 twice (the second time in the next window), card i
    // ends where its last transfer took it.
    const moves = Array.from({ length: 250 }, (_, i) => ({ cardId: ids[i % 130]!, type: 'transfer' as const, toPlaceId: i % 3 === 0 ? cabinet : safe! }));
    writeTx(ledger, (tx) => appendMovements(tx, { id: 'mix', kind: 'transfer', operatorId: adminId }, moves));
    const placeOf = new Map(moves.map((m) => [m.cardId, m.toPlaceId]));
    const last = lastMovements(ledger);
    for (const r of cardRows(ledger)) expect(r).toMatchObject({ state: 'in_stock', place_id: placeOf.get(r.id), last_movement_id: last.get(r.id) });
    // Received once, before the transfers: the receipt time stays.
    const received = ledger.sqlite.prepare("SELECT at FROM movements WHERE type = 'receive' LIMIT 1").get() as { at: string };
    expect(new Set(cardRows(ledger).map((r) => r.received_at))).toEqual(new Set([received.at]));
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('a card refused inside a 100-row statement is named, and nothing of the file is written', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    register(ledger, adminId, rootSiteId, prefab(10));
    const before = counts(ledger);
    // Row 181 repeats row 121's card number: both in the second statement of 100 rows.
    const sameNo = prefab(260, 'Q').map((c, i) => (i === 180 ? { ...c, cardNo: 'Q00000121' } : c));
    expect(sbkCode(() => register(ledger, adminId, rootSiteId, sameNo, 'B-2'))).toBe('CARD_EXISTS');
    // Row 151 carries the identification code of a card already in the ledger.
    const sameCode = prefab(260, 'R').map((c, i) => (i === 150 ? { ...c, cardIdCode: 'P-3' } : c));
    let message = '';
    try {
      register(ledger, adminId, rootSiteId, sameCode, 'B-3');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('R00000151');
    expect(sbkCode(() => register(ledger, adminId, rootSiteId, sameCode, 'B-3'))).toBe('CODE_IN_LEDGER');
    expect(counts(ledger)).toEqual(before);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('with a receive after it, registerCards writes each card once, already in stock', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    const place = placesAt(ledger.db, rootSiteId)[0]!.id;
    let updates = 0;
    ledger.sqlite.function('count_update', () => ++updates);
    ledger.sqlite.exec('CREATE TEMP TRIGGER count_card_updates AFTER UPDATE ON cards BEGIN SELECT count_update(); END');
    const r = writeTx(ledger, (tx) => {
      const b = insertBatch(tx, { code: 'B-1', kind: 'prefab', bank: '中国工商银行', maker: '东信和平', declaredCount: 150 });
      return registerCards(tx, { id: 'reg', kind: 'import', operatorId: adminId }, b, rootSiteId, prefab(150), { refKind: 'import', refId: 'B-1' }, false, {
        op: { id: 'rcv', kind: 'receive', operatorId: adminId },
        move: { type: 'receive', toPlaceId: place, counterpartRole: 'custodian', counterpartName: '王建国', method: '按箱清点入库' },
      });
    });
    expect(r.then?.movementIds).toHaveLength(150);
    expect(updates).toBe(0);
    const last = lastMovements(ledger);
    for (const c of cardRows(ledger)) expect(c).toMatchObject({ state: 'in_stock', place_id: place, last_movement_id: last.get(c.id), received_at: c.state_since });
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('movementHash is sha256 of the previous hash followed by the canonical JSON', () => {
    const text = fc.option(fc.string({ unit: 'grapheme' }), { nil: null });
    const id = fc.option(fc.integer({ min: 1, max: 2 ** 31 }), { nil: null });
    const content = fc.record({
      id: fc.integer({ min: 1, max: 2 ** 40 }),
      operationId: fc.string(),
      cardNo: fc.string(),
      identity: fc.string({ unit: 'grapheme' }),
      type: fc.string(),
      fromState: fc.string(),
      toState: fc.string(),
      fromSiteId: id,
      fromPlaceId: id,
      toSiteId: fc.integer({ min: 1, max: 2 ** 31 }),
      toPlaceId: id,
      operatorId: fc.integer({ min: 1, max: 2 ** 31 }),
      secondOperatorId: id,
      counterpartRole: text,
      counterpartName: text,
      counterpartIdNumber: text,
      method: text,
      reason: text,
      refKind: text,
      refId: text,
      at: fc.string(),
    }) satisfies fc.Arbitrary<HashedMovementContent>;
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), content, (prev, m) => {
        expect(movementHash(prev, m)).toBe(createHash('sha256').update(prev).update(canonicalMovement(m)).digest('hex'));
      }),
    );
  });
});
