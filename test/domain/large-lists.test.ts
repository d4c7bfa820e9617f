/**
 * Issue 18: `register` and `ship sheet` text over ~125k rows died of `Math.max(...rows)`, a
 * stack overflow. Every width over a list the data decides is now a loop (src/text/max-of.ts);
 * these render 200,000 rows.
 */
import { describe, expect, it } from 'vitest';
import { formatBatchRegisterText } from '../../src/domain/batch-register-format.ts';
import type { BatchRegister, BatchRegisterRow } from '../../src/domain/batch-register.ts';
import { formatHandoverText } from '../../src/domain/handover-sheet-format.ts';
import type { HandoverCard } from '../../src/domain/shipment.ts';
import { maxOf } from '../../src/text/max-of.ts';
import { textTable } from '../../src/text/text-table.ts';

const N = 200_000;
const cardNo = (i: number): string => `A${String(10_000_000 + i)}`;

describe('lists of 200,000 rows (issue 18)', () => {
  it('maxOf: the largest, or the start for none; no spread', () => {
    expect(maxOf([3, 9, 2], (x) => x)).toBe(9);
    expect(maxOf([], (x: number) => x)).toBe(Number.NEGATIVE_INFINITY);
    expect(maxOf([], (x: number) => x, 0)).toBe(0);
    expect(maxOf([1, 2], (x) => x, 5)).toBe(5);
    const big = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(maxOf(big, (x) => x)).toBe(999_999);
    // What the old code did: far past the stack's argument room.
    expect(() => Math.max(...big)).toThrow(RangeError);
  });

  it('textTable renders 200,000 rows', () => {
    const rows = Array.from({ length: N }, (_, i) => [cardNo(i), i % 7 === 0 ? '欧阳娜娜' : '王芳', String(i)]);
    const lines = textTable([{ header: '社保卡号', min: 9 }, { header: '姓名' }, { header: '序号', align: 'right' }], rows);
    expect(lines).toHaveLength(N + 2);
    expect(lines[N + 1]).toBe(`${cardNo(N - 1)}  王芳      199999`);
  });

  it('the batch register text renders 200,000 cards', () => {
    const rows: BatchRegisterRow[] = Array.from({ length: N }, (_, i) => ({
      cardNo: cardNo(i),
      box: `B${String(Math.floor(i / 500) + 1).padStart(3, '0')}`,
      boxPosition: String((i % 500) + 1).padStart(3, '0'),
      holderName: '王芳',
      idNumber: '4201**********1234',
      state: 'in_stock',
      siteCode: '420100',
      siteName: '武汉市社会保险卡服务中心',
      placeName: '成品卡库A架',
      heldBy: '李娟',
      since: '2026-11-20T02:15:00.000Z',
    }));
    const reg: BatchRegister = {
      batch: { code: '420100-2026-1120', kind: 'finished', bank: '中国工商银行', maker: '东信和平', declaredCount: N },
      scope: { code: '420100', name: '武汉市社会保险卡服务中心' },
      generatedAt: '2026-11-23T08:00:00.000Z',
      generatedBy: 'wangfang',
      byState: [{ state: 'in_stock', label: '在库', n: N }],
      bySite: [{ siteCode: '420100', siteName: '武汉市社会保险卡服务中心', state: 'in_stock', label: '在库', n: N }],
      rows,
      outsideScope: 0,
    };
    const text = formatBatchRegisterText(reg);
    expect(text).toContain(cardNo(N - 1));
    expect(text.split('\n').length).toBeGreaterThan(N);
  });

  it('the hand-over (ship) sheet renders 200,000 cards', () => {
    const cards: HandoverCard[] = Array.from({ length: N }, (_, i) => ({ cardNo: cardNo(i), batch: 'B1', box: `B${Math.floor(i / 500)}`, holderName: '王芳', kind: 'finished' }));
    const text = formatHandoverText({
      number: '420100-20261123-001',
      from: { code: '420100', name: '武汉市社会保险卡服务中心' },
      to: { code: '420102', name: '江岸区社会保险卡服务网点' },
      method: 'staff',
      trackingNo: null,
      senderName: '李娟',
      createdBy: 'wangfang',
      sentAt: '2026-11-23T01:30:00.000Z',
      createdAt: '2026-11-23T01:10:00.000Z',
      batches: [{ code: 'B1', count: N }],
      boxes: Array.from({ length: N / 500 }, (_, i) => ({ key: `B1/B${i}`, count: 500 })),
      cards,
      note: null,
    });
    expect(text).toContain(cardNo(N - 1));
    expect(text.split('\n').length).toBeGreaterThan(N);
  });
});
