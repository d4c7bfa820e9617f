import { Box } from 'ink';
import { TextField } from '../../components/text-field.tsx';
import { Line } from '../../components/line.tsx';
import { Wrapped } from '../shared/wrapped.tsx';
import { Question } from '../shared/question.tsx';
import { MESSAGE_COLOR, type Message } from '../shared/message.ts';
import type { TransferState } from '../../state/transfer.ts';
import { fromRow, itemLines, LABEL_WIDTH, modeRow, receiverRow, selectionLine, toRow } from './transfer-lines.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const T = zh.transfer;
/** Rows kept for the last message or the question: a refused receiver's PIN takes three at 80 columns. */
const MESSAGE_LINES = 3;
/** Title, mode, scan, from, to, selection, message (three): the rest is the list. */
const PLACES_CHROME = 9;

export type TransferFormProps = {
  readonly s: TransferState;
  readonly active: boolean;
  readonly width: number;
  readonly height: number;
  readonly onInput: (value: string) => void;
  readonly onScan: (raw: string) => void;
  readonly onPin: (value: string) => void;
  readonly onPinDone: () => void;
};

function MessageBox({ message, asking, width }: { message: Message | null; asking: boolean; width: number }) {
  return (
    <Box height={MESSAGE_LINES} overflow="hidden" flexDirection="column">
      {asking ? <Question title={T.leaveTitle} body={T.leaveBody} width={width} /> : message ? <Wrapped text={message.text} color={MESSAGE_COLOR[message.level]} /> : <Line text="" width={width} />}
    </Box>
  );
}

/** 移库: the scan field, the whole-place and destination choices, what is chosen, the scanned list. */
function PlacesRows({ s, active, width, height, onInput, onScan }: TransferFormProps) {
  const lines = itemLines(s.items, height - PLACES_CHROME);
  return (
    <>
      <TextField label={T.scanLabel} value={s.input} onChange={onInput} onSubmit={onScan} focus={active && s.focus === 'scan'} placeholder={T.scanPlaceholder} width={width} labelWidth={LABEL_WIDTH} />
      <Line text={fromRow(s)} width={width} />
      <Line text={toRow(s)} width={width} />
      <Line text={selectionLine(s)} width={width} />
      <MessageBox message={s.message} asking={s.step === 'leave'} width={width} />
      {lines.map((l, i) => (
        <Line key={i} text={l} width={width} />
      ))}
    </>
  );
}

/** 交接班: the receiver, their PIN (masked), what will be handed over. */
function HandOverRows({ s, active, width, onPin, onPinDone }: TransferFormProps) {
  return (
    <>
      <Line text={receiverRow(s)} width={width} />
      <TextField label={T.pinLabel} value={s.pin} onChange={onPin} onSubmit={onPinDone} focus={active && s.focus === 'pin'} mask="*" placeholder={T.pinPlaceholder} width={width} labelWidth={LABEL_WIDTH} />
      <Box height={2} overflow="hidden" flexDirection="column">
        <Wrapped text={T.held(s.held)} />
      </Box>
      <MessageBox message={s.message} asking={s.step === 'leave'} width={width} />
    </>
  );
}

export function TransferForm(props: TransferFormProps) {
  return (
    <>
      <Line text={modeRow(props.s)} width={props.width} />
      {props.s.mode === 'places' ? <PlacesRows {...props} /> : <HandOverRows {...props} />}
    </>
  );
}
