import type { ScreenProps } from './screen-props.ts';
import { useLayoutEffect } from 'react';
import { Box } from 'ink';
import { Table } from '../components/table.tsx';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import { useIssuedReport, type IssuedReport } from '../hooks/use-issued-report.ts';
import { COLUMNS, issuedReportView } from './issued-report/issued-report-view.ts';

export type IssuedReportScreenProps = ScreenProps;

/** Title, the table's header, rule and overflow line, the entry's detail, summary, totals, three notice lines. */
const CHROME = 1 + 3 + 1 + 1 + 1 + 3;
const uncheckedColor = (row: { unchecked: boolean }) => (row.unchecked ? 'yellow' : undefined);

function reportKeys(r: IssuedReport, stray: ReturnType<typeof useStrayScan>, page: number): (e: KeyEvent) => boolean {
  return (e) => {
    if (stray.swallow(e, (k) => matches('issued.save', k) || matches('help', k) || matches('quit', k))) return true;
    if (matches('issued.move', e)) return r.move(e.name === 'up' ? -1 : 1), true;
    if (matches('issued.page', e)) return r.move(e.name === 'pageup' ? -page : page), true;
    if (matches('issued.day', e)) return r.changeDay(e.name === 'left' ? -1 : 1), true;
    if (matches('issued.save', e)) return r.save(), true;
    return false;
  };
}

/** 发放台账: one day's hand-overs at the site and below, to reconcile the signed receipts against (GD Art. 12, 14). */
export function IssuedReportScreen({ actor, width, height, isActive, onContext }: IssuedReportScreenProps) {
  const r = useIssuedReport(actor);
  useLayoutEffect(() => onContext('issued-report'), []);
  const stray = useStrayScan();
  const tableRows = Math.max(1, height - CHROME);
  useKeyHandler(reportKeys(r, stray, tableRows), { priority: PRIORITY.screen, isActive });
  const v = issuedReportView(r, actor.siteName);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={v.title} width={width} bold />
      <Table data={v.rows} columns={COLUMNS} width={width} height={tableRows} selectedIndex={v.selected} emptyText={v.emptyText} rowColor={uncheckedColor} />
      <Line text={v.detail} width={width} dim />
      <Line text={v.summary} width={width} />
      <Line text={v.totals} width={width} />
      {v.notice.map((text, i) => (
        <Line key={i} text={text} color={v.noticeColor} width={width} />
      ))}
    </Box>
  );
}
