import { Box, Text } from 'ink';
import { Line } from '../components/line.tsx';
import { zh } from '../../i18n/zh-CN.ts';

export function NotBuiltScreen({ label, width, height }: { label: string; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={zh.notBuilt.title(label)} width={width} bold />
      <Text> </Text>
      <Text wrap="wrap">{zh.notBuilt.body}</Text>
      <Text> </Text>
      <Text dimColor>{zh.notBuilt.back}</Text>
    </Box>
  );
}
