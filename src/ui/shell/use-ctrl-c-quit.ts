import { useEffect, useRef, useState } from 'react';
import { useApp } from 'ink';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';

/** How long the first Ctrl+C waits for the second. */
export const CTRL_C_WINDOW_MS = 3000;

/**
 * Ctrl+C twice quits, from anywhere: the first shows "再按一次 Ctrl+C 退出", a second within
 * CTRL_C_WINDOW_MS ends the app. One stray Ctrl+C (a habit from the shell, a copy gesture in
 * PuTTY) loses nothing; two are meant. Above every modal and text field, so no dialog, field or
 * busy step swallows it. Returns whether the notice is shown.
 */
export function useCtrlCQuit(): boolean {
  const { exit } = useApp();
  // Two Ctrl+C in one read arrive before a re-render: decided from the ref, not the state.
  const armed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [shown, setShown] = useState(false);
  useEffect(() => () => clearTimeout(timer.current), []);
  useKeyHandler(
    (e) => {
      if (!matches('quit-ctrl-c', e)) return false;
      if (armed.current) {
        clearTimeout(timer.current);
        exit();
        return true;
      }
      armed.current = true;
      setShown(true);
      timer.current = setTimeout(() => {
        armed.current = false;
        setShown(false);
      }, CTRL_C_WINDOW_MS);
      return true;
    },
    // Above the modals (PRIORITY.modal): a confirmation or the help page must not take it.
    { priority: PRIORITY.modal + 1 },
  );
  return shown;
}
