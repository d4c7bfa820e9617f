import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { importMakerFile } from '../../src/workflows/import-maker-file.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { writeMakerFile, syntheticMakerRows } from '../../src/domain/maker-file-writer.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { addPlace } from '../../db/sites-repo.ts';
import { ADMIN, freshLedger } from '../helpers/temp-ledger.ts';

const dir = fileURLToPath(new URL('../../fixtures/maker-files/', import.meta.url));
// The fixtures are Guangzhou's files (广州市社会保险卡管理中心) and the test ledger is Wuhan's
// (420100): the samples are imported as the operator who was told so and confirmed.
const sample = (prefix: string, batch: string) => {
  const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.includes(`_${batch}_`))!;
  return { fileName: name, bytes: readFileSync(join(dir, name)), otherCity: true };
};
const utf8 = () => sample('CPKCG', '2026110001');
const gb18030 = () => sample('CPKCG', '2026110002');
const withErrors = () => sample('CPKCG', '2026110009');
const prefab = () => sample('YZKCG', 'YZ2026110003');

function setup() {
  const f = freshLedger();
  return { ...f, admin: authenticate(f.ledger, ADMIN.login, ADMIN.pin) };
}

const count = (l: ReturnType<typeof setup>['ledger']) =>
  (l.sqlite.prepare('SELECT (SELECT count(*) FROM cards) c, (SELECT count(*) FROM movements) m, (SELECT count(*) FROM imports) i').get() as { c: number; m: number; i: number });

describe('importing a maker file', () => {
  it('registers a clean file: cards expected at the site, holders kept, rare names intact', () => {
    const { ledger, admin } = setup();
    const r = importMakerFile(ledger, admin, utf8());
    expect(r).toMatchObject({ status: 'imported', kind: 'finished', bank: '中国建设银行', batch: '2026110001', rows: 20, registered: 20, received: 0, errors: [] });
    const c = lookupCard(ledger, 'F70000001');
    expect(c).toMatchObject({ state: 'expected', batch: '2026110001', site: { code: '420100' } });
    expect(c.holder?.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const names = ledger.sqlite.prepare('SELECT name FROM holders').all() as { name: string }[];
    expect(names.map((n) => n.name)).toContain('张[CHUI]');
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('reads the GB18030 file like the UTF-8 one', () => {
    const { ledger, admin } = setup();
    const r = importMakerFile(ledger, admin, gb18030());
    expect(r).toMatchObject({ status: 'imported', encoding: 'gb18030', rows: 20 });
    const names = (ledger.sqlite.prepare('SELECT name FROM holders ORDER BY id').all() as { name: string }[]).map((n) => n.name);
    const { ledger: l2, admin: a2 } = setup();
    importMakerFile(l2, a2, utf8());
    expect((l2.sqlite.prepare('SELECT name FROM holders ORDER BY id').all() as { name: string }[]).map((n) => n.name)).toEqual(names);
  });

  it('with --receive puts every card into the storage place in the same transaction', () => {
    const { ledger, admin } = setup();
    const r = importMakerFile(ledger, admin, { ...prefab(), receive: true });
    expect(r).toMatchObject({ status: 'imported', kind: 'prefab', registered: 50, received: 50 });
    expect(lookupCard(ledger, 'P90000050')).toMatchObject({ state: 'in_stock', place: '保险柜1' });
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('a file with errors reports every one with its line and writes nothing', () => {
    const { ledger, admin } = setup();
    const before = count(ledger);
    const r = importMakerFile(ledger, admin, withErrors());
    expect(r.status).toBe('invalid');
    expect(r.errors.length).toBeGreaterThanOrEqual(6);
    for (const e of r.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.errors.map((e) => e.line)).toEqual([...r.errors.map((e) => e.line)].sort((a, b) => a - b));
    expect(count(ledger)).toEqual(before);
  });

  it('the same file again is recognised and changes nothing; another file repeating its cards is refused', () => {
    const { ledger, admin } = setup();
    importMakerFile(ledger, admin, utf8());
    const after = count(ledger);
    const again = importMakerFile(ledger, admin, utf8());
    expect(again.status).toBe('already-imported');
    expect(again.message).toMatch(/已于 \d{4}-\d\d-\d\d \d\d:\d\d 由王建国（武汉市社保卡管理中心）导入/);
    expect(count(ledger)).toEqual(after);
    // The GB18030 sample lists the same card numbers under another batch.
    const other = importMakerFile(ledger, admin, gb18030());
    expect(other.status).toBe('invalid');
    expect(other.errors.filter((e) => e.code === 'CARD_IN_LEDGER')).toHaveLength(20);
    expect(other.errors[0]!.message).toContain('已在台账中');
    expect(count(ledger)).toEqual(after);
  });

  it('a file name whose count disagrees with the rows is refused', () => {
    const { ledger, admin } = setup();
    const f = writeMakerFile('prefab', { bank: '中国工商银行', cityBody: '武汉市社保卡管理中心', batch: 'YZ-T1', maker: '金邦达', bankCode: '102521000013', time: '20261120093000' }, syntheticMakerRows('prefab', 5, 7, { cardPrefix: 'T1' }));
    const wrongName = f.fileName.replace('_5_', '_6_');
    const r = importMakerFile(ledger, admin, { fileName: wrongName, bytes: Buffer.from(f.text) });
    expect(r.status).toBe('invalid');
    expect(r.errors.some((e) => e.line === 0 && /6/.test(e.message) && /5/.test(e.message))).toBe(true);
    expect(count(ledger).c).toBe(0);
    expect(importMakerFile(ledger, admin, { fileName: f.fileName, bytes: Buffer.from(f.text) }).status).toBe('imported');
  });

  it('refuses a file whose card identification codes or bank numbers are already in the ledger', () => {
    const { ledger, admin } = setup();
    const fields = { bank: '中国工商银行', cityBody: '武汉市社保卡管理中心', maker: '金邦达', bankCode: '102521000013', time: '20261120093000' };
    const rows = syntheticMakerRows('prefab', 5, 11, { cardPrefix: 'U1' });
    const a = writeMakerFile('prefab', { ...fields, batch: 'U-A' }, rows);
    expect(importMakerFile(ledger, admin, { fileName: a.fileName, bytes: Buffer.from(a.text) }).status).toBe('imported');
    // The same cards under new numbers: their codes and bank accounts are not new.
    const b = writeMakerFile('prefab', { ...fields, batch: 'U-B' }, rows.map((r) => ({ ...r, cardNo: r.cardNo.replace('U1', 'U2') })));
    const r = importMakerFile(ledger, admin, { fileName: b.fileName, bytes: Buffer.from(b.text) });
    expect(r.status).toBe('invalid');
    expect(r.errors.filter((e) => e.code === 'CODE_IN_LEDGER')).toHaveLength(10);
  });

  it('never receives into a printer hopper', () => {
    const { ledger, admin, rootSiteId } = setup();
    writeTx(ledger, (tx) => addPlace(tx, rootSiteId, '制卡机1-卡盒1', 'hopper'));
    expect(() => importMakerFile(ledger, admin, { ...prefab(), receive: true, placeName: '制卡机1-卡盒1' })).toThrow(/保管地点/);
    expect(count(ledger).c).toBe(0);
  });

  it('a dry run checks without writing', () => {
    const { ledger, admin } = setup();
    const r = importMakerFile(ledger, admin, { ...prefab(), dryRun: true });
    expect(r).toMatchObject({ status: 'valid', rows: 50, boxes: 2 });
    expect(count(ledger).c).toBe(0);
  });

  it('a file for another city is named in the check and refused unless the operator confirmed it', () => {
    const { ledger, admin } = setup();
    const guangzhou = { ...prefab(), otherCity: false };
    const check = importMakerFile(ledger, admin, { ...guangzhou, dryRun: true });
    expect(check).toMatchObject({ status: 'valid', otherCity: { cityBody: '广州市社会保险卡管理中心', city: '武汉市社保卡管理中心', code: '420100' } });
    let thrown: unknown;
    try {
      importMakerFile(ledger, admin, guangzhou);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: 'MAKER_FILE_OTHER_CITY' });
    expect((thrown as Error).message).toContain('广州市社会保险卡管理中心');
    expect(count(ledger).c).toBe(0);
    expect(importMakerFile(ledger, admin, { ...guangzhou, otherCity: true }).status).toBe('imported');
  });

  it('a file for the ledger’s own city, under either name of the body, is not asked about', () => {
    const { ledger, admin } = setup();
    const rows = syntheticMakerRows('prefab', 3, 21, { cardPrefix: 'W1' });
    const fields = { bank: '中国工商银行', maker: '金邦达', bankCode: '102521000013', time: '20261120093000' };
    for (const cityBody of ['武汉市社会保险卡管理中心', '武汉市社保卡管理中心', '420100社保卡中心']) {
      const f = writeMakerFile('prefab', { ...fields, cityBody, batch: 'W-1' }, rows);
      const check = importMakerFile(ledger, admin, { fileName: f.fileName, bytes: Buffer.from(f.text), dryRun: true });
      expect(check.status, cityBody).toBe('valid');
      expect(check.otherCity ?? null, cityBody).toBeNull();
    }
  });
});
