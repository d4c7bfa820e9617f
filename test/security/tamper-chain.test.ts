/**
 * The tamper suite's schema and seal-chain half (issue 18): a guard swapped for one that does
 * nothing, an index dropped, a trigger added; a seal edited, a forged link with a recomputed hash
 * (caught by the key's MAC, and plainly flagged when verify runs without the key), seals deleted,
 * and the newest writes rolled back with their seals (caught by the head file). Each case works
 * on a fresh copy of one ledger that has a row in every sealed table (tamper-ledger.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attacker, buildTamperLedger, copyLedger, PINS, quoteId, verifyFile, withoutGuards } from './tamper-ledger.ts';
import { runCli } from '../helpers/run-cli.ts';
import { digestOfTable, sealedTables } from '../../db/sealed-tables.ts';
import { encodeDigest } from '../../db/table-digest.ts';
import { sealHash, type SealFields } from '../../db/seal-chain.ts';
import { ledgerText } from '../../src/i18n/cli/ledger.ts';
import { pepperPath } from '../../src/security/pepper-file.ts';
import type { VerifyReport } from '../../db/verify-ledger.ts';

const BUILD = 240_000;

let master = '';
let masterDir = '';
let work = '';
let n = 0;

beforeAll(() => {
  ({ dir: masterDir, db: master } = buildTamperLedger('sbk-tamper-chain-'));
  work = mkdtempSync(join(tmpdir(), 'sbk-tamper-work-'));
}, BUILD);

afterAll(() => {
  if (masterDir) rmSync(masterDir, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A fresh copy of the suite's ledger, with its key file. */
function fresh(): string {
  n += 1;
  return copyLedger(master, work, `case-${n}.db`);
}

/** Runs `change` on the attacker's own connection (the sqlite3 tool), then closes it. */
function tamper(db: string, change: (d: ReturnType<typeof attacker>) => void): void {
  const d = attacker(db);
  try {
    change(d);
  } finally {
    d.close();
  }
}

const codes = (r: VerifyReport): string[] => [...new Set(r.problems.map((p) => p.code))].sort();

describe('the schema: every definition as the last migration sealed it', () => {
  it('the untouched copy verifies clean, with the key', () => {
    const r = verifyFile(fresh());
    expect(r.problems).toEqual([]);
    expect(r.keyChecked).toBe(true);
  });

  it('a guard trigger replaced by one of the same name that does nothing: SCHEMA_CHANGED (the body, not only the name)', () => {
    const db = fresh();
    tamper(db, (d) => {
      d.exec('DROP TRIGGER movements_no_update; CREATE TRIGGER movements_no_update BEFORE UPDATE ON movements BEGIN SELECT 1; END');
    });
    const r = verifyFile(db);
    expect(codes(r)).toEqual(['SCHEMA_CHANGED']);
    expect(r.problems[0]!.message).toContain('movements_no_update');
  });

  it('an index dropped: SCHEMA_CHANGED', () => {
    const db = fresh();
    let name = '';
    tamper(db, (d) => {
      name = d.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name LIMIT 1").pluck().get() as string;
      d.exec(`DROP INDEX ${quoteId(name)}`);
    });
    const r = verifyFile(db);
    expect(codes(r)).toEqual(['SCHEMA_CHANGED']);
    expect(r.problems[0]!.message).toContain(name);
  });

  it('a trigger added: SCHEMA_CHANGED', () => {
    const db = fresh();
    tamper(db, (d) => d.exec("CREATE TRIGGER settings_spy AFTER INSERT ON settings BEGIN SELECT 1; END"));
    const r = verifyFile(db);
    expect(codes(r)).toEqual(['SCHEMA_CHANGED']);
    expect(r.problems[0]!.message).toContain('settings_spy');
  });
});

type SealRow = { seq: number; at: string; kind: SealFields['kind']; operation_id: string | null; digests: string; schema: string | null; prev_hash: string; hash: string };

const fieldsOf = (s: SealRow): SealFields => ({ seq: s.seq, at: s.at, kind: s.kind, operationId: s.operation_id, digests: s.digests, schema: s.schema });

/**
 * The forger's best: a setting's value changed, and the newest seal made to vouch for it — its
 * digest of the table recomputed, its hash recomputed over the new content, the digest cache
 * brought along. Only the MAC, which needs the key, cannot be made.
 */
function forgeLink(db: string): void {
  tamper(db, (d) => {
    withoutGuards(d, 'settings', () => d.prepare("UPDATE settings SET value = '30' WHERE key = 'transit-warning-days'").run());
    const settings = sealedTables(d).find((t) => t.name === 'settings')!;
    const digest = encodeDigest(digestOfTable(d, settings));
    const last = d.prepare('SELECT * FROM ledger_seals ORDER BY seq DESC LIMIT 1').get() as SealRow;
    const digests = JSON.parse(last.digests) as Record<string, string>;
    digests.settings = digest;
    const sorted = JSON.stringify(Object.fromEntries(Object.keys(digests).sort().map((k) => [k, digests[k]!])));
    const forged = sealHash(last.prev_hash, { ...fieldsOf(last), digests: sorted });
    withoutGuards(d, 'ledger_seals', () => d.prepare('UPDATE ledger_seals SET digests = ?, hash = ? WHERE seq = ?').run(sorted, forged, last.seq));
    d.prepare('UPDATE ledger_digests SET digest = ? WHERE tbl = ?').run(digest, 'settings');
  });
}

describe('the seal chain itself', () => {
  it('a seal row edited (a digest changed): SEAL_HASH_MISMATCH', () => {
    const db = fresh();
    tamper(db, (d) => {
      const seq = d.prepare("SELECT max(seq) FROM ledger_seals WHERE kind = 'write'").pluck().get() as number;
      withoutGuards(d, 'ledger_seals', () =>
        d.prepare("UPDATE ledger_seals SET digests = replace(digests, substr(digests, 3, 1), 'x') WHERE seq = ?").run(seq),
      );
    });
    expect(codes(verifyFile(db))).toContain('SEAL_HASH_MISMATCH');
  });

  it('a forged link with a correctly recomputed hash: caught by the MAC with the key; without it only the hashes hold, and the CLI says so plainly', () => {
    const db = fresh();
    forgeLink(db);
    const keyed = verifyFile(db);
    expect(codes(keyed)).toEqual(['SEAL_MAC_MISMATCH']);
    // Without the key the forgery passes every hash check: that is what the key is for.
    const unkeyed = verifyFile(db, undefined, null);
    expect(unkeyed).toMatchObject({ ok: true, keyChecked: false, problems: [] });

    const cli = runCli(['verify', '--db', db]);
    expect(cli.code, cli.stdout + cli.stderr).toBe(3);
    expect(cli.stdout).toContain('[SEAL_MAC_MISMATCH]');
    expect(cli.stdout).toContain(ledgerText.verify.keyed);
    // Someone without the key file (not the service account): the report says plainly what it could not check.
    renameSync(pepperPath(db), `${pepperPath(db)}.away`);
    const blind = runCli(['verify', '--db', db]);
    expect(blind.code, blind.stdout + blind.stderr).toBe(0);
    expect(blind.stdout).toContain(ledgerText.verify.noKey({ path: pepperPath(db) }));
    expect(blind.stdout).not.toContain(ledgerText.verify.keyed);
    expect(runCli(['verify', '--db', db, '--json']).json()).toMatchObject({ ok: true, keyChecked: false });
  });

  it('the seals deleted: SEALS_MISSING; one seal in the middle deleted: SEAL_GAP', () => {
    const all = fresh();
    tamper(all, (d) => withoutGuards(d, 'ledger_seals', () => d.exec('DELETE FROM ledger_seals')));
    expect(codes(verifyFile(all))).toContain('SEALS_MISSING');

    const one = fresh();
    tamper(one, (d) => withoutGuards(d, 'ledger_seals', () => d.exec('DELETE FROM ledger_seals WHERE seq = (SELECT max(seq) - 2 FROM ledger_seals)')));
    expect(codes(verifyFile(one))).toContain('SEAL_GAP');
  });

  it('the newest writes rolled back with their seals: a consistent, shorter chain, caught by the head file', () => {
    const db = fresh();
    const before = copyLedger(db, work, `before-${n}.db`);
    const head = join(work, `head-${n}.json`);
    const set = runCli(['settings', 'set', 'transit-warning-days', '7', '--db', db, '--json'], { SBK_OPERATOR: 'admin', SBK_PIN: PINS.admin });
    expect(set.code, set.stderr).toBe(0);
    const init = runCli(['verify', '--db', db, '--head-file', head, '--init-head', '--json']);
    expect(init.code, init.stdout).toBe(0);
    expect(existsSync(head)).toBe(true);
    // The rollback: the ledger as it was before the write, key and all — every link in it is sound.
    copyFileSync(before, db);
    expect(verifyFile(db).problems).toEqual([]);
    const again = runCli(['verify', '--db', db, '--head-file', head, '--json']);
    expect(again.code, again.stdout).toBe(3);
    expect(again.json().problems.map((p: { code: string }) => p.code)).toContain('SEAL_HEAD_MISSING');
  });
});

describe('verify reports, never throws', () => {
  // A kind the state machine does not know once made verify throw (ruleFor read RULES[kind]).
  it('cards.kind set to an unknown kind: verify reports the change', () => {
    const db = fresh();
    tamper(db, (d) => withoutGuards(d, 'cards', () => d.exec("UPDATE cards SET kind = 'unknown' WHERE id = (SELECT min(id) FROM cards)")));
    const r = verifyFile(db);
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain('TABLE_OFF_SEAL');
  });
});
