import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatIssueReceipt } from '../../src/domain/issue-receipt-format.ts';
import type { IssueReceipt } from '../../src/domain/issue-receipt-format.ts';

const LONG_NAME = '阿卜杜热合曼·买买提艾力·阿不都热西提·吐尔逊托合提';

function receipt(over: Partial<IssueReceipt> = {}): IssueReceipt {
  return {
    cardNo: 'A10000001',
    holderName: '张[CHUI]',
    holderIdMasked: '4201**********1234',
    receiver: 'self',
    bank: '中国工商银行',
    siteName: '江岸区社会保险卡服务网点',
    operatorName: '李娟',
    at: '2026-11-23T01:30:00.000Z',
    readCheck: 'passed',
    secondIssue: false,
    ...over,
  };
}

const agentReceipt = (over: Partial<IssueReceipt> = {}): IssueReceipt =>
  receipt({ receiver: 'agent', agentName: '王芳', agentIdMasked: '4201**********5678', agentRelation: '配偶', ...over });

function lines(text: string): string[] {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

function expectFits(text: string): void {
  for (const l of lines(text)) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
}

describe('formatIssueReceipt', () => {
  it('prints the title, the fields and the China time of the issuance', () => {
    const text = formatIssueReceipt(receipt());
    const ls = lines(text);
    expect(ls[0]?.trim()).toBe('社会保障卡领取回执');
    expect(ls[1]).toBe('='.repeat(80));
    expect(text).toMatch(/社保卡号：\s+A10000001\n/);
    expect(text).toMatch(/持卡人：\s+张\[CHUI\]\n/);
    expect(text).toMatch(/持卡人证件号码：4201\*{10}1234\n/);
    expect(text).toMatch(/服务银行：\s+中国工商银行\n/);
    expect(text).toMatch(/领取方式：\s+本人领取\n/);
    expect(text).toMatch(/发放类型：\s+首次发放\n/);
    expect(text).toMatch(/发放网点：\s+江岸区社会保险卡服务网点\n/);
    expect(text).toMatch(/经办人：\s+李娟\n/);
    // 01:30 UTC is 09:30 in China.
    expect(text).toMatch(/发放时间：\s+2026-11-23 09:30\n/);
    expectFits(text);
  });

  it('lines the values up in one column', () => {
    const ls = lines(formatIssueReceipt(agentReceipt()));
    // The field rows sit between the double rule and the first single rule.
    const fieldRows = ls.slice(2, ls.indexOf('-'.repeat(80)));
    expect(fieldRows).toHaveLength(13);
    const valueCols = fieldRows.map((l) => {
      const i = l.indexOf('：');
      const rest = l.slice(i + 1);
      return stringWidth(l.slice(0, i + 1)) + (rest.length - rest.trimStart().length);
    });
    expect(new Set(valueCols)).toEqual(new Set([16]));
  });

  it('shows the read-check result', () => {
    expect(formatIssueReceipt(receipt())).toMatch(/读卡检测：\s+通过（芯片可读，卡内信息与卡面一致）\n/);
    expect(formatIssueReceipt(receipt({ readCheck: 'not_done' }))).toMatch(/读卡检测：\s+未做\n/);
  });

  it('marks a second issuance after recall', () => {
    expect(formatIssueReceipt(receipt({ secondIssue: true }))).toMatch(/发放类型：\s+回收后二次发放\n/);
  });

  it('for the holder: a receiver signature and date line, and the HB Art. 15 footer only', () => {
    const text = formatIssueReceipt(receipt());
    expect(text).toMatch(/^领取人签字：_+ {2}日期：____年__月__日$/m);
    expect(text).toMatch(/^经办人签字：_+ {2}日期：____年__月__日$/m);
    expect(text).not.toContain('代领人');
    const flat = lines(text).join('');
    expect(flat).toContain('《湖北省社会保障卡业务经办规程》第十五条');
    expect(flat).toContain('申领人签字确认后发放');
    expect(flat).not.toContain('广东省');
  });

  it('for an agent under Hubei rules: the footer cites HB Art. 7 on both IDs', () => {
    const flat = lines(formatIssueReceipt(agentReceipt({ rules: 'hubei' }))).join('');
    expect(flat).toContain('第十五条');
    expect(flat).toContain('《湖北省社会保障卡业务经办规程》第七条');
    expect(flat).not.toContain('广东');
  });

  it('for an agent: the agent fields, the agent signs, and the GD footer on both IDs', () => {
    const text = formatIssueReceipt(agentReceipt({ rules: 'guangdong' }));
    expect(text).toMatch(/领取方式：\s+他人代领\n/);
    expect(text).toMatch(/代领人：\s+王芳\n/);
    expect(text).toMatch(/代领人证件号码：4201\*{10}5678\n/);
    expect(text).toMatch(/与持卡人关系：\s+配偶\n/);
    expect(text).toMatch(/^代领人签字：_+ {2}日期：____年__月__日$/m);
    expect(text).not.toMatch(/^领取人签字/m);
    const flat = lines(text).join('');
    expect(flat).toContain('《广东省社会保障卡业务经办规程》第十四条：');
    expect(flat).toContain('《广东省社会保障卡业务经办规程》第十四条、第三十三条二');
    expect(flat).toContain('须核验持卡人和代办人的有效身份证明');
    expectFits(text);
  });

  it('shows a dash for missing agent details rather than an empty field', () => {
    const text = formatIssueReceipt(receipt({ receiver: 'agent', agentName: '王芳' }));
    expect(text).toMatch(/代领人证件号码：—\n/);
    expect(text).toMatch(/与持卡人关系：\s+—\n/);
  });

  it('never contains an unmasked ID number', () => {
    expect(formatIssueReceipt(agentReceipt())).not.toMatch(/\d{15,}/);
  });

  it('wraps long values within 80 columns and keeps control characters out', () => {
    const text = formatIssueReceipt(
      agentReceipt({
        holderName: LONG_NAME,
        agentName: `${LONG_NAME}${LONG_NAME}`,
        siteName: '湖北省武汉市江岸区人力资源和社会保障局社会保险卡服务中心第一经办网点（中国工商银行武汉江岸支行营业部）',
        agentRelation: '委托\t代办\u001b[2J人',
      }),
    );
    expectFits(text);
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
    expect(lines(text).join('')).toContain('吐尔逊托合提');
  });
});
