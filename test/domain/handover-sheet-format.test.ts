import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv.ts';
import { formatHandoverCsv, formatHandoverText } from '../../src/domain/handover-sheet-format.ts';
import { itemLines, safeCell, textTable, wrapText } from '../../src/text/text-table.ts';
import type { HandoverCard, HandoverSheet } from '../../src/domain/shipment.ts';

const BATCH_A = '420100-2026-1120';
const BATCH_B = '420100-2026-1121';
const LONG_NAME = '阿卜杜热合曼·买买提艾力·阿不都热西提·吐尔逊托合提';
const EVIL_NAME = '=HYPERLINK("http://evil.example/x","点我")';

const COMMON = ['王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴霞', '徐强', '孙丽', '马超', '朱婷', '胡军', '郭亮', '何欢', '高峰', '林燕', '罗斌', '郑爽', '梁宇'];

/** 25 cards: batch A boxes B01 (10) and B02 (10), batch B box B01 (5); special names spread through. */
function cards(): HandoverCard[] {
  const special: Record<number, string> = { 2: '张[CHUI]', 5: '阿依古丽·买买提', 11: LONG_NAME, 17: EVIL_NAME };
  return Array.from({ length: 25 }, (_, i) => ({
    cardNo: `A${String(10_000_001 + i)}`,
    batch: i < 20 ? BATCH_A : BATCH_B,
    box: i < 10 ? 'B01' : i < 20 ? 'B02' : 'B01',
    holderName: special[i] ?? COMMON[i % COMMON.length]!,
    kind: 'finished' as const,
  }));
}

function sheet(over: Partial<HandoverSheet> = {}): HandoverSheet {
  return {
    number: '420100-20261123-001',
    from: { code: '420100', name: '武汉市社会保险卡服务中心' },
    to: { code: '420102', name: '江岸区社会保险卡服务网点' },
    method: 'staff',
    trackingNo: null,
    senderName: '李娟',
    createdBy: 'wangfang',
    sentAt: '2026-11-23T01:30:00.000Z',
    createdAt: '2026-11-23T01:10:00.000Z',
    batches: [
      { code: BATCH_A, count: 20 },
      { code: BATCH_B, count: 5 },
    ],
    boxes: [
      { key: `${BATCH_A}/B01`, count: 10 },
      { key: `${BATCH_A}/B02`, count: 10 },
      { key: `${BATCH_B}/B01`, count: 5 },
    ],
    cards: cards(),
    note: null,
    ...over,
  };
}

const linesOf = (text: string): string[] => text.slice(0, -1).split('\n');

describe('formatHandoverText', () => {
  const text = formatHandoverText(sheet());
  const lines = linesOf(text);

  it('keeps every line within 80 display columns and ends with a newline', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    // The long name really had to be cut, so the limit was tested, not just met by luck.
    expect(text).not.toContain(LONG_NAME);
  });

  it('prints the title and the hand-over details', () => {
    expect(lines[0]!.trim()).toBe('社会保障卡交接单');
    expect(text).toMatch(/^交接单号：\s*420100-20261123-001$/m);
    expect(text).toMatch(/^发出单位：\s*420100 武汉市社会保险卡服务中心$/m);
    expect(text).toMatch(/^接收单位：\s*420102 江岸区社会保险卡服务网点$/m);
    expect(text).toMatch(/^发放方式：\s*专人送达$/m);
    expect(text).toMatch(/^运单号：\s*—$/m);
    expect(text).toMatch(/^发出人：\s*李娟$/m);
    expect(text).toMatch(/^制单人：\s*wangfang$/m);
    // 01:30 UTC is 09:30 in China.
    expect(text).toMatch(/^发出时间：\s*2026-11-23 09:30$/m);
    expect(text).toMatch(/^卡片总数：25 张$/m);
  });

  it('lists batches and boxes with their counts', () => {
    expect(text).toContain('批次（共 2 个）：');
    expect(text).toMatch(new RegExp(`^  ${BATCH_A}\\s+20 张$`, 'm'));
    expect(text).toMatch(new RegExp(`^  ${BATCH_B}\\s+ 5 张$`, 'm'));
    expect(text).toContain('箱（共 3 个）：');
    expect(text).toMatch(new RegExp(`^  ${BATCH_A}/B01\\s+10 张$`, 'm'));
    expect(text).toMatch(new RegExp(`^  ${BATCH_A}/B02\\s+10 张$`, 'm'));
    expect(text).toMatch(new RegExp(`^  ${BATCH_B}/B01\\s+ 5 张$`, 'm'));
  });

  it('lists every card in order, columns aligned by display width', () => {
    const header = lines.find((l) => l.startsWith('序号'))!;
    expect(header).toMatch(/^序号\s+社保卡号\s+批次\s+箱号\s+姓名$/);
    const rows = cards().map((c) => lines.findIndex((l) => l.includes(c.cardNo)));
    expect(rows.every((r) => r > 0)).toBe(true);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows[rows.length - 1]! - rows[0]!).toBe(24);

    const nameCol = stringWidth(header.slice(0, header.indexOf('姓名')));
    const boxCol = stringWidth(header.slice(0, header.indexOf('箱号')));
    cards().forEach((c, i) => {
      const row = lines[rows[i]!]!;
      expect(row.trimStart().startsWith(`${i + 1}  ${c.cardNo}  ${c.batch}`)).toBe(true);
      expect(stringWidth(row.slice(0, row.indexOf(c.box!, row.indexOf(c.batch) + c.batch.length)))).toBe(boxCol);
      const name = c.holderName!.slice(0, 2);
      expect(stringWidth(row.slice(0, row.lastIndexOf(name)))).toBe(nameCol);
    });
  });

  it('prints rare-character and minority names whole, and cuts a too-long name with an ellipsis', () => {
    expect(lines.find((l) => l.includes('A10000003'))).toMatch(/B01\s+张\[CHUI\]$/);
    expect(lines.find((l) => l.includes('A10000006'))).toMatch(/B01\s+阿依古丽·买买提$/);
    const long = lines.find((l) => l.includes('A10000012'))!;
    expect(long).toMatch(/B02\s+阿卜杜热合曼·买买提.*…$/);
    expect(stringWidth(long)).toBeLessThanOrEqual(80);
  });

  it('ends with blank signature lines and the rule it follows', () => {
    for (const label of ['发出人签字：', '接收单位签收人签字：', '保管人（责任人）签字：']) {
      expect(text).toMatch(new RegExp(`^${label.replace(/[()（）]/g, '.')}\\s*_{8,}\\s+日期：____年__月__日$`, 'm'));
    }
    expect(lines.join('')).toContain('依据《广东省社会保障卡业务经办规程》第十二条：纸质交接记录须与系统电子记录一致，至少保管5年。');
    expect(lines[lines.length - 1]).toMatch(/保管5年。$/);
  });

  it('a draft says it has not been sent; a courier sheet shows its waybill', () => {
    const draft = formatHandoverText(sheet({ sentAt: null }));
    expect(draft).toMatch(/^发出时间：\s*未发出（草稿）$/m);
    const courier = formatHandoverText(sheet({ method: 'courier', trackingNo: 'SF1234567890123' }));
    expect(courier).toMatch(/^发放方式：\s*快递$/m);
    expect(courier).toMatch(/^运单号：\s*SF1234567890123$/m);
  });

  it('prints a note only when there is one, wrapped within 80 columns', () => {
    expect(text).not.toContain('备注');
    const note = '第二箱封条有轻微破损，已当面开箱清点，卡片数量与清单一致。\n接收方要求周五前回传签收单扫描件，并由网点负责人确认后归档保存，以备省中心抽查核对。';
    const withNote = formatHandoverText(sheet({ note }));
    const noteLines = linesOf(withNote);
    const at = noteLines.findIndex((l) => l.startsWith('备注：'));
    expect(noteLines[at]).toBe('备注：第二箱封条有轻微破损，已当面开箱清点，卡片数量与清单一致。');
    expect(noteLines.slice(at + 1, at + 3).every((l) => l.startsWith('      '))).toBe(true);
    expect(noteLines.slice(at, at + 3).map((l) => l.trim()).join('')).toBe(`备注：${note.replace('\n', '')}`);
    for (const l of noteLines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
  });

  it('stays within 80 columns whatever the stored values hold', () => {
    const long = '湖北省武汉市江岸区汉口火车站街道社会保障服务中心第二营业厅（临时借用场地）';
    const t = formatHandoverText(
      sheet({
        from: { code: '420102001', name: long },
        to: { code: '420102002', name: long + long },
        trackingNo: 'SF'.repeat(60),
        senderName: '李娟\t（代）\n王芳',
        batches: [{ code: `${BATCH_A}-${'X'.repeat(70)}`, count: 1 }],
        boxes: [{ key: `${BATCH_A}/${'箱'.repeat(40)}`, count: 1 }],
        cards: [{ cardNo: 'A10000001', batch: `${BATCH_A}-${'X'.repeat(70)}`, box: '箱'.repeat(40), holderName: LONG_NAME, kind: 'finished' }],
        note: 'a\tb\r\nc'.repeat(30),
      }),
    );
    for (const l of linesOf(t)) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    expect(t).not.toMatch(/[\t\r]/);
    // Wrapped, not cut: the whole name is still on the paper.
    expect(linesOf(t).map((l) => l.trim()).join('')).toContain(`接收单位：420102002 ${long}${long}`);
    expect(t).toMatch(/^\s+1  A10000001  420100-2026-1120-X+…/m);
  });

  it('shows prefab cards and cards without a box plainly', () => {
    const t = formatHandoverText(
      sheet({ cards: [{ cardNo: '*00000001', batch: BATCH_B, box: null, holderName: null, kind: 'prefab' }], batches: [{ code: BATCH_B, count: 1 }], boxes: [] }),
    );
    expect(t).toMatch(new RegExp(`^\\s+1  \\*00000001  ${BATCH_B}  -\\s+（预制卡）$`, 'm'));
    expect(t).toMatch(/^卡片总数：1 张$/m);
  });
});

describe('formatHandoverCsv', () => {
  const csv = formatHandoverCsv(sheet());
  const rows = parseCsv(csv);

  it('starts with a BOM and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the details as key/value rows', () => {
    expect(rows.slice(0, 12)).toEqual([
      ['交接单号', '420100-20261123-001'],
      ['发出单位', '420100 武汉市社会保险卡服务中心'],
      ['接收单位', '420102 江岸区社会保险卡服务网点'],
      ['发放方式', '专人送达'],
      ['运单号', ''],
      ['发出人', '李娟'],
      ['制单人', 'wangfang'],
      ['发出时间', '2026-11-23 09:30'],
      ['批次', `${BATCH_A}×20；${BATCH_B}×5`],
      ['箱', `${BATCH_A}/B01×10；${BATCH_A}/B02×10；${BATCH_B}/B01×5`],
      ['卡片总数', '25'],
      [''],
    ]);
  });

  it('writes every card in order under the header, names whole', () => {
    expect(rows[12]).toEqual(['序号', '社保卡号', '批次', '箱号', '姓名']);
    const body = rows.slice(13, 38);
    expect(body).toHaveLength(25);
    expect(body[0]).toEqual(['1', 'A10000001', BATCH_A, 'B01', '王芳']);
    expect(body[2]).toEqual(['3', 'A10000003', BATCH_A, 'B01', '张[CHUI]']);
    expect(body[5]).toEqual(['6', 'A10000006', BATCH_A, 'B01', '阿依古丽·买买提']);
    expect(body[11]).toEqual(['12', 'A10000012', BATCH_A, 'B02', LONG_NAME]);
    expect(body[24]).toEqual(['25', 'A10000025', BATCH_B, 'B01', '陈静']);
    expect(body.map((r) => r[1])).toEqual(cards().map((c) => c.cardNo));
  });

  it('neutralises a formula typed as a name', () => {
    const evil = rows.find((r) => r[1] === 'A10000018')!;
    expect(evil[4]).toBe(`'${EVIL_NAME}`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('ends with empty signature cells', () => {
    expect(rows.slice(38)).toEqual([[''], ['发出人签字', ''], ['签收人签字', ''], ['保管人签字', ''], ['签收日期', '']]);
  });

  it('a draft says it has not been sent, and a note gets its own row', () => {
    const draft = parseCsv(formatHandoverCsv(sheet({ sentAt: null, trackingNo: 'EMS-001', note: '加急，含 "补卡" 两张' })));
    expect(draft).toContainEqual(['发出时间', '未发出（草稿）']);
    expect(draft).toContainEqual(['运单号', 'EMS-001']);
    expect(draft[11]).toEqual(['备注', '加急，含 "补卡" 两张']);
    expect(draft[12]).toEqual(['']);
  });
});

describe('safeCell', () => {
  it('prefixes an apostrophe to cells a spreadsheet would evaluate', () => {
    expect(safeCell('=1+1')).toBe("'=1+1");
    expect(safeCell('+8613800000000')).toBe("'+8613800000000");
    expect(safeCell('-2+3')).toBe("'-2+3");
    expect(safeCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(safeCell('\t=cmd|x')).toBe("'\t=cmd|x");
  });

  it('leaves ordinary text alone', () => {
    expect(safeCell('张[CHUI]')).toBe('张[CHUI]');
    expect(safeCell('A10000001')).toBe('A10000001');
    expect(safeCell('*00000001')).toBe('*00000001');
    expect(safeCell('a=b')).toBe('a=b');
    expect(safeCell('')).toBe('');
  });
});

describe('text helpers', () => {
  it('wrapText keeps closing punctuation off a line start and never splits a wide character', () => {
    // 10 columns: five Chinese characters a line; the comma would open line 2, so 五 moves down with it.
    expect(wrapText('一二三四五，六七八', 10)).toEqual(['一二三四', '五，六七八']);
    expect(wrapText('ab一二三四五', 9)).toEqual(['ab一二三', '四五']);
    expect(wrapText('第一行\n\n第三行', 80)).toEqual(['第一行', '', '第三行']);
  });

  it('itemLines breaks only between items, indenting continuation lines', () => {
    expect(itemLines('按状态：', ['在库 20', '在途 3', '已发放 2'], 24)).toEqual(['按状态：在库 20  在途 3', '        已发放 2']);
  });

  it('textTable shrinks the widest shrinkable column first and never a column at its minimum', () => {
    const t = textTable([{ header: 'No', min: 9 }, { header: 'Name' }], [['A10000001', 'x'.repeat(30)]], 20);
    expect(t).toEqual(['No         Name', '-'.repeat(20), 'A10000001  xxxxxxxx…']);
  });
});
