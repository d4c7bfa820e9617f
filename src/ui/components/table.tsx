import { Box, Text } from 'ink';
import { fitWidth } from '../../text/display-width.ts';
import { useTableWindow } from './table-window.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type ColumnSpec<T> = {
  readonly key: keyof T & string;
  readonly header: string;
  /** Display columns (a Chinese character takes 2). */
  readonly width: number;
  readonly align?: 'left' | 'right';
  /**
   * When the table is wider than the window this column may be narrowed to `min` columns (its
   * text cut with …) before any column is dropped. Without it the column keeps its width: card
   * and shipment numbers, dates and counts are never cut.
   */
  readonly min?: number;
  /**
   * When even the narrowed columns do not fit, columns are dropped by this number, 1 first, then
   * 2, …: what the operator can do without at a small window. Without it the column is never
   * dropped.
   */
  readonly drop?: number;
};

export type TableProps<T> = {
  readonly data: readonly T[];
  readonly columns: ReadonlyArray<ColumnSpec<T>>;
  /** The window's width: no line of the table is wider (columns narrowed or dropped, see ColumnSpec). */
  readonly width: number;
  /** Visible data rows; only these are rendered, however long `data` is. */
  readonly height: number;
  /** Row marked with `›` in the marker column; the window scrolls to keep it visible. */
  readonly selectedIndex?: number;
  readonly emptyText?: string;
  /** A row's colour (e.g. red for one past its deadline): fixed per row, so moving the marker never repaints it. */
  readonly rowColor?: (row: T, index: number) => string | undefined;
};

export const MARKER = '›';
const GAP = ' ';

/** Display width of a table row: the marker column plus each column and the gap before it. */
export function tableWidth<T>(columns: ReadonlyArray<ColumnSpec<T>>): number {
  return 1 + columns.reduce((sum, c) => sum + GAP.length + c.width, 0);
}

/**
 * The columns as they fit `width`: narrowable columns are narrowed (never below `min`); when
 * that is not enough the column with the lowest `drop` goes and the rest are tried again; the
 * room left is given back to the narrowed columns, left to right. Columns that may neither be
 * narrowed nor dropped stay, and the row is cut at the window's edge as a last resort.
 */
export function fitColumns<T>(columns: ReadonlyArray<ColumnSpec<T>>, width: number): ColumnSpec<T>[] {
  let kept = [...columns];
  const narrowest = (cols: readonly ColumnSpec<T>[]) => tableWidth(cols.map((c) => ({ ...c, width: Math.min(c.width, c.min ?? c.width) })));
  for (;;) {
    if (narrowest(kept) <= width) break;
    const droppable = kept.filter((c) => c.drop !== undefined);
    if (droppable.length === 0) break;
    const next = droppable.reduce((a, b) => (b.drop! < a.drop! ? b : a));
    kept = kept.filter((c) => c !== next);
  }
  if (tableWidth(kept) <= width) return kept;
  let room = width - narrowest(kept);
  return kept.map((c) => {
    const min = Math.min(c.width, c.min ?? c.width);
    const give = Math.max(0, Math.min(c.width - min, room));
    room -= give;
    return { ...c, width: min + give };
  });
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

function rowText<T>(row: T, columns: ReadonlyArray<ColumnSpec<T>>): string {
  return columns.map((c) => GAP + fitWidth(cellText(row[c.key]), c.width, c.align ?? 'left')).join('');
}

/**
 * The console's table (ink-table 3 cannot load under Ink 6, and its ESM fork pads by string
 * length, which misaligns Chinese). Every cell is fitted by display width; header and an ASCII
 * `-` rule (box-drawing characters are ambiguous-width on some Chinese terminals); then exactly
 * `height` row lines. The selection is shown only by the one-column marker, never by
 * re-styling a row: moving it rewrites two short lines, not the page.
 */
export function Table<T>({ data, columns: declared, width: windowWidth, height, selectedIndex, emptyText = zh.table.empty, rowColor }: TableProps<T>) {
  const rows = Math.max(1, Math.floor(height));
  const start = useTableWindow(selectedIndex, rows, data.length);
  const columns = fitColumns(declared, windowWidth);
  const width = Math.min(tableWidth(columns), windowWidth);
  const header = fitWidth(' ' + columns.map((c) => GAP + fitWidth(c.header, c.width, c.align ?? 'left')).join(''), width);
  const visible = data.slice(start, start + rows);

  const lines: { key: string; text: string; color?: string | undefined }[] = visible.map((row, i) => {
    const index = start + i;
    return { key: `r${i}`, text: (index === selectedIndex ? MARKER : ' ') + rowText(row, columns), color: rowColor?.(row, index) };
  });
  if (data.length === 0) lines.push({ key: 'empty', text: ' ' + GAP + fitWidth(emptyText, width - 1 - GAP.length) });
  while (lines.length < rows) lines.push({ key: `pad${lines.length}`, text: '' });
  const rule = '-'.repeat(width);
  // Only a list longer than the window says which part of it is shown.
  const range = data.length > rows ? fitWidth(zh.table.range(start + 1, start + visible.length, data.length), Math.max(width, Math.min(windowWidth, 24))) : null;

  return (
    <Box flexDirection="column" width={width}>
      <Text>{header}</Text>
      <Text>{rule}</Text>
      {lines.map((l) => (
        <Text key={l.key} color={l.color}>
          {fitWidth(l.text, width)}
        </Text>
      ))}
      {range === null ? null : <Text>{range}</Text>}
    </Box>
  );
}
