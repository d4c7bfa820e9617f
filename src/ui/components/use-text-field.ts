import { useLayoutEffect, useRef, useState } from 'react';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { fieldStep } from '../state/text-field.ts';

export type TextFieldState = {
  /** Cursor position in the value, in code points. */
  readonly cursor: number;
};

/**
 * The editing behind a TextField. Keys come from the key router like every other key — the
 * app has exactly one useInput — at PRIORITY.text while the field has focus: printable text
 * and editing keys are taken here (so `q` or `?` typed into a field stay text); Tab, arrows up
 * and down, Esc and Ctrl chords fall through to the screen and the global keys.
 *
 * The value is owned by the parent; `latest` runs ahead of its re-render, because a scanner
 * delivers the text and its Enter in one read and Enter must submit the whole text.
 */
export function useTextField(opts: {
  value: string;
  onChange: (value: string) => void;
  onSubmit?: ((value: string) => void) | undefined;
  focus: boolean;
}): TextFieldState {
  const latest = useRef(opts.value);
  // Where our last edit or move put the cursor, and in which value.
  const [placed, setPlaced] = useState(() => ({ value: opts.value, at: [...opts.value].length }));
  // Set when the parent's value has since differed from our last edit (see below).
  const superseded = useRef(false);
  // The parent's value is the truth: when it is not the one our cursor was placed in, the parent
  // cleared, replaced or refused the edit, and the cursor is at its end. Worked out here rather
  // than set from an effect, so a scan typed and cleared in one read renders once, not twice
  // (bench: one scan during a sign-in).
  const cursor = !superseded.current && placed.value === opts.value ? placed.at : [...opts.value].length;
  const cursorRef = useRef(cursor);

  // After every render: if the value differs from our last edit (even when batching left the
  // prop itself unchanged, as when a scan is typed and cleared in one read), the keys that come
  // next edit the parent's value, from its end.
  useLayoutEffect(() => {
    if (opts.value !== latest.current) {
      latest.current = opts.value;
      cursorRef.current = [...opts.value].length;
      superseded.current = true;
    }
  });

  const place = (value: string, at: number): void => {
    cursorRef.current = at;
    superseded.current = false;
    setPlaced({ value, at });
  };
  const edit = (chars: readonly string[], at: number): void => {
    const next = chars.join('');
    latest.current = next;
    place(next, at);
    opts.onChange(next);
  };

  useKeyHandler(
    (e) => {
      const chars = [...latest.current];
      const step = fieldStep(chars, Math.min(cursorRef.current, chars.length), e, opts.onSubmit !== undefined);
      if (step.kind === 'submit') opts.onSubmit?.(latest.current);
      if (step.kind === 'edit') edit(step.chars, step.at);
      if (step.kind === 'move') place(latest.current, step.at);
      return step.kind !== 'pass';
    },
    { priority: PRIORITY.text, isActive: opts.focus },
  );

  return { cursor };
}
