import { useMemo } from 'react';
import { countStatusToday, countView, startCount } from '../../workflows/stock-count.ts';
import { prefabStock } from '../../workflows/prefab-stock.ts';
import { todayInChina } from '../../domain/china-dates.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { countHomeReducer, initialCountHomeState, type CountHomeAction, type CountHomeState, type CountOpen } from '../state/count-home.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorText } from '../state/error-text.ts';

export type { CountHomeMode, CountOpen } from '../state/count-home.ts';
export type SiteRow = { code: string; site: string; today: string; pending: boolean };
export type StockName = { bank: string; maker: string };

const C = zh.count;

type Loaded = { sites: SiteRow[]; stock: StockName[]; banks: string[]; open: CountOpen | null; error: string | null };

/** Today's count at the site and below, and which banks' and makers' blanks are here: names only (blind). */
function load(ledger: Ledger, actor: Actor, now: Date): Loaded {
  try {
    const status = countStatusToday(ledger, actor, now);
    const today = (t: (typeof status)[number]['today']) => (t ? C.statusOf(C.status[t.status], t.id) : C.notCounted);
    const sites = status.map((r) => ({ code: r.site.code, site: r.site.name, today: today(r.today), pending: r.today === null }));
    const rows = prefabStock(ledger, actor);
    const stock: StockName[] = [];
    for (const r of rows) if (!stock.some((x) => x.bank === r.bank && x.maker === r.maker)) stock.push({ bank: r.bank, maker: r.maker });
    const own = status.find((r) => r.site.code === actor.siteCode)?.today;
    const open = own && (own.status === 'counting' || own.status === 'submitted') ? { id: own.id, status: own.status } : null;
    return { sites, stock, banks: [...new Set(rows.map((r) => r.bank))], open, error: null };
  } catch (e) {
    return { sites: [], stock: [], banks: [], open: null, error: errorText(e) };
  }
}

/** Why N was refused; when another count is open (COUNT_OPEN names it), that count to resume instead. */
function refusal(ledger: Ledger, actor: Actor, e: unknown): CountHomeAction {
  if (!(isSbkError(e) && e.code === 'COUNT_OPEN' && typeof e.details.id === 'number')) return { type: 'refused', notice: errorText(e) };
  try {
    return { type: 'refused', notice: C.openElsewhere(e.message), found: { id: e.details.id, status: countView(ledger, actor, e.details.id).status } };
  } catch (e2) {
    return { type: 'refused', notice: errorText(e2) };
  }
}

/** Enter on the scope: the new count's id, or null (refused: the reason goes on screen). */
function start(ledger: Ledger, actor: Actor, bank: string | null, send: (a: CountHomeAction) => void): number | null {
  try {
    return startCount(ledger, actor, { bank }).id;
  } catch (e) {
    send(refusal(ledger, actor, e));
    return null;
  }
}

export type CountHomeActions = {
  /** N: choose the scope of the new count (only where there are blanks to count). */
  readonly openNew: () => void;
  readonly cancelNew: () => void;
  readonly moveBank: (delta: number) => void;
  /** Enter on the scope: the new count's id, or null (refused: the reason is on screen). */
  readonly start: () => number | null;
  /** The open count as the last key left it. */
  readonly openNow: () => CountOpen | null;
};

export type CountHome = CountHomeState &
  CountHomeActions & {
    readonly latest: () => CountHomeState;
    readonly today: string;
    readonly sites: readonly SiteRow[];
    readonly stock: readonly StockName[];
    readonly error: string | null;
    /** Today's open count at the site, or the one found when N was refused. */
    readonly open: CountOpen | null;
    /** The scopes of a new count: all banks (null), then each bank with blanks here. */
    readonly choices: readonly (string | null)[];
  };

/**
 * 预制卡盘点, the first page (src/ui/state/count-home.ts): no figure the ledger expects is shown
 * before the count is submitted. Read once per visit: the page is mounted afresh when the
 * operator comes back to it.
 */
export function useCountHome(actor: Actor): CountHome {
  const { ledger, now } = useServices();
  const loaded = useMemo<Loaded>(() => load(ledger, actor, now()), [ledger, actor, now]);
  const { state, dispatch, latest } = useLatestReducer(countHomeReducer, initialCountHomeState);
  const choices = useMemo(() => [null, ...loaded.banks], [loaded]);
  const actions = useMemo(
    (): CountHomeActions => ({
      openNew: () => void dispatch({ type: 'open-new', hasStock: loaded.stock.length > 0 }),
      cancelNew: () => void dispatch({ type: 'cancel-new' }),
      moveBank: (delta) => void dispatch({ type: 'move-bank', delta, count: choices.length }),
      start: () => start(ledger, actor, choices[latest().bankIndex] ?? null, dispatch),
      openNow: () => latest().found ?? loaded.open,
    }),
    [ledger, actor, loaded, choices, dispatch, latest],
  );
  const { sites, stock, error } = loaded;
  return { ...state, ...actions, latest, today: todayInChina(now()), sites, stock, error, open: state.found ?? loaded.open, choices };
}
