import { Box } from 'ink';
import { TextField } from '../../components/text-field.tsx';
import { Line } from '../../components/line.tsx';
import { FlagLines } from '../shared/flag-lines.tsx';
import { Question } from '../shared/question.tsx';
import type { Message } from '../shared/message.ts';
import { SignInHeading } from './sign-in-heading.tsx';
import type { SignInCountView } from './sign-in-view.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type SignInCountProps = {
  readonly title: string;
  readonly from: string | null;
  readonly view: SignInCountView;
  readonly input: string;
  readonly flags: readonly Message[];
  readonly focus: boolean;
  readonly onChange: (value: string) => void;
  readonly onSubmit: (value: string) => void;
  readonly width: number;
  readonly height: number;
};

/** Counting: the expected number is never on screen here. */
export function SignInCount({ title, from, view, input, flags, focus, onChange, onSubmit, width, height }: SignInCountProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <SignInHeading title={title} from={from} width={width} />
      <TextField label={view.label} value={input} onChange={onChange} onSubmit={onSubmit} focus={focus} placeholder={view.placeholder} width={width} labelWidth={view.labelWidth} />
      <Line text={view.tally} width={width} bold />
      <FlagLines flags={flags} count={6} width={width} />
      <Line text={zh.signIn.blindHint} width={width} dim />
      {view.leave ? <Question title={view.leave.title} body={view.leave.body} width={width} wrap /> : null}
    </Box>
  );
}
