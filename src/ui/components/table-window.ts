import { useRef } from 'react';

/**
 * First visible row of a list window of `height` rows over `total` rows. The window only moves
 * when the selection leaves it (by the least amount), so moving the selection inside the
 * window changes nothing but the marker column: on a slow link that is one short line per
 * keystroke instead of a whole page.
 */
export function windowStart(selected: number | undefined, height: number, total: number, prevStart: number): number {
  const h = Math.max(1, Math.floor(height));
  const maxStart = Math.max(0, total - h);
  let start = Math.min(Math.max(0, Math.floor(prevStart)), maxStart);
  if (selected === undefined || selected < 0 || total === 0) return start;
  const sel = Math.min(selected, total - 1);
  if (sel < start) start = sel;
  else if (sel >= start + h) start = sel - h + 1;
  return Math.min(Math.max(0, start), maxStart);
}

/**
 * windowStart with the previous start remembered across renders. Kept in a ref rather than
 * state: it is derived during render, and windowStart is idempotent (feeding its result back
 * gives the same result), so a repeated render cannot drift.
 */
export function useTableWindow(selected: number | undefined, height: number, total: number): number {
  const startRef = useRef(0);
  const start = windowStart(selected, height, total, startRef.current);
  startRef.current = start;
  return start;
}
