import type { ScreenProps } from './screen-props.ts';
import { useLayoutEffect } from 'react';
import { Box } from 'ink';
import { Table } from '../components/table.tsx';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import { useCountReport, type CountReport } from '../hooks/use-count-report.ts';
import { COLUMNS, countReportView } from './count-report/count-report-view.ts';

export type CountReportScreenProps = ScreenProps;

/** Title, the table's header, rule and overflow line, the selected row's detail, the summary, three notice lines. */
const CHROME = 1 + 3 + 1 + 1 + 3;
const warnColor = (row: { warn: boolean }) => (row.warn ? 'yellow' : undefined);

function reportKeys(r: CountReport, stray: ReturnType<typeof useStrayScan>, page: number): (e: KeyEvent) => boolean {
  return (e) => {
    if (stray.swallow(e, (k) => matches('count.report-save', k) || matches('help', k) || matches('quit', k))) return true;
    if (matches('count.report-move', e)) return r.move(e.name === 'up' ? -1 : 1), true;
    if (matches('count.report-page', e)) return r.move(e.name === 'pageup' ? -page : page), true;
    if (matches('count.report-save', e)) return r.save(), true;
    return false;
  };
}

export function CountReportScreen({ actor, width, height, isActive, onContext }: CountReportScreenProps) {
  const r = useCountReport(actor);
  useLayoutEffect(() => onContext('count-report'), []);
  const stray = useStrayScan();
  const tableRows = Math.max(1, height - CHROME);
  useKeyHandler(reportKeys(r, stray, tableRows), { priority: PRIORITY.screen, isActive });
  const v = countReportView(r, actor.siteName);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={v.title} width={width} bold />
      <Table data={v.rows} columns={COLUMNS} width={width} height={tableRows} selectedIndex={v.selected} emptyText={v.emptyText} rowColor={warnColor} />
      <Line text={v.detail.text} color={v.detail.warn ? 'yellow' : undefined} dim={!v.detail.warn} width={width} />
      <Line text={v.summary.text} color={v.summary.color} width={width} />
      {v.notice.map((text, i) => (
        <Line key={i} text={text} color={v.noticeColor} width={width} />
      ))}
    </Box>
  );
}
