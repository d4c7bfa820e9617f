import { Box, Text } from 'ink';
import { TextField } from '../../components/text-field.tsx';
import { Table } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { Question } from '../shared/question.tsx';
import type { ReviewFocus } from '../../state/count-review.ts';
import { BOX_COLUMNS, DIFF_COLUMNS, LABEL_WIDTH, type BoxRow, type ReviewFormView } from './count-review-view.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const C = zh.count;
const offColor = (b: BoxRow) => (b.off ? 'yellow' : undefined);

export type ReviewFields = {
  readonly reason: string;
  readonly login: string;
  readonly pin: string;
  readonly onReason: (value: string) => void;
  readonly onReasonDone: (value: string) => void;
  readonly onLogin: (value: string) => void;
  readonly onLoginDone: (value: string) => void;
  readonly onPin: (value: string) => void;
  readonly onPinDone: (value: string) => void;
};

export type ReviewFormProps = {
  readonly view: ReviewFormView;
  readonly fields: ReviewFields;
  readonly sel: number;
  /** The field being edited; null while the PIN is checked or a question is open. */
  readonly editing: ReviewFocus | null;
  readonly leaving: boolean;
  readonly width: number;
};

/** The tables of the review, the reason and the second person's fields, and the message or question under them. */
export function ReviewForm({ view, fields: f, sel, editing, leaving, width }: ReviewFormProps) {
  return (
    <>
      {view.boxesHidden ? null : view.boxes ? <Table data={view.boxes} columns={BOX_COLUMNS} width={width} height={view.boxRows} rowColor={offColor} /> : <Line text={C.boxesLater} width={width} dim />}
      {view.diffs ? <Table data={view.diffs} columns={DIFF_COLUMNS} width={width} height={view.diffRows} selectedIndex={sel} /> : null}
      {view.reasonLabel === null ? null : (
        <TextField label={view.reasonLabel} value={f.reason} onChange={f.onReason} onSubmit={f.onReasonDone} focus={editing === 'reason'} placeholder={C.reasonPlaceholder} width={width} labelWidth={LABEL_WIDTH} />
      )}
      <TextField label={view.who.login} value={f.login} onChange={f.onLogin} onSubmit={f.onLoginDone} focus={editing === 'login'} width={width} labelWidth={LABEL_WIDTH} />
      <TextField label={view.who.pin} value={f.pin} onChange={f.onPin} onSubmit={f.onPinDone} focus={editing === 'pin'} mask="*" width={width} labelWidth={LABEL_WIDTH} />
      {leaving ? (
        <Box flexDirection="column" height={3}>
          <Question title={C.leaveReviewTitle} body={C.leaveReviewBody} width={width} wrap />
        </Box>
      ) : (
        <ReviewMessage view={view} width={width} />
      )}
    </>
  );
}

/** Two lines for the message (checking, refused, applied), then the hint. */
function ReviewMessage({ view, width }: { view: ReviewFormView; width: number }) {
  return (
    <>
      <Box height={2} overflow="hidden">
        <Text color={view.message.color} wrap="wrap">
          {view.message.text}
        </Text>
      </Box>
      <Line text={view.hint} width={width} dim />
    </>
  );
}
