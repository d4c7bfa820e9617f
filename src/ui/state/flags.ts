/** One line of a screen's running log of outcomes (a scan counted, a box short, an error). */
export type FlagLevel = 'ok' | 'warn' | 'error';
export type Flag = { readonly level: FlagLevel; readonly text: string };

/** The newest flag first; only the `keep` newest are kept (the screen shows that many lines). */
export function pushFlag(flags: readonly Flag[], flag: Flag, keep: number): Flag[] {
  return [flag, ...flags].slice(0, keep);
}

export const okFlag = (text: string): Flag => ({ level: 'ok', text });
export const warnFlag = (text: string): Flag => ({ level: 'warn', text });
export const errorFlag = (text: string): Flag => ({ level: 'error', text });
