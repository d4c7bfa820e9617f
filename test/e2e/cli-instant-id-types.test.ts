/**
 * `sbk instant make` for applicants with other documents than the resident ID (HB Art. 5;
 * GD Art. 35) and for a child under 7 with no photo (GD Art. 5 (五)), as real processes on a
 * demo ledger with the simulated printer.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliAs, demoLedgerCopies, verifies } from '../helpers/demo-cli.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { todayInChina } from '../../src/domain/china-dates.ts';
import { testJpeg } from '../helpers/jpeg.ts';

const copy = demoLedgerCopies('sbk-instant-ids-');
const { ok, refused } = cliAs({ sunli: '680135' });
const PHOTO = fileURLToPath(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url));
const PNG = fileURLToPath(new URL('../../fixtures/photos/applicant-sample.png', import.meta.url));
const base = (cardNo: string, name: string) => ['instant', 'make', '--name', name, '--bank', '中国工商银行', '--card-no', cardNo];

type SimCard = { face?: string[]; chip?: { ssn?: string } };
function goodBin(db: string): SimCard[] {
  return JSON.parse(readFileSync(join(dirname(db), 'devices-sim', '420102-B01-制卡机1.json'), 'utf8')).bins.good;
}

describe('sbk instant make: every applicant', () => {
  it('a Hong Kong resident with a residence permit: the permit number is the social security number', () => {
    const db = copy();
    const permit = '81000019880808001' + residentIdCheckChar('81000019880808001');
    const r = ok(db, 'sunli', [...base('T00000011', '陈家豪'), '--id-type', 'hmt_residence_permit', '--id', permit, '--photo', PHOTO]);
    expect(r).toMatchObject({ status: 'issued', cardNo: 'T00000011' });
    expect(r.warnings).toBeUndefined();
    expect(JSON.stringify(r)).not.toContain(permit);
    expect(r.receipt.holderIdMasked.endsWith(permit.slice(-4))).toBe(true);
    const face = JSON.stringify(goodBin(db).at(-1));
    expect(face).toContain(`社会保障号码  ${permit}`);
    verifies(db);
  });

  it('a Hong Kong resident with the travel permit (Chinese type name): needs the assigned social security number', () => {
    const db = copy();
    const args = [...base('T00000012', '李嘉欣'), '--id-type', '港澳居民来往内地通行证', '--id', 'h12345678', '--photo', PHOTO];
    refused(db, 'sunli', args, 'SSN_REQUIRED');
    refused(db, 'sunli', [...base('T00000012', '李嘉欣'), '--id-type', 'hk_macao_permit', '--id', 'H1234567', '--photo', PHOTO, '--ssn', 'H8100001234567'], 'ID_FORMAT');
    const r = ok(db, 'sunli', [...args, '--ssn', 'H8100001234567']);
    expect(r).toMatchObject({ status: 'issued', cardNo: 'T00000012' });
    expect(JSON.stringify(goodBin(db).at(-1))).toContain('社会保障号码  H8100001234567');
    const card = ok(db, 'sunli', ['card', 'T00000012']);
    expect(JSON.stringify(card)).toContain('hk_macao_permit');
    expect(JSON.stringify(card)).not.toContain('H12345678');
    verifies(db);
  });

  it('a foreigner with a passport, a photo of another size: issued, with warnings', () => {
    const db = copy();
    const dir = mkdtempSync(join(tmpdir(), 'sbk-photo-'));
    const odd = join(dir, 'odd.jpg');
    writeFileSync(odd, testJpeg(600, 800, 45 * 1024));
    const huge = join(dir, 'huge.jpg');
    writeFileSync(huge, testJpeg(358, 441, 60 * 1024));
    refused(db, 'sunli', [...base('T00000013', 'JOHN SMITH'), '--id-type', 'foreign_passport', '--id', 'X12345678', '--ssn', 'USA123456789012', '--photo', huge], 'PHOTO_TOO_LARGE');
    const r = ok(db, 'sunli', [...base('T00000013', 'JOHN SMITH'), '--id-type', 'foreign_passport', '--id', 'x 1234 5678', '--ssn', 'USA123456789012', '--photo', odd]);
    expect(r.status).toBe('issued');
    expect(r.warnings.map((w: { code: string }) => w.code)).toEqual(['PHOTO_FILE_SIZE', 'PHOTO_PIXELS']);
    expect(JSON.stringify(ok(db, 'sunli', ['card', 'T00000013']))).toContain('foreign_passport');
    verifies(db);
  });

  it('refuses a PNG photo, and no photo for an adult', () => {
    const db = copy();
    const id = '42010219900101001' + residentIdCheckChar('42010219900101001');
    refused(db, 'sunli', [...base('T00000014', '王小明'), '--id', id, '--photo', PNG], 'PHOTO_NOT_JPEG');
    refused(db, 'sunli', [...base('T00000014', '王小明'), '--id', id], 'FACE_PHOTO_MISSING');
  });

  it('a child under 7 with no photo: the photo area stays empty', () => {
    const db = copy();
    const year = Number(todayInChina(new Date()).slice(0, 4)) - 3;
    const child = `420102${year}0101002`;
    const id = child + residentIdCheckChar(child);
    const r = ok(db, 'sunli', [...base('T00000015', '王小宝'), '--id', id]);
    expect(r).toMatchObject({ status: 'issued', cardNo: 'T00000015' });
    const made = JSON.stringify(goodBin(db).at(-1));
    expect(made).toContain('王小宝');
    expect(made).not.toContain('|46|127|234|300');
    // A Taiwan permit carries no birth date: it is typed.
    refused(db, 'sunli', [...base('T00000016', '林小宝'), '--id-type', 'taiwan_permit', '--id', '12345678', '--ssn', '830000123456789'], 'FACE_PHOTO_MISSING');
    const tw = ok(db, 'sunli', [...base('T00000016', '林小宝'), '--id-type', 'taiwan_permit', '--id', '12345678', '--ssn', '830000123456789', '--birth-date', `${year}-06-01`]);
    expect(tw.status).toBe('issued');
    verifies(db);
  });
});
