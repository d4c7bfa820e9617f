/**
 * Which days a site's daily count of its blanks was missed: the rule the home screen's alert and
 * the count report (盘点对账表) both apply, so one never says a day was missed while the other
 * says it was counted.
 *
 * GD Art. 36 一(四): “预制卡为重要空白证件……每天盘点数量”. A bank's blanks are counted on every
 * working day from the day the site first held one of them; the days before that are not missed
 * days (an office that received its first blanks on Thursday did not miss Monday's count).
 */
import { addCalendarDays } from './calendar.ts';

/** A bank whose blanks the site has held, and the China date it first held one. */
export type BankHeld = { readonly bank: string; readonly since: string };

/** A working day on which these banks (held by then) had no closed count. */
export type MissedDay = { readonly date: string; readonly banks: readonly string[] };

export type CoverageInput = {
  /** China dates, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly banks: readonly BankHeld[];
  /** Whether a closed count covered `bank` on `date` (the day its count was submitted). */
  readonly counted: (date: string, bank: string) => boolean;
  readonly isWorkingDay: (date: string) => boolean;
};

/** Whether the site is to have counted `bank`'s blanks on `date`: it held them by then. */
export function bankHeldOn(bank: BankHeld, date: string): boolean {
  return bank.since <= date;
}

/** The missed days in [from, to], oldest first; a day appears once, with every bank it missed. */
export function missedCountDays({ from, to, banks, counted, isWorkingDay }: CoverageInput): MissedDay[] {
  const out: MissedDay[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    if (!isWorkingDay(d)) continue;
    const missed = banks.filter((b) => bankHeldOn(b, d) && !counted(d, b.bank)).map((b) => b.bank);
    if (missed.length > 0) out.push({ date: d, banks: missed });
  }
  return out;
}
