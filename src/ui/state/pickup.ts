import type { PickupEntry } from '../../workflows/issue-desk.ts';
import { checkIdDocument, idDocTypeForTyped } from '../../domain/id-documents.ts';
import type { Message } from '../screens/shared/message.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type PickupStep = 'details' | 'scan' | 'confirm' | 'leave' | 'done';
export type PickupField = 'unit' | 'agentName' | 'agentId' | 'authRef' | PaperField;
/** The unit's paperwork (GD Art. 15 一(一), Annex 4 授权期限): all five or none, checked when recorded. */
export type PaperField = 'unitCode' | 'contact' | 'contactPhone' | 'authFrom' | 'authTo';
export type PickupDone = { readonly ref: string; readonly cards: number };

export const REQUIRED_FIELDS: readonly PickupField[] = ['unit', 'agentName', 'agentId', 'authRef'];
export const PAPER_FIELDS: readonly PaperField[] = ['unitCode', 'contact', 'contactPhone', 'authFrom', 'authTo'];
export const PICKUP_FIELDS: readonly PickupField[] = [...REQUIRED_FIELDS, ...PAPER_FIELDS];
/** Flags kept under the scan field, newest first. */
const FLAG_ROWS = 4;
const P = zh.pickup;

/** 新建集体代领: the unit and agent as typed, the cards scanned so far (by entry), the last flags. */
export type PickupState = {
  readonly step: PickupStep;
  readonly fields: Readonly<Record<PickupField, string>>;
  readonly focus: PickupField;
  readonly input: string;
  readonly entries: readonly PickupEntry[];
  readonly flags: readonly Message[];
  readonly error: string | null;
  readonly done: PickupDone | null;
  /** The printable list saved after the pickup (its path), or why it was not. */
  readonly sheet: Message | null;
  /** Chosen when the screen opens: a repeated confirmation records the pickup once. */
  readonly operationId: string;
};

export type PickupAction =
  | { readonly type: 'set-field'; readonly field: PickupField; readonly value: string }
  /** Enter in a field: on to the next empty one; with all filled, on to the cards. */
  | { readonly type: 'field-done'; readonly field: PickupField; readonly value: string }
  | { readonly type: 'move-focus'; readonly delta: number }
  | { readonly type: 'input'; readonly value: string }
  /** An empty Enter in the scan field: to the confirmation, unless the list is empty. */
  | { readonly type: 'scan-empty' }
  | { readonly type: 'scanned'; readonly entry: PickupEntry }
  | { readonly type: 'flag'; readonly flag: Message }
  | { readonly type: 'undo' }
  | { readonly type: 'recorded'; readonly done: PickupDone }
  | { readonly type: 'record-failed'; readonly error: string }
  | { readonly type: 'sheet'; readonly result: Message }
  | { readonly type: 'cancel-confirm' }
  | { readonly type: 'back' };

export function initialPickupState(operationId: string): PickupState {
  const fields = { unit: '', agentName: '', agentId: '', authRef: '', unitCode: '', contact: '', contactPhone: '', authFrom: '', authTo: '' };
  return { step: 'details', fields, focus: 'unit', input: '', entries: [], flags: [], error: null, done: null, sheet: null, operationId };
}

export function pickupCardNos(s: PickupState): string[] {
  return s.entries.flatMap((e) => e.cards);
}

/** Esc leaves the screen: after the pickup is recorded, or on the details with nothing typed or scanned. */
export function pickupLeavesOnBack(s: PickupState): boolean {
  if (s.step === 'done') return true;
  return s.step === 'details' && pickupCardNos(s).length === 0 && !Object.values(s.fields).some((v) => v.trim());
}

const flag = (s: PickupState, f: Message): PickupState => ({ ...s, flags: [f, ...s.flags].slice(0, FLAG_ROWS) });

/** Paperwork begun: the paper fields still empty (all five or none). */
function papersMissing(fields: PickupState['fields']): PaperField[] {
  const empty = PAPER_FIELDS.filter((k) => !fields[k].trim());
  return empty.length === PAPER_FIELDS.length ? [] : empty;
}

/** With every required field filled (and the paperwork whole, if begun) and the agent's ID valid, on to the cards; else the row to correct. */
function toScan(s: PickupState): PickupState {
  const missing = REQUIRED_FIELDS.find((k) => !s.fields[k].trim()) ?? papersMissing(s.fields)[0];
  if (missing) return { ...s, focus: missing, error: P.required(P.fields[missing]) };
  // The agent's document by the number's layout (HB Art. 5: a permit or passport is as good).
  const id = checkIdDocument(idDocTypeForTyped(s.fields.agentId) ?? 'resident_id', s.fields.agentId);
  if (!id.ok) return { ...s, focus: 'agentId', error: P.agentIdRefused(id.message) };
  return { ...s, error: null, step: 'scan' };
}

function fieldDone(s: PickupState, field: PickupField, value: string): PickupState {
  const fields = { ...s.fields, [field]: value };
  const at = PICKUP_FIELDS.indexOf(field);
  const after = [...PICKUP_FIELDS.slice(at + 1), ...PICKUP_FIELDS.slice(0, at)];
  // The paperwork is optional as a whole: Enter skips it unless it was begun.
  const open = new Set<PickupField>([...REQUIRED_FIELDS, ...papersMissing(fields)]);
  const next = after.find((k) => open.has(k) && !fields[k].trim());
  return next ? { ...s, fields, focus: next } : toScan({ ...s, fields });
}

function scanned(s: PickupState, entry: PickupEntry): PickupState {
  const have = new Set(pickupCardNos(s));
  const fresh = entry.cards.filter((c) => !have.has(c));
  if (fresh.length === 0) return flag(s, { level: 'warn', text: P.already(entry.label) });
  return flag({ ...s, entries: [...s.entries, { ...entry, cards: fresh }] }, { level: 'ok', text: P.added(P.kinds[entry.kind], entry.label, fresh.length) });
}

function undo(s: PickupState): PickupState {
  const last = s.entries.at(-1);
  if (!last) return flag(s, { level: 'warn', text: P.nothingToUndo });
  return flag({ ...s, entries: s.entries.slice(0, -1) }, { level: 'warn', text: P.removed(last.label, last.cards.length) });
}

function back(s: PickupState): PickupState {
  switch (s.step) {
    case 'confirm':
      return { ...s, step: 'scan' };
    case 'leave':
    case 'scan':
      return { ...s, step: 'details' };
    case 'details':
      // Typed or scanned but not recorded: ask before dropping it.
      return pickupLeavesOnBack(s) ? s : { ...s, step: 'leave' };
    case 'done':
      return s;
  }
}

export function pickupReducer(s: PickupState, a: PickupAction): PickupState {
  switch (a.type) {
    case 'set-field':
      return { ...s, fields: { ...s.fields, [a.field]: a.value }, error: null };
    case 'field-done':
      return fieldDone(s, a.field, a.value);
    case 'move-focus':
      return { ...s, focus: PICKUP_FIELDS[(PICKUP_FIELDS.indexOf(s.focus) + a.delta + PICKUP_FIELDS.length) % PICKUP_FIELDS.length]! };
    case 'input':
      return { ...s, input: a.value };
    case 'scan-empty':
      return pickupCardNos(s).length === 0 ? flag(s, { level: 'error', text: P.empty }) : { ...s, step: 'confirm' };
    case 'scanned':
      return scanned(s, a.entry);
    case 'flag':
      return flag(s, a.flag);
    case 'undo':
      return undo(s);
    case 'recorded':
      return { ...s, done: a.done, step: 'done' };
    case 'record-failed':
      return flag({ ...s, step: 'scan' }, { level: 'error', text: a.error });
    case 'sheet':
      return { ...s, sheet: a.result };
    case 'cancel-confirm':
      return { ...s, step: 'scan' };
    case 'back':
      return back(s);
  }
}
