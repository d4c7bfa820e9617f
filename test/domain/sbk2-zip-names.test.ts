import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readZipEntries } from '../../src/domain/sbk2-zip.ts';
import { parseSbk2File } from '../../src/domain/sbk2-file.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { rawZip } from '../helpers/raw-zip.ts';
import { FAKE_JPEG, SBK2_NAME, sbk2Line } from '../helpers/sbk2-zip.ts';
import { SBK2_HEADER, SBK2_REQUIRED } from '../../src/domain/sbk2-format.ts';

const gbk = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'gbk'));
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

describe('SBK2 zip entry names from Chinese Windows tools (GBK, no UTF-8 flag)', () => {
  it('decodes GBK names and keeps UTF-8-flagged and plain ASCII names as they are', () => {
    const zip = rawZip([
      { name: gbk('PHOTO/11010119900307001X张三.jpg'), bytes: FAKE_JPEG },
      { name: utf8('PHOTO/110101199003070029李四.jpg'), bytes: FAKE_JPEG, utf8Flag: true },
      { name: utf8('readme.txt'), bytes: utf8('x') },
    ]);
    const names = readZipEntries(zip, () => 1 << 20)!.map((e) => e.name);
    expect(names).toEqual(['PHOTO/11010119900307001X张三.jpg', 'PHOTO/110101199003070029李四.jpg', 'readme.txt']);
  });

  it('a GBK-named photo matches its applicant row, so the file imports cleanly', () => {
    const base = '11010119900307001';
    const id = `${base}${residentIdCheckChar(base)}`;
    const fileName = SBK2_NAME(1);
    const header = SBK2_HEADER.map((c) => (SBK2_REQUIRED.has(c) ? `${c}*` : c)).join(',');
    const text = ['1', header, sbk2Line({ idNumber: id, name: '欧阳明', phone: '020-83001234' }, 1)].join('\r\n') + '\r\n';
    const zip = rawZip([
      { name: gbk(fileName.replace(/\.zip$/, '.txt')), bytes: gbk(text) },
      { name: gbk(`PHOTO/${id}欧阳明.jpg`), bytes: FAKE_JPEG },
    ]);
    const r = parseSbk2File(fileName, zip, '2026-12-07');
    expect(r.errors).toEqual([]);
    expect(r.encoding).toBe('gb18030');
    expect(r.rows).toHaveLength(1);
  });
});
