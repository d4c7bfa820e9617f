import { Box, Text } from 'ink';
import { Line } from '../../components/line.tsx';
import { ReviewHeading, type ReviewHeadingProps } from './review-heading.tsx';
import { zh } from '../../../i18n/zh-CN.ts';

const C = zh.count;

/** The count could not be reviewed: why, and the way back. */
export function ReviewFailed({ countId, error, width, height }: { countId: number; error: string; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={C.scanTitle(countId, '')} width={width} bold />
      <Text color="red" wrap="wrap">
        {error}
      </Text>
      <Line text={C.doneHint} width={width} dim />
    </Box>
  );
}

/** The count closed: with whose confirmation, and what happens to the differences. */
export function ReviewDone({ heading, done, clean, height }: { heading: ReviewHeadingProps; done: string; clean: boolean; height: number }) {
  const { width } = heading;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <ReviewHeading {...heading} />
      <Line text="" width={width} />
      <Text color="green" wrap="wrap">
        {done}
      </Text>
      {clean ? null : <Line text={C.closedNext} width={width} />}
      <Line text="" width={width} />
      <Line text={C.doneHint} width={width} dim />
    </Box>
  );
}
