import { Box } from 'ink';
import { Line } from '../../components/line.tsx';
import type { DispatchDone as Done } from '../../state/dispatch.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const D = zh.dispatch;

export type DispatchDoneProps = { readonly title: string; readonly done: Done; readonly width: number; readonly height: number };

/** The shipment sent, and where its hand-over sheet was saved (or why it was not). */
export function DispatchDone({ title, done, width, height }: DispatchDoneProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={title} width={width} bold />
      <Line text={D.done(done.number, done.cards)} color="green" width={width} />
      <Line text="" width={width} />
      {done.sheetError ? <Line text={done.sheetError} color="red" width={width} /> : <Line text={D.sheetSaved} width={width} />}
      {done.sheet.map((p) => (
        <Line key={p} text={`  ${p}`} width={width} />
      ))}
      <Line text="" width={width} />
      <Line text={D.doneHint} width={width} />
    </Box>
  );
}
