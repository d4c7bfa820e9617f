import { useMemo, useState } from 'react';
import { basename, dirname } from 'node:path';
import { reconciliationReport, type ReportRow } from '../../workflows/stock-count.ts';
import { saveCountReport } from '../../workflows/shipment-export.ts';
import { addCalendarDays, todayInChina } from '../../domain/calendar.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type ReportNotice = { level: 'ok' | 'error'; lines: string[] };

/** How many days the console's report covers, today included. */
export const REPORT_DAYS = 7;

const C = zh.count;

/**
 * 盘点对账表 of the operator's site for the last seven days (today included): one row per day and
 * bank, a working day without a closed count marked ⚠. S saves it as text and CSV beside the
 * ledger and shows where.
 */
export function useCountReport(actor: Actor) {
  const { ledger, calendar, now } = useServices();
  const period = useMemo(() => {
    const to = todayInChina(now());
    return { from: addCalendarDays(to, -(REPORT_DAYS - 1)), to };
  }, [now]);
  const loaded = useMemo((): { rows: ReportRow[]; error: string | null } => {
    try {
      return { rows: reconciliationReport(ledger, actor, calendar, period), error: null };
    } catch (e) {
      return { rows: [], error: isSbkError(e) ? e.message : zh.errors.internal };
    }
  }, [ledger, actor, calendar, period]);
  const [selected, setSelected] = useState(0);
  const [notice, setNotice] = useState<ReportNotice | null>(null);
  const rows = loaded.rows;
  const index = Math.min(selected, Math.max(0, rows.length - 1));

  return {
    period,
    rows,
    error: loaded.error,
    selected: index,
    current: rows[index] ?? null,
    warnings: rows.filter((r) => r.warning !== null).length,
    notice,
    move: (delta: number) => setSelected(() => Math.max(0, Math.min(rows.length - 1, index + delta))),
    save: () => {
      try {
        const saved = saveCountReport(ledger, actor, calendar, period);
        // The folder once, then the two names: a long folder is cut on screen, never the file names.
        setNotice({ level: 'ok', lines: [C.reportSaved(dirname(saved.textPath)), `  ${basename(saved.textPath)}`, `  ${basename(saved.csvPath)}`] });
      } catch (e) {
        setNotice({ level: 'error', lines: [isSbkError(e) ? e.message : C.saveFailed(e instanceof Error ? e.message : String(e))] });
      }
    },
  };
}
