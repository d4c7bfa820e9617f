/**
 * The dispatch screen's state (新建发运): where the shipment goes, the running list of what was
 * scanned into it (cards, boxes, batches, without repeats), the method, waybill and sender, the
 * confirmation. Pure: the hook reads the scans and sends the shipment and dispatches the results.
 */
import { CHOOSABLE_METHODS, type ShipmentMethod } from '../../domain/shipment.ts';
import type { Destination } from '../../workflows/shipment-dispatch.ts';
import type { DispatchScan } from '../../workflows/dispatch-scan.ts';
import { errorFlag, okFlag, pushFlag, warnFlag } from './flags.ts';
import type { Message } from '../screens/shared/message.ts';
import { clampIndex, cycleIndex } from './list-index.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type DispatchStep = 'dest' | 'scan' | 'details' | 'confirm' | 'leave' | 'done';
export type DetailsFocus = 'method' | 'tracking' | 'sender';
/** One scan or typed entry and the cards it added that were not on the list already. */
export type Addition = DispatchScan;
export type DispatchDone = { readonly number: string; readonly cards: number; readonly sheet: readonly string[]; readonly sheetError: string | null };

export type DispatchState = {
  readonly step: DispatchStep;
  readonly destIndex: number;
  readonly dest: Destination | null;
  readonly input: string;
  readonly additions: readonly Addition[];
  readonly flags: readonly Message[];
  readonly methodIndex: number;
  readonly trackingNo: string;
  readonly senderName: string;
  readonly focus: DetailsFocus;
  readonly done: DispatchDone | null;
};

export type DispatchAction =
  | { type: 'move-dest'; delta: number; count: number }
  | { type: 'pick-dest'; dest: Destination }
  | { type: 'input'; value: string }
  | { type: 'scanned'; scan: DispatchScan }
  | { type: 'scan-failed'; error: string }
  | { type: 'list-done' }
  | { type: 'undo' }
  | { type: 'cycle-method'; delta: number }
  | { type: 'next-field'; delta: number }
  | { type: 'tracking'; value: string }
  | { type: 'sender'; value: string }
  | { type: 'to-confirm' }
  | { type: 'sent'; done: DispatchDone }
  | { type: 'send-failed'; error: string }
  | { type: 'drop-list' }
  | { type: 'back' };

const D = zh.dispatch;
const FOCUS_ORDER: readonly DetailsFocus[] = ['method', 'tracking', 'sender'];
const FLAGS_KEPT = 3;

/** A new shipment, sent by the operator unless another sender is typed. */
export function initialDispatchState(senderName: string): DispatchState {
  return { step: 'dest', destIndex: 0, dest: null, input: '', additions: [], flags: [], methodIndex: 0, trackingNo: '', senderName, focus: 'method', done: null };
}

export const dispatchMethod = (s: DispatchState): ShipmentMethod => CHOOSABLE_METHODS[s.methodIndex] ?? 'staff';
export const dispatchTotal = (s: DispatchState): number => s.additions.reduce((n, a) => n + a.cards.length, 0);
/** The ids of the cards on the list: a scan adds only the others. */
export const listedCardIds = (s: DispatchState): Set<number> => new Set(s.additions.flatMap((a) => a.cards.map((c) => c.id)));

const BACK: Record<DispatchStep, (s: DispatchState) => DispatchStep | null> = {
  dest: () => null,
  done: () => null,
  scan: (s) => (s.additions.length > 0 ? 'leave' : 'dest'),
  leave: () => 'scan',
  details: () => 'scan',
  confirm: () => 'details',
};

/** Where Esc goes, one step back; null = leave the screen. */
export function backTarget(s: DispatchState): DispatchStep | null {
  return BACK[s.step](s);
}

const flag = (s: DispatchState, f: Message): DispatchState => ({ ...s, flags: pushFlag(s.flags, f, FLAGS_KEPT) });

function scanned(s: DispatchState, scan: DispatchScan): DispatchState {
  if (scan.cards.length === 0) return flag(s, warnFlag(D.already(scan.label)));
  return flag({ ...s, additions: [...s.additions, scan] }, okFlag(D.added(D.kinds[scan.kind], scan.label, scan.cards.length)));
}

function undo(s: DispatchState): DispatchState {
  const last = s.additions.at(-1);
  if (!last) return flag(s, warnFlag(D.nothingToUndo));
  return flag({ ...s, additions: s.additions.slice(0, -1) }, warnFlag(D.removed(last.label, last.cards.length)));
}

export function dispatchReducer(s: DispatchState, a: DispatchAction): DispatchState {
  switch (a.type) {
    case 'move-dest':
      return { ...s, destIndex: clampIndex(s.destIndex, a.delta, a.count) };
    case 'pick-dest':
      return { ...s, dest: a.dest, step: 'scan' };
    case 'input':
      return { ...s, input: a.value };
    case 'scanned':
      return scanned(s, a.scan);
    case 'scan-failed':
      return flag(s, errorFlag(a.error));
    case 'list-done':
      return s.additions.length === 0 ? flag(s, errorFlag(D.empty)) : { ...s, focus: 'method', step: 'details' };
    case 'undo':
      return undo(s);
    case 'cycle-method':
      return { ...s, methodIndex: cycleIndex(s.methodIndex, a.delta, CHOOSABLE_METHODS.length) };
    case 'next-field':
      return { ...s, focus: FOCUS_ORDER[cycleIndex(FOCUS_ORDER.indexOf(s.focus), a.delta, FOCUS_ORDER.length)]! };
    case 'tracking':
      return { ...s, trackingNo: a.value };
    case 'sender':
      return { ...s, senderName: a.value };
    case 'to-confirm':
      return { ...s, step: 'confirm' };
    case 'sent':
      return { ...s, done: a.done, step: 'done' };
    case 'send-failed':
      return { ...flag(s, errorFlag(a.error)), step: 'scan' };
    case 'drop-list':
      return { ...s, additions: [], flags: [], step: 'dest' };
    case 'back':
      return { ...s, step: backTarget(s) ?? s.step };
  }
}
