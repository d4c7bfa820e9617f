import { useEffect, useRef, useState } from 'react';
import { deviceReports, type DeviceReport, type SiteDevices } from '../../workflows/site-devices.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { readText } from '../device-status.ts';

export type DevicesMessage = { level: 'ok' | 'warn' | 'error'; text: string };

const D = zh.devices;
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : e instanceof Error ? e.message : String(e));

/**
 * 设备: the counter's devices as the site's configuration opens them (shared with 即时制卡
 * through the console's devices service), each printer's own status, and two tests the operator
 * runs by hand: read the card in a reader (or at a printer's reader position) and eject the
 * card at a printer's reader to the bad bin. Writes nothing to the ledger.
 */
export function useDevices(actor: Actor) {
  const { devicesFor } = useServices();
  const [devices, setDevices] = useState<SiteDevices | null>(null);
  const [reports, setReports] = useState<DeviceReport[]>([]);
  const [selected, setSelected] = useState(0);
  /** What the page is doing now ("正在…"), or null. */
  const [busy, setBusyState] = useState<string | null>(devicesFor ? D.loading : null);
  const [message, setMessage] = useState<DevicesMessage | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const busyRef = useRef(false);
  const devicesRef = useRef<SiteDevices | null>(null);

  const work = async (label: string, fn: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusyState(label);
    try {
      await fn();
    } finally {
      busyRef.current = false;
      setBusyState(null);
    }
  };

  const load = () =>
    work(D.loading, async () => {
      if (!devicesFor) return;
      try {
        const d = devicesRef.current ?? (await devicesFor({ id: actor.siteId, code: actor.siteCode }));
        devicesRef.current = d;
        setDevices(d);
        const r = await deviceReports(d);
        setReports(r);
        setSelected((i) => Math.max(0, Math.min(i, r.length - 1)));
        setLoadError(null);
      } catch (e) {
        setLoadError(errorText(e));
      }
    });

  useEffect(() => {
    void load();
  }, []);

  const current = (): DeviceReport | undefined => reports[selected];

  return {
    hasService: devicesFor !== undefined,
    devices,
    reports,
    selected,
    busy,
    message,
    loadError,
    /** No printer and no reader opened or failing: only the keyboard scanner, if that. */
    noneConfigured: devicesFor === undefined || (devices !== null && devices.printers.length === 0 && devices.readers.length === 0 && devices.problems.length === 0),
    move: (delta: number) => setSelected((i) => Math.max(0, Math.min(reports.length - 1, i + delta))),
    refresh: () => {
      setMessage(null);
      void load();
    },
    /** R: the selected reader, or the selected printer's reader position. */
    testRead: () => {
      const r = current();
      const d = devicesRef.current;
      if (!r || !d || busyRef.current) return;
      if (r.state === 'error' && r.kind !== 'printer') return setMessage({ level: 'error', text: D.unavailable(r.error?.message ?? '') });
      const reader = r.kind === 'reader' ? d.readers.find((x) => x.id === r.id)?.reader : r.kind === 'printer' ? d.printers.find((x) => x.id === r.id)?.printer : undefined;
      if (!reader) return setMessage({ level: 'warn', text: r.kind === 'scanner' ? D.notReadable : D.unavailable(r.error?.message ?? '') });
      setMessage(null);
      void work(D.reading, async () => {
        try {
          setMessage({ level: 'ok', text: readText(await reader.readBasic(3)) });
        } catch (e) {
          setMessage({ level: 'error', text: D.readFailed(r.id, errorText(e)) });
        }
      });
    },
    /** E: the selected printer ejects the card at its reader to the bad bin. */
    testEject: () => {
      const r = current();
      const d = devicesRef.current;
      if (!r || !d || busyRef.current) return;
      if (r.kind !== 'printer') return setMessage({ level: 'warn', text: D.notPrinter });
      const p = d.printers.find((x) => x.id === r.id);
      if (!p) return setMessage({ level: 'error', text: D.unavailable(r.error?.message ?? '') });
      setMessage(null);
      void work(D.ejecting, async () => {
        try {
          await p.printer.eject(2);
          setMessage({ level: 'ok', text: D.ejected(r.id) });
        } catch (e) {
          setMessage({ level: 'error', text: D.ejectFailed(r.id, errorText(e)) });
        }
        // The printer's status changed (or says why it did not): show it.
        try {
          setReports(await deviceReports(d));
        } catch {
          // the list keeps its last status; the message above says what failed
        }
      });
    },
  };
}
