/** Timing helpers: a monotonic clock in milliseconds and percentiles over samples. */
import { performance } from 'node:perf_hooks';

export const nowMs = (): number => performance.now();

/** Runs `fn` once and returns how long it took, in ms, with its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = nowMs();
  const value = fn();
  return { ms: nowMs() - t0, value };
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);
