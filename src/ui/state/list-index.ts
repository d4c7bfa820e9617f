/** A list index moved by `delta` and kept on the list (0 when the list is empty). */
export function clampIndex(index: number, delta: number, length: number): number {
  return Math.max(0, Math.min(length - 1, index + delta));
}

/** An index moved by `delta` round a list of `length` (0 when the list is empty). */
export function cycleIndex(index: number, delta: number, length: number): number {
  return length > 0 ? (index + delta + length) % length : 0;
}
