import { describe, expect, it } from 'vitest';
import {
  RECALL_REASONS,
  RECALL_REASON_CODES,
  isRecallReason,
  recallReasonForCategory,
  recallReasonLabel,
  recallReasonOf,
  recallReasonText,
  recallReasonsFor,
} from '../../src/domain/recall-reasons.ts';
import { RULE_PROFILES } from '../../src/domain/rule-profiles.ts';
import { sbkCode } from '../helpers/error-code.ts';

describe('recall reasons', () => {
  it('lists the GD Art. 32 categories with their labels and article', () => {
    expect(RECALL_REASONS.map((r) => [r.code, r.label])).toEqual([
      ['unclaimed', '逾期未领取（网点接收起6个月）'],
      ['pickup_undelivered', '集体代领未发放到本人'],
      ['dead', '持卡人死亡'],
      ['emigrated', '出国（境）定居'],
      ['bad_address', '邮寄信息错误等个人原因滞留'],
      ['missing', '持卡人失踪'],
      ['other', '其他'],
    ]);
    expect(RECALL_REASONS.map((r) => r.code)).toEqual([...RECALL_REASON_CODES]);
    for (const r of RECALL_REASONS) expect(r.article).toMatch(/第三十二条/);
  });

  it('recognises the codes only', () => {
    for (const c of RECALL_REASON_CODES) expect(isRecallReason(c)).toBe(true);
    for (const bad of ['', 'Unclaimed', '逾期未领取', 'toString', null, 1]) expect(isRecallReason(bad)).toBe(false);
  });

  it('writes the label, or label and note after a full-width colon', () => {
    expect(recallReasonText('unclaimed')).toBe('逾期未领取（网点接收起6个月）');
    expect(recallReasonText('dead', '')).toBe('持卡人死亡');
    expect(recallReasonText('dead', '  民政比对 2026-07-10  ')).toBe('持卡人死亡：民政比对 2026-07-10');
    expect(recallReasonText('other', '单位撤销，代领人无法联系')).toBe('其他：单位撤销，代领人无法联系');
  });

  it('keeps the stored reason on one line', () => {
    expect(recallReasonText('other', '第一行\n第二行\t\u001b[31m')).toBe('其他：第一行 第二行 [31m');
  });

  it('requires a note for other', () => {
    expect(sbkCode(() => recallReasonText('other'))).toBe('REASON_REQUIRED');
    expect(sbkCode(() => recallReasonText('other', '   \n '))).toBe('REASON_REQUIRED');
  });

  it('refuses an unknown code coming from outside the type system', () => {
    expect(sbkCode(() => recallReasonText('lost' as never))).toBe('RECALL_REASON_UNKNOWN');
  });

  it('reads back every category it writes, with and without a note', () => {
    for (const code of RECALL_REASON_CODES) {
      if (code !== 'other') expect(recallReasonOf(recallReasonText(code))).toBe(code);
      expect(recallReasonOf(recallReasonText(code, '备注：含冒号'))).toBe(code);
    }
  });

  it('does not mistake a note for a category, and counts unknown text as other', () => {
    expect(recallReasonOf(recallReasonText('other', '持卡人死亡'))).toBe('other');
    expect(recallReasonOf('持卡人死亡了')).toBe('other');
    expect(recallReasonOf('逾期未领取')).toBe('other');
    expect(recallReasonOf('')).toBe('other');
    expect(recallReasonOf(' 持卡人死亡 ')).toBe('dead');
    expect(recallReasonOf('出国（境）定居:手工补录')).toBe('emigrated');
  });

  it('maps overdue categories to the reason to preselect', () => {
    expect(recallReasonForCategory('unclaimed')).toBe('unclaimed');
    expect(recallReasonForCategory('sleeping')).toBe('pickup_undelivered');
    expect(recallReasonForCategory('deceased')).toBe('dead');
  });

  it('labels a code', () => {
    expect(recallReasonLabel('bad_address')).toBe('邮寄信息错误等个人原因滞留');
  });

  it('takes the unclaimed period from the rule profile', () => {
    const longer = { ...RULE_PROFILES.hubei, overdueMonths: 9 };
    expect(recallReasonText('unclaimed', undefined, longer)).toBe('逾期未领取（网点接收起9个月）');
    expect(recallReasonsFor(longer)[0]?.label).toBe('逾期未领取（网点接收起9个月）');
    expect(recallReasonLabel('unclaimed', RULE_PROFILES.hubei)).toBe(`逾期未领取（网点接收起${RULE_PROFILES.hubei.overdueMonths}个月）`);
  });
});
