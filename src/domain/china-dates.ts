/**
 * Calendar dates as China counts them. Dates are `YYYY-MM-DD` strings in Asia/Shanghai (UTC+8,
 * no daylight saving); ledger times are stored in UTC and shown in China time.
 */
import { systemClock } from './clock.ts';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** True for a YYYY-MM-DD string naming a day that exists (no 2026-02-30). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(Number(m[1]), mo);
}

/**
 * Today's date in China, where the cards are issued; servers often run in UTC. China keeps
 * UTC+8 all year, so this is arithmetic: the overdue list calls it once per card, and building
 * an Intl.DateTimeFormat each time cost ~50 µs a card (bench: overdueList on 1,000,000 cards).
 *
 * Code that holds a ledger passes `ledger.now()`, so `SBK_NOW` and a test's clock decide the
 * day; without `now` it is the system clock's day (src/domain/clock.ts).
 */
export function todayInChina(now: Date = systemClock()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A stored UTC time as operators read it: `2026-11-23 09:30` China time. */
export function formatLocalTime(iso: string, withSeconds = false): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, withSeconds ? 19 : 16)}`;
}
