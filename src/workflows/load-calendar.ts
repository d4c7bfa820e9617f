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
    throw new SbkError('CALENDAR_DATA_INVALID', `节假日数据无效：${file} 不是有效的 JSON（${(e as Error).message}）。`, {
      file,
    });
  }
  let data: HolidayYear;
  try {
    data = parseHolidayYear(json);
  } catch (e) {
    if (isSbkError(e)) throw new SbkError(e.code, `${e.message}（文件 ${file}）`, { ...e.details, file });
    throw e;
  }
  if (data.year !== fileYear) {
    throw new SbkError(
      'CALENDAR_DATA_INVALID',
      `节假日数据无效：文件 ${file} 的文件名是 ${fileYear} 年，内容却是 ${data.year} 年。`,
      { file, fileYear, year: data.year },
    );
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
      throw new SbkError('CALENDAR_DIR_NOT_FOUND', `找不到节假日数据目录 ${extraDir}。请检查路径，或不指定该目录只用内置数据。`, {
        dir: extraDir,
      });
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
