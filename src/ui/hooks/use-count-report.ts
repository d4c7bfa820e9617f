import { useMemo } from 'react';
import { basename, dirname } from 'node:path';
import { reconciliationReport, type ReportRow } from '../../workflows/stock-count.ts';
import { saveCountReport } from '../../workflows/shipment-export.ts';
import { addCalendarDays, todayInChina, type WorkingCalendar } from '../../domain/calendar.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { countReportReducer, initialCountReportState, selectedRow, type ReportNotice } from '../state/count-report.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorText } from '../state/error-text.ts';

export type { ReportNotice };

/** How many days the console's report covers, today included. */
export const REPORT_DAYS = 7;

const C = zh.count;

type Period = { from: string; to: string };

function load(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, period: Period): { rows: ReportRow[]; error: string | null } {
  try {
    return { rows: reconciliationReport(ledger, actor, calendar, period), error: null };
  } catch (e) {
    return { rows: [], error: errorText(e) };
  }
}

/** Saves the report as text and CSV: the folder once, then the two names (a long folder is cut on screen, never the file names). */
function save(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, period: Period): ReportNotice {
  try {
    const saved = saveCountReport(ledger, actor, calendar, period);
    return { level: 'ok', lines: [C.reportSaved(dirname(saved.textPath)), `  ${basename(saved.textPath)}`, `  ${basename(saved.csvPath)}`] };
  } catch (e) {
    return { level: 'error', lines: [isSbkError(e) ? e.message : C.saveFailed(e instanceof Error ? e.message : String(e))] };
  }
}

export type CountReport = {
  readonly period: Period;
  readonly rows: readonly ReportRow[];
  readonly error: string | null;
  readonly selected: number;
  readonly current: ReportRow | null;
  readonly warnings: number;
  readonly notice: ReportNotice | null;
  readonly move: (delta: number) => void;
  readonly save: () => void;
};

/**
 * 盘点对账表 of the operator's site for the last seven days (today included): one row per day and
 * bank, a working day without a closed count marked ⚠. S saves it as text and CSV beside the
 * ledger and shows where.
 */
export function useCountReport(actor: Actor): CountReport {
  const { ledger, calendar, now } = useServices();
  const period = useMemo(() => {
    const to = todayInChina(now());
    return { from: addCalendarDays(to, -(REPORT_DAYS - 1)), to };
  }, [now]);
  const loaded = useMemo(() => load(ledger, actor, calendar, period), [ledger, actor, calendar, period]);
  const { state, dispatch } = useLatestReducer(countReportReducer, initialCountReportState);
  const rows = loaded.rows;
  const actions = useMemo(
    () => ({
      move: (delta: number) => void dispatch({ type: 'move', delta, count: rows.length }),
      save: () => void dispatch({ type: 'notice', notice: save(ledger, actor, calendar, period) }),
    }),
    [ledger, actor, calendar, period, rows, dispatch],
  );
  const index = selectedRow(state, rows.length);
  const warnings = rows.filter((r) => r.warning !== null).length;
  return { ...actions, period, rows, error: loaded.error, selected: index, current: rows[index] ?? null, warnings, notice: state.notice };
}
