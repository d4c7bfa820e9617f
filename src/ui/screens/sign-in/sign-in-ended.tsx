import { Box, Text } from 'ink';
import { Line } from '../../components/line.tsx';
import type { SignInSummary } from '../../../workflows/shipment-sign-in.ts';
import { SignInHeading } from './sign-in-heading.tsx';
import { doneLines } from './sign-in-view.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const S = zh.signIn;

type Size = { width: number; height: number };

/** The shipment could not be opened for signing: why. */
export function SignInFailed({ title, error, width, height }: { title: string; error: string } & Size) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={title} width={width} bold />
      <Text color="red" wrap="wrap">
        {error}
      </Text>
      <Line text={S.doneHint} width={width} />
    </Box>
  );
}

/** Signed: what was received, and what became a discrepancy or stays in transit. */
export function SignInDone({ title, from, summary, width, height }: { title: string; from: string | null; summary: SignInSummary } & Size) {
  const d = doneLines(summary);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <SignInHeading title={title} from={from} width={width} />
      <Line text={d.result} width={width} />
      <Text color="green" wrap="wrap">
        {d.done}
      </Text>
      {d.discrepancy ? <Line text={S.doneDiscrepancy} color="yellow" width={width} /> : null}
      <Line text="" width={width} />
      <Line text={S.doneHint} width={width} />
    </Box>
  );
}
