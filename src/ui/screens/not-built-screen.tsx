import { Box, Text } from 'ink';
import { fitWidth } from '../../text/display-width.ts';
import { zh } from '../../i18n/zh-CN.ts';

export function NotBuiltScreen({ label, width, height }: { label: string; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitWidth(zh.notBuilt.title(label), width)}</Text>
      <Text> </Text>
      <Text wrap="wrap">{zh.notBuilt.body}</Text>
      <Text> </Text>
      <Text dimColor>{zh.notBuilt.back}</Text>
    </Box>
  );
}
