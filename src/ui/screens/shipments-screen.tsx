import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect } from 'react';
import { Box } from 'ink';
import { Table } from '../components/table.tsx';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useShipments } from '../hooks/use-shipments.ts';
import type { ShipmentsTab } from '../hooks/use-navigation.ts';
import { COLUMNS, shipmentsView } from './shipments/shipments-view.ts';
import { shipmentsKeys } from './shipments/shipments-keys.ts';
import type { Actor } from '../../domain/actor.ts';

export type ShipmentsScreenProps = {
  actor: Actor;
  tab: ShipmentsTab;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: ContextId) => void;
  onTab: (tab: ShipmentsTab) => void;
  onSignIn: (number: string) => void;
  onNew: () => void;
};

export const SHIPMENTS_CONTEXT: Record<ShipmentsTab, ContextId> = { inbound: 'shipments-in', outbound: 'shipments-out' };

/** Title, table frame (header + rule + overflow line), the selected row's detail and three notice lines. */
const CHROME = 1 + 3 + 1 + 3;
const NOTICE_LINES = [0, 1, 2];

export function ShipmentsScreen({ actor, tab, width, height, isActive, onContext, onTab, onSignIn, onNew }: ShipmentsScreenProps) {
  const s = useShipments(actor, tab);
  useLayoutEffect(() => onContext(SHIPMENTS_CONTEXT[tab]), [tab]);
  useKeyHandler(shipmentsKeys(s, tab, { onTab, onSignIn, onNew }), { priority: PRIORITY.screen, isActive });
  const v = shipmentsView(s, tab);
  const tableRows = Math.max(1, height - CHROME);
  const selected = v.rows.length ? s.selected : undefined;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={v.title} width={width} bold />
      <Table data={v.rows} columns={COLUMNS[tab]} width={width} height={tableRows} selectedIndex={selected} emptyText={v.emptyText} />
      <Line text={v.detail} width={width} dim />
      {NOTICE_LINES.map((i) => (
        <Line key={i} text={s.notice?.lines[i] ?? ''} color={v.noticeColor} width={width} />
      ))}
    </Box>
  );
}
