import { Box, Text } from 'ink';
import { Line } from '../../components/line.tsx';

export type QuestionProps = {
  readonly title: string;
  readonly body: string;
  readonly width: number;
  /** A long body wraps instead of being cut at the edge. */
  readonly wrap?: boolean;
};

/** A yes/no question under the screen it is about: the title in bold yellow, then what Y and N do. */
export function Question({ title, body, width, wrap }: QuestionProps) {
  return (
    <Box flexDirection="column">
      <Line text={title} width={width} bold color="yellow" />
      {wrap ? <Text wrap="wrap">{body}</Text> : <Line text={body} width={width} />}
    </Box>
  );
}
