import { describe, expect, it } from 'vitest';
import { chosenStation, hopperLoadReducer, initialHopperLoadState, kindOf, recordRefusal, unloadRefusal, type HopperLoadAction, type HopperLoadState } from '../../../src/ui/state/hopper-load.ts';
import type { StationChoice } from '../../../src/workflows/instant-stations.ts';
import type { SiteDevices } from '../../../src/workflows/site-devices.ts';

const run = (actions: HopperLoadAction[], from: HopperLoadState = initialHopperLoadState()): HopperLoadState => actions.reduce(hopperLoadReducer, from);
const station = (hopperName: string, remaining: number, inLedger = true): StationChoice =>
  ({ printerId: 'P1', hopperNo: 1, hopperName, bank: remaining > 0 ? '中国工商银行' : null, maker: '东信和平', remaining, inLedger }) as unknown as StationChoice;
const devices = {} as SiteDevices;
const blank = (cardNo: string) => ({ cardNo, bank: '中国工商银行', maker: '东信和平' });
const opened = (...stations: StationChoice[]): HopperLoadAction => ({ type: 'opened', devices, stations });

describe('hopper-load reducer', () => {
  it('opens on the hoppers, or off when the printers have none', () => {
    expect(run([opened(station('卡盒A', 2))]).step).toBe('pick');
    expect(run([opened()])).toMatchObject({ step: 'off', offReason: '本网点的制卡机没有配置卡盒（devices.json 的 hoppers），不能在此装盒。' });
    expect(run([{ type: 'off', reason: 'no printer' }])).toMatchObject({ step: 'off', offReason: 'no printer' });
  });

  it('←→ cycle the hoppers; a hopper missing from the ledger cannot be started', () => {
    let s = run([opened(station('A', 2), station('B', 0, false)), { type: 'move', delta: -1 }]);
    expect(chosenStation(s)?.hopperName).toBe('B');
    s = run([{ type: 'start-scan' }], s);
    expect(s.step).toBe('pick');
    expect(s.message?.level).toBe('error');
    s = run([{ type: 'move', delta: 1 }, { type: 'start-scan' }], s);
    expect(s).toMatchObject({ step: 'scan', message: null, index: 0 });
  });

  it('scans grow the numbered list; undo takes the last off; typing clears the message', () => {
    let s = run([opened(station('A', 0)), { type: 'start-scan' }, { type: 'added', blank: blank('P1') }, { type: 'added', blank: blank('P2') }]);
    expect(s.cards.map((c) => c.cardNo)).toEqual(['P1', 'P2']);
    expect(s.message).toEqual({ level: 'ok', text: '✓ 第 2 张 P2' });
    s = run([{ type: 'undo' }], s);
    expect(s.cards).toHaveLength(1);
    expect(s.message).toEqual({ level: 'warn', text: '已撤销：第 2 张 P2' });
    expect(run([{ type: 'input', value: '' }], s).message).not.toBeNull();
    expect(run([{ type: 'input', value: 'P' }], s).message).toBeNull();
    expect(run([{ type: 'undo' }, { type: 'undo' }], s).message?.text).toBe('没有可撤销的扫描。');
  });

  it('Ctrl+S refuses pending text or an empty list; a record shows what to put in and the hopper’s prior count', () => {
    let s = run([opened(station('A', 3)), { type: 'start-scan' }]);
    expect(recordRefusal(s)?.text).toBe('还没有扫描卡：请逐张扫描要装入的预制卡。');
    s = run([{ type: 'added', blank: blank('P1') }, { type: 'input', value: 'P2' }], s);
    expect(recordRefusal(s)?.text).toMatch(/^扫描框中还有未加入的内容/);
    s = run([{ type: 'input', value: '' }], s);
    expect(recordRefusal(s)).toBeNull();
    s = run([{ type: 'recorded', count: 1, stations: [station('A', 4)] }], s);
    expect(s).toMatchObject({ step: 'done', cards: [], done: { count: 1, hopper: 'A', prior: 3 } });
    expect(chosenStation(s)?.remaining).toBe(4);
  });

  it('Esc while scanning asks only when something would be dropped', () => {
    let s = run([opened(station('A', 0)), { type: 'start-scan' }, { type: 'back-from-scan' }]);
    expect(s.step).toBe('pick');
    s = run([{ type: 'start-scan' }, { type: 'added', blank: blank('P1') }, { type: 'back-from-scan' }], s);
    expect(s.step).toBe('leave');
    expect(run([{ type: 'cancel-leave' }], s)).toMatchObject({ step: 'scan' });
    expect(run([{ type: 'confirm-leave' }], s)).toMatchObject({ step: 'pick', cards: [], input: '' });
    // Esc Esc: the second Esc is the question's "no" (the scanned list stays).
    expect(run([{ type: 'back-from-scan' }], s)).toMatchObject({ step: 'scan', cards: [blank('P1')] });
  });

  it('unloading: refused for an empty or unknown hopper; the place cycles; the result returns to the hoppers', () => {
    expect(unloadRefusal(station('A', 0))?.level).toBe('warn');
    expect(unloadRefusal(station('A', 2, false))?.level).toBe('error');
    expect(unloadRefusal(station('A', 2))).toBeNull();
    expect(kindOf(station('A', 2))).toEqual({ bank: '中国工商银行', maker: '东信和平' });
    expect(kindOf(station('A', 0))).toBeNull();
    let s = run([opened(station('A', 2)), { type: 'unload-asked', places: ['保险柜', '库房'], placeIndex: 1 }, { type: 'move-place', delta: 1 }]);
    expect(s).toMatchObject({ step: 'unload', placeIndex: 0 });
    s = run([{ type: 'unloaded', message: { level: 'ok', text: 'done' }, stations: [station('A', 0)] }], s);
    expect(s).toMatchObject({ step: 'pick', message: { text: 'done' } });
    expect(chosenStation(s)?.remaining).toBe(0);
  });
});
