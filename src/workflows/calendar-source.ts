import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from './ledger-path.ts';
import { loadCalendar } from './load-calendar.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';

/**
 * The bundled holiday years, overridden by an operator's newer `<year>.json` files in
 * $SBK_HOLIDAYS_DIR or, if present, `~/.local/share/sbk/holidays/` (README: updating holidays).
 */
export function operatorCalendarDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SBK_HOLIDAYS_DIR) return env.SBK_HOLIDAYS_DIR;
  const dir = join(dataDir(env), 'holidays');
  return existsSync(dir) ? dir : undefined;
}

export function workingCalendar(env: NodeJS.ProcessEnv = process.env): WorkingCalendar {
  return loadCalendar(operatorCalendarDir(env));
}
