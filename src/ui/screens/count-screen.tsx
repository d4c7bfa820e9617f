import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useCountHome, type CountOpen, type SiteRow, type StockName } from '../hooks/use-count.ts';
import { fitWidth } from '../../text/display-width.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type CountScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
  /** Counting (a new count, or an open one being resumed). */
  onScan: (countId: number) => void;
  /** The review of a count already submitted. */
  onReview: (countId: number) => void;
  onReport: () => void;
};

const C = zh.count;
const SITE_COLUMNS: ColumnSpec<SiteRow>[] = [
  { key: 'code', header: C.columns.code, width: 12 },
  { key: 'site', header: C.columns.site, width: 32 },
  { key: 'today', header: C.columns.today, width: 26 },
];
const STOCK_COLUMNS: ColumnSpec<StockName>[] = [
  { key: 'bank', header: C.columns.bank, width: 24 },
  { key: 'maker', header: C.columns.maker, width: 24 },
];
const LABEL_WIDTH = 10;

export function CountScreen({ actor, width, height, isActive, onContext, onScan, onReview, onReport }: CountScreenProps) {
  const c = useCountHome(actor);
  const context = c.mode === 'new' ? 'count-new' : c.open ? 'count-open' : 'count';
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  const resume = (o: CountOpen) => (o.status === 'submitted' ? onReview(o.id) : onScan(o.id));

  useKeyHandler(
    (e) => {
      // No text field on this page: a card scanned by habit is neither a command nor an Enter.
      if (stray.swallow(e, (k) => matches('count.new', k) || matches('count.report', k) || matches('help', k) || matches('quit', k))) return true;
      if (c.mode === 'new') {
        if (matches('count.bank', e)) return c.moveBank(e.name === 'left' ? -1 : 1), true;
        if (matches('count.start', e)) {
          const id = c.start();
          if (id !== null) onScan(id);
          return true;
        }
        if (matches('count.new-cancel', e)) return c.cancelNew(), true;
        return false;
      }
      if (c.open && matches('count.resume', e)) return resume(c.open), true;
      if (matches('count.new', e)) return c.openNew(), true;
      if (matches('count.report', e)) return onReport(), true;
      return false;
    },
    { priority: PRIORITY.screen, isActive },
  );

  const line = (text: string, color?: string, dim?: boolean) => (
    <Text color={color} dimColor={dim}>
      {fitWidth(text, width)}
    </Text>
  );
  const siteRows = Math.max(1, Math.min(c.sites.length, 4));
  const stockRows = Math.max(1, Math.min(c.stock.length, 4));
  const scope = c.choices.map((b, i) => {
    const label = b ?? C.allBanks;
    return i === c.bankIndex ? `[${label}]` : ` ${label} `;
  });

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitWidth(C.title(actor.siteName, actor.siteCode), width)}</Text>
      {line(C.todayTitle(c.today))}
      <Table data={c.sites} columns={SITE_COLUMNS} height={siteRows} emptyText={C.noSites} rowColor={(r) => (r.pending ? 'yellow' : undefined)} />
      {line('')}
      {line(C.stockTitle)}
      <Table data={c.stock} columns={STOCK_COLUMNS} height={stockRows} emptyText={C.noStock} />
      {line('')}
      {c.mode === 'new' ? (
        <>
          <Text>{fitWidth(`›${fitWidth(C.newTitle, LABEL_WIDTH * 2)} ${scope.join(' ')}`, width)}</Text>
          {line(C.newHint, undefined, true)}
        </>
      ) : c.open && c.notice === null ? (
        line(C.openHint(c.open.id, C.status[c.open.status]), 'yellow')
      ) : (
        line(C.homeHint, undefined, true)
      )}
      {c.error ? (
        <Text color="red" wrap="wrap">
          {c.error}
        </Text>
      ) : c.notice ? (
        <Text color="yellow" wrap="wrap">
          {c.notice}
        </Text>
      ) : null}
    </Box>
  );
}
