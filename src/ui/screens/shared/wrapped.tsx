import { Text } from 'ink';

export type WrappedProps = { readonly text: string; readonly color?: string | undefined; readonly bold?: boolean };

/** Text that may be longer than a row (a device's or a workflow's message): wrapped, never cut; empty keeps its row. */
export function Wrapped({ text, color, bold }: WrappedProps) {
  return (
    <Text color={color} bold={bold} wrap="wrap">
      {text || ' '}
    </Text>
  );
}
