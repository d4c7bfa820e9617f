/**
 * Working days (工作日) for deadlines such as "contact the applicant within 3 working days of
 * the card arriving" (HB Art. 14) and "recall within 10 working days of the reminder"
 * (GD Art. 32). China's working days are not simply Monday to Friday: each year the State
 * Council's notice (国务院办公厅关于某年部分节假日安排的通知) moves weekend days into the
 * holiday periods and makes other weekend days working days (调休上班).
 *
 * The schedule is only published around November for the next year, so a year may be missing
 * (or only provisional). ENGINEERING.md §3: never guess silently. Every deadline carries the
 * basis it was computed on and the years that make it uncertain.
 *
 * All dates are `YYYY-MM-DD` strings meaning a local date in Asia/Shanghai. Arithmetic is done
 * on whole days since 1970-01-01, so no time zone or DST can shift a date.
 */
import { SbkError } from './errors.ts';
import { daysInMonth, isIsoDate, todayInChina } from './china-dates.ts';

export { isIsoDate, todayInChina };

export type HolidayStatus = 'official' | 'provisional';

/** One year's schedule, as stored in `fixtures/holidays/<year>.json`. */
export type HolidayYear = {
  year: number;
  /** The notice the dates come from (or, for a provisional year, what they are based on). */
  source: string;
  status: HolidayStatus;
  /** Every day off within the public-holiday periods, weekend days inside a period included. */
  holidays: string[];
  /** Weekend days made into working days (调休上班). */
  workdays: string[];
  /** Free text for the reader of the file (cross-year periods, later amendments). */
  notes?: string;
};

export type DeadlineBasis = 'official' | 'provisional' | 'no-data';

/**
 * A computed date with how far it can be trusted.
 * `basis` is the weakest basis among the years whose days were classified to reach `date`
 * ('no-data' is weaker than 'provisional', which is weaker than 'official').
 * `uncertainYears` lists, ascending, every such year that is not 'official' (provisional years
 * and years without data alike), so the screen can say which schedule is missing.
 */
export type Deadline = {
  date: string;
  basis: DeadlineBasis;
  uncertainYears: number[];
};

export type WorkingDayCount = {
  days: number;
  basis: DeadlineBasis;
  uncertainYears: number[];
};

export type CoverageEntry = { year: number; status: HolidayStatus; source: string };

const MS_PER_DAY = 86_400_000;
// A bound on day-by-day walks: 100 000 working days is about 400 years, far beyond any
// real deadline, and keeps a typo like 1e9 from hanging the console.
const MAX_WORKING_DAYS = 100_000;

type DateField = 'date' | 'from' | 'start' | 'end';

function requireDate(s: unknown, field: DateField): string {
  if (!isIsoDate(s)) throw new SbkError('CALENDAR_ARGUMENT_INVALID.date', { field, value: s }, { value: s });
  return s;
}

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`. */
function toDayNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, like `Date.getDay()`. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(requireDate(date, 'date')) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addCalendarDays(date: string, days: number): string {
  requireDate(date, 'date');
  if (!Number.isInteger(days)) throw new SbkError('CALENDAR_ARGUMENT_INVALID.days', { days });
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Calendar-month arithmetic clamped to the end of the target month, the usual reading of
 * "6 months after receipt" (GD Art. 32; HB Art. 17): 2026-08-31 + 6 months = 2027-02-28,
 * 2024-02-29 + 12 months = 2025-02-28. `months` may be negative.
 */
export function addCalendarMonths(date: string, months: number): string {
  requireDate(date, 'date');
  if (!Number.isInteger(months)) throw new SbkError('CALENDAR_ARGUMENT_INVALID.months', { months });
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  if (ty < 1 || ty > 9999) throw new SbkError('CALENDAR_ARGUMENT_INVALID.monthsRange', { date, months });
  const td = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}


/**
 * Checks one year object read from JSON. Throws CALENDAR_DATA_INVALID naming the problem:
 * a malformed or non-existent date, a date outside the year, a listed workday that is not a
 * weekend day (only a Saturday or Sunday can be "made" a working day), a date listed twice or
 * in both lists, an unknown key (a typo such as `workday` would otherwise drop data silently).
 */
export function parseHolidayYear(json: unknown): HolidayYear {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new SbkError('CALENDAR_DATA_INVALID.notObject', undefined, {});
  }
  const obj = json as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!YEAR_KEYS.has(key)) throw new SbkError('CALENDAR_DATA_INVALID.unknownField', { field: key });
  }
  const { year, source, status, notes } = yearHeader(obj);
  const holidays = dateList(obj, year, 'holidays');
  const workdays = dateList(obj, year, 'workdays');
  checkWorkdays(year, holidays, workdays);
  const result: HolidayYear = { year, source, status, holidays, workdays };
  if (notes !== undefined) result.notes = notes;
  return result;
}

const YEAR_KEYS = new Set(['year', 'source', 'status', 'holidays', 'workdays', 'notes']);

/** The year's scalar fields: year, source, status and the optional notes. */
function yearHeader(obj: Record<string, unknown>): { year: number; source: string; status: HolidayStatus; notes: string | undefined } {
  const year = obj['year'];
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1949 || year > 2999) {
    throw new SbkError('CALENDAR_DATA_INVALID.year', { value: year }, { field: 'year', value: year });
  }
  const source = obj['source'];
  if (typeof source !== 'string' || source.trim() === '') {
    throw new SbkError('CALENDAR_DATA_INVALID.source', { year }, { year, field: 'source' });
  }
  const status = obj['status'];
  if (status !== 'official' && status !== 'provisional') {
    throw new SbkError('CALENDAR_DATA_INVALID.status', { year, value: status }, { year, field: 'status', value: status });
  }
  const notes = obj['notes'];
  if (notes !== undefined && typeof notes !== 'string') {
    throw new SbkError('CALENDAR_DATA_INVALID.notes', { year }, { year, field: 'notes' });
  }
  return { year, source, status, notes };
}

/** One of the two date lists: real dates of `year`, each once, sorted. */
function dateList(obj: Record<string, unknown>, year: number, field: 'holidays' | 'workdays'): string[] {
  const raw = obj[field];
  if (!Array.isArray(raw)) throw new SbkError('CALENDAR_DATA_INVALID.list', { year, field });
  const seen = new Set<string>();
  raw.forEach((value: unknown, index) => {
    if (!isIsoDate(value)) throw new SbkError('CALENDAR_DATA_INVALID.listDate', { year, field, index, value });
    if (Number(value.slice(0, 4)) !== year) {
      throw new SbkError('CALENDAR_DATA_INVALID.listYear', { year, field, value }, { year, field, index, value });
    }
    if (seen.has(value)) throw new SbkError('CALENDAR_DATA_INVALID.listDuplicate', { year, field, value }, { year, field, index, value });
    seen.add(value);
  });
  return [...(raw as string[])].sort();
}

/** Only a Saturday or Sunday can be made a working day, and never one that is also a holiday. */
function checkWorkdays(year: number, holidays: readonly string[], workdays: readonly string[]): void {
  const holidaySet = new Set(holidays);
  for (const w of workdays) {
    if (!isWeekend(w)) {
      throw new SbkError('CALENDAR_DATA_INVALID.workdayNotWeekend', { year, value: w }, { year, field: 'workdays', value: w });
    }
    if (holidaySet.has(w)) throw new SbkError('CALENDAR_DATA_INVALID.holidayAndWorkday', { year, value: w });
  }
}

type YearInfo = { status: HolidayStatus; source: string; holidays: Set<string>; workdays: Set<string> };

const BASIS_RANK: Record<DeadlineBasis, number> = { official: 0, provisional: 1, 'no-data': 2 };

/**
 * Working-day arithmetic over the loaded years. Conventions:
 * - A working day is Monday-Friday not listed as a holiday, or a listed workday.
 * - A year with no data counts Monday-Friday as working and reports basis 'no-data'.
 * - `addWorkingDays(from, n)` for n ≥ 1 is the n-th working day strictly after `from`; the
 *   day of the event itself never counts, whether or not it is a working day. "Within 10
 *   working days of the reminder" is therefore due by the end of `addWorkingDays(reminder, 10)`.
 *   n = 0 is `from` itself if it is a working day, otherwise the next working day (for "on the
 *   same working day"). Negative n counts back: the |n|-th working day strictly before `from`.
 * - `workingDaysBetween(a, b)` counts working days d with a < d ≤ b (negative when b < a),
 *   so `workingDaysBetween(a, addWorkingDays(a, n).date) === n` for n ≥ 1.
 */
export class WorkingCalendar {
  private readonly years: ReadonlyMap<number, YearInfo>;

  constructor(data: readonly unknown[]) {
    const years = new Map<number, YearInfo>();
    for (const raw of data) {
      const y = parseHolidayYear(raw);
      if (years.has(y.year)) {
        throw new SbkError('CALENDAR_DATA_INVALID.yearTwice', { year: y.year });
      }
      years.set(y.year, {
        status: y.status,
        source: y.source,
        holidays: new Set(y.holidays),
        workdays: new Set(y.workdays),
      });
    }
    this.years = years;
  }

  /** The loaded years, ascending. */
  coverage(): CoverageEntry[] {
    return [...this.years.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, info]) => ({ year, status: info.status, source: info.source }));
  }

  /** What a date in `year` is classified on. */
  basisForYear(year: number): DeadlineBasis {
    return this.years.get(year)?.status ?? 'no-data';
  }

  isWorkingDay(date: string): boolean {
    requireDate(date, 'date');
    return this.classify(toDayNumber(date), date);
  }

  /** True for a day off inside a public-holiday period (not for ordinary weekends). */
  isHoliday(date: string): boolean {
    requireDate(date, 'date');
    return this.years.get(Number(date.slice(0, 4)))?.holidays.has(date) ?? false;
  }

  addWorkingDays(from: string, n: number): Deadline {
    requireDate(from, 'from');
    if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) {
      throw new SbkError('CALENDAR_ARGUMENT_INVALID.workingDays', { n, max: MAX_WORKING_DAYS }, { n });
    }
    const track = new BasisTracker(this);
    let day = toDayNumber(from);
    if (n === 0) {
      for (;;) {
        const date = fromDayNumber(day);
        track.see(date);
        if (this.classify(day, date)) return track.result(date);
        day += 1;
      }
    }
    const step = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    for (;;) {
      day += step;
      const date = fromDayNumber(day);
      track.see(date);
      if (this.classify(day, date)) {
        remaining -= 1;
        if (remaining === 0) return track.result(date);
      }
    }
  }

  workingDaysBetween(a: string, b: string): number {
    return this.countWorkingDays(a, b).days;
  }

  /** `workingDaysBetween` with the basis of the count, for screens that must show it. */
  countWorkingDays(a: string, b: string): WorkingDayCount {
    requireDate(a, 'start');
    requireDate(b, 'end');
    const start = toDayNumber(a);
    const end = toDayNumber(b);
    const sign = end >= start ? 1 : -1;
    const lo = Math.min(start, end);
    const hi = Math.max(start, end);
    if (hi - lo > MAX_WORKING_DAYS * 2) {
      throw new SbkError('CALENDAR_ARGUMENT_INVALID.span', { a, b });
    }
    const track = new BasisTracker(this);
    let days = 0;
    for (let day = lo + 1; day <= hi; day += 1) {
      const date = fromDayNumber(day);
      track.see(date);
      if (this.classify(day, date)) days += 1;
    }
    const { basis, uncertainYears } = track.result(b);
    return { days: days * sign, basis, uncertainYears };
  }

  // The same helpers as the module functions, so code holding a calendar needs one import.
  addCalendarMonths(date: string, months: number): string {
    return addCalendarMonths(date, months);
  }

  todayInChina(now?: Date): string {
    return todayInChina(now);
  }

  private classify(dayNumber: number, date: string): boolean {
    const info = this.years.get(Number(date.slice(0, 4)));
    if (info?.workdays.has(date)) return true;
    if (info?.holidays.has(date)) return false;
    const dow = (((dayNumber + 4) % 7) + 7) % 7;
    return dow !== 0 && dow !== 6;
  }
}

/** Collects the weakest basis over the years a computation looked at. */
class BasisTracker {
  private basis: DeadlineBasis = 'official';
  private readonly uncertain = new Set<number>();
  private lastYear = Number.NaN;

  constructor(private readonly calendar: WorkingCalendar) {}

  see(date: string): void {
    const year = Number(date.slice(0, 4));
    if (year === this.lastYear) return;
    this.lastYear = year;
    const b = this.calendar.basisForYear(year);
    if (b !== 'official') this.uncertain.add(year);
    if (BASIS_RANK[b] > BASIS_RANK[this.basis]) this.basis = b;
  }

  result(date: string): Deadline {
    return { date, basis: this.basis, uncertainYears: [...this.uncertain].sort((x, y) => x - y) };
  }
}
