import { useContext, useLayoutEffect, useRef, useState } from 'react';
import { KeyRouterContext, PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { isTextInput, type KeyEvent } from '../keys/key-event.ts';

export type TextFieldState = {
  /** Remount key for ink-text-input: bumped when one of its edits is refused, to resync its cursor. */
  readonly epoch: number;
  /** The onChange to hand to ink-text-input. */
  readonly handleChange: (next: string) => void;
};

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

// Editing keys ink-text-input acts on (or that would otherwise move a list behind the field).
const EDITING: ReadonlySet<KeyEvent['name']> = new Set(['backspace', 'delete', 'left', 'right', 'home', 'end']);

/**
 * Glue between ink-text-input (which reads keys through its own useInput) and the key router.
 *
 * ink-text-input inserts whatever its useInput receives that it does not recognise: Ctrl+U
 * inserts "u", Alt+x inserts "x", the "[A" of an arrow key split by a slow link is inserted as
 * text, and a scanned "1234\r" is inserted with the CR. Its edits are therefore accepted only
 * when the router says the current input reaches the text level as plain text
 * (`router.textAllowed()`), and control characters are stripped. When an edit is refused,
 * ink-text-input has already moved its private cursor, so it is remounted (cursor at the end).
 *
 * While focused, a PRIORITY.text handler swallows printable keys and editing keys so they never
 * reach screen or global handlers (`q` typed into a field does not quit). Enter submits through
 * the router, so a scanner's "text + Enter" in one read submits the complete text.
 */
export function useTextField(opts: {
  value: string;
  onChange: (value: string) => void;
  onSubmit?: ((value: string) => void) | undefined;
  focus: boolean;
}): TextFieldState {
  const router = useContext(KeyRouterContext);
  if (!router) throw new Error('TextField: no <KeyRouterProvider> above this component');
  const [epoch, setEpoch] = useState(0);

  // The value as of the latest accepted edit, ahead of the parent's re-render: Enter in the
  // same read as the text must submit the text.
  const latest = useRef(opts.value);
  useLayoutEffect(() => {
    latest.current = opts.value;
  }, [opts.value]);

  const handleChange = (next: string): void => {
    if (!router.textAllowed()) {
      setEpoch((n) => n + 1);
      return;
    }
    const clean = next.replace(CONTROL, '');
    latest.current = clean;
    if (clean !== opts.value) opts.onChange(clean);
  };

  useKeyHandler(
    (e) => {
      if (e.name === 'enter') {
        const { onSubmit } = opts;
        if (!onSubmit) return false;
        // Text in the same read as the Enter ("1234\r") is inserted by ink-text-input's
        // listener, which may run after this one: submit once every listener has run.
        if (router.textAllowed()) queueMicrotask(() => onSubmit(latest.current));
        else onSubmit(latest.current);
        return true;
      }
      return isTextInput(e) || (EDITING.has(e.name) && !e.ctrl && !e.meta);
    },
    { priority: PRIORITY.text, isActive: opts.focus },
  );

  return { epoch, handleChange };
}
