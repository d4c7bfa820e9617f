import type { DeviceReport, SiteDevices } from '../../workflows/site-devices.ts';
import type { Message } from '../screens/shared/message.ts';
import { zh } from '../../i18n/zh-CN.ts';

/** 设备: the counter's devices once opened, their reports, the one under the marker, what is being done and said. */
export type DevicesState = {
  readonly devices: SiteDevices | null;
  readonly reports: readonly DeviceReport[];
  readonly selected: number;
  /** What the page is doing now ("正在…"), or null. */
  readonly busy: string | null;
  readonly message: Message | null;
  readonly loadError: string | null;
  /** I on a simulated reader: the card number being typed, for that reader; null when not asking. */
  readonly cardEntry: { readonly reader: string; readonly value: string } | null;
};

export type DevicesAction =
  | { readonly type: 'busy'; readonly label: string | null }
  | { readonly type: 'opened'; readonly devices: SiteDevices }
  | { readonly type: 'loaded'; readonly reports: readonly DeviceReport[] }
  | { readonly type: 'load-failed'; readonly error: string }
  /** The status after a test: the list is the same, each device's state may have changed. */
  | { readonly type: 'status'; readonly reports: readonly DeviceReport[] }
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'message'; readonly message: Message | null }
  | { readonly type: 'card-entry'; readonly reader: string }
  | { readonly type: 'card-input'; readonly value: string }
  | { readonly type: 'card-entry-close' };

/** With a devices service the page opens loading them. */
export function initialDevicesState(hasService: boolean): DevicesState {
  return { devices: null, reports: [], selected: 0, busy: hasService ? zh.devices.loading : null, message: null, loadError: null, cardEntry: null };
}

/** No printer and no reader opened or failing: only the keyboard scanner, if that. */
export function noneConfigured(s: DevicesState, hasService: boolean): boolean {
  const d = s.devices;
  return !hasService || (d !== null && d.printers.length === 0 && d.readers.length === 0 && d.problems.length === 0);
}

export function devicesReducer(s: DevicesState, a: DevicesAction): DevicesState {
  switch (a.type) {
    case 'busy':
      return { ...s, busy: a.label };
    case 'opened':
      return { ...s, devices: a.devices };
    case 'loaded':
      return { ...s, reports: a.reports, selected: Math.max(0, Math.min(s.selected, a.reports.length - 1)), loadError: null };
    case 'load-failed':
      return { ...s, loadError: a.error };
    case 'status':
      return { ...s, reports: a.reports };
    case 'move':
      return { ...s, selected: Math.max(0, Math.min(s.reports.length - 1, s.selected + a.delta)) };
    case 'message':
      return { ...s, message: a.message };
    case 'card-entry':
      return { ...s, cardEntry: { reader: a.reader, value: '' }, message: null };
    case 'card-input':
      return s.cardEntry ? { ...s, cardEntry: { ...s.cardEntry, value: a.value } } : s;
    case 'card-entry-close':
      return { ...s, cardEntry: null };
  }
}
