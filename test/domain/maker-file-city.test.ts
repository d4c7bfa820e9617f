import { describe, expect, it } from 'vitest';
import { isLedgerCity, placeStem } from '../../src/domain/maker-file-city.ts';
import { isMakerFileCandidate } from '../../src/domain/maker-file-name.ts';

const WUHAN = { code: '420100', name: '武汉市社保卡管理中心' };
const ENSHI = { code: '422800', name: '恩施州社保卡管理中心' };
const JINGZHOU = { code: '421000', name: '荆州市社保卡管理中心' };

describe('the city a maker file is for (its 市卡管机构)', () => {
  it('reads the place a city body is named after', () => {
    expect(placeStem('广州市社会保险卡管理中心')).toBe('广州');
    expect(placeStem('恩施土家族苗族自治州社保卡中心')).toBe('恩施土家族苗族');
    expect(placeStem('神农架林区社保卡管理中心')).toBe('神农架');
    expect(placeStem('荆州市社保卡管理中心')).toBe('荆州');
    expect(placeStem('社保卡管理中心')).toBeNull();
  });

  it('the same city under another wording of its body is the ledger’s city', () => {
    expect(isLedgerCity('武汉市社会保险卡管理中心', WUHAN)).toBe(true);
    expect(isLedgerCity('武汉市社保卡管理中心', WUHAN)).toBe(true);
    expect(isLedgerCity('恩施土家族苗族自治州社会保险卡管理中心', ENSHI)).toBe(true);
    expect(isLedgerCity('420100', WUHAN)).toBe(true);
    expect(isLedgerCity('420102江岸', WUHAN)).toBe(true);
  });

  it('another city, a near name or an unreadable body is not', () => {
    expect(isLedgerCity('广州市社会保险卡管理中心', WUHAN)).toBe(false);
    expect(isLedgerCity('荆门市社保卡管理中心', JINGZHOU)).toBe(false);
    expect(isLedgerCity('440100', WUHAN)).toBe(false);
    expect(isLedgerCity('社保卡中心', WUHAN)).toBe(false);
    expect(isLedgerCity('湖北省社会保障卡管理中心', WUHAN)).toBe(false);
  });
});

describe('which files in a folder are offered as maker files', () => {
  it('a known prefix and .txt; not the problem list saved beside one', () => {
    expect(isMakerFileCandidate('YZKCG_中国工商银行_武汉市_YZ1_50_金邦达_102_20261120.txt')).toBe(true);
    expect(isMakerFileCandidate('cpkcg_x.TXT')).toBe(true);
    expect(isMakerFileCandidate('YZKCG_中国工商银行_武汉市_YZ1_50_金邦达_102_20261120.txt.问题清单.txt')).toBe(false);
    expect(isMakerFileCandidate('YZKSJ_中国工商银行_武汉市_YZ1_50_金邦达_20261120.txt')).toBe(false);
    expect(isMakerFileCandidate('notes.txt')).toBe(false);
    expect(isMakerFileCandidate('YZKCG_a.csv')).toBe(false);
  });
});
