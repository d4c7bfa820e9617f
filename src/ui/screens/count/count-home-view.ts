import type { ColumnSpec } from '../../components/table.tsx';
import type { CountHome, SiteRow, StockName } from '../../hooks/use-count.ts';
import { fitWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const C = zh.count;
const LABEL_WIDTH = 10;
export const SITE_COLUMNS: ColumnSpec<SiteRow>[] = [
  { key: 'code', header: C.columns.code, width: 12 },
  { key: 'site', header: C.columns.site, width: 32, min: 10 },
  { key: 'today', header: C.columns.today, width: 26, min: 14 },
];
export const STOCK_COLUMNS: ColumnSpec<StockName>[] = [
  { key: 'bank', header: C.columns.bank, width: 24, min: 12 },
  { key: 'maker', header: C.columns.maker, width: 24, min: 12 },
];

/** `›开始盘点：盘点范围 [全部银行]  工商银行 `: the scope under the marker in brackets. */
export function scopeRow(c: CountHome): string {
  const scope = c.choices.map((b, i) => {
    const label = b ?? C.allBanks;
    return i === c.bankIndex ? `[${label}]` : ` ${label} `;
  });
  return `›${fitWidth(C.newTitle, LABEL_WIDTH * 2)} ${scope.join(' ')}`;
}

/** The line under the tables: the open count to resume, or what N and R do. */
export type CountHint = { readonly text: string; readonly color?: string; readonly dim?: boolean };
export type CountMessage = { readonly text: string; readonly color: string };

export function hintOf(c: CountHome): CountHint {
  if (c.open && c.notice === null) return { text: C.openHint(c.open.id, C.status[c.open.status]), color: 'yellow' };
  return { text: C.homeHint, dim: true };
}

/** Red for a page that could not be read, yellow for why N was refused. */
export function messageOf(c: CountHome): CountMessage | null {
  if (c.error) return { text: c.error, color: 'red' };
  return c.notice ? { text: c.notice, color: 'yellow' } : null;
}
