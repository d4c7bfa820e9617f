import type { ContextId } from '../../keys/registry.ts';
import type { ColumnSpec } from '../../components/table.tsx';
import type { CountScanMode, CountScanState } from '../../state/count-scan.ts';
import type { CountStatus } from '../../../workflows/stock-count.ts';
import { displayWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type Row = { where: string; counted: string };
export type HopperRow = { name: string };

const C = zh.count;
export const COLUMNS: ColumnSpec<Row>[] = [
  { key: 'where', header: C.columns.where, width: 40, min: 16 },
  { key: 'counted', header: C.columns.counted, width: 6, align: 'right' },
];
export const HOPPER_COLUMNS: ColumnSpec<HopperRow>[] = [{ key: 'name', header: C.columns.where, width: 40, min: 16 }];

export function contextOf(mode: CountScanMode): ContextId {
  switch (mode) {
    case 'scan':
      return 'count-scan';
    case 'qty':
      return 'count-qty';
    case 'hopper':
      return 'count-hopper';
    case 'submit':
    case 'leave':
      return 'confirm';
    case 'closed':
      return 'count-done';
  }
}

/** Why nothing can be scanned: the count could not be read, or it is no longer open. */
export function closedText(error: string | null, status: CountStatus | null): string {
  return error ?? C.notOpen(status ? (C.status[status] ?? status) : '');
}

/** What the field asks for, and how wide its label is. */
export function fieldOf(s: CountScanState): { label: string; labelWidth: number; placeholder: string; editing: boolean } {
  const p = s.pending;
  const label = s.mode === 'qty' && p ? (p.kind === 'box' ? C.boxQuantity(p.code) : C.hopperQuantity(p.code)) : C.scan;
  return { label, labelWidth: Math.max(4, displayWidth(label)), placeholder: s.mode === 'scan' ? C.scanPlaceholder : '', editing: s.mode === 'scan' || s.mode === 'qty' };
}

/** What the operator has counted: each box and hopper as entered, then the cards scanned one by one. */
export function progressRows(s: CountScanState): Row[] {
  const rows = s.progress.map((p) => ({ where: p.kind === 'box' ? C.box(p.code) : C.hopper(p.code), counted: String(p.counted) }));
  return s.cards.size > 0 ? [...rows, { where: C.loose, counted: String(s.cards.size) }] : rows;
}

/** What takes the place of the progress table: a question, the hopper to count, or the table. */
export type ScanBottom = { kind: 'question'; title: string; body: string } | { kind: 'hoppers'; rows: HopperRow[]; selected: number } | { kind: 'progress'; rows: Row[] };

export function bottomOf(s: CountScanState, hoppers: readonly string[]): ScanBottom {
  if (s.mode === 'submit') return { kind: 'question', title: C.submitTitle, body: C.submitBody(s.scans, s.counted) };
  if (s.mode === 'leave') return { kind: 'question', title: C.leaveInputTitle, body: C.leaveInputBody };
  if (s.mode === 'hopper') return { kind: 'hoppers', rows: hoppers.map((name) => ({ name })), selected: s.hopperIndex };
  return { kind: 'progress', rows: progressRows(s) };
}
