import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useSettle, type SettleStep } from '../hooks/use-settle.ts';
import { fitWidth } from '../../text/display-width.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type SettleScreenProps = {
  actor: Actor;
  pickupRef: string;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
  onLeave: () => void;
};

type Row = { mark: string; cardNo: string; name: string; id: string; since: string };

const S = zh.settle;
const COLUMNS: ColumnSpec<Row>[] = [
  { key: 'mark', header: S.columns.mark, width: 10 },
  { key: 'cardNo', header: S.columns.cardNo, width: 10 },
  { key: 'name', header: S.columns.name, width: 10 },
  { key: 'id', header: S.columns.id, width: 18 },
  { key: 'since', header: S.columns.since, width: 10 },
];

const contextOf = (step: SettleStep): string => (step === 'mark' ? 'settle' : step === 'done' ? 'settle-done' : 'confirm');

/** Title, agent line, the table's header, rule and overflow line, totals, message, two lines of question. */
const CHROME = 2 + 3 + 1 + 1 + 2;

export function SettleScreen({ actor, pickupRef, width, height, isActive, onContext, onLeave }: SettleScreenProps) {
  const s = useSettle(actor, pickupRef);
  const context = contextOf(s.step);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  useKeyHandler(
    (e) => {
      const asking = s.step === 'confirm' || s.step === 'leave';
      if (asking) {
        if (stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
        if (matches('confirm.yes', e)) return s.step === 'confirm' ? s.confirm() : onLeave(), true;
        if (matches('confirm.no', e)) return s.cancelConfirm(), true;
        return true; // the question owns the keyboard until answered
      }
      if (s.step === 'mark') {
        if (stray.swallow(e, (k) => matches('settle.delivered', k) || matches('settle.returned', k) || matches('help', k) || matches('quit', k))) return true;
        if (matches('settle.move', e)) return s.move(e.name === 'up' ? -1 : 1), true;
        if (matches('settle.delivered', e)) return s.mark('delivered'), true;
        if (matches('settle.returned', e)) return s.mark('returned'), true;
        if (matches('settle.confirm', e)) return s.toConfirm(), true;
      }
      if (matches('back', e) && s.back()) return true;
      return false;
    },
    { priority: s.step === 'confirm' || s.step === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive },
  );

  const line = (text: string, color?: string) => <Text color={color}>{fitWidth(text, width)}</Text>;
  const p = s.pickup;
  const title = <Text bold>{fitWidth(S.title(pickupRef), width)}</Text>;
  const agent = line(p ? S.agent(p.agent, p.authorisation, formatLocalTime(p.since).slice(0, 10)) : '');

  if (s.step === 'done' && s.done) {
    const d = s.done;
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        {agent}
        {line(S.done(d.delivered, d.returned), 'green')}
        {line(d.stillHeld > 0 ? S.stillHeld(d.stillHeld) : S.allSettled)}
        {line('')}
        {line(S.doneHint)}
      </Box>
    );
  }

  const rows: Row[] = s.cards.map((c) => {
    const m = s.marks.get(c.cardNo);
    return { mark: m ? S.marks[m] : '', cardNo: c.cardNo, name: c.holderName ?? '-', id: c.holderIdMasked ?? '-', since: c.since ? formatLocalTime(c.since).slice(0, 10) : '-' };
  });
  const held = s.cards.length - s.delivered - s.returned;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      {agent}
      <Table data={rows} columns={COLUMNS} height={Math.max(1, height - CHROME)} selectedIndex={rows.length ? s.index : undefined} emptyText={S.none} />
      <Text bold>{fitWidth(S.totals(s.delivered, s.returned, held), width)}</Text>
      {line(s.error ?? s.loadError ?? '', 'red')}
      {s.step === 'confirm' ? (
        <Box flexDirection="column">
          <Text bold color="yellow">
            {fitWidth(S.confirmTitle, width)}
          </Text>
          {line(S.confirmBody(s.delivered, s.returned, held))}
        </Box>
      ) : s.step === 'leave' ? (
        <Box flexDirection="column">
          <Text bold color="yellow">
            {fitWidth(S.leaveTitle, width)}
          </Text>
          {line(S.leaveBody)}
        </Box>
      ) : (
        line(S.hint)
      )}
    </Box>
  );
}
