/**
 * Issue 19 items 3 and 4: the batch application file (GD Annex 6) registered all or nothing,
 * applicants linked to their cards by ID number, and the contact list of HB Art. 14 (三个工作日内
 * 联系申请单位或个人领取) with its working-day deadline, masked phones, audited opening,
 * append-only contacts, home alert and CSV. Files and cards are made here; the clock is fixed.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { importMakerFile } from '../../src/workflows/import-maker-file.ts';
import { writeMakerFile, syntheticMakerRows } from '../../src/domain/maker-file-writer.ts';
import { dispatchShipment } from '../../src/workflows/shipment-dispatch.ts';
import { signInShipment } from '../../src/workflows/shipment-sign-in.ts';
import { importApplications } from '../../src/workflows/import-applications.ts';
import { contactList, overdueContactCount, contactPhonesForExport, recordContact, showContact } from '../../src/workflows/contact-list.ts';
import { homeAlerts } from '../../src/workflows/home-alerts.ts';
import { workingCalendar } from '../../src/workflows/calendar-source.ts';
import { formatContactCsv, formatContactText } from '../../src/cli/commands/contact-command.ts';
import { formatSbk2Error } from '../../src/domain/sbk2-file.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { maskIdNumber } from '../../src/domain/mask.ts';
import { maskPhoneLastFour } from '../../src/domain/contact-deadline.ts';
import { clockFrom } from '../../src/domain/clock.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { ledgerWithStaff } from '../helpers/temp-ledger.ts';
import { sbkCode } from '../helpers/error-code.ts';
import { sbk2Line, sbk2Zip, SBK2_NAME, type Applicant } from '../helpers/sbk2-zip.ts';

const OFFICE = '420102-01';
const BATCH = '2026110601';
/** Monday 7 December 2026, 09:00 in China. */
const MONDAY = new Date('2026-12-07T09:00:00+08:00');
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

function setup() {
  const { ledger, add } = ledgerWithStaff({ ruleProfile: 'guangdong', now: clockFrom(MONDAY) });
  const city = add('lijuan', '李娟', 'supervisor', '420100', '246801');
  const clerk = add('zhangwei', '张伟', 'clerk', OFFICE, '357902');
  const other = add('liuyang', '刘洋', 'clerk', '420103-01', '579024');
  const rows = syntheticMakerRows('finished', 4, 11, { cardPrefix: 'M8', boxSize: 20 });
  const applicants: Applicant[] = rows.map((r, i) => ({
    idNumber: r.idNumber!,
    name: r.name!,
    mobile: i === 0 ? '13812345678' : '',
    phone: `027-8765432${i}`,
    unitCode: 'U0001',
    unitName: '武汉市江岸区某单位',
    address: '湖北省武汉市江岸区解放大道1号',
  }));
  /** The maker's file arrives and the cards reach the office (received on Monday). */
  const deliver = () => {
    const f = writeMakerFile('finished', { bank: '中国建设银行', cityBody: '武汉市社保卡管理中心', batch: BATCH, maker: '东信和平', bankCode: '105521000011', time: '20261120093000' }, rows);
    importMakerFile(ledger, city, { fileName: f.fileName, bytes: new TextEncoder().encode(f.text) });
    const nos = rows.map((r) => r.cardNo);
    signInShipment(ledger, city, { number: `P-${BATCH}`, operationId: randomUUID(), received: nos, close: true, signer: '李娟' });
    const s = dispatchShipment(ledger, city, { toSiteCode: OFFICE, select: { batches: [BATCH] }, method: 'staff' });
    signInShipment(ledger, clerk, { number: s.number, operationId: randomUUID(), received: nos, close: true, signer: '张伟' });
  };
  return { ledger, city, clerk, other, rows, applicants, deliver };
}

const count = (ledger: Ledger, table: string): number => (ledger.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);

describe('batch application file (GD Annex 6)', () => {
  it('registers a clean file with its photos; the same file again changes nothing', () => {
    const { ledger, city, applicants } = setup();
    const zip = sbk2Zip(applicants);
    const dry = importApplications(ledger, city, { ...zip, dryRun: true });
    expect(dry).toMatchObject({ status: 'valid', rows: 4, photos: 4, errors: [] });
    expect(count(ledger, 'applications')).toBe(0);
    const r = importApplications(ledger, city, zip);
    expect(r).toMatchObject({ status: 'imported', rows: 4, photos: 4, encoding: 'utf-8' });
    expect(count(ledger, 'applications')).toBe(4);
    const stored = ledger.sqlite.prepare('SELECT photo_name, photo_bytes, photo_sha256, unit_name FROM applications ORDER BY seq').all() as { photo_name: string; photo_bytes: number; photo_sha256: string }[];
    expect(stored[0]).toMatchObject({ photo_name: `PHOTO/${applicants[0]!.idNumber}${applicants[0]!.name}.jpg`, photo_bytes: 66, photo_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const again = importApplications(ledger, city, zip);
    expect(again.status).toBe('already-imported');
    expect(count(ledger, 'applications')).toBe(4);
    expect(count(ledger, 'application_files')).toBe(1);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('reads GB18030 text files and accepts a child under 7 without a photo', () => {
    const { ledger, city, applicants } = setup();
    const child: Applicant = { idNumber: `11010120230101003${residentIdCheckChar('11010120230101003')}`, name: '王小宝', phone: '010-65001234' };
    const all = [...applicants.slice(0, 2), child];
    const zip = sbk2Zip(all, { encode: (t) => iconv.encode(t, 'gb18030'), skipPhotos: [child.idNumber] });
    const r = importApplications(ledger, city, zip);
    expect(r.errors.map(formatSbk2Error)).toEqual([]);
    expect(r).toMatchObject({ status: 'imported', encoding: 'gb18030', rows: 3, photos: 2 });
  });

  it('reports every problem with its line and column and writes nothing', () => {
    const { ledger, city, applicants } = setup();
    const [a, b, c, d] = applicants as [Applicant, Applicant, Applicant, Applicant];
    const lines = [
      sbk2Line(a, 1),
      sbk2Line(b, 2, { 证件号码: `${b.idNumber.slice(0, 17)}${b.idNumber[17] === '0' ? '1' : '0'}` }),
      sbk2Line(c, 3, { 联系电话: '' }),
      sbk2Line(d, 5),
    ];
    const lowerX = '11010119900307001x';
    const zip = sbk2Zip([a, b, c, d], {
      lines,
      count: 5,
      skipPhotos: [a.idNumber],
      photos: { [`PHOTO/${lowerX}李四.jpg`]: new Uint8Array([0xff, 0xd8, 0xff]), 'notes.txt': new Uint8Array([1]) },
    });
    const r = importApplications(ledger, city, zip);
    expect(r.status).toBe('invalid');
    const where = r.errors.map((e) => [e.line, e.column, e.code]);
    expect(where).toEqual(
      expect.arrayContaining([
        [1, null, 'SBK2_COUNT_ROWS'],
        [3, '证件号码', 'SBK2_PHOTO_MISSING'],
        [4, '证件号码', 'ID_CHECKSUM'],
        [5, '联系电话', 'SBK2_REQUIRED'],
        [6, '序号', 'SBK2_SEQ'],
        [0, null, 'SBK2_PHOTO_NAME'],
        [0, null, 'SBK2_STRAY_ENTRY'],
      ]),
    );
    // The photo named with the right ID no longer matches the row that has it wrong.
    expect(r.errors.filter((e) => e.code === 'SBK2_PHOTO_NO_ROW').map((e) => e.entry)).toEqual([`PHOTO/${maskIdNumber(b.idNumber)}${b.name}.jpg`]);
    expect(r.errors.map(formatSbk2Error)).toContain(`第 5 行「联系电话」：${r.errors.find((e) => e.line === 5)!.message}`);
    // Nothing of the file is in the ledger, and no message carries a full ID number.
    expect(count(ledger, 'applications') + count(ledger, 'application_files')).toBe(0);
    for (const e of r.errors) expect(formatSbk2Error(e)).not.toMatch(/[0-9]{17}[0-9Xx]/);
  });

  it('refuses a wrong file name, a wrong header and something that is not a zip', () => {
    const { ledger, city, applicants } = setup();
    const badName = importApplications(ledger, city, { ...sbk2Zip(applicants), fileName: 'SBK2_10552_4401_4_2026.zip' });
    expect(badName.errors[0]).toMatchObject({ line: 0, code: 'SBK2_FILE_NAME' });
    const header = importApplications(ledger, city, sbk2Zip(applicants, { header: '序号*,申请表编码*' }));
    expect(header.errors).toEqual(expect.arrayContaining([expect.objectContaining({ line: 2, code: 'SBK2_HEADER' })]));
    const notZip = importApplications(ledger, city, { fileName: SBK2_NAME(4), bytes: new Uint8Array([1, 2, 3]) });
    expect(notZip.errors.map((e) => e.code)).toEqual(['SBK2_NOT_ZIP']);
    expect(count(ledger, 'applications')).toBe(0);
  });
});

describe('contact within three working days (HB Art. 14)', () => {
  it('lists arrived cards with deadline and masked phones, links applications filed before or after the cards, records contacts', () => {
    const { ledger, clerk, other, city, rows, applicants, deliver } = setup();
    importApplications(ledger, city, sbk2Zip(applicants.slice(0, 2)));
    deliver();
    importApplications(ledger, city, sbk2Zip(applicants.slice(2), { fileName: SBK2_NAME(2).replace('093000', '103000') }));
    const cal = workingCalendar();
    const list = contactList(ledger, clerk, cal, {}, at('2026-12-10'));
    expect(list).toHaveLength(4);
    expect(list[0]).toMatchObject({ receivedOn: '2026-12-07', dueBy: '2026-12-10', overdue: false, contacted: false, unitName: '武汉市江岸区某单位', phoneMasked: '*******5678' });
    expect(list.map((r) => r.phoneMasked)).toEqual(['*******5678', '***-****4321', '***-****4322', '***-****4323']);
    expect(contactList(ledger, other, cal, {}, at('2026-12-10'))).toEqual([]);

    // Thursday is the last day; on Friday the uncontacted cards are overdue and on the home screen.
    const friday = at('2026-12-11');
    expect(contactList(ledger, clerk, cal, { overdueOnly: true }, friday)).toHaveLength(4);
    const no = rows[0]!.cardNo;
    const rec = recordContact(ledger, clerk, { cardNo: no, channel: 'phone', result: '已接通，本人周五来领' });
    expect(rec).toMatchObject({ cardNo: no, channel: 'phone', by: '张伟' });
    expect(sbkCode(() => recordContact(ledger, clerk, { cardNo: no, channel: 'fax' }))).toBe('CONTACT_CHANNEL');
    expect(sbkCode(() => recordContact(ledger, other, { cardNo: no, channel: 'sms' }))).toBe('CONTACT_CARD_NOT_WAITING');
    const overdue = contactList(ledger, clerk, cal, { overdueOnly: true }, friday);
    expect(overdue.map((r) => r.cardNo)).not.toContain(no);
    expect(overdue).toHaveLength(3);
    // The home alert counts in SQL what the list decides card by card: the same on every day.
    for (const d of ['2026-12-09', '2026-12-10', '2026-12-11', '2026-12-14', '2026-12-31', '2027-02-20']) {
      expect(overdueContactCount(ledger, clerk, cal, at(d)), d).toBe(contactList(ledger, clerk, cal, { overdueOnly: true }, at(d)).length);
    }
    expect(overdueContactCount(ledger, clerk, cal, friday)).toBe(3);
    const alerts = homeAlerts(ledger, clerk, cal, friday);
    expect(alerts).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'contactOverdue', level: 'warn' })]));

    // Masked everywhere: text, CSV, JSON-able rows. Only `show` opens the number, and it is audited.
    const all = contactList(ledger, clerk, cal, {}, friday);
    const outputs = [formatContactText(all, '2026-12-11'), formatContactCsv(all), JSON.stringify(all)];
    for (const o of outputs) {
      expect(o).not.toContain('13812345678');
      expect(o).not.toContain('87654321');
      expect(o).not.toContain(rows[0]!.idNumber!);
    }
    const audits = () => count(ledger, "audit_events WHERE type = 'contact_phone_shown'");
    const shown = showContact(ledger, clerk, no);
    expect(shown).toMatchObject({ mobile: '13812345678', phone: '027-87654320', unitCode: 'U0001', contacts: [expect.objectContaining({ channel: 'phone', result: '已接通，本人周五来领' })] });
    expect(audits()).toBe(1);
    const full = contactPhonesForExport(ledger, clerk, all);
    expect(formatContactCsv(all, full)).toContain('13812345678');
    expect(count(ledger, "audit_events WHERE type = 'contact_phones_exported'")).toBe(1);

    // Contacts are append-only; the ledger verifies clean.
    expect(() => ledger.sqlite.prepare('DELETE FROM contact_attempts').run()).toThrow(/SBK_APPEND_ONLY/);
    expect(() => ledger.sqlite.prepare("UPDATE applications SET phone = '1'").run()).toThrow(/SBK_APPEND_ONLY/);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('masks all but the last four digits', () => {
    expect(maskPhoneLastFour('13812345678')).toBe('*******5678');
    expect(maskPhoneLastFour('020-83001234')).toBe('***-****1234');
    expect(maskPhoneLastFour('123')).toBe('**3');
  });
});
