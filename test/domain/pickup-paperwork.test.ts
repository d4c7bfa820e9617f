import { describe, expect, it } from 'vitest';
import { checkPickupPapers, hasPapers, unitMismatches } from '../../src/domain/pickup-paperwork.ts';
import { formatPickupSheet, pickupSheetCsv, pickupSheetTotals, type PickupSheet } from '../../src/domain/pickup-sheet-format.ts';
import { displayWidth } from '../../src/text/display-width.ts';
import { isSbkError } from '../../src/domain/errors.ts';

const ok = { unitCode: '91420100ma4k0000x1', contactName: ' 王芳 ', contactPhone: '139 1234 5678', authFrom: '2026-12-01', authTo: '2026-12-31' };
const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return isSbkError(e) ? e.code : String(e);
  }
  return 'none';
};

describe('batch pickup paperwork (GD Art. 15, Annex 4)', () => {
  it('stores the five fields normalised, the period both days included', () => {
    expect(checkPickupPapers(ok, '单位', 'WT-1', '2026-12-01')).toEqual({ unitCode: '91420100MA4K0000X1', unitName: '单位', contactName: '王芳', contactPhone: '13912345678', authRef: 'WT-1', authFrom: '2026-12-01', authTo: '2026-12-31' });
    expect(checkPickupPapers(ok, '单位', 'WT-1', '2026-12-31').authTo).toBe('2026-12-31');
    expect(checkPickupPapers({ ...ok, contactPhone: '027-83001234' }, 'U', 'A', '2026-12-05').contactPhone).toBe('027-83001234');
  });

  it('refuses part of it, a bad code or phone, a bad or reversed period, a letter out of its period', () => {
    expect(hasPapers({})).toBe(false);
    expect(hasPapers({ contactName: ' x ' })).toBe(true);
    expect(code(() => checkPickupPapers({ unitCode: 'U9' }, 'U', 'A', '2026-12-05'))).toBe('PICKUP_PAPERS_INCOMPLETE');
    expect(code(() => checkPickupPapers({ ...ok, unitCode: 'U 9' }, 'U', 'A', '2026-12-05'))).toBe('PICKUP_UNIT_CODE_INVALID');
    expect(code(() => checkPickupPapers({ ...ok, contactPhone: '12345' }, 'U', 'A', '2026-12-05'))).toBe('PICKUP_PHONE_INVALID');
    expect(code(() => checkPickupPapers({ ...ok, authTo: '2026-02-30' }, 'U', 'A', '2026-12-05'))).toBe('DATE_INVALID');
    expect(code(() => checkPickupPapers({ ...ok, authFrom: '2027-01-01' }, 'U', 'A', '2026-12-05'))).toBe('PERIOD_REVERSED');
    expect(code(() => checkPickupPapers(ok, 'U', 'A', '2026-11-30'))).toBe('PICKUP_AUTH_NOT_YET');
    expect(code(() => checkPickupPapers(ok, 'U', 'A', '2027-01-01'))).toBe('PICKUP_AUTH_EXPIRED');
  });

  it('lists the cards whose application names another unit or none; cards without an application pass', () => {
    expect(
      unitMismatches(
        [
          { cardNo: 'A1', applicationUnitCode: 'u9' },
          { cardNo: 'A2', applicationUnitCode: 'U7' },
          { cardNo: 'A3', applicationUnitCode: null },
          { cardNo: 'A4', applicationUnitCode: undefined },
        ],
        'U9',
      ),
    ).toEqual([
      { cardNo: 'A2', applicationUnitCode: 'U7' },
      { cardNo: 'A3', applicationUnitCode: null },
    ]);
  });

  it('the printable list fits 80 columns with long names, and counts the outcomes', () => {
    const sheet: PickupSheet = {
      ref: 'DL-420102-01-20261207-02',
      office: { code: '420102-01', name: '江岸区社会保障卡服务中心第一网点' },
      at: '2026-12-07 10:31',
      operator: '张伟',
      agent: '李明（武汉市江岸区某某街道社区卫生服务中心）',
      agentIdMasked: '1101**********002X',
      authRef: 'WT-2026-07',
      papers: { unitCode: '91420100MA4K0000X1', unitName: '武汉市江岸区某某街道社区卫生服务中心', contactName: '王芳', contactPhoneMasked: '139****5678', authFrom: '2026-11-27', authTo: '2026-12-27' },
      cards: [
        { holderName: '欧阳娜娜娜娜', holderIdMasked: '4201**********1234', cardNo: 'A10000021', bank: '中国工商银行股份有限公司', outcome: null },
        { holderName: '王五', holderIdMasked: null, cardNo: 'A10000022', bank: '中国建设银行', outcome: 'unit_signed' },
        { holderName: null, holderIdMasked: null, cardNo: 'A10000023', bank: '中国建设银行', outcome: 'not_received' },
      ],
      ledgerHead: { seq: 3, code: '0123456789abcdef' },
    };
    const text = formatPickupSheet(sheet);
    for (const l of text.split('\n')) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    expect(text).toContain('领取单位经办人（签字）');
    expect(text).toContain('已结清：本人签收 0 张，单位代签 1 张，未领退回 1 张；未结清 1 张');
    expect(pickupSheetTotals(sheet.cards)).toEqual({ cards: 3, holder: 0, unit: 1, back: 1, open: 1 });
    const csv = pickupSheetCsv({ ...sheet, papers: { ...sheet.papers!, contactName: '=HYPERLINK("x")' } });
    expect(csv).toContain(`'=HYPERLINK`);
    expect(formatPickupSheet({ ...sheet, papers: null })).toContain('（未登记单位委托信息）');
  });
});
