/**
 * The first page of 预制卡盘点: choosing the scope of a new count (all banks or one), and the
 * open count to resume when one was found. Pure.
 */
import type { CountStatus } from '../../workflows/stock-count.ts';
import { cycleIndex } from './list-index.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type CountHomeMode = 'home' | 'new';
/** Where the operator goes from here: counting, the review of a submitted count. */
export type CountOpen = { readonly id: number; readonly status: CountStatus };

export type CountHomeState = {
  readonly mode: CountHomeMode;
  /** The scope under the marker: 0 is all banks, then each bank with blanks here. */
  readonly bankIndex: number;
  /** An open count found when N was refused (COUNT_OPEN names it): Enter resumes that one. */
  readonly found: CountOpen | null;
  readonly notice: string | null;
};

export type CountHomeAction =
  | { type: 'open-new'; hasStock: boolean }
  | { type: 'cancel-new' }
  | { type: 'move-bank'; delta: number; count: number }
  | { type: 'refused'; notice: string; found?: CountOpen };

export function initialCountHomeState(): CountHomeState {
  return { mode: 'home', bankIndex: 0, found: null, notice: null };
}

export function countHomeReducer(s: CountHomeState, a: CountHomeAction): CountHomeState {
  switch (a.type) {
    case 'open-new':
      // Only where there are blanks to count.
      return a.hasStock ? { ...s, notice: null, bankIndex: 0, mode: 'new' } : { ...s, notice: zh.count.noStock };
    case 'cancel-new':
      return { ...s, mode: 'home' };
    case 'move-bank':
      return { ...s, bankIndex: cycleIndex(s.bankIndex, a.delta, a.count) };
    case 'refused':
      return { ...s, mode: 'home', notice: a.notice, found: a.found ?? s.found };
  }
}
