/**
 * Reads the holiday schedules: the bundled `fixtures/holidays/<year>.json`, then an
 * operator-supplied folder whose `<year>.json` files replace bundled years of the same number.
 * The State Council publishes next year's schedule around November (ENGINEERING.md §3); an
 * operator can drop the new file in that folder without waiting for a release.
 *
 * Nothing is cached at module level: each call reads the files again, so a long-running
 * console picks up a newly added year on its next load and tests stay independent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SbkError, isSbkError } from '../domain/errors.ts';
import { projectFile } from '../project-files.ts';
import { WorkingCalendar, parseHolidayYear } from '../domain/calendar.ts';
import type { HolidayYear } from '../domain/calendar.ts';

const YEAR_FILE = /^(\d{4})\.json$/;

export type LoadedHolidayYear = {
  data: HolidayYear;
  file: string;
  origin: 'bundled' | 'operator';
};

export function bundledHolidayDir(): string {
  return projectFile('fixtures/holidays/');
}

function readYearFile(file: string, fileYear: number): HolidayYear {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SbkError('CALENDAR_DATA_INVALID.json', { file, problem: (e as Error).message }, { file });
  }
  let data: HolidayYear;
  try {
    data = parseHolidayYear(json);
  } catch (e) {
    // parseHolidayYear refuses with CALENDAR_DATA_INVALID only; the operator also needs the file.
    if (isSbkError(e)) throw new SbkError('CALENDAR_DATA_INVALID.inFile', { message: e.message, file }, { ...e.details, file });
    throw e;
  }
  if (data.year !== fileYear) {
    throw new SbkError('CALENDAR_DATA_INVALID.yearMismatch', { file, fileYear, year: data.year });
  }
  return data;
}

function yearFilesIn(dir: string): { file: string; year: number }[] {
  return readdirSync(dir)
    .map((name) => ({ name, m: YEAR_FILE.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => ({ file: join(dir, name), year: Number(m[1]) }))
    .sort((a, b) => a.year - b.year);
}

/**
 * Every year with the file it came from, ascending. Files not named `<year>.json` are ignored
 * (an operator's `2027.json.bak` must not count), but a named file that is unreadable or
 * invalid stops the load: a wrong schedule silently skipped would shift every deadline.
 */
export function loadHolidayYears(extraDir?: string): LoadedHolidayYear[] {
  const byYear = new Map<number, LoadedHolidayYear>();
  for (const { file, year } of yearFilesIn(bundledHolidayDir())) {
    byYear.set(year, { data: readYearFile(file, year), file, origin: 'bundled' });
  }
  if (extraDir !== undefined) {
    if (!existsSync(extraDir) || !statSync(extraDir).isDirectory()) {
      throw new SbkError('CALENDAR_DIR_NOT_FOUND', { dir: extraDir });
    }
    for (const { file, year } of yearFilesIn(extraDir)) {
      byYear.set(year, { data: readYearFile(file, year), file, origin: 'operator' });
    }
  }
  return [...byYear.values()].sort((a, b) => a.data.year - b.data.year);
}

export function loadCalendar(extraDir?: string): WorkingCalendar {
  return new WorkingCalendar(loadHolidayYears(extraDir).map((y) => y.data));
}
