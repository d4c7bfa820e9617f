import { useEffect } from 'react';
import { deviceReports, type DeviceReport, type SiteDevices } from '../../workflows/site-devices.ts';
import { ejectTestCard, readTestCard, reportsAfterTest, testPrinterOf, testReaderOf } from '../../workflows/device-tests.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { readText } from '../device-status.ts';
import { devicesReducer, initialDevicesState, noneConfigured, type DevicesAction, type DevicesState } from '../state/devices.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { insertSimulatedCard, removeSimulatedCard, type SlotResult } from '../../workflows/simulated-card-slot.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Message } from '../screens/shared/message.ts';

export type DevicesMessage = Message;
type Dispatch = (a: DevicesAction) => void;

const D = zh.devices;
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : e instanceof Error ? e.message : String(e));
const unavailable = (r: DeviceReport): string => D.unavailable(r.error?.message ?? '');

/** Shows `label` while `fn` runs. */
async function busyWith(dispatch: Dispatch, label: string, fn: () => Promise<void>): Promise<void> {
  dispatch({ type: 'busy', label });
  try {
    await fn();
  } finally {
    dispatch({ type: 'busy', label: null });
  }
}

/** Opens the site's devices (once: they stay open) and asks each for its status. */
async function load(dispatch: Dispatch, known: SiteDevices | null, open: () => Promise<SiteDevices>): Promise<void> {
  try {
    const d = known ?? (await open());
    dispatch({ type: 'opened', devices: d });
    dispatch({ type: 'loaded', reports: await deviceReports(d) });
  } catch (e) {
    dispatch({ type: 'load-failed', error: errorText(e) });
  }
}

/** R on the selected device: its reader (or a printer's reader position) reads once, or why it cannot. */
function testRead(dispatch: Dispatch, d: SiteDevices, r: DeviceReport): void {
  if (r.state === 'error' && r.kind !== 'printer') return dispatch({ type: 'message', message: { level: 'error', text: unavailable(r) } });
  const reader = testReaderOf(d, r);
  if (!reader) return dispatch({ type: 'message', message: { level: 'warn', text: r.kind === 'scanner' ? D.notReadable : unavailable(r) } });
  dispatch({ type: 'message', message: null });
  void busyWith(dispatch, D.reading, async () => {
    try {
      dispatch({ type: 'message', message: { level: 'ok', text: readText(await readTestCard(reader)) } });
    } catch (e) {
      dispatch({ type: 'message', message: { level: 'error', text: D.readFailed(r.id, errorText(e)) } });
    }
  });
}

/** E on the selected printer: the card at its reader to the bad bin, then every device's status again. */
function testEject(dispatch: Dispatch, d: SiteDevices, r: DeviceReport): void {
  if (r.kind !== 'printer') return dispatch({ type: 'message', message: { level: 'warn', text: D.notPrinter } });
  const printer = testPrinterOf(d, r);
  if (!printer) return dispatch({ type: 'message', message: { level: 'error', text: unavailable(r) } });
  dispatch({ type: 'message', message: null });
  void busyWith(dispatch, D.ejecting, async () => {
    try {
      await ejectTestCard(printer);
      dispatch({ type: 'message', message: { level: 'ok', text: D.ejected(r.id) } });
    } catch (e) {
      dispatch({ type: 'message', message: { level: 'error', text: D.ejectFailed(r.id, errorText(e)) } });
    }
    // The printer's status changed (or says why it did not); else the list keeps its last status.
    const reports = await reportsAfterTest(d);
    if (reports) dispatch({ type: 'status', reports });
  });
}

/** The selected device when it is a simulated reader (only those take a simulated card), else says why not. */
function simulatedReader(dispatch: Dispatch, r: DeviceReport): string | null {
  if (r.kind === 'reader' && r.transport === 'simulator') return r.id;
  dispatch({ type: 'message', message: { level: 'warn', text: D.notSimReader } });
  return null;
}

/** Changes what lies on a simulated reader (the state file beside the ledger), then lists the devices again. */
async function changeSlot(dispatch: Dispatch, d: SiteDevices, reader: string, change: () => SlotResult, said: (r: SlotResult) => string): Promise<boolean> {
  try {
    const r = change();
    dispatch({ type: 'message', message: { level: 'ok', text: said(r) } });
  } catch (e) {
    dispatch({ type: 'message', message: { level: 'error', text: D.slotFailed(reader, errorText(e)) } });
    return false;
  }
  const reports = await reportsAfterTest(d);
  if (reports) dispatch({ type: 'status', reports });
  return true;
}

type SlotCtx = { ledger: Ledger; actor: Actor; dispatch: Dispatch };

function submitCard(c: SlotCtx, s: DevicesState, value: string): void {
  const entry = s.cardEntry;
  if (!entry || !s.devices || !value.trim()) return;
  void changeSlot(c.dispatch, s.devices, entry.reader, () => insertSimulatedCard(c.ledger, c.actor, entry.reader, value), (r) => D.inserted(r.reader, r.card ?? '')).then((done) => {
    if (done) c.dispatch({ type: 'card-entry-close' });
  });
}

function removeCard(c: SlotCtx, d: SiteDevices, r: DeviceReport): void {
  const reader = simulatedReader(c.dispatch, r);
  if (reader) void changeSlot(c.dispatch, d, reader, () => removeSimulatedCard(c.ledger, c.actor, reader), (x) => D.removed(x.reader, x.removed ?? null));
}

function toggleAuto(c: SlotCtx, d: SiteDevices, r: DeviceReport): void {
  const reader = simulatedReader(c.dispatch, r);
  if (reader) void changeSlot(c.dispatch, d, reader, () => insertSimulatedCard(c.ledger, c.actor, reader, null, !r.slot?.auto), (x) => (x.auto ? D.autoOn(x.reader) : D.autoOff(x.reader)));
}

/** The selected device and the open devices, when no test or load is running. */
function idleTarget(s: DevicesState): { d: SiteDevices; r: DeviceReport } | null {
  const r = s.reports[s.selected];
  return r && s.devices && !s.busy ? { d: s.devices, r } : null;
}

/**
 * 设备: the counter's devices as the site's configuration opens them (shared with 即时制卡
 * through the console's devices service), each printer's own status, and two tests the operator
 * runs by hand: read the card in a reader (or at a printer's reader position) and eject the
 * card at a printer's reader to the bad bin. Writes nothing to the ledger.
 */
export function useDevices(actor: Actor) {
  const { devicesFor, ledger } = useServices();
  const hasService = devicesFor !== undefined;
  const { state, dispatch, latest } = useLatestReducer(devicesReducer, () => initialDevicesState(hasService));
  const reload = () =>
    busyWith(dispatch, D.loading, async () => {
      if (devicesFor) await load(dispatch, latest().devices, () => devicesFor({ id: actor.siteId, code: actor.siteCode }));
    });
  useEffect(() => {
    void reload();
  }, []);
  const target = (): ReturnType<typeof idleTarget> => idleTarget(latest());
  const slot: SlotCtx = { ledger, actor, dispatch };
  return {
    ...state,
    hasService,
    noneConfigured: noneConfigured(state, hasService),
    move: (delta: number) => dispatch({ type: 'move', delta }),
    refresh: () => {
      dispatch({ type: 'message', message: null });
      if (!latest().busy) void reload();
    },
    /** R: the selected reader, or the selected printer's reader position. */
    testRead: () => {
      const t = target();
      if (t) testRead(dispatch, t.d, t.r);
    },
    /** E: the selected printer ejects the card at its reader to the bad bin. */
    testEject: () => {
      const t = target();
      if (t) testEject(dispatch, t.d, t.r);
    },
    /** I: asks for the card number to put on the selected simulated reader. */
    openInsert: () => {
      const t = target();
      const reader = t ? simulatedReader(dispatch, t.r) : null;
      if (reader) dispatch({ type: 'card-entry', reader });
    },
    setCard: (value: string) => dispatch({ type: 'card-input', value }),
    /** Enter in the card field: the card goes on the reader. */
    submitCard: (value: string) => submitCard(slot, latest(), value),
    cancelCard: () => dispatch({ type: 'card-entry-close' }),
    /** O: the card on the selected simulated reader is taken off. */
    removeCard: () => {
      const t = target();
      if (t) removeCard(slot, t.d, t.r);
    },
    /** A: the card being issued goes on the selected simulated reader by itself at each read-check, or no longer. */
    toggleAuto: () => {
      const t = target();
      if (t) toggleAuto(slot, t.d, t.r);
    },
  };
}
