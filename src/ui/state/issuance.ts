import type { IdDocType } from '../../domain/id-documents.ts';
import { nextIdType } from './instant-form.ts';
import type { IssueCandidate } from '../../workflows/issue-card.ts';
import type { ChipCheck } from '../../workflows/read-check.ts';
import type { Message } from '../screens/shared/message.ts';
import { zh } from '../../i18n/zh-CN.ts';

/** query → pick → form (→ leave) → done, or condemned: the chip showed the card cannot be issued. */
export type IssueStep = 'query' | 'pick' | 'form' | 'leave' | 'done' | 'condemned';
/** 本人, 代领, or 邮寄 (邮递上门, GD Art. 14 一(一)). */
export type Receiver = 'self' | 'agent' | 'mail';
export type IssueField = 'receiver' | 'holderId' | 'agentName' | 'agentId' | 'relation' | 'address' | 'carrier' | 'tracking';
export type IssueTextField = Exclude<IssueField, 'receiver'>;

/** What the last read of the card in the slot found (R, or the read before issuing). */
export type ReadState =
  | { readonly kind: 'none' }
  | { readonly kind: 'reading' }
  | ChipCheck
  /** The reader, not the card: no card in the slot, a device fault. Nothing is concluded. */
  | { readonly kind: 'fault'; readonly message: string };

export type IssueDone = {
  readonly cardNo: string;
  readonly holderName: string;
  readonly how: string;
  readonly readCheck: 'passed' | 'not_done';
  readonly secondIssue: boolean;
  readonly replayed: boolean;
  readonly stateLabel: string;
  readonly receiptPath: string | null;
  readonly receiptError: string | null;
  /** Handed to the carrier (邮寄途中), not yet to the holder: no receipt to sign at the counter. */
  readonly mailed?: boolean;
};

export type IssuanceState = {
  readonly step: IssueStep;
  readonly query: string;
  readonly candidates: readonly IssueCandidate[];
  readonly pickIndex: number;
  readonly card: IssueCandidate | null;
  /** Chosen when the card is opened, so a repeated Enter issues once. */
  readonly operationId: string;
  readonly receiver: Receiver;
  readonly fields: Readonly<Record<IssueTextField, string>>;
  /** The agent's document (HB Art. 5), cycled with Ctrl+T on the agent's ID row. */
  readonly agentIdType: IdDocType;
  readonly focus: IssueField;
  readonly read: ReadState;
  readonly message: Message | null;
  readonly busy: boolean;
  readonly done: IssueDone | null;
  readonly defect: string | null;
};

export type IssuanceAction =
  | { readonly type: 'query'; readonly value: string }
  /** The cards a search found (`shown`: the query as it may be echoed). */
  | { readonly type: 'found'; readonly candidates: readonly IssueCandidate[]; readonly shown: string }
  | { readonly type: 'search-failed'; readonly text: string }
  | { readonly type: 'message'; readonly message: Message | null }
  | { readonly type: 'move-pick'; readonly delta: number }
  | { readonly type: 'cycle-agent-id-type' }
  | { readonly type: 'open'; readonly card: IssueCandidate; readonly operationId: string }
  | { readonly type: 'set-field'; readonly field: IssueTextField; readonly value: string }
  | { readonly type: 'set-receiver'; readonly receiver: Receiver }
  | { readonly type: 'focus'; readonly field: IssueField }
  | { readonly type: 'move-focus'; readonly delta: number }
  | { readonly type: 'refused'; readonly focus: IssueField | null; readonly text: string }
  | { readonly type: 'read'; readonly read: ReadState }
  | { readonly type: 'busy'; readonly busy: boolean }
  | { readonly type: 'condemned'; readonly text: string }
  | { readonly type: 'issued'; readonly done: IssueDone }
  | { readonly type: 'drop-form' }
  | { readonly type: 'cancel-leave' }
  | { readonly type: 'back' };

const I = zh.issuance;
export const TEXT_FIELDS: Readonly<Record<Receiver, readonly IssueTextField[]>> = {
  self: ['holderId'],
  agent: ['holderId', 'agentName', 'agentId', 'relation'],
  // The holder is not at the counter: where it goes and how it is traced.
  mail: ['address', 'carrier', 'tracking'],
};
const EMPTY_FIELDS: Record<IssueTextField, string> = { holderId: '', agentName: '', agentId: '', relation: '', address: '', carrier: '', tracking: '' };

export function initialIssuanceState(): IssuanceState {
  return { step: 'query', query: '', candidates: [], pickIndex: 0, card: null, operationId: '', receiver: 'self', fields: EMPTY_FIELDS, agentIdType: 'resident_id', focus: 'holderId', read: { kind: 'none' }, message: null, busy: false, done: null, defect: null };
}

/** Esc leaves the screen (nothing to step back from, nothing running). */
export function issuanceLeavesOnBack(s: IssuanceState): boolean {
  return !s.busy && s.step === 'query';
}

/** The next row still empty after `field`, in the receiver's order; none: the form is complete. */
export function nextEmptyField(s: IssuanceState, field: IssueTextField): IssueTextField | undefined {
  const order = TEXT_FIELDS[s.receiver];
  const at = order.indexOf(field);
  return [...order.slice(at + 1), ...order.slice(0, at)].find((k) => !s.fields[k].trim());
}

/** The first required row left empty (none is needed once the chip is known to be unreadable). */
export function missingIssueField(s: IssuanceState): IssueTextField | undefined {
  if (s.read.kind === 'chip-fault') return undefined;
  return TEXT_FIELDS[s.receiver].find((k) => !s.fields[k].trim());
}

/** A read made with R that the issue can use as it is. */
export function settledRead(r: ReadState): ChipCheck | null {
  return r.kind === 'passed' || r.kind === 'mismatch' || r.kind === 'chip-fault' ? r : null;
}

/** The row to correct for a refused issue: the holder's ID, or the agent's. */
export function issueFieldOf(code: string): IssueField | null {
  if (code === 'MAIL_FIELDS' || code === 'MAIL_FIELD_TOO_LONG') return 'address';
  if (code === 'HOLDER_ID_MISMATCH') return 'holderId';
  if (code === 'AGENT_IS_HOLDER' || code.startsWith('ID_')) return 'agentId';
  if (code === 'AGENT_REQUIRED') return 'agentName';
  return null;
}

function found(s: IssuanceState, candidates: readonly IssueCandidate[], shown: string): IssuanceState {
  const message: Message = candidates.every((c) => c.blocked) ? { level: 'error', text: I.noneIssuable(shown, candidates.length) } : { level: 'ok', text: I.found(shown, candidates.length) };
  return { ...s, candidates, pickIndex: Math.max(0, candidates.findIndex((c) => !c.blocked)), message, step: 'pick' };
}

function open(s: IssuanceState, card: IssueCandidate, operationId: string): IssuanceState {
  if (card.blocked) return { ...s, message: { level: 'error', text: I.blocked(card.cardNo, card.blocked) } };
  return { ...s, card, operationId, fields: EMPTY_FIELDS, agentIdType: 'resident_id', receiver: 'self', read: { kind: 'none' }, focus: 'holderId', message: null, step: 'form' };
}

function moveFocus(s: IssuanceState, delta: number): IssuanceState {
  const order: IssueField[] = ['receiver', ...TEXT_FIELDS[s.receiver]];
  return { ...s, focus: order[(Math.max(0, order.indexOf(s.focus)) + delta + order.length) % order.length]! };
}

/** Back from the form: to the list when the search found several cards, else to the query. */
const listOrQuery = (s: IssuanceState): IssueStep => (s.candidates.length > 1 ? 'pick' : 'query');
const touched = (s: IssuanceState): boolean => Object.values(s.fields).some((v) => v.trim() !== '') || s.receiver !== 'self';

function back(s: IssuanceState): IssuanceState {
  if (s.busy) return s;
  switch (s.step) {
    case 'query':
      return s;
    case 'pick':
      return { ...s, step: 'query', message: null };
    case 'form':
      return { ...s, step: touched(s) ? 'leave' : listOrQuery(s) };
    case 'leave':
      return { ...s, step: 'form' };
    case 'done':
    case 'condemned':
      // On to the next person at the counter.
      return { ...s, query: '', candidates: [], done: null, defect: null, step: 'query', message: null };
  }
}

/** Finding and choosing the card. */
function finding(s: IssuanceState, a: IssuanceAction): IssuanceState {
  switch (a.type) {
    case 'query':
      return { ...s, query: a.value, message: null };
    case 'found':
      return found(s, a.candidates, a.shown);
    case 'search-failed':
      return { ...s, candidates: [], message: { level: 'error', text: a.text } };
    case 'move-pick':
      return { ...s, pickIndex: Math.max(0, Math.min(s.candidates.length - 1, s.pickIndex + a.delta)) };
    case 'open':
      return open(s, a.card, a.operationId);
    default:
      return s;
  }
}

export function issuanceReducer(s: IssuanceState, a: IssuanceAction): IssuanceState {
  switch (a.type) {
    case 'message':
      return { ...s, message: a.message };
    case 'set-field':
      return { ...s, fields: { ...s.fields, [a.field]: a.value }, message: null };
    case 'set-receiver':
      return { ...s, receiver: a.receiver, message: null, read: a.receiver === 'mail' ? { kind: 'none' } : s.read };
    case 'focus':
      return { ...s, focus: a.field };
    case 'cycle-agent-id-type':
      return { ...s, agentIdType: nextIdType(s.agentIdType, 1), message: null };
    case 'move-focus':
      return moveFocus(s, a.delta);
    case 'refused':
      return { ...s, focus: a.focus ?? s.focus, message: { level: 'error', text: a.text } };
    case 'read':
      return { ...s, read: a.read };
    case 'busy':
      return { ...s, busy: a.busy };
    case 'condemned':
      return { ...s, defect: a.text, step: 'condemned' };
    case 'issued':
      return { ...s, done: a.done, step: 'done' };
    case 'drop-form':
      return { ...s, step: listOrQuery(s), message: null };
    case 'cancel-leave':
      return { ...s, step: 'form' };
    case 'back':
      return back(s);
    default:
      return finding(s, a);
  }
}
