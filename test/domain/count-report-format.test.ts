import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv.ts';
import { noCountRow,
  boxLabel,
  formatCountReportCsv,
  formatCountReportText,
  formatCountResultText,
  shortBank,
  type CountReportMeta,
  type CountReportRow,
  type CountResult,
} from '../../src/domain/count-report-format.ts';

const ICBC = '中国工商银行';
const CCB = '中国建设银行';
const BATCH = 'YZ-ICBC-2026-11';
const LONG_NAME = '阿卜杜热合曼·买买提艾力';
const EVIL_NAME = '=HYPERLINK("http://evil.example/x","点我")';
const BOM = '\uFEFF';

const META: CountReportMeta = {
  site: { code: '420102-B01', name: '工商银行武汉江岸支行（演示）' },
  from: '2026-12-07',
  to: '2026-12-13',
  printedAt: '2026-12-14 08:15',
  printedBy: '孙丽',
};

const linesOf = (text: string): string[] => text.slice(0, -1).split('\n');

function closedDay(date: string, bank: string, f: [number, number, number, number, number, number, number, number], countedBy = '孙丽', approvedBy = '周洁'): CountReportRow {
  const [opening, received, consumed, spoiled, movedOut, closing, counted, differences] = f;
  return { date, bank, opening, received, consumed, spoiled, movedOut, closing, counted, differences, countedBy, approvedBy, warning: null };
}

const emptyDay = noCountRow;

/** Monday 7 to Sunday 13 December 2026 for two banks: Wednesday missed, the weekend off. */
function week(): CountReportRow[] {
  return [
    closedDay('2026-12-07', ICBC, [0, 40, 0, 0, 0, 40, 40, 0]),
    closedDay('2026-12-07', CCB, [0, 50, 0, 0, 0, 50, 50, 0], '周洁', '孙丽'),
    closedDay('2026-12-08', ICBC, [40, 0, 2, 1, 0, 37, 36, 2], '孙丽', '赵敏'),
    closedDay('2026-12-08', CCB, [50, 0, 3, 0, 0, 47, 47, 0], '周洁', '孙丽'),
    emptyDay('2026-12-09', ICBC, '当日无已结束的盘点'),
    emptyDay('2026-12-09', CCB, '当日无已结束的盘点'),
    closedDay('2026-12-10', ICBC, [37, 1200, 0, 0, 20, 1217, 1217, 0], LONG_NAME, EVIL_NAME),
    closedDay('2026-12-10', CCB, [47, 0, 0, 0, 0, 47, 47, 0], '欧阳子涵', '阿依古丽·买买提'),
    closedDay('2026-12-11', ICBC, [1217, 0, 0, 0, 0, 1217, 1217, 0]),
    closedDay('2026-12-11', CCB, [47, 0, 0, 0, 0, 47, 47, 0], '周洁', '孙丽'),
    emptyDay('2026-12-12', ICBC, null),
    emptyDay('2026-12-12', CCB, null),
    emptyDay('2026-12-13', ICBC, null),
    emptyDay('2026-12-13', CCB, null),
  ];
}

describe('formatCountReportText', () => {
  const text = formatCountReportText(week(), META);
  const lines = linesOf(text);

  it('keeps every line within 80 display columns and ends with a newline', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    // The long names really had to be cut, so the limit was tested, not met by luck.
    expect(text).not.toContain(LONG_NAME);
  });

  it('prints the title, the site, the period and who printed it', () => {
    expect(lines[0]!.trim()).toBe('预制卡盘点对账表');
    expect(text).toMatch(/^网点：420102-B01 工商银行武汉江岸支行（演示）$/m);
    expect(text).toMatch(/^期间：2026-12-07 至 2026-12-13$/m);
    expect(text).toMatch(/^打印：2026-12-14 08:15 孙丽$/m);
    expect(formatCountReportText([], { ...META, from: '2026-12-08', to: '2026-12-08', printedAt: null, printedBy: null })).toMatch(/^期间：2026-12-08$/m);
  });

  it('has the twelve columns in order and one row per day and bank, figures in their columns', () => {
    const header = lines.find((l) => l.startsWith('日期'))!;
    expect(header.split(/\s+/)).toEqual(['日期', '银行', '期初', '入库', '使用', '作废', '调出', '期末', '实点', '差异', '盘点人', '复核人']);
    expect(lines.filter((l) => /^2026-12-\d\d /.test(l))).toHaveLength(14);
    expect(text).toMatch(/^2026-12-07 工商银行\s+0\s+40\s+0\s+0\s+0\s+40\s+40\s+0 孙丽\s+周洁$/m);
    expect(text).toMatch(/^2026-12-07 建设银行\s+0\s+50\s+0\s+0\s+0\s+50\s+50\s+0 周洁\s+孙丽$/m);
    expect(text).toMatch(/^2026-12-08 工商银行\s+40\s+0\s+2\s+1\s+0\s+37\s+36\s+2 孙丽\s+赵敏$/m);
    expect(text).toMatch(/^2026-12-10 工商银行\s+37\s+1200\s+0\s+0\s+20\s+1217\s+1217\s+0 /m);
    // Right-aligned: every figure of a column ends where its header ends.
    const end = (s: string, of: string) => stringWidth(s.slice(0, s.indexOf(of) + of.length));
    const closingEnd = end(header, '期末');
    for (const l of lines.filter((x) => /^2026-12-\d\d \S+\s+\d/.test(x))) {
      const figures = l.split(/\s+/).slice(2, 10);
      expect(figures).toHaveLength(8);
      const upToClosing = l.split(/(\s+)/).slice(0, 2 * 7 + 1).join('');
      expect(stringWidth(upToClosing), l).toBe(closingEnd);
    }
  });

  it('prints ⚠ and the warning in place of the figures on a working day without a count; a day off says so quietly', () => {
    const wed = lines.filter((l) => l.startsWith('2026-12-09'));
    expect(wed).toEqual(['2026-12-09 工商银行 ⚠ 当日无已结束的盘点', '2026-12-09 建设银行 ⚠ 当日无已结束的盘点']);
    const sat = lines.filter((l) => l.startsWith('2026-12-12'));
    expect(sat).toHaveLength(2);
    for (const l of sat) {
      expect(l).toMatch(/无盘点（非工作日）$/);
      expect(l).not.toContain('⚠');
    }
    expect(text).toMatch(/^共 7 天、14 行；⚠ 2 行是工作日没有已结束的盘点：$/m);
    expect(text).toMatch(/^ {2}2026-12-09$/m);
  });

  it('cuts long operator names (a name that looks like a formula is printed as text, cut like any other)', () => {
    const row = lines.find((l) => l.startsWith('2026-12-10 工商银行'))!;
    expect(row).toMatch(/阿卜杜.*…/);
    expect(row).toMatch(/=HYP.*…$/);
    expect(lines.find((l) => l.startsWith('2026-12-10 建设银行'))).toMatch(/欧阳子涵/);
  });

  it('says so when every working day was counted, and explains the figures', () => {
    const clean = formatCountReportText([closedDay('2026-12-07', ICBC, [0, 40, 0, 0, 0, 40, 40, 0])], { ...META, to: '2026-12-07' });
    expect(clean).toMatch(/^共 1 天、1 行；每个工作日都有已结束的盘点。$/m);
    expect(clean).not.toContain('⚠ 1');
    expect(clean).toContain('期初 + 入库 - 使用 - 作废 - 调出 = 期末；');
    expect(clean).toContain('实点 = 期末 - 缺少 + 多出；差异 = 缺少 + 多出（单位：张）。');
    expect(formatCountReportText([], META)).toContain('本网点在此期间没有预制卡。');
  });
});

describe('formatCountReportCsv', () => {
  const csv = formatCountReportCsv(week(), META);
  const rows = parseCsv(csv.slice(1));

  it('starts with a BOM and uses CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('has the site and period, then one row per day and bank with empty cells where there are no figures', () => {
    expect(rows[0]).toEqual(['预制卡盘点对账表']);
    expect(rows).toContainEqual(['网点编码', '420102-B01']);
    expect(rows).toContainEqual(['起始日期', '2026-12-07']);
    expect(rows).toContainEqual(['截止日期', '2026-12-13']);
    const h = rows.findIndex((r) => r[0] === '日期');
    expect(rows[h]).toEqual(['日期', '银行', '期初', '入库', '使用', '作废', '调出', '期末', '实点', '差异', '盘点人', '复核人', '提示']);
    const body = rows.slice(h + 1).filter((r) => r.length > 1);
    expect(body).toHaveLength(14);
    expect(body[0]).toEqual(['2026-12-07', ICBC, '0', '40', '0', '0', '0', '40', '40', '0', '孙丽', '周洁', '']);
    expect(body[4]).toEqual(['2026-12-09', ICBC, '', '', '', '', '', '', '', '', '', '', '当日无已结束的盘点']);
    expect(body[10]).toEqual(['2026-12-12', ICBC, '', '', '', '', '', '', '', '', '', '', '无盘点（非工作日）']);
  });

  it('keeps a name that looks like a formula as text', () => {
    expect(csv).toContain(`'${EVIL_NAME.replace(/"/g, '""')}`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('formatCountResultText', () => {
  const differences: CountResult = {
    id: 12,
    lines: [
      { bank: ICBC, opening: 40, received: 0, consumed: 2, spoiled: 1, movedOut: 0, closing: 37, counted: 37, missing: 1, unexpected: 1 },
      { bank: CCB, opening: 50, received: 0, consumed: 3, spoiled: 0, movedOut: 0, closing: 47, counted: 47, missing: 0, unexpected: 0 },
    ],
    boxes: [
      { box: `${BATCH}/01`, expected: 13, counted: 12 },
      { box: `${BATCH}/02`, expected: 20, counted: 20 },
      { box: '卡盒:制卡机1-卡盒1', expected: 4, counted: 4 },
    ],
    missing: [{ cardNo: 'Y10000012', bank: ICBC, box: `${BATCH}/01` }],
    unexpected: [
      { cardNo: 'Y20000003', bank: ICBC, where: '建设银行武汉江岸支行（演示）' },
      { cardNo: 'ZZ9999999', bank: null, where: null },
    ],
    clean: false,
  };
  const text = formatCountResultText(differences);
  const lines = linesOf(text);

  it('keeps every line within 80 display columns', () => {
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    const big = formatCountResultText({ ...differences, lines: [{ ...differences.lines[0]!, opening: 123456, received: 654321, consumed: 100000, spoiled: 99999, movedOut: 77777, closing: 500001 }] });
    for (const l of linesOf(big)) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
  });

  it('says what was found, then writes out each bank’s balance', () => {
    expect(lines[0]).toBe('盘点 12 已提交：有差异，缺少 1 张，多出 2 张。');
    const i = lines.indexOf(ICBC);
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe('  期初 40 + 入库 0 - 使用 2 - 作废 1 - 调出 0 = 期末 37');
    expect(lines[i + 2]).toBe('  实点 37 = 期末 37 - 缺少 1 + 多出 1');
    const j = lines.indexOf(CCB);
    expect(lines[j + 1]).toBe('  期初 50 + 入库 0 - 使用 3 - 作废 0 - 调出 0 = 期末 47');
    expect(lines[j + 2]).toBe('  实点 47 = 期末 47 - 缺少 0 + 多出 0');
    expect(text).not.toContain('账目不平');
  });

  it('lists every box and hopper with expected, counted and the difference', () => {
    expect(text).toMatch(/^ {2}箱或卡盒\s+应有\s+实点\s+差异$/m);
    expect(text).toMatch(new RegExp(`^  箱 ${BATCH}/01\\s+13\\s+12\\s+-1$`, 'm'));
    expect(text).toMatch(new RegExp(`^  箱 ${BATCH}/02\\s+20\\s+20\\s+0$`, 'm'));
    expect(text).toMatch(/^ {2}卡盒 制卡机1-卡盒1\s+4\s+4\s+0$/m);
  });

  it('lists the missing and the unexpected card numbers with where they belong', () => {
    expect(text).toContain('缺少的卡（1 张，台账有、未点到）：');
    expect(text).toMatch(new RegExp(`^  Y10000012\\s+${ICBC}\\s+箱 ${BATCH}/01$`, 'm'));
    expect(text).toContain('多出的卡（2 张，点到了、台账不在本网点）：');
    expect(text).toMatch(new RegExp(`^  Y20000003\\s+${ICBC}\\s+建设银行武汉江岸支行（演示）$`, 'm'));
    expect(text).toMatch(/^ {2}ZZ9999999\s+-\s+台账中无此卡$/m);
  });

  it('a clean count says so and lists no cards; books that do not balance are flagged', () => {
    const clean = formatCountResultText({ id: 3, lines: [differences.lines[1]!], boxes: [{ box: 'YZ-CCB-2026-11/01', expected: 47, counted: 47 }], missing: [], unexpected: [], clean: true });
    expect(clean.split('\n')[0]).toBe('盘点 3 已提交：账实相符，没有差异。');
    expect(clean).not.toContain('缺少的卡');
    expect(clean).not.toContain('多出的卡');
    const broken = formatCountResultText({ ...differences, lines: [{ ...differences.lines[0]!, received: 1 }] });
    expect(broken).toContain('⚠ 账目不平');
  });

  it('labels boxes and hoppers, and shortens bank names only when something is left', () => {
    expect(boxLabel('卡盒:制卡机2-卡盒1')).toBe('卡盒 制卡机2-卡盒1');
    expect(boxLabel(`${BATCH}/02`)).toBe(`箱 ${BATCH}/02`);
    expect(shortBank(ICBC)).toBe('工商银行');
    expect(shortBank('中国银行')).toBe('中国银行');
    expect(shortBank('招商银行')).toBe('招商银行');
  });
});
