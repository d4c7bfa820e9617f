import { describe, expect, it } from 'vitest';
import { devicesReducer, initialDevicesState, noneConfigured, type DevicesAction, type DevicesState } from '../../../src/ui/state/devices.ts';
import type { DeviceReport, SiteDevices } from '../../../src/workflows/site-devices.ts';

const run = (actions: DevicesAction[], from: DevicesState): DevicesState => actions.reduce(devicesReducer, from);
const report = (id: string, kind: DeviceReport['kind'] = 'reader'): DeviceReport => ({ id, kind, transport: 'simulator', state: 'ready' });
/** Only what the reducer and `noneConfigured` look at. */
const devices = (printers: number, readers: number): SiteDevices => ({ printers: Array(printers).fill({}), readers: Array(readers).fill({}), problems: [] }) as unknown as SiteDevices;

describe('devices reducer', () => {
  it('opens loading with a devices service, idle without', () => {
    expect(initialDevicesState(true).busy).toBe('正在检查设备……');
    expect(initialDevicesState(false).busy).toBeNull();
    expect(noneConfigured(initialDevicesState(false), false)).toBe(true);
    expect(noneConfigured(initialDevicesState(true), true)).toBe(false);
  });

  it('a load keeps the marker inside the new list and clears an earlier load error', () => {
    let s = run([{ type: 'opened', devices: devices(1, 1) }, { type: 'loaded', reports: [report('P', 'printer'), report('R'), report('S', 'scanner')] }, { type: 'move', delta: 5 }], initialDevicesState(true));
    expect(s.selected).toBe(2);
    s = run([{ type: 'load-failed', error: 'usb' }], s);
    expect(s.loadError).toBe('usb');
    s = run([{ type: 'loaded', reports: [report('R')] }], s);
    expect(s).toMatchObject({ selected: 0, loadError: null });
    expect(noneConfigured(s, true)).toBe(false);
    expect(noneConfigured(run([{ type: 'opened', devices: devices(0, 0) }], s), true)).toBe(true);
  });

  it('moves within the list; the status after a test replaces the reports only', () => {
    let s = run([{ type: 'loaded', reports: [report('A'), report('B')] }, { type: 'move', delta: -1 }], initialDevicesState(true));
    expect(s.selected).toBe(0);
    s = run([{ type: 'move', delta: 1 }, { type: 'load-failed', error: 'x' }, { type: 'status', reports: [report('A'), { ...report('B'), state: 'error' }] }], s);
    expect(s.selected).toBe(1);
    expect(s.loadError).toBe('x');
    expect(s.reports[1]?.state).toBe('error');
  });

  it('busy and the message are what the last action said', () => {
    const s = run([{ type: 'busy', label: '正在测试读卡……' }, { type: 'message', message: { level: 'ok', text: '读卡成功' } }], initialDevicesState(false));
    expect(s).toMatchObject({ busy: '正在测试读卡……', message: { level: 'ok' } });
    expect(run([{ type: 'busy', label: null }, { type: 'message', message: null }], s)).toMatchObject({ busy: null, message: null });
  });

  it('I opens the card field for a reader (clearing the message), typing fills it, closing drops it', () => {
    let s = run([{ type: 'message', message: { level: 'warn', text: 'x' } }, { type: 'card-entry', reader: '读卡器1' }], initialDevicesState(false));
    expect(s.cardEntry).toEqual({ reader: '读卡器1', value: '' });
    expect(s.message).toBeNull();
    s = run([{ type: 'card-input', value: 'A1000' }], s);
    expect(s.cardEntry).toEqual({ reader: '读卡器1', value: 'A1000' });
    s = run([{ type: 'card-entry-close' }, { type: 'card-input', value: 'B' }], s);
    expect(s.cardEntry).toBeNull();
  });
});
