import { Box, Text } from 'ink';
import { displayWidth, fitWidth } from '../../text/display-width.ts';
import { useTextField } from './use-text-field.ts';

export type TextFieldProps = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Called with the field's value on Enter (also when Enter came in one read with scanned text). */
  readonly onSubmit?: (value: string) => void;
  /** Only the focused field edits, shows a cursor and swallows printable keys. */
  readonly focus: boolean;
  /** Shown instead of each character, e.g. '*' for a PIN, so a PIN is never echoed. */
  readonly mask?: string;
  readonly placeholder?: string;
  /** Total width in columns: marker, label, a space, then the input. */
  readonly width: number;
  /** Label column width, to line up several fields (default: the label's own width). */
  readonly labelWidth?: number;
};

/**
 * One labelled input row: `›` in the first column when focused (the only cell that changes on
 * Tab), the label fitted by display width, then the value with an inverse-video cursor. A value
 * wider than the box shows its part around the cursor, so the row never wraps.
 *
 * Screens: one TextField per input with `focus` on at most one; Tab / ↑↓ / Esc / Ctrl+U in the
 * screen's PRIORITY.screen handler; submit through `onSubmit`, not a screen Enter handler.
 */
export function TextField({ label, value, onChange, onSubmit, focus, mask, placeholder = '', width, labelWidth }: TextFieldProps) {
  const { cursor } = useTextField({ value, onChange, onSubmit, focus });
  const lw = labelWidth ?? displayWidth(label);
  const inputWidth = Math.max(2, width - 1 - lw - 1);
  const shown = [...value].map((ch) => (mask === undefined ? ch : mask));
  let before = shown.slice(0, cursor);
  const at = shown[cursor] ?? ' ';
  let after = shown.slice(cursor + 1);
  // Keep the cursor in view: drop characters from the left, then cut the right.
  while (before.length && displayWidth(before.join('') + at) > inputWidth) before = before.slice(1);
  const room = inputWidth - displayWidth(before.join('') + at);
  const tail = fitWidth(after.join(''), Math.max(0, room)).trimEnd();
  after = [...tail];
  const prefix = (focus ? '›' : ' ') + fitWidth(label, lw) + ' ';
  return (
    <Box width={width} height={1}>
      <Text>{prefix}</Text>
      {value === '' && !focus ? (
        <Text dimColor>{fitWidth(placeholder, inputWidth).trimEnd()}</Text>
      ) : value === '' ? (
        <Text>
          <Text inverse>{placeholder ? [...placeholder][0] : ' '}</Text>
          <Text dimColor>{fitWidth([...placeholder].slice(1).join(''), inputWidth - 2).trimEnd()}</Text>
        </Text>
      ) : (
        <Text>
          {before.join('')}
          {focus ? <Text inverse>{at}</Text> : at === ' ' ? '' : at}
          {after.join('')}
        </Text>
      )}
    </Box>
  );
}
