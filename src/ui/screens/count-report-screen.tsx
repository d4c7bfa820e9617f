import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useCountReport } from '../hooks/use-count-report.ts';
import { fitWidth } from '../../text/display-width.ts';
import { shortBank } from '../../domain/count-report-format.ts';
import type { ReportRow } from '../../workflows/stock-count.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type CountReportScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
};

const FIGURES = ['opening', 'received', 'consumed', 'spoiled', 'movedOut', 'closing', 'counted', 'differences'] as const;
type Figure = (typeof FIGURES)[number];
type Row = { mark: string; date: string; bank: string; countedBy: string; approvedBy: string; warn: boolean } & Record<Figure, string>;

const C = zh.count;
const H = C.reportColumns;
const COLUMNS: ColumnSpec<Row>[] = [
  { key: 'mark', header: '', width: 1 },
  { key: 'date', header: H.date, width: 10 },
  { key: 'bank', header: H.bank, width: 8 },
  ...FIGURES.map((k): ColumnSpec<Row> => ({ key: k, header: H[k], width: 4, align: 'right' })),
  { key: 'countedBy', header: H.countedBy, width: 6 },
  { key: 'approvedBy', header: H.approvedBy, width: 6 },
];
const WARN = '⚠';

function toRow(r: ReportRow): Row {
  const figures = Object.fromEntries(FIGURES.map((k) => [k, r[k] === null ? '-' : String(r[k])])) as Record<Figure, string>;
  return { mark: r.warning ? WARN : '', date: r.date, bank: shortBank(r.bank), ...figures, countedBy: r.countedBy ?? '', approvedBy: r.approvedBy ?? '', warn: r.warning !== null };
}

/** Title, the table's header, rule and overflow line, the selected row's detail, the summary, three notice lines. */
const CHROME = 1 + 3 + 1 + 1 + 3;

export function CountReportScreen({ actor, width, height, isActive, onContext }: CountReportScreenProps) {
  const r = useCountReport(actor);
  useLayoutEffect(() => onContext('count-report'), []);
  const stray = useStrayScan();
  const tableRows = Math.max(1, height - CHROME);
  useKeyHandler(
    (e) => {
      if (stray.swallow(e, (k) => matches('count.report-save', k) || matches('help', k) || matches('quit', k))) return true;
      if (matches('count.report-move', e)) return r.move(e.name === 'up' ? -1 : 1), true;
      if (matches('count.report-page', e)) return r.move(e.name === 'pageup' ? -tableRows : tableRows), true;
      if (matches('count.report-save', e)) return r.save(), true;
      return false;
    },
    { priority: PRIORITY.screen, isActive },
  );

  const c = r.current;
  const detail = !c ? '' : c.warning ? `${WARN} ${c.date} ${c.warning}` : c.countedBy === null ? `${c.date} ${C.reportDayOff}` : `${c.date} ${C.reportNames(c.countedBy, c.approvedBy ?? '-')}`;
  const notice = r.notice;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitWidth(`${C.reportTitle(r.period.from, r.period.to)}  ${actor.siteName}`, width)}</Text>
      <Table
        data={r.rows.map(toRow)}
        columns={COLUMNS}
        height={tableRows}
        selectedIndex={r.rows.length ? r.selected : undefined}
        emptyText={r.error ?? C.reportNone}
        rowColor={(row) => (row.warn ? 'yellow' : undefined)}
      />
      <Text color={c?.warning ? 'yellow' : undefined} dimColor={!c?.warning}>
        {fitWidth(detail, width)}
      </Text>
      <Text color={r.warnings ? 'yellow' : 'green'}>{fitWidth(r.rows.length === 0 ? '' : r.warnings ? C.reportWarnings(r.warnings) : C.reportAllCounted, width)}</Text>
      {[0, 1, 2].map((i) => (
        <Text key={i} color={notice?.level === 'error' ? 'red' : notice ? 'green' : undefined}>
          {fitWidth(notice?.lines[i] ?? '', width)}
        </Text>
      ))}
    </Box>
  );
}
