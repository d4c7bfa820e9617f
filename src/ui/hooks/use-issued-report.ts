import { useMemo } from 'react';
import { basename, dirname } from 'node:path';
import { issuanceLedger, type IssuanceLedger, type IssuanceLedgerRow } from '../../workflows/issuance-ledger.ts';
import { saveIssuanceLedger } from '../../workflows/issuance-ledger-export.ts';
import { addCalendarDays, todayInChina } from '../../domain/calendar.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { initialIssuedReportState, issuedReportReducer, selectedIssuedRow, type IssuedNotice } from '../state/issued-report.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorText } from '../state/error-text.ts';

const T = zh.issuedReport;

export type IssuedReport = {
  readonly day: string;
  readonly ledger: IssuanceLedger | null;
  readonly error: string | null;
  readonly selected: number;
  readonly current: IssuanceLedgerRow | null;
  readonly notice: IssuedNotice | null;
  readonly move: (delta: number) => void;
  readonly changeDay: (delta: number) => void;
  readonly save: () => void;
};

/**
 * 发放台账 (GD Art. 12 一(三), Art. 14 一(二)) of one day at the operator's site and below: every
 * hand-over with receiver, read-check, receipt and operator, the signed receipts the desk must
 * hold, totals per operator. ←→ changes the day; S saves it as text and CSV beside the ledger.
 */
export function useIssuedReport(actor: Actor): IssuedReport {
  const { ledger, now } = useServices();
  const { state, dispatch } = useLatestReducer(issuedReportReducer, initialIssuedReportState);
  const day = useMemo(() => addCalendarDays(todayInChina(now()), -state.daysBack), [now, state.daysBack]);
  const loaded = useMemo(() => {
    try {
      return { l: issuanceLedger(ledger, actor, { from: day, to: day }), error: null };
    } catch (e) {
      return { l: null, error: errorText(e) };
    }
  }, [ledger, actor, day]);
  const count = loaded.l?.rows.length ?? 0;
  const actions = useMemo(
    () => ({
      move: (delta: number) => void dispatch({ type: 'move', delta, count }),
      changeDay: (delta: number) => void dispatch({ type: 'day', delta }),
      save: () => {
        let notice: IssuedNotice;
        try {
          const saved = saveIssuanceLedger(ledger, actor, { from: day, to: day });
          notice = { level: 'ok', lines: [T.saved(dirname(saved.textPath)), `  ${basename(saved.textPath)}`, `  ${basename(saved.csvPath)}`] };
        } catch (e) {
          notice = { level: 'error', lines: [isSbkError(e) ? e.message : T.saveFailed(e instanceof Error ? e.message : String(e))] };
        }
        dispatch({ type: 'notice', notice });
      },
    }),
    [ledger, actor, day, count, dispatch],
  );
  const index = selectedIssuedRow(state, count);
  return { ...actions, day, ledger: loaded.l, error: loaded.error, selected: index, current: loaded.l?.rows[index] ?? null, notice: state.notice };
}
