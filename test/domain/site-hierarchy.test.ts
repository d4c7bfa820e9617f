import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv, parseCsvWithHeader } from '../../src/domain/csv.ts';
import { deriveSites, subtreeWithAncestors } from '../../src/domain/site-hierarchy.ts';
import type { Region, ServiceOfficeRow, SiteSeed } from '../../src/domain/site-hierarchy.ts';
import { loadFixtureSites } from '../../src/workflows/load-fixture-sites.ts';
import { sbkCode } from '../helpers/error-code.ts';


const sites = loadFixtureSites();
const byCode = new Map(sites.map((s) => [s.code, s]));
const ofKind = (kind: SiteSeed['kind']): SiteSeed[] => sites.filter((s) => s.kind === kind);

describe('fixture sites', () => {
  it('has all 125 Hubei service offices and all 29 Linxiang bank branches', () => {
    expect(ofKind('service_office')).toHaveLength(125);
    expect(ofKind('bank_branch')).toHaveLength(29);
    expect(ofKind('province').map((s) => s.code)).toEqual(['420000', '430000']);
  });

  it('gives every site a unique code in the documented shapes', () => {
    expect(new Set(sites.map((s) => s.code)).size).toBe(sites.length);
    for (const s of sites) {
      const shape =
        s.kind === 'service_office' ? /^\d{6}-\d{2}$/ : s.kind === 'bank_branch' ? /^\d{6}-B\d{2}$/ : /^\d{6}$/;
      expect(s.code, s.code).toMatch(shape);
      expect(s.code.startsWith(s.regionCode)).toBe(true);
    }
  });

  it('lists parents before children and every parent exists', () => {
    const seen = new Set<string>();
    for (const s of sites) {
      if (s.parentCode !== null) {
        expect(byCode.has(s.parentCode), `${s.code} → ${s.parentCode}`).toBe(true);
        expect(seen.has(s.parentCode), `${s.code} listed before ${s.parentCode}`).toBe(true);
      }
      seen.add(s.code);
    }
  });

  it('derives levels from region codes', () => {
    expect(byCode.get('420100')).toMatchObject({ kind: 'city_centre', name: '武汉市社保卡管理中心', parentCode: '420000' });
    expect(byCode.get('420102')).toMatchObject({ kind: 'county', name: '江岸区', parentCode: '420100' });
    expect(byCode.get('420102-01')).toMatchObject({ kind: 'service_office', name: '江岸社会保险管理处', parentCode: '420102' });
    expect(byCode.get('420000')).toMatchObject({ name: '湖北省', parentCode: null });
  });

  it('hangs 市本级 offices directly under the city centre', () => {
    expect(byCode.get('420200-01')).toMatchObject({ name: '黄石市24小时人社便民服务e站', parentCode: '420200' });
    expect(byCode.get('420200-02')?.parentCode).toBe('420200');
    expect(byCode.get('420200')?.kind).toBe('city_centre');
    // The seed gives 荆州 市本级 the code 421099; the fixture files it at city level.
    expect(byCode.get('421000-01')).toMatchObject({ name: '荆州市居民服务一卡通窗口', parentCode: '421000' });
  });

  it('treats 仙桃/潜江/天门/神农架 as city centres under the province', () => {
    for (const code of ['429004', '429005', '429006', '429021']) {
      expect(byCode.get(code)).toMatchObject({ kind: 'city_centre', parentCode: '420000' });
      expect(byCode.get(`${code}-01`)?.parentCode).toBe(code);
    }
    expect(byCode.has('429000')).toBe(false);
  });

  it('hangs the 省本级 window under the province', () => {
    expect(byCode.get('420000-01')).toMatchObject({ name: '湖北省本级社保卡服务窗口', parentCode: '420000' });
  });

  it('puts the Linxiang branches under 临湘市 → 岳阳市 → 湖南省', () => {
    expect(byCode.get('430682-B01')).toMatchObject({
      kind: 'bank_branch',
      bank: '工商银行',
      name: '中国工商银行股份有限公司临湘支行营业室',
      phone: '0730-3722652',
      parentCode: '430682',
    });
    expect(byCode.get('430682')?.parentCode).toBe('430600');
    expect(byCode.get('430600')?.parentCode).toBe('430000');
    expect(byCode.get('430682-B29')?.name).toBe('中国邮政储蓄银行临湘市北正街支行');
  });

  it('keeps an address with commas intact', () => {
    expect(byCode.get('420281-01')?.address).toBe('湖北省黄石市大冶市长乐大道9号大冶市政务服务中心1楼B08 , B10 , B12窗口');
  });
});

describe('subtreeWithAncestors', () => {
  it('for 420100 has the Wuhan offices and 湖北省 but nothing from 黄石', () => {
    const sub = subtreeWithAncestors(sites, '420100');
    const codes = sub.map((s) => s.code);
    expect(codes[0]).toBe('420000');
    expect(codes[1]).toBe('420100');
    expect(codes).toContain('420102-01');
    expect(codes).toContain('420113-02');
    expect(sub.filter((s) => s.kind === 'service_office')).toHaveLength(16);
    expect(codes.some((c) => c.startsWith('4202'))).toBe(false);
    expect(codes).not.toContain('420000-01'); // a sibling of the city, not an ancestor
    expect(codes).not.toContain('420200');
  });

  it('for one office is the office plus its chain', () => {
    expect(subtreeWithAncestors(sites, '430682-B05').map((s) => s.code)).toEqual([
      '430000',
      '430600',
      '430682',
      '430682-B05',
    ]);
  });

  it('rejects an unknown root', () => {
    expect(sbkCode(() => subtreeWithAncestors(sites, '999999'))).toBe('SITE_NOT_FOUND');
  });
});

describe('deriveSites validation', () => {
  const regions: Region[] = [
    { code: '420000', name: '湖北省', level: 'province' },
    { code: '420100', name: '武汉市', level: 'city' },
    { code: '420102', name: '江岸区', level: 'county' },
  ];
  const office = (seq: number, regionCode: string): ServiceOfficeRow => ({
    seq,
    city: '武汉市',
    district: '江岸区',
    regionCode,
    name: `网点${seq}`,
    address: '',
    phone: '',
  });

  it('numbers offices per region in seed order', () => {
    const out = deriveSites([office(2, '420102'), office(1, '420102'), office(3, '420100')], [], regions);
    expect(out.map((s) => [s.code, s.name])).toEqual([
      ['420000', '湖北省'],
      ['420100', '武汉市社保卡管理中心'],
      ['420100-01', '网点3'],
      ['420102', '江岸区'],
      ['420102-01', '网点1'],
      ['420102-02', '网点2'],
    ]);
  });

  it('rejects an office in an unknown region and a region without its parent', () => {
    expect(sbkCode(() => deriveSites([office(1, '420103')], [], regions))).toBe('SITE_DATA_INVALID');
    expect(sbkCode(() => deriveSites([], [], regions.slice(1)))).toBe('SITE_DATA_INVALID');
    expect(sbkCode(() => deriveSites([], [], [...regions, regions[2]!]))).toBe('SITE_DATA_INVALID');
  });
});

describe('csv', () => {
  it('round-trips quotes, commas and line breaks', () => {
    const rows = [
      ['a', 'b,c', 'say "hi"'],
      ['多行\n文本', '', 'x'],
    ];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });

  it('reads CRLF, a BOM and a missing final newline', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,"2"\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('rejects an unclosed quote and a stray quote', () => {
    expect(sbkCode(() => parseCsv('a,"b\n'))).toBe('CSV_INVALID');
    expect(sbkCode(() => parseCsv('a,b"c\n'))).toBe('CSV_INVALID');
    expect(sbkCode(() => parseCsv('a,"b"c\n'))).toBe('CSV_INVALID');
  });

  it('checks the header and field count', () => {
    expect(parseCsvWithHeader('x,y\n1,2\n', ['x', 'y'])).toEqual([{ x: '1', y: '2' }]);
    expect(sbkCode(() => parseCsvWithHeader('x,z\n1,2\n', ['x', 'y']))).toBe('CSV_INVALID');
    expect(sbkCode(() => parseCsvWithHeader('x,y\n1\n', ['x', 'y']))).toBe('CSV_INVALID');
  });
});
