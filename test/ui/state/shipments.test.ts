import { describe, expect, it } from 'vitest';
import { initialShipmentsState, selectedOn, shipmentsReducer } from '../../../src/ui/state/shipments.ts';

describe('shipment lists state', () => {
  it('each tab keeps its own marker, on its list', () => {
    let s = initialShipmentsState();
    s = shipmentsReducer(s, { type: 'move', tab: 'inbound', delta: 1, count: 3 });
    s = shipmentsReducer(s, { type: 'move', tab: 'inbound', delta: 5, count: 3 });
    s = shipmentsReducer(s, { type: 'move', tab: 'outbound', delta: -1, count: 3 });
    expect(s.selected).toEqual({ inbound: 2, outbound: 0 });
    // A list read afresh with fewer rows keeps the marker on it.
    expect(selectedOn(s, 'inbound', 2)).toBe(1);
    expect(selectedOn(s, 'inbound', 0)).toBe(0);
  });

  it('a notice is shown until it is cleared', () => {
    const notice = { level: 'ok' as const, lines: ['交接单 JJ-1 已保存：', '/a.txt', '/a.csv'] };
    const s = shipmentsReducer(initialShipmentsState(), { type: 'notice', notice });
    expect(s.notice).toEqual(notice);
    expect(shipmentsReducer(s, { type: 'notice', notice: null }).notice).toBeNull();
  });
});
