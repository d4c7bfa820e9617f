/**
 * The seal chain (db/seal-chain.ts) on a real ledger file: one seal per committed write naming
 * exactly the tables it changed, none for a rollback or a write that changed nothing, writers
 * on two connections interleaving, the key's part, and the head printed on paper.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { renameSync } from 'node:fs';
import { closeLedger, openLedger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { ledgerHeadOf, withTempStore } from '../../db/seal-chain.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { settings } from '../../db/schema.ts';
import { chainKeyFromPepper } from '../../src/security/chain-key.ts';
import { parseHeadRef } from '../../src/domain/ledger-head.ts';
import { freshLedger, track } from '../helpers/temp-ledger.ts';

type SealRow = { seq: number; kind: string; digests: string; mac: string | null };
const seals = (db: Database.Database): SealRow[] => db.prepare('SELECT seq, kind, digests, mac FROM ledger_seals ORDER BY seq').all() as SealRow[];
const tablesOf = (s: SealRow): string[] => Object.keys(JSON.parse(s.digests) as object);
const codes = (r: { problems: { code: string }[] }): string[] => r.problems.map((p) => p.code);

const setSetting = (key: string, value: string) => (tx: Parameters<Parameters<typeof writeTx>[1]>[0]) =>
  tx.insert(settings).values({ key, value, setBy: 1, setAt: '2026-12-07T00:00:00.000Z' }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();

describe('the seal chain', () => {
  it('a new ledger starts with a keyed baseline, and each write seals exactly the tables it changed', () => {
    const { ledger } = freshLedger();
    const before = seals(ledger.sqlite);
    expect(before[0]!.kind).toBe('baseline');
    expect(before.every((s) => s.mac !== null)).toBe(true);
    writeTx(ledger, setSetting('closing_time', '17:30'));
    const last = seals(ledger.sqlite).at(-1)!;
    expect(last.seq).toBe(before.length + 1);
    expect(tablesOf(last)).toEqual(['settings']);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('a write under another temp_store (which drops TEMP triggers) is still captured, and so is one after it', () => {
    const { ledger } = freshLedger();
    const before = seals(ledger.sqlite).length;
    withTempStore(ledger.sqlite, 'MEMORY', () => writeTx(ledger, setSetting('closing_time', '17:30')));
    expect(ledger.sqlite.pragma('temp_store', { simple: true })).toBe(0);
    writeTx(ledger, setSetting('opening_time', '08:30'));
    const after = seals(ledger.sqlite);
    expect(after.length).toBe(before + 2);
    expect(tablesOf(after.at(-2)!)).toEqual(['settings']);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('a rolled-back write and a write that changed nothing leave no seal; the next write is not blamed for them', () => {
    const { ledger } = freshLedger();
    const n = seals(ledger.sqlite).length;
    expect(() =>
      writeTx(ledger, (tx) => {
        setSetting('closing_time', '18:00')(tx);
        throw new Error('refused after writing');
      }),
    ).toThrow('refused after writing');
    writeTx(ledger, () => undefined);
    expect(seals(ledger.sqlite).length).toBe(n);
    writeTx(ledger, setSetting('closing_time', '17:00'));
    expect(seals(ledger.sqlite).length).toBe(n + 1);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('two connections writing in turn keep one chain, and each digest goes on from the other’s', () => {
    const { ledger } = freshLedger();
    const other = track(openLedger(ledger.path, { mustExist: true }));
    for (let i = 0; i < 6; i++) writeTx(i % 2 ? other : ledger, setSetting(`k${i % 3}`, String(i)));
    expect(verifyLedger(ledger).ok).toBe(true);
    expect(verifyLedger(other).ok).toBe(true);
  });

  it('a change made on another connection (the sqlite3 tool) is named by table, and a later write does not launder it', () => {
    const { ledger } = freshLedger();
    writeTx(ledger, setSetting('closing_time', '17:30'));
    const tool = new Database(ledger.path);
    tool.prepare("UPDATE settings SET value = '23:59'").run();
    tool.close();
    writeTx(ledger, setSetting('other', 'x'));
    const r = verifyLedger(ledger);
    expect(codes(r)).toEqual(['TABLE_OFF_SEAL']);
    expect(r.problems[0]!.message).toContain('settings');
  });

  it('without the key the links are checked by hash only and the report says so; another key is named', () => {
    const { ledger } = freshLedger();
    writeTx(ledger, setSetting('closing_time', '17:30'));
    expect(verifyLedger(ledger).keyChecked).toBe(true);
    const bare = verifyLedger(ledger, undefined, null);
    expect(bare.ok).toBe(true);
    expect(bare.keyChecked).toBe(false);
    const stranger = chainKeyFromPepper(Buffer.alloc(32, 7));
    expect(new Set(codes(verifyLedger(ledger, undefined, stranger)))).toEqual(new Set(['SEAL_OTHER_KEY']));
  });

  it('a writer without the key file writes unsigned seals, which verify with the key refuses', () => {
    const { ledger } = freshLedger();
    const path = ledger.path;
    closeLedger(ledger);
    renameSync(`${path}.key`, `${path}.key.away`);
    const keyless = openLedger(path, { mustExist: true });
    writeTx(keyless, setSetting('closing_time', '17:30'));
    closeLedger(keyless);
    renameSync(`${path}.key.away`, `${path}.key`);
    const back = track(openLedger(path, { mustExist: true }));
    expect(codes(verifyLedger(back))).toEqual(['SEAL_UNSIGNED']);
  });

  it('the head printed on paper is checked by verify --seal: still there and unchanged', () => {
    const { ledger } = freshLedger();
    writeTx(ledger, setSetting('closing_time', '17:30'));
    const head = ledgerHeadOf(ledger.sqlite)!;
    expect(head.code).toMatch(/^[0-9a-f]{16}$/);
    expect(parseHeadRef(`#${head.seq} ${head.code}`)).toEqual(head);
    expect(parseHeadRef(`${head.seq}:${head.code.toUpperCase()}`)).toEqual(head);
    expect(verifyLedger(ledger, undefined, undefined, [head]).ok).toBe(true);
    const wrong = { seq: head.seq, code: (head.code[0] === 'a' ? 'b' : 'a') + head.code.slice(1) };
    expect(codes(verifyLedger(ledger, undefined, undefined, [wrong]))).toEqual(['SEAL_HEAD_CHANGED']);
    expect(codes(verifyLedger(ledger, undefined, undefined, [{ seq: head.seq + 5, code: head.code }]))).toEqual(['SEAL_HEAD_MISSING']);
  });

  it('a write outside writeTx (none should exist) is still sealed before the ledger is closed', () => {
    const { ledger } = freshLedger();
    const path = ledger.path;
    if (process.env.SBK_SEAL_STRICT === '1') return; // strict mode turns such a write into an error instead
    ledger.sqlite.prepare("INSERT INTO settings (key, value, set_by, set_at) VALUES ('x', 'y', 1, '2026-12-07T00:00:00.000Z')").run();
    closeLedger(ledger);
    const again = track(openLedger(path, { mustExist: true }));
    expect(verifyLedger(again).ok).toBe(true);
  });
});
