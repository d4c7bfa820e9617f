import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  WorkingCalendar,
  addCalendarDays,
  addCalendarMonths,
  dayOfWeek,
  isIsoDate,
  parseHolidayYear,
  todayInChina,
} from '../../src/domain/calendar.ts';
import type { HolidayYear } from '../../src/domain/calendar.ts';
import { isSbkError } from '../../src/domain/errors.ts';
import { loadCalendar, loadHolidayYears } from '../../src/workflows/load-calendar.ts';
import { sbkCode } from '../helpers/error-code.ts';


function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isSbkError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an SbkError');
}

const calendar = loadCalendar();

describe('bundled holiday data', () => {
  const years = loadHolidayYears();

  it('covers 2020 to 2027, one file per year, each naming its source', () => {
    expect(years.map((y) => y.data.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    for (const y of years) {
      expect(y.origin).toBe('bundled');
      expect(y.file.endsWith(`${y.data.year}.json`)).toBe(true);
      expect(y.data.source.length).toBeGreaterThan(10);
    }
  });

  it('has official notices for 2020-2026 and a provisional 2027', () => {
    const status = Object.fromEntries(calendar.coverage().map((c) => [c.year, c.status]));
    expect(status).toEqual({
      2020: 'official',
      2021: 'official',
      2022: 'official',
      2023: 'official',
      2024: 'official',
      2025: 'official',
      2026: 'official',
      2027: 'provisional',
    });
    expect(calendar.coverage().find((c) => c.year === 2026)?.source).toContain('国办发明电〔2025〕7号');
  });

  it('lists only weekend days as workdays, every date real and inside its year', () => {
    for (const { data } of years) {
      for (const w of data.workdays) {
        expect([0, 6], `${w}`).toContain(dayOfWeek(w));
      }
      for (const d of [...data.holidays, ...data.workdays]) {
        expect(isIsoDate(d), d).toBe(true);
        expect(d.startsWith(String(data.year))).toBe(true);
      }
    }
  });

  it('matches the day counts of each notice', () => {
    // Days off / 调休上班 days per year as the notices give them. 2020 includes the extension
    // of the Spring Festival to 2 Feb (国办发明电〔2020〕1号), which also cancelled the 1 Feb
    // workday; 2022 carries 2022-12-31, the first day of the 2023 New Year holiday; 2024's
    // "与周末连休" Dragon Boat Festival is listed as 8-10 June.
    const expected: Record<number, [number, number]> = {
      2020: [30, 6],
      2021: [31, 7],
      2022: [32, 7],
      2023: [26, 7],
      2024: [30, 8],
      2025: [28, 5],
      2026: [33, 6],
      2027: [13, 0],
    };
    for (const { data } of years) {
      expect([data.holidays.length, data.workdays.length], String(data.year)).toEqual(expected[data.year]);
    }
  });

  it('2027 holds only the statutory days (lunar dates checked: 正月初一 = 2027-02-06)', () => {
    const y2027 = years.find((y) => y.data.year === 2027)!.data;
    expect(y2027.status).toBe('provisional');
    expect(y2027.holidays).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
  });
});

describe('isWorkingDay', () => {
  it('knows the 2024 National Day week and its 调休 Saturday', () => {
    for (let d = 1; d <= 7; d += 1) {
      expect(calendar.isWorkingDay(`2024-10-0${d}`)).toBe(false);
    }
    expect(calendar.isWorkingDay('2024-09-29')).toBe(true); // Sunday worked
    expect(calendar.isWorkingDay('2024-10-12')).toBe(true); // Saturday worked
    expect(dayOfWeek('2024-10-12')).toBe(6);
    expect(calendar.isWorkingDay('2024-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2024-10-13')).toBe(false); // ordinary Sunday
  });

  it('knows the nine-day 2026 Spring Festival and both make-up Saturdays', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    for (let d = 15; d <= 23; d += 1) {
      expect(calendar.isWorkingDay(`2026-02-${d}`)).toBe(false);
      expect(calendar.isHoliday(`2026-02-${d}`)).toBe(true);
    }
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('treats an ordinary weekday and weekend normally', () => {
    expect(calendar.isWorkingDay('2026-03-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-14')).toBe(false);
    expect(calendar.isHoliday('2026-03-14')).toBe(false);
  });

  it('rejects a malformed date', () => {
    expect(sbkCode(() => calendar.isWorkingDay('2026-02-30'))).toBe('CALENDAR_ARGUMENT_INVALID');
    expect(sbkCode(() => calendar.isWorkingDay('2026/03/01'))).toBe('CALENDAR_ARGUMENT_INVALID');
  });
});

describe('addWorkingDays', () => {
  it('counts the 10 working days of a recall across the 2026 Spring Festival', () => {
    // Reminder on Thu 2026-02-12. Working days after it: 13 (Fri), 14 (调休 Sat), then the
    // holiday 15-23, then 24, 25, 26, 27, 28 (调休 Sat), Mar 2, 3, 4.
    const d = calendar.addWorkingDays('2026-02-12', 10);
    expect(d).toEqual({ date: '2026-03-04', basis: 'official', uncertainYears: [] });
  });

  it('does not count the day of the event itself', () => {
    expect(calendar.addWorkingDays('2026-03-10', 1).date).toBe('2026-03-11');
    expect(calendar.addWorkingDays('2026-03-14', 1).date).toBe('2026-03-16'); // from a Saturday
  });

  it('n = 0 is the day itself when working, else the next working day', () => {
    expect(calendar.addWorkingDays('2026-03-10', 0).date).toBe('2026-03-10');
    expect(calendar.addWorkingDays('2024-10-01', 0).date).toBe('2024-10-08');
  });

  it('negative n counts back', () => {
    expect(calendar.addWorkingDays('2024-10-08', -1).date).toBe('2024-09-30');
    expect(calendar.addWorkingDays('2024-10-14', -1).date).toBe('2024-10-12');
  });

  it('agrees with workingDaysBetween', () => {
    for (const [from, n] of [
      ['2026-02-12', 10],
      ['2024-09-27', 3],
      ['2020-01-20', 7],
      ['2022-12-28', 4],
    ] as const) {
      const d = calendar.addWorkingDays(from, n);
      expect(calendar.workingDaysBetween(from, d.date)).toBe(n);
      expect(calendar.workingDaysBetween(d.date, from)).toBe(-n);
    }
    expect(calendar.workingDaysBetween('2024-10-01', '2024-10-07')).toBe(0);
    expect(calendar.workingDaysBetween('2024-09-30', '2024-10-12')).toBe(5); // 8, 9, 10, 11, 12
  });

  it('marks a deadline reaching into the provisional 2027 as provisional', () => {
    const d = calendar.addWorkingDays('2026-12-24', 10);
    expect(d.basis).toBe('provisional');
    expect(d.uncertainYears).toEqual([2027]);
    // 25, 28, 29, 30, 31 Dec; 1 Jan is a holiday; 4, 5, 6, 7, 8 Jan.
    expect(d.date).toBe('2027-01-08');
  });

  it('reports no-data for a year without a schedule instead of guessing silently', () => {
    const d = calendar.addWorkingDays('2027-12-24', 10);
    expect(d.basis).toBe('no-data');
    expect(d.uncertainYears).toEqual([2027, 2028]);
    // Monday-Friday counted as working in 2028: 1 Jan 2028 is a Saturday.
    expect(d.date).toBe('2028-01-07');
    expect(calendar.countWorkingDays('2028-03-01', '2028-03-31')).toEqual({
      days: 22,
      basis: 'no-data',
      uncertainYears: [2028],
    });
  });

  it('an empty calendar never claims a basis it does not have', () => {
    const empty = new WorkingCalendar([]);
    expect(empty.addWorkingDays('2026-02-12', 10)).toEqual({
      date: '2026-02-26',
      basis: 'no-data',
      uncertainYears: [2026],
    });
    expect(empty.coverage()).toEqual([]);
  });

  it('rejects a fractional or absurd count', () => {
    expect(sbkCode(() => calendar.addWorkingDays('2026-03-10', 1.5))).toBe('CALENDAR_ARGUMENT_INVALID');
    expect(sbkCode(() => calendar.addWorkingDays('2026-03-10', 1e9))).toBe('CALENDAR_ARGUMENT_INVALID');
  });
});

describe('calendar months and days', () => {
  it('clamps to the end of the month', () => {
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-05-15', 6)).toBe('2026-11-15');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(calendar.addCalendarMonths('2026-12-31', 2)).toBe('2027-02-28');
  });

  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('todayInChina', () => {
  it('uses the Asia/Shanghai date, not the host time zone', () => {
    // 2026-03-01 17:30 UTC is 2026-03-02 01:30 in Beijing.
    expect(todayInChina(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
    expect(todayInChina(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(calendar.todayInChina(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(isIsoDate(todayInChina())).toBe(true);
  });
});

describe('parseHolidayYear', () => {
  const good: HolidayYear = {
    year: 2026,
    source: '测试',
    status: 'official',
    holidays: ['2026-10-01'],
    workdays: ['2026-10-10'],
  };

  it('accepts a good year and sorts its lists', () => {
    expect(parseHolidayYear({ ...good, holidays: ['2026-10-02', '2026-10-01'] }).holidays).toEqual([
      '2026-10-01',
      '2026-10-02',
    ]);
  });

  it.each([
    ['a non-object', 'x', '对象'],
    ['a missing source', { ...good, source: '' }, 'source'],
    ['a bad status', { ...good, status: 'draft' }, 'status'],
    ['an impossible date', { ...good, holidays: ['2026-02-30'] }, '2026-02-30'],
    // JSON can give an object whose toString is not a function: String() of it throws (found by fast-check).
    ['an object for a date', { ...good, holidays: JSON.parse('[{"toString": 1}]') as unknown[] }, '{"toString":1}'],
    ['a date in another year', { ...good, holidays: ['2025-10-01'] }, '不在 2026 年内'],
    ['a weekday as workday', { ...good, workdays: ['2026-10-09'] }, '不是星期六或星期日'],
    ['a date in both lists', { ...good, holidays: ['2026-10-10'] }, '同时出现'],
    ['a duplicate', { ...good, holidays: ['2026-10-01', '2026-10-01'] }, '重复'],
    ['an unknown key', { ...good, workday: [] }, 'workday'],
    ['a missing list', { ...good, workdays: undefined }, 'workdays'],
  ])('rejects %s', (_label, input, mentions) => {
    const e = errorOf(() => parseHolidayYear(input));
    expect(e.code).toBe('CALENDAR_DATA_INVALID');
    expect(e.message).toContain(mentions);
  });

  it('rejects the same year twice in one calendar', () => {
    expect(sbkCode(() => new WorkingCalendar([good, good]))).toBe('CALENDAR_DATA_INVALID');
  });
});

describe('loadCalendar with an operator folder', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'sbk-holidays-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('replaces a bundled year and adds a new one', () => {
    const dir = tempDir();
    const y2027: HolidayYear = {
      year: 2027,
      source: '运营方提供的测试数据',
      status: 'official',
      holidays: ['2027-01-01', '2027-01-04'],
      workdays: ['2027-01-09'],
    };
    writeFileSync(join(dir, '2027.json'), JSON.stringify(y2027));
    writeFileSync(
      join(dir, '2028.json'),
      JSON.stringify({ year: 2028, source: '测试', status: 'official', holidays: [], workdays: [] }),
    );
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const years = loadHolidayYears(dir);
    expect(years.find((y) => y.data.year === 2027)?.origin).toBe('operator');
    expect(years.find((y) => y.data.year === 2026)?.origin).toBe('bundled');
    const cal = loadCalendar(dir);
    expect(cal.coverage().find((c) => c.year === 2027)).toEqual({
      year: 2027,
      status: 'official',
      source: '运营方提供的测试数据',
    });
    expect(cal.isWorkingDay('2027-01-04')).toBe(false);
    expect(cal.isWorkingDay('2027-01-09')).toBe(true);
    expect(cal.addWorkingDays('2027-12-30', 2)).toEqual({ date: '2028-01-03', basis: 'official', uncertainYears: [] });
  });

  it('names the file when a year is invalid', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '2027.json'),
      JSON.stringify({ year: 2027, source: 'x', status: 'official', holidays: [], workdays: ['2027-01-04'] }),
    );
    const e = errorOf(() => loadCalendar(dir));
    expect(e.code).toBe('CALENDAR_DATA_INVALID');
    expect(e.message).toContain('2027.json');
    expect(e.message).toContain('2027-01-04');
  });

  it('rejects a file whose name and content disagree, and broken JSON', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '2029.json'),
      JSON.stringify({ year: 2028, source: 'x', status: 'official', holidays: [], workdays: [] }),
    );
    expect(sbkCode(() => loadCalendar(dir))).toBe('CALENDAR_DATA_INVALID');
    const dir2 = tempDir();
    writeFileSync(join(dir2, '2029.json'), '{ not json');
    expect(sbkCode(() => loadCalendar(dir2))).toBe('CALENDAR_DATA_INVALID');
  });

  it('reports a missing operator folder', () => {
    expect(sbkCode(() => loadCalendar(join(tmpdir(), 'sbk-no-such-dir-4711')))).toBe('CALENDAR_DIR_NOT_FOUND');
  });
});
