/**
 * Keys typed ahead, told from a barcode scan. Over SSH a person's `4` (open 发卡) followed by an
 * identity number and Enter can reach the console in one read, as fast as a scanner types, and
 * the wedge detector would take the whole run for one scan of `4440…`. A scanner only ever sends
 * a code; so a run that is not a code, but is a command key of the screen (one or two of them)
 * followed by a code, was typed: the keys go first, and the code is routed again after them
 * (into the field the keys opened, or as a scan where none did).
 */
import type { KeyEvent } from './key-event.ts';
import { charEvent } from './key-event.ts';

/** Typed-ahead command keys never run longer than this before the code: `4`, or `3` `n`. */
const MAX_LEADING_KEYS = 2;

/**
 * How many leading characters of a would-be scan `value` are command keys typed ahead; 0 when
 * `value` is a scan (a code, or no command key followed by a code).
 */
export function typedAheadKeys(value: string, isCode: (v: string) => boolean, isCommand: (e: KeyEvent) => boolean): number {
  if (isCode(value)) return 0;
  const chars = [...value];
  for (let k = 1; k <= Math.min(MAX_LEADING_KEYS, chars.length - 1); k++) {
    if (!isCommand(charEvent(chars[k - 1]!))) return 0;
    if (isCode(chars.slice(k).join(''))) return k;
  }
  return 0;
}
