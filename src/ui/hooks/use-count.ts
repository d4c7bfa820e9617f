import { useMemo, useState } from 'react';
import { countStatusToday, countView, startCount, type CountStatus } from '../../workflows/stock-count.ts';
import { prefabStock } from '../../workflows/prefab-stock.ts';
import { todayInChina } from '../../domain/china-dates.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type CountHomeMode = 'home' | 'new';
export type SiteRow = { code: string; site: string; today: string; pending: boolean };
export type StockName = { bank: string; maker: string };
/** Where the operator goes from here: counting, the review of a submitted count. */
export type CountOpen = { id: number; status: CountStatus };

const C = zh.count;
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);

type Loaded = { sites: SiteRow[]; stock: StockName[]; banks: string[]; open: CountOpen | null; error: string | null };

/**
 * 预制卡盘点, the first page: today's count at the operator's site (and the sites below), and
 * which banks' and makers' blanks are here — names only: a count is blind, so no figure the
 * ledger expects is shown before the count is submitted. N starts a count of all banks or one;
 * an open count (today's, or the one startCount names when it refuses) is resumed with Enter.
 * Read once per visit: the page is mounted afresh when the operator comes back to it.
 */
export function useCountHome(actor: Actor) {
  const { ledger, now } = useServices();
  const loaded = useMemo<Loaded>(() => {
    try {
      const status = countStatusToday(ledger, actor, now());
      const sites = status.map((r) => ({
        code: r.site.code,
        site: r.site.name,
        today: r.today ? C.statusOf(C.status[r.today.status], r.today.id) : C.notCounted,
        pending: r.today === null,
      }));
      const rows = prefabStock(ledger, actor);
      const stock: StockName[] = [];
      for (const r of rows) if (!stock.some((x) => x.bank === r.bank && x.maker === r.maker)) stock.push({ bank: r.bank, maker: r.maker });
      const own = status.find((r) => r.site.code === actor.siteCode)?.today;
      const open = own && (own.status === 'counting' || own.status === 'submitted') ? { id: own.id, status: own.status } : null;
      return { sites, stock, banks: [...new Set(rows.map((r) => r.bank))], open, error: null };
    } catch (e) {
      return { sites: [], stock: [], banks: [], open: null, error: errorText(e) };
    }
  }, [ledger, actor, now]);
  const [mode, setMode] = useState<CountHomeMode>('home');
  const [bankIndex, setBankIndex] = useState(0);
  // An open count found when N was refused (COUNT_OPEN names it): Enter resumes that one.
  const [found, setFound] = useState<CountOpen | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const choices = [null, ...loaded.banks];
  const open = found ?? loaded.open;

  return {
    today: todayInChina(now()),
    sites: loaded.sites,
    stock: loaded.stock,
    error: loaded.error,
    open,
    mode,
    notice,
    choices,
    bankIndex,
    /** N: choose the scope of the new count (only where there are blanks to count). */
    openNew: () => {
      if (loaded.stock.length === 0) return setNotice(C.noStock);
      setNotice(null);
      setBankIndex(0);
      setMode('new');
    },
    cancelNew: () => setMode('home'),
    moveBank: (delta: number) => setBankIndex((i) => (i + delta + choices.length) % choices.length),
    /** Enter on the scope: the new count's id, or null (refused: the reason is on screen). */
    start: (): number | null => {
      try {
        const r = startCount(ledger, actor, { bank: choices[bankIndex] ?? null });
        return r.id;
      } catch (e) {
        setMode('home');
        if (isSbkError(e) && e.code === 'COUNT_OPEN' && typeof e.details.id === 'number') {
          try {
            setFound({ id: e.details.id, status: countView(ledger, actor, e.details.id).status });
            setNotice(C.openElsewhere(e.message));
            return null;
          } catch (e2) {
            setNotice(errorText(e2));
            return null;
          }
        }
        setNotice(errorText(e));
        return null;
      }
    },
  };
}
