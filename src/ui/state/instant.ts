import type { Applicant, InstantPhase, InstantResult } from '../../workflows/instant-issuance.ts';
import type { InterruptedJob } from '../../workflows/instant-recovery.ts';
import type { SiteDevices } from '../../workflows/site-devices.ts';
import type { IssueReceipt } from '../../domain/issue-receipt-format.ts';
import type { Message } from '../screens/shared/message.ts';
import { whyOff, type BankChoice } from './instant-devices.ts';
import { lastFailedAfter, nextField, nextIdType, type InstantField, type InstantFields, type InstantTextField, type LastFailed, type ResolvedView } from './instant-form.ts';
import { zh } from '../../i18n/zh-CN.ts';
import type { IdDocType } from '../../domain/id-documents.ts';

/**
 * The steps of the 即时制卡 page:
 *   loading  – the counter's devices are being opened;
 *   off      – no printer, no CA or no blanks: the form cannot be used, and the page says why;
 *   job      – an interrupted job is shown and the operator decides (one job at a time);
 *   resolved – what the decision did;
 *   form     – the applicant's details;
 *   running  – the card is being made (the phases tick by);
 *   result   – issued, failed (blank spoiled) or void (nothing consumed);
 *   error    – the run stopped without a result: the job is left for `job`.
 */
export type InstantStep = 'loading' | 'off' | 'job' | 'resolved' | 'form' | 'running' | 'result' | 'error';
/** `warnings`: the photo's departures from the standard (HB Art. 12), shown while the card is made. */
export type RunInfo = { name: string; idMasked: string; bank: string; printerId: string; hopperName: string; attempt: number; warnings?: readonly string[] };
export type ReceiptState = { readonly path: string | null; readonly error: string | null };
/** A new applicant's form: empty but for the training card number and the demo's sample photo. */
export type FreshForm = { readonly fields: InstantFields; readonly training: boolean };

export type InstantState = {
  readonly hasService: boolean;
  readonly step: InstantStep;
  readonly offReason: string | null;
  readonly devices: SiteDevices | null;
  /** The devices are being opened (Esc still leaves: not `busy`). */
  readonly loading: boolean;
  readonly banks: readonly BankChoice[];
  readonly bankIndex: number;
  /** The applicant's document (HB Art. 5), cycled with Ctrl+T on the ID row. */
  readonly idType: IdDocType;
  readonly fields: InstantFields;
  readonly training: boolean;
  readonly focus: InstantField;
  readonly message: Message | null;
  readonly jobs: readonly InterruptedJob[];
  readonly faceGood: boolean;
  /** A card is being made or a job resolved: keys wait. */
  readonly busy: boolean;
  readonly resolved: ResolvedView | null;
  readonly run: RunInfo | null;
  readonly applicant: Applicant | null;
  readonly lastFailed: LastFailed | null;
  readonly phase: InstantPhase | null;
  readonly result: InstantResult | null;
  readonly failure: string | null;
  readonly receipt: ReceiptState;
};

export type InstantAction =
  | { readonly type: 'seed'; readonly form: FreshForm }
  | { readonly type: 'loading' }
  | { readonly type: 'off'; readonly reason: string }
  | { readonly type: 'opened'; readonly devices: SiteDevices }
  /** The interrupted jobs at this counter: the first is shown, or (none) the form follows. */
  | { readonly type: 'jobs'; readonly jobs: readonly InterruptedJob[] }
  /** To the form, or to why it cannot be used; `fresh` starts a new applicant. */
  | { readonly type: 'to-form'; readonly banks: readonly BankChoice[]; readonly fresh: FreshForm | null }
  | { readonly type: 'set-field'; readonly field: InstantTextField; readonly value: string }
  | { readonly type: 'field-done'; readonly field: InstantTextField; readonly value: string }
  | { readonly type: 'move-focus'; readonly delta: number }
  | { readonly type: 'move-bank'; readonly delta: number }
  | { readonly type: 'move-id-type'; readonly delta: number }
  /** The applicant was refused: the row to correct (if one is to blame) and why. */
  | { readonly type: 'refused'; readonly focus: InstantField | null; readonly text: string }
  | { readonly type: 'message'; readonly message: Message | null }
  | { readonly type: 'face-good' }
  | { readonly type: 'face-unmark' }
  | { readonly type: 'resolving' }
  | { readonly type: 'resolved'; readonly view: ResolvedView }
  | { readonly type: 'resolve-failed'; readonly text: string }
  | { readonly type: 'run-started'; readonly run: RunInfo; readonly applicant: Applicant }
  | { readonly type: 'phase'; readonly phase: InstantPhase }
  | { readonly type: 'run-finished'; readonly result: InstantResult }
  | { readonly type: 'run-stopped'; readonly failure: string }
  | { readonly type: 'idle' }
  | { readonly type: 'receipt'; readonly receipt: ReceiptState };

const NO_RECEIPT: ReceiptState = { path: null, error: null };

export function initialInstantState(hasService: boolean, photo: string): InstantState {
  return {
    hasService,
    step: 'loading',
    offReason: null,
    devices: null,
    loading: false,
    banks: [],
    bankIndex: 0,
    idType: 'resident_id',
    fields: { name: '', printedName: '', idNumber: '', ssn: '', birthDate: '', cardNo: '', photo },
    training: false,
    focus: 'name',
    message: null,
    jobs: [],
    faceGood: false,
    busy: false,
    resolved: null,
    run: null,
    applicant: null,
    lastFailed: null,
    phase: null,
    result: null,
    failure: null,
    receipt: NO_RECEIPT,
  };
}

/** The banks again, the chosen one kept where it still has blanks. */
function withBanks(s: InstantState, banks: readonly BankChoice[]): InstantState {
  const keep = s.banks[s.bankIndex]?.bank;
  return { ...s, banks, bankIndex: Math.max(0, banks.findIndex((b) => b.bank === keep)) };
}

function toForm(s: InstantState, banks: readonly BankChoice[], fresh: FreshForm | null): InstantState {
  const next = withBanks(s, banks);
  const why = whyOff(s.hasService, s.devices, banks);
  const applicant = fresh ? { fields: fresh.fields, training: fresh.training, focus: 'name' as const, idType: 'resident_id' as const, applicant: null, lastFailed: null } : {};
  return { ...next, ...applicant, result: null, failure: null, receipt: NO_RECEIPT, offReason: why, step: why ? 'off' : 'form' };
}

function jobs(s: InstantState, list: readonly InterruptedJob[]): InstantState {
  return { ...s, jobs: list, faceGood: false, resolved: null, message: null, step: list.length > 0 ? 'job' : s.step };
}

function moveBank(s: InstantState, delta: number): InstantState {
  const n = s.banks.length;
  return n === 0 ? s : { ...s, bankIndex: (s.bankIndex + delta + n) % n, message: null };
}

/** The loading, job and form actions. */
function setUp(s: InstantState, a: InstantAction): InstantState {
  switch (a.type) {
    case 'seed':
      return { ...s, fields: a.form.fields, training: a.form.training };
    case 'loading':
      return { ...s, step: 'loading', message: null, loading: true };
    case 'off':
      return { ...s, offReason: a.reason, step: 'off', loading: false };
    case 'opened':
      return { ...s, devices: a.devices, loading: false };
    case 'jobs':
      return jobs(s, a.jobs);
    case 'to-form':
      return toForm(s, a.banks, a.fresh);
    case 'set-field':
      return { ...s, fields: { ...s.fields, [a.field]: a.value }, message: null };
    case 'field-done':
      return { ...s, fields: { ...s.fields, [a.field]: a.value }, focus: nextField(s.focus, 1, s.idType) };
    case 'move-focus':
      return { ...s, focus: nextField(s.focus, a.delta, s.idType) };
    case 'move-bank':
      return moveBank(s, a.delta);
    case 'move-id-type':
      return { ...s, idType: nextIdType(s.idType, a.delta), message: null };
    case 'refused':
      return { ...s, focus: a.focus ?? s.focus, message: { level: 'error', text: a.text } };
    case 'message':
      return { ...s, message: a.message };
    case 'face-good':
      return { ...s, faceGood: true, message: null };
    case 'face-unmark':
      return { ...s, faceGood: false };
    default:
      return s;
  }
}

export function instantReducer(s: InstantState, a: InstantAction): InstantState {
  switch (a.type) {
    case 'resolving':
      return { ...s, busy: true, message: null };
    case 'resolved':
      return { ...s, busy: false, resolved: a.view, receipt: NO_RECEIPT, step: 'resolved' };
    case 'resolve-failed':
      return { ...s, busy: false, message: { level: 'error', text: a.text } };
    case 'run-started':
      return { ...s, applicant: a.applicant, run: a.run, phase: null, result: null, message: null, busy: true, step: 'running' };
    case 'phase':
      return { ...s, phase: a.phase };
    case 'run-finished':
      return { ...s, busy: false, lastFailed: lastFailedAfter(a.result, s.applicant, s.run?.attempt ?? 1), receipt: NO_RECEIPT, result: a.result, step: 'result' };
    case 'run-stopped':
      return { ...s, busy: false, failure: a.failure, step: 'error' };
    case 'idle':
      return { ...s, busy: false };
    case 'receipt':
      return { ...s, receipt: a.receipt };
    default:
      return setUp(s, a);
  }
}

// ---- What the state says (for the hook's guards and the screen).

export function currentJob(s: InstantState): InterruptedJob | null {
  return s.jobs[0] ?? null;
}

/** Off only because the hoppers are empty in the ledger: L loads one. */
export function noBlanks(s: InstantState): boolean {
  return s.step === 'off' && s.offReason === zh.instant.noBlanks;
}

/**
 * Whether L opens 装入卡盒 now: where the hoppers are empty, or on the form before any of the
 * applicant's details are typed (on the bank row, or in an empty field: a field with text takes
 * L as text).
 */
export function canOpenLoad(s: InstantState): boolean {
  if (s.step === 'off') return noBlanks(s);
  if (s.step !== 'form' || s.busy) return false;
  const f = s.fields;
  if (f.name.trim() || f.printedName.trim() || f.idNumber.trim()) return false;
  return s.focus === 'bank' || f[s.focus] === '';
}

/** The receipt P saves: the card just issued, or the one a resolved job issued. */
export function receiptToSave(s: InstantState): IssueReceipt | null {
  if (s.result?.status === 'issued') return s.result.receipt;
  return s.step === 'resolved' ? (s.resolved?.receipt ?? null) : null;
}
