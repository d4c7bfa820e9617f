import { TextField } from '../../components/text-field.tsx';
import { Line } from '../../components/line.tsx';
import type { MailOutcome } from '../../hooks/use-overdue.ts';
import type { MailedCard } from '../../../workflows/mail-delivery.ts';
import { blankUnprintable } from '../../../text/printable-text.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const O = zh.overdue;
const LABEL_WIDTH = 12;

export type MailDialogProps = {
  outcome: MailOutcome;
  card: MailedCard | undefined;
  cardNo: string;
  text: string;
  error: string;
  focus: boolean;
  width: number;
  onChange: (value: string) => void;
  onConfirm: (value: string) => void;
};

/** 邮寄中: recording that the holder signed with the SMS code, or that the post brought the card back. */
export function MailDialog({ outcome, card, cardNo, text, error, focus, width, onChange, onConfirm }: MailDialogProps) {
  const about = card ? blankUnprintable(O.mailCard(card.carrier, card.trackingNo, card.address)) : '';
  return (
    <>
      <Line text={O.mailTitle[outcome](cardNo)} width={width} bold />
      <Line text={about} width={width} dim />
      <Line text="" width={width} />
      <TextField label={O.mailField[outcome]} value={text} onChange={onChange} onSubmit={onConfirm} focus={focus} placeholder={O.mailPlaceholder[outcome]} width={width} labelWidth={LABEL_WIDTH} />
      <Line text="" width={width} />
      <Line text={error} width={width} color="red" />
      <Line text={O.mailHint[outcome]} width={width} dim />
    </>
  );
}
