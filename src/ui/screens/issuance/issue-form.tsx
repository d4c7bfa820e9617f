import type { IdDocType } from '../../../domain/id-documents.ts';
import { Box, Text } from 'ink';
import { TextField } from '../../components/text-field.tsx';
import { Line } from '../../components/line.tsx';
import { Wrapped } from '../shared/wrapped.tsx';
import { Question } from '../shared/question.tsx';
import { messageColor, type Message } from '../shared/message.ts';
import { messageText, readLine, receiverChoices } from './issue-lines.ts';
import type { IssueField, ReadState, Receiver } from '../../hooks/use-issuance.ts';
import type { IssueCandidate } from '../../../workflows/issue-card.ts';
import { TEXT_FIELDS } from '../../state/issuance.ts';
import { displayWidth, fitWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

type TextRow = Exclude<IssueField, 'receiver'>;

const I = zh.issuance;
const LABEL_WIDTH = 14;

export type IssueFormProps = {
  card: IssueCandidate;
  receiver: Receiver;
  fields: Readonly<Record<TextRow, string>>;
  /** The agent's document: its name labels the agent's ID row (Ctrl+T there cycles it). */
  agentIdType: IdDocType;
  focus: IssueField;
  read: ReadState;
  message: Message | null;
  busy: boolean;
  hasReader: boolean;
  readerLabel: string | null;
  /** Keys go to the focused row (not while busy or asking). */
  editable: boolean;
  /** Esc with something typed: drop it? */
  asking: boolean;
  width: number;
  onChange: (field: TextRow, value: string) => void;
  onDone: (field: TextRow, value: string) => void;
};

type RowProps = Pick<IssueFormProps, 'fields' | 'focus' | 'editable' | 'width' | 'onChange' | 'onDone' | 'agentIdType'> & { field: TextRow };

/** The agent's ID row names a document other than the resident ID. */
const labelOf = (field: TextRow, agentIdType: IdDocType): string => (field === 'agentId' && agentIdType !== 'resident_id' ? zh.instant.idNumberOf[agentIdType] : I.fields[field]);

function Row({ field, fields, focus, editable, width, onChange, onDone, agentIdType }: RowProps) {
  return (
    <TextField
      label={labelOf(field, agentIdType)}
      value={fields[field]}
      onChange={(v) => onChange(field, v)}
      onSubmit={(v) => onDone(field, v)}
      focus={editable && focus === field}
      placeholder={I.placeholders[field]}
      width={width}
      labelWidth={LABEL_WIDTH}
    />
  );
}

/** 领取人: 1 本人 or 2 代领, with the hint for choosing. */
function ReceiverRow({ receiver, focused, width }: { receiver: Receiver; focused: boolean; width: number }) {
  const row = `${focused ? '›' : ' '}${fitWidth(I.receiver, LABEL_WIDTH)} ${receiverChoices(receiver)}   `;
  const hint = fitWidth(I.receiverHint, Math.max(0, width - displayWidth(row)));
  return (
    <Text>
      {row}
      <Text dimColor>{hint}</Text>
    </Text>
  );
}

/** Who receives the card, the read-check, the last message and the hint (and the question before dropping it). */
export function IssueForm(p: IssueFormProps) {
  const { card, width } = p;
  const title = I.cardTitle(card.cardNo);
  const cardLine = I.cardLine(card.holderName ?? '-', card.holderIdMasked ?? '-', card.bank, card.batch, card.stateLabel);
  // A mailed card goes without a read-check at the counter: the ledger says so.
  const read = p.receiver === 'mail' ? { text: I.mailNoRead, color: 'yellow' } : readLine(p.read, p.hasReader, p.readerLabel);
  const rows = { fields: p.fields, agentIdType: p.agentIdType, focus: p.focus, editable: p.editable, width, onChange: p.onChange, onDone: p.onDone };
  const issuing = p.busy && p.read.kind !== 'reading';
  const hint = p.receiver === 'mail' ? I.formHintMail : p.hasReader ? I.formHint : I.formHintNoReader;
  const said = { text: messageText(p.message), color: messageColor(p.message) };
  return (
    <>
      <Line text={title} width={width} bold />
      <Line text={cardLine} width={width} />
      <Line text="" width={width} />
      <ReceiverRow receiver={p.receiver} focused={p.focus === 'receiver'} width={width} />
      {TEXT_FIELDS[p.receiver].map((f) => (
        <Row key={f} field={f} {...rows} />
      ))}
      <Line text="" width={width} />
      {/* The reader's and the workflow's messages can be long: wrapped, never cut. */}
      <Wrapped text={read.text} color={read.color} />
      {issuing ? <Line text={I.issuing} width={width} color="yellow" /> : <Wrapped text={said.text} color={said.color} />}
      <Line text={hint} width={width} dim />
      {p.asking ? (
        <Box flexDirection="column">
          <Line text="" width={width} />
          <Question title={I.leaveTitle} body={I.leaveBody} width={width} wrap />
        </Box>
      ) : null}
    </>
  );
}
