import { TextField } from '../../components/text-field.tsx';
import { Line } from '../../components/line.tsx';
import { Question } from '../shared/question.tsx';
import { PICKUP_FIELDS, type PickupField } from '../../hooks/use-new-pickup.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type PickupDetailsProps = {
  fields: Readonly<Record<PickupField, string>>;
  focus: PickupField;
  /** Keys go to the focused field (not while the question is asked). */
  editable: boolean;
  error: string;
  /** Cards scanned already (shown when some are). */
  total: number;
  entries: number;
  asking: boolean;
  width: number;
  /** Rows below the screen's title: the intro and blank rows go first when the nine fields would not fit. */
  height: number;
  onChange: (field: PickupField, value: string) => void;
  onDone: (field: PickupField, value: string) => void;
};

const P = zh.pickup;
const LABEL_WIDTH = 14;

/** The unit, the agent and the authorisation, checked against the originals before any card is scanned. */
export function PickupDetails({ fields, focus, editable, error, total, entries, asking, width, height, onChange, onDone }: PickupDetailsProps) {
  const count = P.total(total, entries);
  const leaveBody = P.leaveBody(total);
  // Intro, two blanks, the fields, the error, the count and the question (about 4 rows).
  const compact = height < PICKUP_FIELDS.length + 4 + (total > 0 ? 1 : 0) + (asking ? 4 : 0);
  return (
    <>
      {compact ? null : <Line text={P.detailsIntro} width={width} dim />}
      {compact ? null : <Line text="" width={width} />}
      {PICKUP_FIELDS.map((k) => (
        <TextField
          key={k}
          label={P.fields[k]}
          value={fields[k]}
          onChange={(v) => onChange(k, v)}
          onSubmit={(v) => onDone(k, v)}
          focus={editable && focus === k}
          placeholder={P.placeholders[k]}
          width={width}
          labelWidth={LABEL_WIDTH}
        />
      ))}
      {compact ? null : <Line text="" width={width} />}
      <Line text={error} width={width} color="red" />
      {total > 0 ? <Line text={count} width={width} /> : null}
      {asking ? <Question title={P.leaveTitle} body={leaveBody} width={width} /> : null}
    </>
  );
}
