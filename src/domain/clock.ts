/**
 * The one source of "now" for everything that records or decides by the time: movements, events,
 * deadlines, today's count. The ledger handle carries it (`ledger.now()`), so the CLI and the
 * console use the same clock and a test fixes the day by opening the ledger with its own.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock that starts at `start` and runs on in real time from there: records written by one
 * command keep their order, and the day is the one the caller chose (tests, training, `SBK_NOW`).
 */
export function clockFrom(start: Date, elapsed: () => number = () => performance.now()): Clock {
  const t0 = elapsed();
  return () => new Date(start.getTime() + (elapsed() - t0));
}

/** `SBK_NOW` (any date `Date` parses, e.g. `2026-12-07T09:00:00+08:00`) or the system clock. */
export function clockFromEnv(value: string | undefined): Clock {
  if (!value) return systemClock;
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) return systemClock;
  return clockFrom(start);
}
