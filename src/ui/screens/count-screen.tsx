import type { ScreenProps } from './screen-props.ts';
import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { Table } from '../components/table.tsx';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useCountHome } from '../hooks/use-count.ts';
import { countHomeKeys } from './count/count-home-keys.ts';
import { hintOf, messageOf, scopeRow, SITE_COLUMNS, STOCK_COLUMNS, type CountHint, type CountMessage } from './count/count-home-view.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type CountScreenProps = ScreenProps & {
  /** Counting (a new count, or an open one being resumed). */
  onScan: (countId: number) => void;
  /** The review of a count already submitted. */
  onReview: (countId: number) => void;
  onReport: () => void;
};

const C = zh.count;
/** A site not counted today stands out. */
const pendingColor = (r: { pending: boolean }) => (r.pending ? 'yellow' : undefined);

export function CountScreen({ actor, width, height, isActive, onContext, onScan, onReview, onReport }: CountScreenProps) {
  const c = useCountHome(actor);
  const context = c.mode === 'new' ? 'count-new' : c.open ? 'count-open' : 'count';
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  useKeyHandler(countHomeKeys(c, stray, { onScan, onReview, onReport }), { priority: PRIORITY.screen, isActive });
  const siteRows = Math.max(1, Math.min(c.sites.length, 4));
  const stockRows = Math.max(1, Math.min(c.stock.length, 4));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={C.title(actor.siteName, actor.siteCode)} width={width} bold />
      <Line text={C.todayTitle(c.today)} width={width} />
      <Table data={c.sites} columns={SITE_COLUMNS} width={width} height={siteRows} emptyText={C.noSites} rowColor={pendingColor} />
      <Line text="" width={width} />
      <Line text={C.stockTitle} width={width} />
      <Table data={c.stock} columns={STOCK_COLUMNS} width={width} height={stockRows} emptyText={C.noStock} />
      <Line text="" width={width} />
      <CountHomeFoot scope={c.mode === 'new' ? scopeRow(c) : null} hint={hintOf(c)} message={messageOf(c)} width={width} />
    </Box>
  );
}

type FootProps = {
  /** The scope row while a new count is being set up, else null. */
  readonly scope: string | null;
  readonly hint: CountHint;
  readonly message: CountMessage | null;
  readonly width: number;
};

/** The scope of a new count, or the hint; then the message. */
function CountHomeFoot({ scope, hint, message, width }: FootProps) {
  return (
    <>
      {scope === null ? (
        <Line text={hint.text} color={hint.color} dim={hint.dim} width={width} />
      ) : (
        <>
          <Line text={scope} width={width} />
          <Line text={C.newHint} width={width} dim />
        </>
      )}
      {message ? (
        <Text color={message.color} wrap="wrap">
          {message.text}
        </Text>
      ) : null}
    </>
  );
}
