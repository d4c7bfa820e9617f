import { Line } from '../../components/line.tsx';
import { deviceLine } from '../../device-status.ts';
import type { DeviceReport } from '../../../workflows/site-devices.ts';

export type DeviceListProps = { reports: readonly DeviceReport[]; selected: number; rows: number; width: number };

const STATE_COLOR = { ready: undefined, attention: 'yellow', error: 'red' } as const;

type Shown = { key: string; text: string; color: string | undefined };

/** The `rows` devices around the selected one, each a marked line coloured by its state. */
function window(reports: readonly DeviceReport[], selected: number, rows: number): Shown[] {
  const first = Math.max(0, Math.min(selected - rows + 1, reports.length - rows));
  return reports.slice(first, first + rows).map((r, i) => ({
    key: `${r.kind}:${r.id}`,
    text: `${first + i === selected ? '›' : ' '} ${deviceLine(r)}`,
    color: STATE_COLOR[r.state],
  }));
}

export function DeviceList({ reports, selected, rows, width }: DeviceListProps) {
  const shown = window(reports, selected, rows);
  return (
    <>
      {shown.map((s) => (
        <Line key={s.key} text={s.text} width={width} color={s.color} />
      ))}
    </>
  );
}
