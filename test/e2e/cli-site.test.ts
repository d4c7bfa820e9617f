/**
 * A real instant-issuance site from nothing (issue 17 item 7): `sbk init` for a city outside the
 * bundled directories, a bank branch, a vault and a hopper added by the admin, a printer in
 * devices.json (simulated transport), prefab blanks from a maker's file, the hopper loaded and a
 * card made, all through the real binary and no demo ledger; `sbk verify` clean at the end.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.ts';
import { cliAs, verifies } from '../helpers/demo-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';

const MAKER_FILES = fileURLToPath(new URL('../../fixtures/maker-files/', import.meta.url));
const PHOTO = fileURLToPath(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url));
const PREFAB_FILE = join(MAKER_FILES, readdirSync(MAKER_FILES).find((f) => f.startsWith('YZKCG_'))!);
const ID = '44010619900101001' + residentIdCheckChar('44010619900101001');
const { ok, refused } = cliAs({ boss: '135790', lina: '246801' });

function newCity(): string {
  const dir = tempDir();
  const db = join(dir, 'gz.db');
  const init = runCli(['init', '--db', db, '--site', '440100', '--site-name', '广州市社会保险卡管理中心', '--admin', 'boss', '--name', '王建国', '--json'], { SBK_PIN: '135790' });
  expect(init.code, init.stderr).toBe(0);
  return db;
}

describe('a real instant-issuance site from nothing', () => {
  it('init 440100, branch, vault, hopper, printer, blanks, load, make a card; verify clean', () => {
    const db = newCity();
    // Outside the bundled directories a region needs its name, as before (SITE_NOT_FOUND says so).
    refused(join(db, '..', 'other.db'), null, ['init', '--site', '440100', '--admin', 'x', '--name', '某'], 'SITE_NOT_FOUND', { SBK_PIN: '135790' });
    const branch = ok(db, 'boss', ['site', 'add', '--parent', '440100', '--kind', 'bank_branch', '--name', '工商银行广州分行营业部', '--bank', '中国工商银行']);
    expect(branch).toMatchObject({ code: '440100-B01', kind: 'bank_branch' });
    ok(db, 'boss', ['place', 'add', '保险柜2', '--kind', 'vault', '--site', '440100-B01']);
    expect(ok(db, 'boss', ['place', 'add', '制卡机1-卡盒1', '--kind', 'hopper', '--printer', '制卡机1', '--site', '440100-B01'])).toMatchObject({ printerId: '制卡机1', hopperNo: 1 });
    ok(db, 'boss', ['operator', 'add', '--id', 'lina', '--name', '李娜', '--role', 'clerk', '--site', '440100-B01'], { SBK_NEW_PIN: '246801' });
    // The printer's hoppers come from the ledger: devices.json names only the printer and its transport.
    writeFileSync(join(db, '..', 'devices.json'), JSON.stringify({ sites: { '440100-B01': { printers: [{ id: '制卡机1', transport: 'simulator' }], readers: [{ id: '读卡器1', transport: 'simulator' }], ca: 'simulator' } } }));

    const imported = ok(db, 'boss', ['import', PREFAB_FILE, '--site', '440100-B01', '--place', '保险柜2', '--receive']);
    expect(imported).toMatchObject({ kind: 'prefab', received: 50, errors: [] });
    expect(ok(db, 'lina', ['place', 'list']).find((p: { name: string }) => p.name === '保险柜2')).toMatchObject({ kind: 'vault', held: 50 });
    refused(db, 'boss', ['place', 'retire', '保险柜2', '--site', '440100-B01'], 'PLACE_NOT_EMPTY');
    refused(db, 'boss', ['site', 'retire', '440100-B01'], 'SITE_NOT_EMPTY');
    refused(db, 'lina', ['place', 'add', '柜台1', '--kind', 'drawer'], 'ROLE_REQUIRED');

    expect(ok(db, 'lina', ['prefab', 'load', 'P90000001', 'P90000002', '--hopper', '制卡机1-卡盒1'])).toMatchObject({ loaded: 2 });
    const devices = ok(db, 'lina', ['devices']);
    expect(devices.devices).toEqual(expect.arrayContaining([expect.objectContaining({ id: '制卡机1', kind: 'printer', transport: 'simulator' })]));
    const made = ok(db, 'lina', ['instant', 'make', '--name', '陈小红', '--id', ID, '--bank', '中国工商银行', '--card-no', 'T44000001', '--photo', PHOTO]);
    expect(made).toMatchObject({ status: 'issued', cardNo: 'T44000001', blankNo: 'P90000001' });
    expect(JSON.stringify(ok(db, 'lina', ['card', 'P90000001']))).toContain('consumed');
    verifies(db);

    // The branch runs its day: blanks to a counter drawer the admin added (GD Art. 12: 保管地点),
    // and later the card's holder cancels it and hands it back (GD Art. 32 一(一)); the old card
    // goes to the service bank for destruction, counted and approved (HB Art. 33).
    ok(db, 'boss', ['place', 'add', '柜台1', '--kind', 'drawer', '--site', '440100-B01']);
    expect(ok(db, 'lina', ['transfer', '--card', 'P90000003', '--to', '柜台1'])).toMatchObject({ cards: 1, toPlace: '柜台1' });
    ok(db, 'lina', ['card', 'take-back', 'T44000001', '--reason', 'cancellation', '--from', '陈小红', '--id-number', ID]);
    expect(ok(db, 'lina', ['card', 'T44000001']).state).toBe('taken_back');
    refused(db, 'lina', ['destroy', '--card', 'T44000001', '--count', '2', '--bank-receiver', '周行', '--approver', 'boss', '--reason', '注销卡交银行销毁'], 'DESTROY_COUNT_MISMATCH', { SBK_APPROVER_PIN: '135790' });
    ok(db, 'lina', ['destroy', '--card', 'T44000001', '--count', '1', '--bank-receiver', '周行', '--approver', 'boss', '--reason', '注销卡交银行销毁'], { SBK_APPROVER_PIN: '135790' });
    expect(ok(db, 'lina', ['card', 'T44000001']).state).toBe('destroyed');
    verifies(db);
    // Some twenty processes, each opening the ledger: slow on a shared machine.
  }, 180_000);

  it('a service point is added, listed, edited and retired while it holds nothing', () => {
    const db = newCity();
    const county = ok(db, 'boss', ['site', 'add', '--parent', '440100', '--kind', 'county', '--name', '天河区', '--region', '440106']);
    expect(county.code).toBe('440106');
    const point = ok(db, 'boss', ['site', 'add', '--parent', '440106', '--kind', 'service_point', '--name', '石牌街道社保卡服务点']);
    expect(point.code).toBe('440106-S01');
    expect(ok(db, 'boss', ['site', 'edit', '440106-S01', '--phone', '020-1234'])).toMatchObject({ phone: '020-1234' });
    refused(db, 'boss', ['site', 'retire', '440106'], 'SITE_HAS_CHILDREN');
    expect(ok(db, 'boss', ['site', 'retire', '440106-S01'])).toMatchObject({ retired: true });
    expect(ok(db, 'boss', ['site', 'list']).find((s: { code: string }) => s.code === '440106-S01')).toMatchObject({ retired: true, kind: 'service_point' });
    verifies(db);
  }, 90_000);
});
