import { describe, expect, it } from 'vitest';
import { isSbkError } from '../../src/domain/errors.ts';
import { RULE_PROFILES, RULE_PROFILE_CODES, isRuleProfileCode, ruleProfile } from '../../src/domain/rule-profiles.ts';
import { sbkCode } from '../helpers/error-code.ts';

describe('rule profiles', () => {
  it('Guangdong: 6 months, sleeping 6 months, 10 working days, second issuance within 6 months, cancel only', () => {
    expect(ruleProfile('guangdong')).toEqual({
      code: 'guangdong',
      label: '广东省规程',
      regulation: '广东省社会保障卡业务经办规程',
      overdueMonths: 6,
      sleepingMonths: 6,
      sleepingFrom: 'pickup',
      recallWorkingDays: 10,
      secondIssueMonths: 6,
      endActions: ['cancel'],
      defaultWarningDays: 15,
    });
  });

  it('Hubei: sleeping cards from the making date (HB Art. 17: 制卡超过6个月), no second issuance, cancel or seal', () => {
    expect(ruleProfile('hubei')).toEqual({
      code: 'hubei',
      label: '湖北省规程',
      regulation: '湖北省社会保障卡业务经办规程',
      overdueMonths: 6,
      sleepingMonths: 6,
      sleepingFrom: 'made',
      recallWorkingDays: 10,
      secondIssueMonths: null,
      endActions: ['cancel', 'seal'],
      defaultWarningDays: 15,
    });
  });

  it('returns the same frozen objects as RULE_PROFILES, keyed by their own code', () => {
    for (const code of RULE_PROFILE_CODES) {
      expect(ruleProfile(code)).toBe(RULE_PROFILES[code]);
      expect(RULE_PROFILES[code].code).toBe(code);
      expect(Object.isFrozen(RULE_PROFILES[code])).toBe(true);
      expect(Object.isFrozen(RULE_PROFILES[code].endActions)).toBe(true);
    }
    expect(Object.keys(RULE_PROFILES).sort()).toEqual([...RULE_PROFILE_CODES].sort());
  });

  it('recognises exactly the stored codes', () => {
    expect(isRuleProfileCode('guangdong')).toBe(true);
    expect(isRuleProfileCode('hubei')).toBe(true);
    for (const bad of ['Guangdong', 'HUBEI', '', 'hunan', 'toString', '__proto__', 'constructor', null, undefined, 42]) {
      expect(isRuleProfileCode(bad)).toBe(false);
    }
  });

  it('refuses an unknown code with RULE_PROFILE_UNKNOWN and a Chinese message naming the choices', () => {
    expect(sbkCode(() => ruleProfile('hunan'))).toBe('RULE_PROFILE_UNKNOWN');
    expect(sbkCode(() => ruleProfile('toString'))).toBe('RULE_PROFILE_UNKNOWN');
    try {
      ruleProfile('hunan');
    } catch (e) {
      expect(isSbkError(e)).toBe(true);
      if (!isSbkError(e)) return;
      expect(e.message).toContain('hunan');
      expect(e.message).toContain('广东省规程');
      expect(e.message).toContain('湖北省规程');
      expect(e.details).toEqual({ code: 'hunan' });
    }
  });
});
