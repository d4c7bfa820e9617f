import type { KeyEvent } from './key-event.ts';

export const PRIORITY = {
  /** Confirmation dialogs, the help overlay: while one is open nothing below sees keys it consumes. */
  modal: 300,
  /** The focused text field: swallows printable keys so `q` or `?` typed into it stay text. */
  text: 200,
  /** The current screen's own keys. */
  screen: 100,
  /** Help, back, quit: the keys that work everywhere unless something above took them. */
  global: 0,
} as const;

export type KeyHandler = (e: KeyEvent) => boolean;

/** One registered handler; the router reads its flags on every key, so changing them costs no render. */
export type Entry = { handler: KeyHandler; priority: number; isActive: boolean; seq: number };
