import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatBatchRegisterCsv, formatBatchRegisterText } from '../../src/domain/batch-register-format.ts';
import type { BatchRegister, BatchRegisterRow } from '../../src/domain/batch-register.ts';
import type { CardState } from '../../src/domain/card-states.ts';
import { parseCsv } from '../../src/domain/csv.ts';

const LONG_NAME = '阿卜杜热合曼·买买提艾力·阿不都热西提·吐尔逊托合提';
const EVIL_NAME = '=HYPERLINK("http://evil.example/x","点我")';
const CITY = { code: '420100', name: '武汉市社会保险卡服务中心' };
const JIANGAN = { code: '420102', name: '江岸区社会保险卡服务网点' };
const HANKOU = { code: '420102001', name: '江岸区汉口火车站街道社会保障服务中心营业厅' };

const NAMES = ['王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴霞', '徐强', '孙丽', '马超'];

/**
 * 25 cards in 3 boxes: 10 in stock at the city centre, 10 in transit to or in stock at
 * Jiang'an, 5 at a service hall (agent-held or issued).
 */
function rows(): BatchRegisterRow[] {
  const special: Record<number, string | null> = { 1: '张[CHUI]', 4: '阿依古丽·买买提', 12: LONG_NAME, 17: EVIL_NAME, 21: null };
  return Array.from({ length: 25 }, (_, i) => {
    const [state, site, place, heldBy]: [CardState, { code: string; name: string }, string | null, string | null] =
      i < 10
        ? ['in_stock', CITY, '成品卡库A架', '李娟']
        : i < 15
          ? ['in_transit', JIANGAN, null, '李娟（发出人）']
          : i < 20
            ? ['in_stock', JIANGAN, '网点保险柜', '王建国']
            : i < 22
              ? ['agent_held', HANKOU, null, '武汉钢铁集团有限公司人力资源部代领人刘德华']
              : ['issued', HANKOU, null, '本人'];
    return {
      cardNo: `A${String(10_000_001 + i)}`,
      box: i < 10 ? 'B01' : i < 20 ? 'B02' : 'B03',
      boxPosition: String((i % 10) + 1).padStart(3, '0'),
      holderName: i in special ? special[i]! : NAMES[i % NAMES.length]!,
      // The workflow passes masked numbers; card 3 comes unmasked as for a role that sees them whole.
      idNumber: i === 21 ? null : i === 3 ? '420102199001011234' : `4201**********${String(1000 + i)}`,
      state,
      siteCode: site.code,
      siteName: site.name,
      placeName: place,
      heldBy,
      since: `2026-11-${String(10 + (i % 10)).padStart(2, '0')}T02:15:00.000Z`,
    };
  });
}

function register(over: Partial<BatchRegister> = {}): BatchRegister {
  return {
    batch: { code: '420100-2026-1120', kind: 'finished', bank: '中国工商银行', maker: '东信和平科技股份有限公司', declaredCount: 500 },
    scope: CITY,
    generatedAt: '2026-11-23T16:05:00.000Z',
    generatedBy: 'wangfang',
    byState: [
      { state: 'in_stock', label: '在库', n: 15 },
      { state: 'in_transit', label: '在途', n: 5 },
      { state: 'agent_held', label: '代领中', n: 2 },
      { state: 'issued', label: '已发放', n: 3 },
    ],
    bySite: [
      { siteCode: CITY.code, siteName: CITY.name, state: 'in_stock', label: '在库', n: 10 },
      { siteCode: JIANGAN.code, siteName: JIANGAN.name, state: 'in_transit', label: '在途', n: 5 },
      { siteCode: JIANGAN.code, siteName: JIANGAN.name, state: 'in_stock', label: '在库', n: 5 },
      { siteCode: HANKOU.code, siteName: HANKOU.name, state: 'agent_held', label: '代领中', n: 2 },
      { siteCode: HANKOU.code, siteName: HANKOU.name, state: 'issued', label: '已发放', n: 3 },
    ],
    rows: rows(),
    outsideScope: 475,
    ...over,
  };
}

const CARD_HEADER = ['箱号', '箱内位置', '社保卡号', '姓名', '证件号码', '状态', '所在网点', '保管地点', '保管人/持有人', '状态时间'];

describe('formatBatchRegisterCsv', () => {
  const csv = formatBatchRegisterCsv(register());
  const parsed = parseCsv(csv);

  it('starts with a BOM and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the details, then counts by state and by site', () => {
    expect(parsed.slice(0, 27)).toEqual([
      ['批次', '420100-2026-1120'],
      ['卡类', '成品卡'],
      ['银行', '中国工商银行'],
      ['卡商', '东信和平科技股份有限公司'],
      ['应有张数', '500'],
      ['范围', '420100 武汉市社会保险卡服务中心'],
      // 16:05 UTC is past midnight in China.
      ['生成时间', '2026-11-24 00:05'],
      ['生成人', 'wangfang'],
      ['不在本辖区', '475'],
      [''],
      ['按状态'],
      ['状态', '张数'],
      ['在库', '15'],
      ['在途', '5'],
      ['代领中', '2'],
      ['已发放', '3'],
      [''],
      ['按网点'],
      ['网点编码', '网点', '状态', '张数'],
      ['420100', CITY.name, '在库', '10'],
      ['420102', JIANGAN.name, '在途', '5'],
      ['420102', JIANGAN.name, '在库', '5'],
      ['420102001', HANKOU.name, '代领中', '2'],
      ['420102001', HANKOU.name, '已发放', '3'],
      [''],
      CARD_HEADER,
      ['B01', '001', 'A10000001', '王芳', '4201**********1000', '在库', CITY.name, '成品卡库A架', '李娟', '2026-11-10 10:15'],
    ]);
  });

  it('writes one row per card in order, every column filled from the ledger row', () => {
    const body = parsed.slice(26);
    expect(body).toHaveLength(25);
    expect(body.map((r) => r[2])).toEqual(rows().map((r) => r.cardNo));
    expect(body.every((r) => r.length === CARD_HEADER.length)).toBe(true);
    expect(body[1]).toEqual(['B01', '002', 'A10000002', '张[CHUI]', '4201**********1001', '在库', CITY.name, '成品卡库A架', '李娟', '2026-11-11 10:15']);
    expect(body[3]![4]).toBe('420102199001011234');
    expect(body[12]).toEqual(['B02', '003', 'A10000013', LONG_NAME, '4201**********1012', '在途', JIANGAN.name, '', '李娟（发出人）', '2026-11-12 10:15']);
    expect(body[21]).toEqual(['B03', '002', 'A10000022', '', '', '代领中', HANKOU.name, '', '武汉钢铁集团有限公司人力资源部代领人刘德华', '2026-11-11 10:15']);
    expect(body[24]).toEqual(['B03', '005', 'A10000025', '王芳', '4201**********1024', '已发放', HANKOU.name, '', '本人', '2026-11-14 10:15']);
  });

  it('neutralises formulas in any text cell', () => {
    const evil = parsed.find((r) => r[2] === 'A10000018')!;
    expect(evil[3]).toBe(`'${EVIL_NAME}`);
    const odd = parseCsv(
      formatBatchRegisterCsv(register({ generatedBy: '@admin', batch: { ...register().batch, maker: '+cmd|calc' }, rows: [{ ...rows()[0]!, placeName: '-柜1' }] })),
    );
    expect(odd).toContainEqual(['生成人', "'@admin"]);
    expect(odd).toContainEqual(['卡商', "'+cmd|calc"]);
    expect(odd[odd.length - 1]![7]).toBe("'-柜1");
  });

  it('labels prefab batches', () => {
    const prefab = parseCsv(formatBatchRegisterCsv(register({ batch: { ...register().batch, kind: 'prefab' } })));
    expect(prefab[1]).toEqual(['卡类', '预制卡']);
  });
});

describe('formatBatchRegisterText', () => {
  const text = formatBatchRegisterText(register());
  const lines = text.slice(0, -1).split('\n');

  it('keeps every line within 80 display columns', () => {
    expect(text.endsWith('\n')).toBe(true);
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    // Long cells were there to be cut.
    expect(text).not.toContain(LONG_NAME);
    expect(text).not.toContain('武汉钢铁集团有限公司人力资源部代领人刘德华');
  });

  it('heads with the batch, scope and who generated it', () => {
    expect(lines[0]).toBe('登记造册  批次 420100-2026-1120  成品卡  应有 500 张');
    expect(text).toContain('范围 420100 武汉市社会保险卡服务中心  本辖区 25 张  不在本辖区 475 张');
    expect(text).toContain('银行 中国工商银行  卡商 东信和平科技股份有限公司');
    expect(text).toContain('生成 2026-11-24 00:05  wangfang');
  });

  it('counts by state on one line and by site one line each', () => {
    expect(text).toMatch(/^按状态：在库 15  在途 5  代领中 2  已发放 3$/m);
    expect(text).toMatch(/^ {2}420100 武汉市社会保险卡服务中心：  在库 10$/m);
    expect(text).toMatch(/^ {2}420102 江岸区社会保险卡服务网点：  在途 5  在库 5$/m);
    expect(text).toMatch(/^ {2}420102001 江岸区汉口火车站街道社会保障服务中心营业厅：  代领中 2  已发放 3$/m);
  });

  it('lists every card in order, aligned by display width, ID numbers masked', () => {
    const head = lines.findIndex((l) => /^箱号\s+社保卡号\s+姓名\s+证件号码\s+状态\s+网点\s+保管人$/.test(l));
    expect(head).toBeGreaterThan(0);
    const body = lines.slice(head + 2);
    expect(body).toHaveLength(25);
    const header = lines[head]!;
    const col = (l: string, s: string): number => stringWidth(l.slice(0, l.indexOf(s)));
    body.forEach((l, i) => {
      const r = rows()[i]!;
      expect(l).toMatch(new RegExp(`^${r.box}\\s+A${10_000_001 + i} `));
      expect(col(l, r.cardNo)).toBe(col(header, '社保卡号'));
    });
    expect(body[1]).toMatch(/^B01\s+A10000002 张\[CHUI\]\s+4201\*{10}1001 在库\s+武汉市社会…\s+李娟$/);
    expect(body[3]).toContain('4201**********1234');
    expect(text).not.toContain('420102199001011234');
    expect(body[12]).toMatch(/^B02\s+A10000013 阿卜杜热.*…\s+4201\*{10}1012 在途/);
    expect(body[21]).toMatch(/^B03\s+A10000022 -\s+-\s+代领中/);
    expect(col(body[21]!, '代领中')).toBe(col(header, '状态'));
    expect(body[24]).toMatch(/已发放\s+江岸区汉口.*\s本人$/);
  });

  it('stays within 80 columns with long names everywhere', () => {
    const long = '湖北省武汉市江岸区汉口火车站街道社会保障服务中心第二营业厅（临时借用场地）';
    const t = formatBatchRegisterText(
      register({
        batch: { code: `420100-2026-1120-${'X'.repeat(70)}`, kind: 'prefab', bank: long, maker: long, declaredCount: 500 },
        scope: { code: '420102001', name: long },
        bySite: [{ siteCode: '420102001', siteName: long + long, state: 'in_stock', label: '在库', n: 25 }],
        rows: rows().map((r) => ({ ...r, box: '箱'.repeat(20), siteName: long, heldBy: long, holderName: `${r.holderName}\t${long}` })),
      }),
    );
    const ls = t.slice(0, -1).split('\n');
    for (const l of ls) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    expect(t).not.toContain('\t');
    // Card and ID numbers are never cut, whatever else has to give.
    for (const r of rows()) expect(t).toContain(r.cardNo);
    expect(t).toContain('4201**********1234');
    expect(ls.map((l) => l.trim()).join('')).toContain(`420102001 ${long}${long}：`);
  });

  it('says so when no card of the batch is in scope', () => {
    const empty = formatBatchRegisterText(register({ rows: [], byState: [], bySite: [], outsideScope: 500 }));
    expect(empty).toContain('本辖区 0 张  不在本辖区 500 张');
    expect(empty).toMatch(/^按状态：-$/m);
    expect(empty).toContain('（本辖区内没有这个批次的卡片）');
  });
});
