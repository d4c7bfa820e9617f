import { Box } from 'ink';
import { TextField } from '../../components/text-field.tsx';
import { Line } from '../../components/line.tsx';
import type { DetailsFocus } from '../../state/dispatch.ts';
import { LABEL_WIDTH } from './dispatch-view.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const D = zh.dispatch;

export type DispatchDetailsProps = {
  readonly title: string;
  readonly total: string;
  readonly methodRow: string;
  readonly trackingNo: string;
  readonly senderName: string;
  /** The text field being edited, if any. */
  readonly editing: DetailsFocus | null;
  readonly onTracking: (value: string) => void;
  readonly onSender: (value: string) => void;
  readonly onDone: () => void;
  readonly width: number;
  readonly height: number;
};

/** Method, waybill and sender, before the confirmation. */
export function DispatchDetails(p: DispatchDetailsProps) {
  const { width } = p;
  return (
    <Box flexDirection="column" width={width} height={p.height}>
      <Line text={p.title} width={width} bold />
      <Line text={p.total} width={width} />
      <Line text="" width={width} />
      <Line text={p.methodRow} width={width} />
      <TextField label={D.tracking} value={p.trackingNo} onChange={p.onTracking} onSubmit={p.onDone} focus={p.editing === 'tracking'} placeholder={D.trackingPlaceholder} width={width} labelWidth={LABEL_WIDTH} />
      <TextField label={D.sender} value={p.senderName} onChange={p.onSender} onSubmit={p.onDone} focus={p.editing === 'sender'} width={width} labelWidth={LABEL_WIDTH} />
      <Line text="" width={width} />
      <Line text={D.detailsHint} width={width} />
    </Box>
  );
}
