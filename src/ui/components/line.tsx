import { memo } from 'react';
import { Text } from 'ink';
import { fitWidth } from '../../text/display-width.ts';

export type LineProps = {
  readonly text: string;
  readonly width: number;
  readonly color?: string;
  readonly dim?: boolean;
  readonly bold?: boolean;
  readonly inverse?: boolean;
};

/**
 * One screen row of exactly `width` columns: fitted by display width before it reaches Ink
 * (ENGINEERING.md §1), so a row never wraps into the next and a changed row rewrites only itself.
 */
function LineView({ text, width, color, dim, bold, inverse }: LineProps) {
  return (
    <Text color={color} dimColor={dim} bold={bold} inverse={inverse}>
      {fitWidth(text, width)}
    </Text>
  );
}

/** Memoised: a screen re-rendering on every key leaves its unchanged rows alone. */
export const Line = memo(LineView);
