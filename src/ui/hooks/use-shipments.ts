import { useMemo, useState } from 'react';
import { listShipments, type ShipmentSummary } from '../../workflows/shipment-list.ts';
import { saveHandoverSheet } from '../../workflows/shipment-export.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ShipmentsTab } from './use-navigation.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type Notice = { level: 'ok' | 'error'; lines: string[] };

/**
 * The two shipment lists of the operator's site: 待签收 (addressed here, still on the way) and
 * 本网点发出 (sent from here, not yet fully signed for). Read once per visit: the screen is
 * mounted afresh when the operator comes back from a sign-in or a dispatch, so it is current.
 */
export function useShipments(actor: Actor, tab: ShipmentsTab) {
  const { ledger, calendar, now } = useServices();
  const lists = useMemo(
    () => ({
      inbound: listShipments(ledger, actor, { direction: 'inbound' }, calendar, now()),
      outbound: listShipments(ledger, actor, { direction: 'outbound' }, calendar, now()),
    }),
    [ledger, actor, calendar, now],
  );
  const [selected, setSelected] = useState<Record<ShipmentsTab, number>>({ inbound: 0, outbound: 0 });
  const [notice, setNotice] = useState<Notice | null>(null);
  const rows: ShipmentSummary[] = lists[tab];
  const index = Math.min(selected[tab], Math.max(0, rows.length - 1));
  const current = rows[index] ?? null;

  return {
    inbound: lists.inbound,
    outbound: lists.outbound,
    rows,
    selected: index,
    current,
    notice,
    move: (delta: number) => setSelected((s) => ({ ...s, [tab]: Math.max(0, Math.min(rows.length - 1, s[tab] + delta)) })),
    clearNotice: () => setNotice(null),
    /** Writes the hand-over sheet of the selected outbound shipment as text and CSV. */
    saveSheet: () => {
      if (tab !== 'outbound' || !current) return;
      try {
        const saved = saveHandoverSheet(ledger, actor, current.number);
        setNotice({ level: 'ok', lines: [zh.shipments.sheetSaved(current.number), saved.textPath, saved.csvPath] });
      } catch (e) {
        setNotice({ level: 'error', lines: [isSbkError(e) ? e.message : zh.shipments.saveFailed(e instanceof Error ? e.message : String(e))] });
      }
    },
  };
}
