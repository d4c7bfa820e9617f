import { Box, Text } from 'ink';
import { Line } from '../../components/line.tsx';

export type QuestionProps = {
  readonly title: string;
  readonly body: string;
  /** Fits the title to the row; without it the title is written as it is. */
  readonly width?: number;
  readonly height?: number;
};

/** A yes/no question under a screen's content: the title in bold yellow, the body wrapped. */
export function Question({ title, body, width, height }: QuestionProps) {
  return (
    <Box flexDirection="column" height={height}>
      {width === undefined ? (
        <Text bold color="yellow">
          {title}
        </Text>
      ) : (
        <Line text={title} width={width} bold color="yellow" />
      )}
      <Text wrap="wrap">{body}</Text>
    </Box>
  );
}
