/**
 * A batch application file (GD Annex 6) written in the test itself: the text file (29 columns)
 * and PHOTO/身份证号姓名.jpg for each applicant, zipped with fflate as the intake reads it.
 */
import { zipSync, strToU8 } from 'fflate';
import { SBK2_HEADER, SBK2_REQUIRED, type Sbk2Column } from '../../src/domain/sbk2-format.ts';

export type Applicant = { idNumber: string; name: string; mobile?: string; phone?: string; unitCode?: string; unitName?: string; address?: string };

/** The smallest bytes the reader takes for a JPEG: SOI, an APP0 marker, then padding. */
export const FAKE_JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(0x20), 0xff, 0xd9]);

export const SBK2_NAME = (n: number) => `SBK2_10552_44010000000001_${n}_20261201093000.zip`;

export function sbk2Line(a: Applicant, seq: number, over: Partial<Record<Sbk2Column, string>> = {}): string {
  const f: Record<Sbk2Column, string> = Object.fromEntries(SBK2_HEADER.map((c) => [c, ''])) as Record<Sbk2Column, string>;
  Object.assign(f, {
    序号: String(seq),
    申领表编码: `4401${String(seq).padStart(8, '0')}`,
    卡类别: '1',
    国籍: 'CHN',
    证件类型: '1',
    证件号码: a.idNumber,
    证件有效期: '20361231',
    姓名: a.name,
    性别: Number(a.idNumber[16]) % 2 ? '1' : '2',
    民族: '01',
    出生日期: a.idNumber.slice(6, 14),
    联系手机: a.mobile ?? '',
    联系电话: a.phone ?? '020-83001234',
    通讯地址: a.address ?? '',
    职业: '1000000',
    单位编号: a.unitCode ?? '',
    单位名称: a.unitName ?? '',
    服务银行: '10552',
  });
  Object.assign(f, over);
  return SBK2_HEADER.map((c) => f[c]).join(',');
}

export type Sbk2Options = {
  lines?: string[];
  count?: number;
  header?: string;
  photos?: Record<string, Uint8Array>;
  skipPhotos?: string[];
  encode?: (text: string) => Uint8Array;
  fileName?: string;
};

export function sbk2Zip(applicants: readonly Applicant[], o: Sbk2Options = {}): { fileName: string; bytes: Uint8Array } {
  const fileName = o.fileName ?? SBK2_NAME(applicants.length);
  const lines = o.lines ?? applicants.map((a, i) => sbk2Line(a, i + 1));
  const header = o.header ?? SBK2_HEADER.map((c) => (SBK2_REQUIRED.has(c) ? `${c}*` : c)).join(',');
  const text = [String(o.count ?? lines.length), header, ...lines].join('\r\n') + '\r\n';
  const files: Record<string, Uint8Array> = { [fileName.replace(/\.zip$/, '.txt')]: (o.encode ?? strToU8)(text) };
  for (const a of applicants) {
    if (o.skipPhotos?.includes(a.idNumber)) continue;
    files[`PHOTO/${a.idNumber}${a.name}.jpg`] = FAKE_JPEG;
  }
  Object.assign(files, o.photos ?? {});
  return { fileName, bytes: zipSync(files) };
}
