import { useMemo } from 'react';
import { stockSummary, type StockSummary } from '../../workflows/stock-summary.ts';
import { homeAlerts, type Alert } from '../../workflows/home-alerts.ts';
import { STATE_LABELS, type CardState } from '../../domain/card-states.ts';
import type { Actor } from '../../domain/actor.ts';
import { useServices } from '../console-services.ts';

export type StockRow = { state: string; finished: string; prefab: string };

/** Stock as a state × kind matrix: one row per state, so it fits beside the menu in 80 columns. */
export function stockMatrix(s: StockSummary): StockRow[] {
  const order = Object.keys(STATE_LABELS) as CardState[];
  const by = new Map<string, { finished: number; prefab: number }>();
  for (const r of s.rows) {
    const cell = by.get(r.state) ?? { finished: 0, prefab: 0 };
    cell[r.kind as 'finished' | 'prefab'] += r.count;
    by.set(r.state, cell);
  }
  return order
    .filter((st) => by.has(st))
    .map((st) => {
      const c = by.get(st)!;
      return { state: STATE_LABELS[st], finished: c.finished ? String(c.finished) : '', prefab: c.prefab ? String(c.prefab) : '' };
    });
}

/** `version`: read again when it changes (after the home page itself wrote to the ledger). */
export function useHomeData(actor: Actor, version = 0): { summary: StockSummary; rows: StockRow[]; alerts: Alert[] } {
  const { ledger, calendar, now } = useServices();
  return useMemo(() => {
    const summary = stockSummary(ledger, actor);
    return { summary, rows: stockMatrix(summary), alerts: homeAlerts(ledger, actor, calendar, now()) };
  }, [ledger, actor, calendar, now, version]);
}
