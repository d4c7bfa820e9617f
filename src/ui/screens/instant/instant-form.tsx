import { Text } from 'ink';
import { TextField } from '../../components/text-field.tsx';
import { Line } from '../../components/line.tsx';
import { MessageRow } from './instant-job.tsx';
import { bankText } from './instant-lines.ts';
import type { Message } from '../shared/message.ts';
import type { BankChoice, InstantField, InstantTextField } from '../../hooks/use-instant.ts';
import { displayWidth, fitWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';
import type { IdDocType } from '../../../domain/id-documents.ts';
import { fieldsFor } from '../../state/instant-form.ts';

const T = zh.instant;
const LABEL_WIDTH = 18;

export type InstantFormProps = {
  fields: Readonly<Record<InstantTextField, string>>;
  training: boolean;
  focus: InstantField;
  banks: readonly BankChoice[];
  bankIndex: number;
  /** The applicant's document: decides which rows show (the SSN, the birth date). */
  idType: IdDocType;
  message: Message | null;
  /** Keys go to the focused row. */
  editable: boolean;
  width: number;
  onChange: (field: InstantTextField, value: string) => void;
  onDone: (field: InstantTextField, value: string) => void;
};

type RowProps = Pick<InstantFormProps, 'fields' | 'training' | 'focus' | 'editable' | 'width' | 'onChange' | 'onDone' | 'idType'> & { field: InstantTextField };

/** A row's label: the ID row names the chosen document (Ctrl+T cycles it). */
function labelOf(field: InstantTextField, training: boolean, idType: IdDocType): string {
  if (field === 'cardNo' && training) return T.fields.cardNoTraining;
  if (field === 'idNumber') return T.idNumberOf[idType];
  return T.fields[field];
}

function Row({ field, fields, training, focus, editable, width, onChange, onDone, idType }: RowProps) {
  const label = labelOf(field, training, idType);
  return (
    <TextField
      label={label}
      value={fields[field]}
      onChange={(v) => onChange(field, v)}
      onSubmit={(v) => onDone(field, v)}
      focus={editable && focus === field}
      placeholder={T.placeholders[field]}
      width={width}
      labelWidth={LABEL_WIDTH}
    />
  );
}

/** The service bank: chosen with ←→ among the banks that have blanks in a hopper. */
function BankRow({ banks, bankIndex, focused, width }: { banks: readonly BankChoice[]; bankIndex: number; focused: boolean; width: number }) {
  const prefix = `${focused ? '›' : ' '}${fitWidth(T.fields.bank, LABEL_WIDTH)} `;
  const value = fitWidth(bankText(banks, bankIndex), Math.max(0, width - displayWidth(prefix)));
  return (
    <Text>
      {prefix}
      {value}
    </Text>
  );
}

/** The applicant's details, the bank, the last message and the hints. */
export function InstantForm(p: InstantFormProps) {
  const { width } = p;
  const shown = fieldsFor(p.idType);
  const row = { idType: p.idType, fields: p.fields, training: p.training, focus: p.focus, editable: p.editable, width, onChange: p.onChange, onDone: p.onDone };
  return (
    <>
      <Line text="" width={width} />
      <Row field="name" {...row} />
      <Row field="printedName" {...row} />
      <Row field="idNumber" {...row} />
      {shown.includes('ssn') ? <Row field="ssn" {...row} /> : null}
      {shown.includes('birthDate') ? <Row field="birthDate" {...row} /> : null}
      <BankRow banks={p.banks} bankIndex={p.bankIndex} focused={p.focus === 'bank'} width={width} />
      <Row field="cardNo" {...row} />
      <Row field="photo" {...row} />
      <Line text="" width={width} />
      <MessageRow message={p.message} width={width} />
      <Line text={T.formHint} width={width} dim />
      <Line text={T.loadHint} width={width} dim />
    </>
  );
}
