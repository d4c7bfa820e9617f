import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useShipments } from '../hooks/use-shipments.ts';
import type { ShipmentsTab } from '../hooks/use-navigation.ts';
import { fitWidth } from '../../text/display-width.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import type { ShipmentSummary } from '../../workflows/shipment-list.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type ShipmentsScreenProps = {
  actor: Actor;
  tab: ShipmentsTab;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
  onTab: (tab: ShipmentsTab) => void;
  onSignIn: (number: string) => void;
  onNew: () => void;
};

type Row = { number: string; party: string; method: string; status: string; cards: string; age: string };

const S = zh.shipments;

function columns(tab: ShipmentsTab): ColumnSpec<Row>[] {
  return [
    { key: 'number', header: S.columns.number, width: 22 },
    { key: 'party', header: tab === 'inbound' ? S.columns.from : S.columns.to, width: 18 },
    { key: 'method', header: S.columns.method, width: 10 },
    { key: 'status', header: S.columns.status, width: 8 },
    { key: 'cards', header: S.columns.cards, width: 4, align: 'right' },
    { key: 'age', header: S.columns.age, width: 10, align: 'right' },
  ];
}
const COLUMNS: Record<ShipmentsTab, ColumnSpec<Row>[]> = { inbound: columns('inbound'), outbound: columns('outbound') };

export const SHIPMENTS_CONTEXT: Record<ShipmentsTab, string> = { inbound: 'shipments-in', outbound: 'shipments-out' };

function toRow(s: ShipmentSummary, tab: ShipmentsTab): Row {
  return {
    number: s.number,
    party: tab === 'inbound' ? s.from.name : s.to.name,
    method: s.methodLabel,
    status: s.statusLabel,
    cards: String(s.cards),
    age: s.ageWorkingDays === null ? '-' : `${s.ageWorkingDays}${s.late ? ` ${S.late}` : '  '}`,
  };
}

/** Title, table frame (header + rule + overflow line), the selected row's detail and three notice lines. */
const CHROME = 1 + 3 + 1 + 3;

export function ShipmentsScreen({ actor, tab, width, height, isActive, onContext, onTab, onSignIn, onNew }: ShipmentsScreenProps) {
  const s = useShipments(actor, tab);
  useLayoutEffect(() => onContext(SHIPMENTS_CONTEXT[tab]), [tab]);
  useKeyHandler(
    (e) => {
      if (matches('shipments.tab', e)) {
        s.clearNotice();
        onTab(tab === 'inbound' ? 'outbound' : 'inbound');
        return true;
      }
      if (matches('shipments.move', e)) return s.move(e.name === 'up' ? -1 : 1), true;
      if (matches('shipments.new', e)) return onNew(), true;
      if (tab === 'inbound' && matches('shipments.sign-in', e)) {
        if (s.current) onSignIn(s.current.number);
        return true;
      }
      if (tab === 'outbound' && matches('shipments.save-sheet', e)) return s.saveSheet(), true;
      return false;
    },
    { priority: PRIORITY.screen, isActive },
  );

  const rows = s.rows.map((x) => toRow(x, tab));
  const label = (active: boolean, text: string) => (active ? `[${text}]` : ` ${text} `);
  const title = `${S.title}    ${label(tab === 'inbound', S.tabInbound(s.inbound.length))}  ${label(tab === 'outbound', S.tabOutbound(s.outbound.length))}`;
  const c = s.current;
  const detail = c ? S.detail(c.trackingNo, c.senderName, c.sentAt ? formatLocalTime(c.sentAt) : null) : '';
  const notice = s.notice;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitWidth(title, width)}</Text>
      <Table
        data={rows}
        columns={COLUMNS[tab]}
        height={Math.max(1, height - CHROME)}
        selectedIndex={rows.length ? s.selected : undefined}
        emptyText={tab === 'inbound' ? S.noneInbound : S.noneOutbound}
      />
      <Text dimColor>{fitWidth(detail, width)}</Text>
      {[0, 1, 2].map((i) => (
        <Text key={i} color={notice?.level === 'error' ? 'red' : notice ? 'green' : undefined}>
          {fitWidth(notice?.lines[i] ?? '', width)}
        </Text>
      ))}
    </Box>
  );
}
