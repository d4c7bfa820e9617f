import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openLedger, closeLedger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { insertBatch, registerCards, type NewCard } from '../../db/register-cards.ts';
import { placesAt, requireSite } from '../../db/sites-repo.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { contentFromRow, movementHash, type MovementSqlRow } from '../../db/movement-hash.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { freshLedger, tempDir, track } from '../helpers/temp-ledger.ts';
import { createDemoLedger } from '../../src/workflows/demo-ledger.ts';
import { join } from 'node:path';
import type { Ledger } from '../../db/open-ledger.ts';

function prefab(n: number, prefix = 'P'): NewCard[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'prefab' as const,
    cardNo: `${prefix}${String(i + 1).padStart(8, '0')}`,
    bank: '中国工商银行',
    maker: '东信和平',
    boxLabel: '01',
    boxPosition: `01-${String(i + 1).padStart(3, '0')}`,
  }));
}

function seedCards(ledger: Ledger, adminId: number, rootSiteId: number, n = 5) {
  return writeTx(ledger, (tx) => {
    const b = insertBatch(tx, { code: 'B-1', kind: 'prefab', bank: '中国工商银行', maker: '东信和平', declaredCount: n });
    return registerCards(tx, { id: randomUUID(), kind: 'import', operatorId: adminId }, b, rootSiteId, prefab(n), { refKind: 'import', refId: 'f1' }).cardIds;
  });
}

const sqlite3 = (db: string, sql: string) => execFileSync('sqlite3', [db, sql], { encoding: 'utf8' });

describe('ledger file', () => {
  it('applies the committed migrations and sets the pragmas on a real file', () => {
    const { ledger } = freshLedger();
    const tables = (ledger.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['sites', 'places', 'operators', 'holders', 'batches', 'boxes', 'cards', 'movements', 'operations']));
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(ledger.sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    // Re-opening applies nothing twice.
    const again = track(openLedger(ledger.path, { mustExist: true }));
    const journal = JSON.parse(readFileSync(new URL('../../db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };
    expect((again.sqlite.prepare('SELECT count(*) AS n FROM "__drizzle_migrations"').get() as { n: number }).n).toBe(journal.entries.length);
  });

  it('creates the ledger and its key readable by the owner only', () => {
    const { ledger } = freshLedger();
    expect(statSync(ledger.path).mode & 0o077).toBe(0);
    expect(statSync(`${ledger.path}.key`).mode & 0o077).toBe(0);
  });

  it('refuses to open a missing ledger when it must exist', () => {
    expect(() => openLedger('/tmp/sbk-no-such-dir/x.db', { mustExist: true })).toThrow(/LEDGER_NOT_FOUND|找不到台账/);
  });
});

describe('movements', () => {
  it('moves cards and keeps the projection equal to the replay', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    const ids = seedCards(ledger, adminId, rootSiteId);
    const safe = placesAt(ledger.db, rootSiteId)[0]!.id;
    writeTx(ledger, (tx) =>
      appendMovements(tx, { id: 'op-receive', kind: 'receive', operatorId: adminId }, ids.map((cardId) => ({ cardId, type: 'receive', toPlaceId: safe, counterpartName: '王建国', counterpartRole: 'signer' }))),
    );
    const v = lookupCard(ledger, 'p00000001');
    expect(v.state).toBe('in_stock');
    expect(v.place).toBe('保险柜1');
    expect(v.history.map((h) => h.type)).toEqual(['register', 'receive']);
    expect(verifyLedger(ledger)).toMatchObject({ ok: true, movements: 10, cards: 5 });
  });

  it('writes nothing when one movement of an operation is illegal', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    const ids = seedCards(ledger, adminId, rootSiteId);
    const safe = placesAt(ledger.db, rootSiteId)[0]!.id;
    const before = ledger.sqlite.prepare('SELECT count(*) AS n FROM movements').get();
    expect(() =>
      writeTx(ledger, (tx) =>
        appendMovements(tx, { id: 'op-bad', kind: 'mixed', operatorId: adminId }, [
          { cardId: ids[0]!, type: 'receive', toPlaceId: safe, counterpartName: '王建国' },
          { cardId: ids[1]!, type: 'consume' }, // expected → consumed is not allowed
        ]),
      ),
    ).toThrow(/不能做/);
    expect(ledger.sqlite.prepare('SELECT count(*) AS n FROM movements').get()).toEqual(before);
    expect(lookupCard(ledger, 'P00000001').state).toBe('expected');
  });

  it('is idempotent by operation id and refuses the same id for other content', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    const ids = seedCards(ledger, adminId, rootSiteId);
    const safe = placesAt(ledger.db, rootSiteId)[0]!.id;
    const moves = [{ cardId: ids[0]!, type: 'receive' as const, toPlaceId: safe, counterpartName: '王建国' }];
    const first = writeTx(ledger, (tx) => appendMovements(tx, { id: 'op-1', kind: 'receive', operatorId: adminId }, moves));
    const again = writeTx(ledger, (tx) => appendMovements(tx, { id: 'op-1', kind: 'receive', operatorId: adminId }, moves));
    expect(again).toEqual({ ...first, replayed: true });
    expect(() =>
      writeTx(ledger, (tx) => appendMovements(tx, { id: 'op-1', kind: 'receive', operatorId: adminId }, [{ ...moves[0]!, cardId: ids[1]! }])),
    ).toThrow(/OPERATION_ID_REUSED|另一项不同的操作/);
  });

  it('refuses back-dating on a real ledger and a place of another site', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    const ids = seedCards(ledger, adminId, rootSiteId);
    expect(() =>
      writeTx(ledger, (tx) => appendMovements(tx, { id: 'op-old', kind: 'x', operatorId: adminId, at: '2020-01-01T00:00:00.000Z' }, [{ cardId: ids[0]!, type: 'receive', counterpartName: 'x' }])),
    ).toThrow(/补记过去/);
    const other = placesAt(ledger.db, requireSite(ledger.db, '420102-01').id)[0]!.id;
    expect(() =>
      writeTx(ledger, (tx) => appendMovements(tx, { id: 'op-p', kind: 'x', operatorId: adminId }, [{ cardId: ids[0]!, type: 'receive', toPlaceId: other, counterpartName: 'x' }])),
    ).toThrow(/不属于该网点/);
  });

  it('rejects UPDATE and DELETE on movements through the program', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    seedCards(ledger, adminId, rootSiteId);
    expect(() => ledger.sqlite.prepare("UPDATE movements SET reason = 'x' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => ledger.sqlite.prepare('DELETE FROM movements WHERE id = 1').run()).toThrow(/append-only/);
  });
});

describe('verify catches tampering with the sqlite3 tool', () => {
  function tampered(sql: string) {
    const { ledger, adminId, rootSiteId } = freshLedger();
    seedCards(ledger, adminId, rootSiteId, 5);
    const path = ledger.path;
    closeLedger(ledger);
    sqlite3(path, `DROP TRIGGER movements_no_update; DROP TRIGGER movements_no_delete; ${sql}`);
    const reopened = track(openLedger(path, { mustExist: true }));
    return verifyLedger(reopened);
  }

  it('an edited movement', () => {
    const r = tampered("UPDATE movements SET to_site_id = (SELECT max(id) FROM sites) WHERE id = 2;");
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['HASH_MISMATCH', 'GUARD_MISSING', 'PROJECTION_MISMATCH']));
  });

  it('an edited movement whose own hash was recomputed is caught by the next link', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    seedCards(ledger, adminId, rootSiteId, 5);
    const m = ledger.sqlite.prepare('SELECT m.*, c.card_no, c.kind FROM movements m JOIN cards c ON c.id = m.card_id WHERE m.id = 3').get() as MovementSqlRow & { card_no: string; kind: string };
    const card = { cardNo: m.card_no, kind: m.kind, cardIdCode: null, bankCardNo: null, holderIdType: null, holderIdNumber: null, holderName: null };
    const forged = movementHash(m.prev_hash, { ...contentFromRow(m, card), reason: '改过' });
    const path = ledger.path;
    closeLedger(ledger);
    sqlite3(path, `DROP TRIGGER movements_no_update; UPDATE movements SET reason = '改过', hash = '${forged}' WHERE id = 3;`);
    const r = verifyLedger(track(openLedger(path, { mustExist: true })));
    const codes = r.problems.map((p) => `${p.code}@${p.movementId ?? ''}`);
    expect(codes).toContain('CHAIN_BROKEN@4');
    expect(codes).not.toContain('HASH_MISMATCH@3');
  });

  it('a deleted movement in the middle', () => {
    const r = tampered('DELETE FROM movements WHERE id = 3;');
    expect(r.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['SEQUENCE_GAP', 'CHAIN_BROKEN', 'CARD_WITHOUT_MOVEMENTS']));
  });

  it('the last movement deleted', () => {
    const r = tampered('DELETE FROM movements WHERE id = (SELECT max(id) FROM movements);');
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['CARD_WITHOUT_MOVEMENTS', 'OPERATION_INCOMPLETE']));
  });

  it('a card given to another holder, or its bank account changed, behind the ledger', () => {
    const demo = createDemoLedger(join(tempDir(), 'demo.db')).ledger;
    const dpath = demo.path;
    closeLedger(demo);
    sqlite3(dpath, "UPDATE cards SET holder_id = (SELECT max(id) FROM holders) WHERE card_no = 'A10000001';");
    let r = verifyLedger(track(openLedger(dpath, { mustExist: true })));
    expect(r.problems.filter((p) => p.code === 'HASH_MISMATCH').map((p) => p.cardNo)).toContain('A10000001');
    const demo2 = createDemoLedger(join(tempDir(), 'demo2.db')).ledger;
    const d2 = demo2.path;
    closeLedger(demo2);
    sqlite3(d2, "UPDATE holders SET name = '王五' WHERE id = (SELECT holder_id FROM cards WHERE card_no = 'B20000001'); UPDATE cards SET bank_card_no = '6222020000000000000' WHERE card_no = 'B20000002';");
    r = verifyLedger(track(openLedger(d2, { mustExist: true })));
    const tampered = new Set(r.problems.filter((p) => p.code === 'HASH_MISMATCH').map((p) => p.cardNo));
    expect(tampered.has('B20000001') && tampered.has('B20000002')).toBe(true);
  });

  it('a card state changed behind the ledger', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    seedCards(ledger, adminId, rootSiteId, 3);
    const path = ledger.path;
    closeLedger(ledger);
    sqlite3(path, "UPDATE cards SET state = 'issued' WHERE id = 2;");
    const r = verifyLedger(track(openLedger(path, { mustExist: true })));
    // The card's row no longer adds up to the seal of the cards table either.
    expect(r.problems.map((p) => p.code)).toEqual(['PROJECTION_MISMATCH', 'TABLE_OFF_SEAL']);
    expect(r.problems[0]!.cardNo).toBe('P00000002');
  });

  it('a recall wiped behind the ledger (the card would leave the cancellation list)', () => {
    const { ledger, adminId, rootSiteId } = freshLedger();
    seedCards(ledger, adminId, rootSiteId, 3);
    const path = ledger.path;
    closeLedger(ledger);
    sqlite3(path, "UPDATE cards SET recalled_at = '2026-01-01T00:00:00.000Z' WHERE id = 3;");
    const r = verifyLedger(track(openLedger(path, { mustExist: true })));
    expect(r.problems.map((p) => p.code)).toEqual(['PROJECTION_MISMATCH', 'TABLE_OFF_SEAL']);
    expect(r.problems[0]!.cardNo).toBe('P00000003');
  });
});
