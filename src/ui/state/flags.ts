/** The running log of outcomes under a scan field (a scan counted, a box short, an error). Pure. */
import type { Message } from '../screens/shared/message.ts';

/** The newest first; only the `keep` newest are kept (the screen shows that many lines). */
export function pushFlag(flags: readonly Message[], flag: Message, keep: number): Message[] {
  return [flag, ...flags].slice(0, keep);
}

export const okFlag = (text: string): Message => ({ level: 'ok', text });
export const warnFlag = (text: string): Message => ({ level: 'warn', text });
export const errorFlag = (text: string): Message => ({ level: 'error', text });
