/** Sites and places an administrator keeps, on a real init ledger (420100, and 440100 outside the directories). */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshLedger, tempDir, track, ADMIN } from '../helpers/temp-ledger.ts';
import { sbkCode } from '../helpers/error-code.ts';
import { operatorByLogin } from '../../db/operators-repo.ts';
import { listSites, placesAt, requireSite } from '../../db/sites-repo.ts';
import { auditEvents } from '../../db/schema.ts';
import { toActor } from '../../src/workflows/authenticate.ts';
import { addOperator } from '../../src/workflows/operators.ts';
import { addPlaceAt, addSite, editSite, placeList, retirePlaceAt, retireSiteByCode } from '../../src/workflows/site-admin.ts';
import { checkDestination } from '../../src/workflows/shipment-dispatch.ts';
import { siteDeviceConfig } from '../../src/workflows/site-devices.ts';
import { initLedger } from '../../src/workflows/init-ledger.ts';
import type { Ledger } from '../../db/open-ledger.ts';

function adminOf(ledger: Ledger, login = ADMIN.login) {
  return toActor(ledger, operatorByLogin(ledger.db, login)!);
}

describe('sbk site add / edit / retire', () => {
  it('numbers bank branches, service points and offices by the code rule, under any parent the admin is over', () => {
    const { ledger } = freshLedger();
    const admin = adminOf(ledger);
    const b1 = addSite(ledger, admin, { parent: '420100', kind: 'bank_branch', name: '工行武汉分行营业部', bank: '中国工商银行' });
    const b2 = addSite(ledger, admin, { parent: '420102', kind: 'bank_branch', name: '建行江岸支行', bank: '中国建设银行' });
    const b3 = addSite(ledger, admin, { parent: '420102', kind: 'bank_branch', name: '农行江岸支行', bank: '中国农业银行' });
    expect([b1.code, b2.code, b3.code]).toEqual(['420100-B01', '420102-B01', '420102-B02']);
    const township = addSite(ledger, admin, { parent: '420102-01', kind: 'service_point', name: '后湖街道社保卡服务点' });
    expect(township).toMatchObject({ code: '420102-S01', kind: 'service_point', regionCode: '420102' });
    const office = addSite(ledger, admin, { parent: '420102', kind: 'service_office', name: '江岸第二经办点' });
    expect(office.code).toMatch(/^420102-\d\d$/);
    expect(listSites(ledger.db).filter((s) => s.code === office.code)).toHaveLength(1);
    expect(requireSite(ledger.db, township.code).parentId).toBe(requireSite(ledger.db, '420102-01').id);
    const audits = ledger.db.select().from(auditEvents).all().filter((a) => a.type === 'site_added');
    expect(audits).toHaveLength(5);
  });

  it('refuses a wrong parent kind, a region outside the parent, a code off the rule, a taken code and a branch without its bank', () => {
    const { ledger } = freshLedger();
    const admin = adminOf(ledger);
    const branch = addSite(ledger, admin, { parent: '420100', kind: 'bank_branch', name: '工行', bank: '中国工商银行' });
    expect(sbkCode(() => addSite(ledger, admin, { parent: branch.code, kind: 'service_point', name: '某服务点' }))).toBe('SITE_PARENT_KIND');
    expect(sbkCode(() => addSite(ledger, admin, { parent: '420102', kind: 'service_office', name: '某点', region: '420103' }))).toBe('SITE_REGION_OUTSIDE');
    expect(sbkCode(() => addSite(ledger, admin, { parent: '420102', kind: 'bank_branch', name: '某行', bank: '某银行', code: '420102-07' }))).toBe('SITE_CODE_FORMAT');
    expect(sbkCode(() => addSite(ledger, admin, { parent: '420100', kind: 'bank_branch', name: '某行', bank: '某银行', code: '420100-B01' }))).toBe('SITE_CODE_TAKEN');
    expect(sbkCode(() => addSite(ledger, admin, { parent: '420100', kind: 'bank_branch', name: '某行' }))).toBe('SITE_BANK_REQUIRED');
    expect(sbkCode(() => addSite(ledger, admin, { parent: '420000', kind: 'service_office', name: '省本级' }))).toBe('SITE_OUT_OF_SCOPE');
  });

  it('checks scope and role: a district admin adds only below their district; a clerk adds nothing', () => {
    const { ledger } = freshLedger();
    const admin = adminOf(ledger);
    addOperator(ledger, admin, { login: 'jiangan', name: '江岸管理员', role: 'admin', siteCode: '420102', pin: '246801' });
    addOperator(ledger, admin, { login: 'clerk', name: '柜员甲', role: 'clerk', siteCode: '420102', pin: '246802' });
    const district = adminOf(ledger, 'jiangan');
    expect(addSite(ledger, district, { parent: '420102', kind: 'service_point', name: '社区服务点' }).code).toBe('420102-S01');
    expect(sbkCode(() => addSite(ledger, district, { parent: '420103', kind: 'service_point', name: '社区服务点' }))).toBe('SITE_OUT_OF_SCOPE');
    expect(sbkCode(() => addSite(ledger, adminOf(ledger, 'clerk'), { parent: '420102', kind: 'service_point', name: '社区服务点' }))).toBe('ROLE_REQUIRED');
  });

  it('edits a name, and retires only an empty site with nothing under it', () => {
    const { ledger } = freshLedger();
    const admin = adminOf(ledger);
    const office = addSite(ledger, admin, { parent: '420102', kind: 'service_office', name: '旧名' });
    addSite(ledger, admin, { parent: office.code, kind: 'service_point', name: '社区点' });
    expect(editSite(ledger, admin, office.code, { name: '新名', phone: '027-1' })).toMatchObject({ name: '新名', phone: '027-1' });
    expect(sbkCode(() => editSite(ledger, admin, office.code, {}))).toBe('SITE_EDIT_NOTHING');
    expect(sbkCode(() => retireSiteByCode(ledger, admin, office.code))).toBe('SITE_HAS_CHILDREN');
    retireSiteByCode(ledger, admin, `${office.regionCode}-S01`);
    expect(retireSiteByCode(ledger, admin, office.code).retiredAt).not.toBeNull();
    expect(sbkCode(() => addPlaceAt(ledger, admin, { site: office.code, name: '保险柜2', kind: 'vault' }))).toBe('SITE_RETIRED');
    expect(sbkCode(() => addOperator(ledger, admin, { login: 'late', name: '迟到者', role: 'clerk', siteCode: office.code, pin: '246801' }))).toBe('SITE_RETIRED');
    expect(sbkCode(() => checkDestination(ledger.db, admin, office.code))).toBe('SITE_RETIRED');
    expect(sbkCode(() => retireSiteByCode(ledger, admin, '420100'))).toBe('SITE_RETIRE_OWN');
  });

  it('sbk init takes a region outside the bundled directories when it is given a name', () => {
    const dir = tempDir();
    expect(sbkCode(() => initLedger({ path: join(dir, 'a.db'), siteCode: '440100', admin: ADMIN }))).toBe('SITE_NOT_FOUND');
    const r = initLedger({ path: join(dir, 'b.db'), siteCode: '440106', siteName: '天河区社保卡服务中心', admin: ADMIN });
    track(r.ledger);
    expect(listSites(r.ledger.db).map((s) => [s.code, s.kind, s.inScope])).toEqual([
      ['440000', 'province', false],
      ['440100', 'city_centre', false],
      ['440106', 'county', true],
    ]);
    expect(placesAt(r.ledger.db, r.rootSiteId).map((p) => p.kind)).toEqual(['safe']);
  });
});

describe('sbk place add / list / retire', () => {
  it('adds the four kinds; a hopper names its printer and takes the next hopper number', () => {
    const { ledger } = freshLedger();
    const admin = adminOf(ledger);
    const branch = addSite(ledger, admin, { parent: '420100', kind: 'bank_branch', name: '工行', bank: '中国工商银行' });
    addPlaceAt(ledger, admin, { site: branch.code, name: '保险柜', kind: 'vault' });
    addPlaceAt(ledger, admin, { site: branch.code, name: '柜台1', kind: 'drawer' });
    addPlaceAt(ledger, admin, { site: branch.code, name: '退回架', kind: 'shelf' });
    const h1 = addPlaceAt(ledger, admin, { site: branch.code, name: '制卡机1-卡盒1', kind: 'hopper', printerId: '制卡机1' });
    const h2 = addPlaceAt(ledger, admin, { site: branch.code, name: '制卡机1-卡盒2', kind: 'hopper', printerId: '制卡机1' });
    expect([h1.hopperNo, h2.hopperNo]).toEqual([1, 2]);
    expect(sbkCode(() => addPlaceAt(ledger, admin, { site: branch.code, name: '卡盒X', kind: 'hopper' }))).toBe('PLACE_PRINTER_REQUIRED');
    expect(sbkCode(() => addPlaceAt(ledger, admin, { site: branch.code, name: '卡盒Y', kind: 'hopper', printerId: '制卡机1', hopperNo: 2 }))).toBe('PLACE_HOPPER_TAKEN');
    expect(sbkCode(() => addPlaceAt(ledger, admin, { site: branch.code, name: '保险柜', kind: 'vault' }))).toBe('PLACE_NAME_TAKEN');
    expect(sbkCode(() => addPlaceAt(ledger, admin, { site: branch.code, name: '柜台2', kind: 'drawer', printerId: '制卡机1' }))).toBe('PLACE_PRINTER_NOT_HOPPER');
    expect(placeList(ledger, admin, branch.code).map((p) => [p.name, p.kind, p.held])).toEqual([
      ['保险柜', 'vault', 0],
      ['柜台1', 'drawer', 0],
      ['退回架', 'shelf', 0],
      ['制卡机1-卡盒1', 'hopper', 0],
      ['制卡机1-卡盒2', 'hopper', 0],
    ]);
    retirePlaceAt(ledger, admin, branch.code, '退回架');
    expect(placesAt(ledger.db, branch.id).map((p) => p.name)).not.toContain('退回架');
    expect(placeList(ledger, admin, branch.code, { withRetired: true }).find((p) => p.name === '退回架')).toMatchObject({ retired: true });
    expect(ledger.db.select().from(auditEvents).all().filter((a) => a.type === 'place_added' || a.type === 'place_retired')).toHaveLength(6);
  });

  it("the devices take a printer's hoppers from the ledger when devices.json does not map them", () => {
    const { ledger, dir } = freshLedger();
    const admin = adminOf(ledger);
    const branch = addSite(ledger, admin, { parent: '420100', kind: 'bank_branch', name: '工行', bank: '中国工商银行' });
    addPlaceAt(ledger, admin, { site: branch.code, name: '卡盒甲', kind: 'hopper', printerId: 'P1', hopperNo: 3 });
    addPlaceAt(ledger, admin, { site: branch.code, name: '卡盒乙', kind: 'hopper', printerId: 'P2' });
    writeFileSync(join(dir, 'devices.json'), JSON.stringify({ sites: { [branch.code]: { printers: [{ id: 'P1', transport: 'simulator' }] } } }));
    const prev = process.env.SBK_DEVICES;
    delete process.env.SBK_DEVICES;
    try {
      const { config, source } = siteDeviceConfig(ledger, branch);
      expect(source).toBe('file');
      expect(config.printers.map((p) => [p.id, [...p.hoppers]])).toEqual([['P1', [[3, '卡盒甲']]]]);
    } finally {
      if (prev !== undefined) process.env.SBK_DEVICES = prev;
    }
  });
});
