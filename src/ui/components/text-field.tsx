import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { displayWidth, fitWidth } from '../text-fit.ts';
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
 * Tab), the label fitted by display width, then ink-text-input in a one-row box. A value longer
 * than the box is clipped, not wrapped, so the layout below never moves.
 *
 * How a screen combines fields with the router (a field needs a <KeyRouterProvider> above it):
 * - `focus` on at most one field. The focused field swallows printable and editing keys at
 *   PRIORITY.text, so `q`/`?`/`1-9` typed into it are text; everything else (Tab, ↑↓, PgUp/PgDn,
 *   Esc, Ctrl+U, Ctrl+C) falls through to the screen's PRIORITY.screen handler, then to the
 *   global one.
 * - Submit through `onSubmit`, not a screen Enter handler: a scanner's "text + Enter" in one read
 *   is then submitted with the text in it.
 * - Pass `textFocused` to <Footer> while a field has focus, so it does not offer `q`/`?`.
 *
 *   const [field, setField] = useState<'user' | 'pin'>('user');
 *   useKeyHandler((e) => {
 *     if (matches('login.next-field', e)) { setField((f) => (f === 'user' ? 'pin' : 'user')); return true; }
 *     if (matches('back', e)) { goBack(); return true; }
 *     return false;
 *   }, { priority: PRIORITY.screen });
 *   <TextField label="工号" value={user} onChange={setUser} onSubmit={() => setField('pin')} focus={field === 'user'} width={40} />
 *   <TextField label="密码" value={pin} onChange={setPin} onSubmit={login} focus={field === 'pin'} mask="*" width={40} />
 *   <Footer context="login" width={columns} textFocused />
 */
export function TextField({ label, value, onChange, onSubmit, focus, mask, placeholder = '', width, labelWidth }: TextFieldProps) {
  const { epoch, handleChange } = useTextField({ value, onChange, onSubmit, focus });
  const lw = labelWidth ?? displayWidth(label);
  const inputWidth = Math.max(1, width - 1 - lw - 1);
  return (
    <Box width={width} height={1}>
      <Text>{(focus ? '›' : ' ') + fitWidth(label, lw) + ' '}</Text>
      <Box width={inputWidth} height={1} overflow="hidden">
        <TextInput
          key={epoch}
          value={value}
          onChange={handleChange}
          focus={focus}
          placeholder={placeholder}
          {...(mask === undefined ? {} : { mask })}
        />
      </Box>
    </Box>
  );
}
