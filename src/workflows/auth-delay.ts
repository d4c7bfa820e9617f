/**
 * The pause after a wrong PIN: it slows a guesser down without locking anyone out. It is the
 * same for a login that exists and one that does not, so the pause cannot tell them apart.
 * `SBK_AUTH_DELAY_MS` sets the base (tests set it small); the default is half a second.
 */
const DEFAULT_BASE_MS = 500;
/** The pause grows with each failure up to this many times the base. */
const MAX_STEPS = 5;

export function authDelayBaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SBK_AUTH_DELAY_MS;
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_BASE_MS;
}

/** The pause after the `failures`-th wrong PIN in a row (1-based). */
export function authDelayMs(failures: number, base: number = authDelayBaseMs()): number {
  return base * Math.min(Math.max(failures, 1), MAX_STEPS);
}

/**
 * Waits synchronously: the workflows are synchronous, and a terminal that freezes for a moment
 * after a wrong PIN is what a login prompt does anyway.
 */
export function pauseAfterFailure(ms: number): void {
  if (ms <= 0) return;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
