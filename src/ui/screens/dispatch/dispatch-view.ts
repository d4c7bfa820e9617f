import type { ContextId } from '../../keys/registry.ts';
import type { ColumnSpec } from '../../components/table.tsx';
import { CHOOSABLE_METHODS, METHOD_LABELS } from '../../../domain/shipment.ts';
import type { Destination } from '../../../workflows/shipment-dispatch.ts';
import { dispatchMethod, dispatchTotal, type DetailsFocus, type DispatchState, type DispatchStep } from '../../state/dispatch.ts';
import { fitWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type DestRow = { code: string; name: string; direction: string };
export type GroupRow = { batch: string; box: string; cards: string };

const D = zh.dispatch;
export const LABEL_WIDTH = 8;
export const DEST_COLUMNS: ColumnSpec<DestRow>[] = [
  { key: 'code', header: D.columns.code, width: 12 },
  { key: 'name', header: D.columns.name, width: 46, min: 10 },
  { key: 'direction', header: D.columns.direction, width: 12 },
];
export const GROUP_COLUMNS: ColumnSpec<GroupRow>[] = [
  { key: 'batch', header: D.columns.batch, width: 24, min: 14 },
  { key: 'box', header: D.columns.box, width: 8 },
  { key: 'cards', header: D.columns.cards, width: 6, align: 'right' },
];

export function contextOf(step: DispatchStep, focus: DetailsFocus): ContextId {
  if (step === 'dest') return 'dispatch-dest';
  if (step === 'scan') return 'dispatch-scan';
  if (step === 'details') return focus === 'method' ? 'dispatch-details' : 'dispatch-details-edit';
  if (step === 'done') return 'dispatch-done';
  return 'confirm';
}

export function destRows(destinations: readonly Destination[]): DestRow[] {
  return destinations.map((x) => ({ code: x.code, name: x.name, direction: x.direction === 'up' ? D.directionUp : D.directionDown }));
}

/** The list by batch and box, in that order: what the hand-over sheet will show. */
export function groupRows(s: DispatchState): GroupRow[] {
  const by = new Map<string, { batch: string; box: string; cards: number }>();
  for (const c of s.additions.flatMap((a) => a.cards)) {
    const batch = c.batchCode ?? '—';
    const box = c.boxLabel ?? '-';
    const key = `${batch}\u0000${box}`;
    const g = by.get(key) ?? { batch, box, cards: 0 };
    g.cards += 1;
    by.set(key, g);
  }
  return [...by.values()].sort((a, b) => a.batch.localeCompare(b.batch) || a.box.localeCompare(b.box)).map((g) => ({ batch: g.batch, box: g.box, cards: String(g.cards) }));
}

export const destTitle = (s: DispatchState): string => D.title(s.dest ? D.to(s.dest.name, s.dest.code) : '');
export const totalLine = (s: DispatchState): string => D.total(dispatchTotal(s), s.additions.length);

/** The lines of the confirmation: method, waybill, sender, cards. */
export function confirmLines(s: DispatchState, actorName: string): string[] {
  return [
    D.confirmLine(D.method, METHOD_LABELS[dispatchMethod(s)]),
    D.confirmLine(D.tracking, s.trackingNo.trim() || '-'),
    D.confirmLine(D.sender, s.senderName.trim() || actorName),
    D.confirmLine(D.countLabel, String(dispatchTotal(s))),
  ];
}

/** `›发放方式 [专人送达]  快递 …`: the chosen method in brackets, the marker when it has focus. */
export function methodRow(s: DispatchState): string {
  const chosen = dispatchMethod(s);
  const methods = CHOOSABLE_METHODS.map((m) => (m === chosen ? `[${METHOD_LABELS[m]}]` : ` ${METHOD_LABELS[m]} `)).join(' ');
  return `${s.focus === 'method' ? '›' : ' '}${fitWidth(D.method, LABEL_WIDTH)} ${methods}`;
}
