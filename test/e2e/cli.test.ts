import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { runCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

const admin = { SBK_OPERATOR: 'boss', SBK_PIN: '135790' };

describe('sbk CLI (real binary)', () => {
  it('init, site list, operator add/list, stock, verify with --json', () => {
    const db = join(tempDir(), 'city.db');
    const init = runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国', '--json'], { SBK_PIN: '135790' });
    expect(init.code, init.stderr).toBe(0);
    expect(init.json()).toMatchObject({ site: '420100', admin: 'boss' });

    const sites = runCli(['site', 'list', '--db', db, '--json']).json() as { code: string; kind: string; parent: string | null; regionCode: string }[];
    expect(new Set(sites.map((s) => s.code)).size).toBe(sites.length);
    expect(sites.find((s) => s.code === '420100')).toMatchObject({ kind: 'city_centre', parent: '420000' });
    expect(sites.find((s) => s.code === '420102-01')).toMatchObject({ kind: 'service_office', parent: '420102', regionCode: '420102' });
    expect(sites.some((s) => s.code.startsWith('4202'))).toBe(false); // 黄石 is another city's ledger

    const add = runCli(['operator', 'add', '--db', db, '--id', 'zw', '--name', '张伟', '--role', 'clerk', '--site', '420102-01', '--json'], {
      ...admin,
      SBK_NEW_PIN: '357902',
    });
    expect(add.code, add.stdout + add.stderr).toBe(0);
    const list = runCli(['operator', 'list', '--db', db, '--json'], admin).json() as { login: string; role: string }[];
    expect(list.map((o) => o.login)).toEqual(['boss', 'zw']);
    expect(JSON.stringify(list)).not.toMatch(/pin|357902/i);

    const stock = runCli(['stock', '--db', db, '--json'], admin);
    expect(stock.json()).toMatchObject({ site: { code: '420100' }, total: 0 });
    const verify = runCli(['verify', '--db', db, '--json']);
    expect(verify.code).toBe(0);
    expect(verify.json()).toMatchObject({ ok: true, problems: [] });
  });

  it('errors carry a stable code, a Chinese message and a non-zero exit', () => {
    const db = join(tempDir(), 'none.db');
    const r = runCli(['stock', '--db', db, '--json'], admin);
    expect(r.code).toBe(1);
    expect(r.json()).toEqual({ error: { code: 'LEDGER_NOT_FOUND', message: expect.stringContaining('sbk init') } });
    const usage = runCli(['no-such-command', '--json']);
    expect(usage.code).toBe(2);
    expect(usage.json().error.code).toBe('USAGE');
  });

  it('a locked account cannot act from the CLI either, and no PIN is ever printed', () => {
    const db = join(tempDir(), 'lock.db');
    expect(runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], { SBK_PIN: '135790' }).code).toBe(0);
    for (let i = 0; i < 5; i++) {
      const r = runCli(['stock', '--db', db, '--json'], { SBK_OPERATOR: 'boss', SBK_PIN: '975310' });
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toContain('975310');
    }
    const locked = runCli(['stock', '--db', db, '--json'], admin);
    expect(locked.json().error.code).toBe('OPERATOR_LOCKED');
  });

  it('demo ledger: card lookup masks the ID number and verify passes', () => {
    const db = join(tempDir(), 'demo.db');
    const demo = runCli(['demo', '--db', db, '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.json().cards).toBeGreaterThan(200);
    const card = runCli(['card', 'A10000017', '--db', db, '--json'], { SBK_OPERATOR: 'zhangwei', SBK_PIN: '357902' });
    expect(card.code, card.stderr).toBe(0);
    const v = card.json();
    // Recalled at 江岸 and on its way back up to the city centre (GD Art. 32 回退).
    expect(v).toMatchObject({ cardNo: 'A10000017', state: 'in_transit', site: { code: '420100' } });
    expect(v.holder.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(v.bankCardNo).toMatch(/\*{4,}/);
    expect(v.history.map((h: { type: string }) => h.type)).toEqual(['register', 'receive', 'dispatch', 'receive', 'recall', 'dispatch']);
    expect(runCli(['verify', '--db', db]).code).toBe(0);
    expect(runCli(['demo', '--db', db, '--json']).json().error.code).toBe('LEDGER_EXISTS');
  });
});

describe('lockout under parallel guessing', () => {
  it('twelve wrong PINs at once try at most five, and the right PIN after the lock is refused', async () => {
    const { spawn } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const bin = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));
    const db = join(tempDir(), 'race.db');
    expect(runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], { SBK_PIN: '135790' }).code).toBe(0);
    const run = (pin: string) =>
      new Promise<string>((resolve) => {
        const p = spawn(process.execPath, [bin, 'stock', '--db', db, '--json'], { env: { ...process.env, SBK_OPERATOR: 'boss', SBK_PIN: pin } });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('close', () => resolve(out));
      });
    const outs = await Promise.all(Array.from({ length: 12 }, (_, i) => run(`97531${i % 10}`)));
    const codes = outs.map((o) => JSON.parse(o).error?.code);
    expect(codes.every((c) => c === 'AUTH_FAILED' || c === 'OPERATOR_LOCKED')).toBe(true);
    expect(codes.filter((c) => c === 'AUTH_FAILED').length).toBeLessThanOrEqual(5);
    expect(JSON.parse(await run('135790')).error.code).toBe('OPERATOR_LOCKED');
  });
});

describe('verify with a chain head kept outside the ledger', () => {
  it('notices the newest movements deleted even when the guards are put back', () => {
    const dir = tempDir();
    const db = join(dir, 'demo.db');
    const head = join(dir, 'head.json');
    expect(runCli(['demo', '--db', db]).code).toBe(0);
    const first = runCli(['verify', '--db', db, '--head-file', head, '--init-head', '--json']);
    expect(first.code).toBe(0);
    expect(first.json().head.id).toBe(787);
    // Remove the last operation whole, and restore the trigger by name.
    execFileSync('sqlite3', [
      db,
      `DROP TRIGGER movements_no_delete; DROP TRIGGER operations_no_delete;
       DROP TRIGGER shipment_items_no_delete; DROP TRIGGER shipment_events_no_delete; DROP TRIGGER shipments_no_delete;
       CREATE TEMP TABLE gone AS SELECT DISTINCT operation_id AS id FROM movements WHERE id = (SELECT max(id) FROM movements);
       CREATE TEMP TABLE gone_cards AS SELECT DISTINCT card_id FROM movements WHERE operation_id IN (SELECT id FROM gone);
       DELETE FROM movements WHERE operation_id IN (SELECT id FROM gone);
       DELETE FROM operations WHERE id IN (SELECT id FROM gone);
       DELETE FROM cards WHERE id IN (SELECT card_id FROM gone_cards) AND id NOT IN (SELECT card_id FROM movements);
       UPDATE cards SET
         state = (SELECT to_state FROM movements m WHERE m.card_id = cards.id ORDER BY m.id DESC LIMIT 1),
         site_id = (SELECT to_site_id FROM movements m WHERE m.card_id = cards.id ORDER BY m.id DESC LIMIT 1),
         place_id = (SELECT to_place_id FROM movements m WHERE m.card_id = cards.id ORDER BY m.id DESC LIMIT 1),
         last_movement_id = (SELECT max(id) FROM movements m WHERE m.card_id = cards.id)
         WHERE id IN (SELECT card_id FROM gone_cards);
       DELETE FROM shipment_items WHERE card_id NOT IN (SELECT id FROM cards);
       DELETE FROM shipment_events WHERE shipment_id NOT IN (SELECT shipment_id FROM shipment_items);
       DELETE FROM shipments WHERE id NOT IN (SELECT shipment_id FROM shipment_items);
       CREATE TRIGGER shipment_items_no_delete BEFORE DELETE ON shipment_items BEGIN SELECT RAISE(ABORT, 'x'); END;
       CREATE TRIGGER shipment_events_no_delete BEFORE DELETE ON shipment_events BEGIN SELECT RAISE(ABORT, 'x'); END;
       CREATE TRIGGER shipments_no_delete BEFORE DELETE ON shipments BEGIN SELECT RAISE(ABORT, 'x'); END;
       CREATE TRIGGER movements_no_delete BEFORE DELETE ON movements BEGIN SELECT RAISE(ABORT, 'x'); END;
       CREATE TRIGGER operations_no_delete BEFORE DELETE ON operations BEGIN SELECT RAISE(ABORT, 'x'); END;`,
    ]);
    const second = runCli(['verify', '--db', db, '--head-file', head, '--json']);
    // The movement chain alone would look consistent after this rollback; the seal chain sees the
    // tables no longer add up to their last seal, and the head file sees the newest movement gone.
    const alone = runCli(['verify', '--db', db, '--json']).json();
    expect(alone.ok).toBe(false);
    expect(alone.problems.map((p: { code: string }) => p.code)).toContain('TABLE_OFF_SEAL');
    expect(alone.problems.map((p: { code: string }) => p.code)).not.toContain('HASH_MISMATCH');
    expect(second.code).toBe(3);
    expect(second.json().problems.map((p: { code: string }) => p.code)).toContain('HEAD_MISSING');
    // A head file that vanished is refused, not silently made anew (only --init-head makes one).
    rmSync(head);
    expect(runCli(['verify', '--db', db, '--head-file', head, '--json']).json().error.code).toBe('HEAD_FILE_MISSING');
    expect(existsSync(head)).toBe(false);
  });
});
