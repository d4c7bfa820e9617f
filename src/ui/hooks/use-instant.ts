import { useEffect } from 'react';
import { randomUUID } from 'node:crypto';
import type { Ledger } from '../../../db/open-ledger.ts';
import { checkApplicant, INSTANT_PHASE_LABELS, makeInstantCard, trainingCardNo, type Applicant, type InstantPhase } from '../../workflows/instant-issuance.ts';
import { interruptedJobs, resolveInstantJob, type Decision } from '../../workflows/instant-recovery.ts';
import { instantStations, stationForBank, type StationChoice } from '../../workflows/instant-stations.ts';
import { saveIssueReceipt } from '../../workflows/shipment-export.ts';
import { readPhoto } from '../../workflows/read-photo.ts';
import type { SiteDevices } from '../../workflows/site-devices.ts';
import { isSbkError } from '../../domain/errors.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { projectFile } from '../../project-files.ts';
import { canOpenLoad, currentJob, initialInstantState, instantReducer, noBlanks, receiptToSave, type FreshForm, type InstantAction, type InstantState, type RunInfo } from '../state/instant.ts';
import { bankChoices } from '../state/instant-devices.ts';
import { applicantOf, attemptFor, fieldOf, missingField, resolvedView, type InstantTextField } from '../state/instant-form.ts';
import { useLatestReducer } from './use-latest-reducer.ts';

export type { InstantStep, RunInfo, ReceiptState } from '../state/instant.ts';
export type { BankChoice } from '../state/instant-devices.ts';
export { FIELD_ORDER, fieldsFor, type InstantField, type InstantTextField, type ResolvedView } from '../state/instant-form.ts';

type Ctx = {
  ledger: Ledger;
  actor: Actor;
  now: () => Date;
  isDemo: boolean;
  devicesFor: ((site: { id: number; code: string }) => Promise<SiteDevices>) | undefined;
  dispatch: (a: InstantAction) => void;
  latest: () => InstantState;
};

const T = zh.instant;
export const PHASES = Object.keys(INSTANT_PHASE_LABELS) as InstantPhase[];
/** The demo applicant's photo, shipped with the program (fixtures/photos). */
const SAMPLE_PHOTO = projectFile('fixtures/photos/applicant-sample.jpg');

const errorText = (e: unknown): string => (isSbkError(e) ? e.message : T.internal(e instanceof Error ? e.message : String(e)));
const codeOf = (e: unknown): string => (isSbkError(e) ? e.code : '');

/** A new applicant's form: the next training card number on a demo ledger, the demo's photo. */
function freshForm(c: Ctx): FreshForm {
  const training = trainingCardNo(c.ledger);
  return { fields: { name: '', printedName: '', idNumber: '', ssn: '', birthDate: '', cardNo: training ?? '', photo: c.isDemo ? SAMPLE_PHOTO : '' }, training: training !== null };
}

/** To the form (or why it cannot be used) with the banks that have blanks now; `fresh`: a new applicant. */
function toForm(c: Ctx, fresh: boolean): InstantAction {
  const d = c.latest().devices;
  return { type: 'to-form', banks: d ? bankChoices(instantStations(c.ledger, c.actor, d)) : [], fresh: fresh ? freshForm(c) : null };
}

/** Interrupted jobs first; then the form. */
function toJobsOrForm(c: Ctx, fresh: boolean): void {
  const list = c.latest().devices ? interruptedJobs(c.ledger, c.actor) : [];
  c.dispatch({ type: 'jobs', jobs: list });
  if (list.length === 0) c.dispatch(toForm(c, fresh));
}

async function load(c: Ctx): Promise<void> {
  // Not `busy`: opening a USB device can take a while, and Esc must still leave the page.
  const s = c.latest();
  if (s.busy || s.loading) return;
  c.dispatch({ type: 'loading' });
  if (!c.devicesFor) return c.dispatch({ type: 'off', reason: T.noService });
  try {
    c.dispatch({ type: 'opened', devices: await c.devicesFor({ id: c.actor.siteId, code: c.actor.siteCode }) });
  } catch (e) {
    return c.dispatch({ type: 'off', reason: errorText(e) });
  }
  toJobsOrForm(c, false);
}

/** The operator's decision on the first interrupted job, carried out at its printer. */
async function resolveJob(c: Ctx, decision: Decision): Promise<void> {
  const s = c.latest();
  const job = currentJob(s);
  if (!job || !s.devices || s.busy) return;
  const p = s.devices.printers.find((x) => x.id === job.printerId);
  if (!p) return c.dispatch({ type: 'message', message: { level: 'error', text: T.jobPrinterMissing(job.printerId) } });
  c.dispatch({ type: 'resolving' });
  try {
    c.dispatch({ type: 'resolved', view: resolvedView(await resolveInstantJob(c.ledger, c.actor, p.printer, job.jobNo, decision)) });
  } catch (e) {
    c.dispatch({ type: 'resolve-failed', text: errorText(e) });
  }
}

const runInfo = (a: Applicant, st: StationChoice, attempt: number, warnings: readonly string[]): RunInfo => ({
  name: a.name.trim(),
  idMasked: maskIdNumber(a.idNumber),
  bank: a.bank,
  printerId: st.printerId,
  hopperName: st.hopperName,
  attempt,
  ...(warnings.length > 0 ? { warnings } : {}),
});

/** Makes the card at the hopper holding the applicant's bank's blanks, the phases shown as they pass. */
async function makeCard(c: Ctx, applicant: Applicant, attempt: number, warnings: readonly string[] = []): Promise<void> {
  const s = c.latest();
  const d = s.devices;
  if (!d || !d.ca || s.busy) return;
  const station = stationForBank(instantStations(c.ledger, c.actor, d), applicant.bank);
  if (!station) {
    c.dispatch(toForm(c, false));
    return c.dispatch({ type: 'message', message: { level: 'error', text: T.noStation(applicant.bank) } });
  }
  c.dispatch({ type: 'run-started', applicant, run: runInfo(applicant, station, attempt, warnings) });
  let started = false;
  const onPhase = (phase: InstantPhase) => {
    started = true;
    c.dispatch({ type: 'phase', phase });
  };
  try {
    const result = await makeInstantCard(c.ledger, c.actor, { ...station, ca: d.ca }, { operationId: randomUUID(), applicant, attempt }, { onPhase }, c.now());
    c.dispatch({ type: 'run-finished', result });
  } catch (e) {
    if (started) return c.dispatch({ type: 'run-stopped', failure: errorText(e) });
    // Refused before a job was written (an unresolved job at this printer, an empty hopper in
    // the ledger…): nothing happened; back to the form with the reason.
    c.dispatch({ type: 'idle' });
    c.dispatch(toForm(c, false));
    c.dispatch({ type: 'refused', focus: fieldOf(codeOf(e)), text: errorText(e) });
  }
}

/** Ctrl+S: the form checked (required rows, the photo, the checks that need no printer), then the card made. */
function start(c: Ctx): void {
  const s = c.latest();
  if (s.busy) return;
  const missing = missingField(s.fields);
  if (missing) return c.dispatch({ type: 'refused', focus: missing, text: T.required(T.fields[missing]) });
  const choice = s.banks[s.bankIndex];
  if (!choice) return;
  const path = s.fields.photo.trim();
  // No photo: allowed for a child under 7 (GD Art. 5 (五)); checkApplicant decides.
  const photo = path ? readPhoto(path) : ({ ok: true, base64: '' } as const);
  if (!photo.ok) return c.dispatch({ type: 'refused', focus: 'photo', text: T.photoUnreadable(path, T.photoErrors[photo.code] ?? photo.code) });
  const applicant = applicantOf(s.fields, choice.bank, photo.base64, s.idType);
  try {
    // The checks that need no printer, before a blank is touched: nothing is written.
    const checked = checkApplicant(c.ledger, applicant);
    const warnings = checked.warnings.map((w) => w.message);
    void makeCard(c, { ...applicant, idNumber: checked.idNumber, cardNo: checked.cardNo }, attemptFor(s.lastFailed, checked), warnings);
  } catch (e) {
    c.dispatch({ type: 'refused', focus: fieldOf(codeOf(e)), text: errorText(e) });
  }
}

function saveReceipt(c: Ctx): void {
  const r = receiptToSave(c.latest());
  if (!r) return;
  try {
    c.dispatch({ type: 'receipt', receipt: { path: saveIssueReceipt(c.ledger, r), error: null } });
  } catch (e) {
    c.dispatch({ type: 'receipt', receipt: { path: null, error: T.receiptFailed(e instanceof Error ? e.message : String(e)) } });
  }
}

/** Enter after a failed card: the same applicant on the next blank, as a new operation. */
function retry(c: Ctx): void {
  const s = c.latest();
  if (s.applicant && s.lastFailed && !s.busy) void makeCard(c, s.applicant, s.lastFailed.attempt + 1);
}

/**
 * 即时制卡 at the counter (GD Annex 9 二): jobs an interruption left unfinished are resolved
 * first, then the applicant's details are taken, the hopper holding the chosen bank's blanks is
 * found, and `makeInstantCard` makes the card while the page shows its phases. A failed card's
 * blank is spoiled by the workflow; the operator confirms before the next blank is tried.
 * The ledger is written only by the workflows; this hook holds the form and the step.
 */
export function useInstant(actor: Actor) {
  const { ledger, now, isDemo, devicesFor } = useServices();
  const { state, dispatch, latest } = useLatestReducer(instantReducer, () => initialInstantState(devicesFor !== undefined, isDemo ? SAMPLE_PHOTO : ''));
  const c: Ctx = { ledger, actor, now, isDemo, devicesFor, dispatch, latest };
  useEffect(() => {
    dispatch({ type: 'seed', form: freshForm(c) });
    void load(c);
  }, []);
  return {
    ...state,
    job: currentJob(state),
    noBlanks: noBlanks(state),
    canOpenLoad: (): boolean => canOpenLoad(latest()),
    /** Whether the load key would be pressed on the form (Shift+L only there), not where the hoppers are empty. */
    loadFromForm: (): boolean => latest().step === 'form',
    /** G where the form is off: open the devices again and recount the blanks. */
    reload: () => void load(c),
    /** Enter on a job that needs no decision; Enter/S once the card is good; B for a bad face. */
    resolve: (decision: Decision) => void resolveJob(c, decision),
    markFaceGood: () => dispatch({ type: 'face-good' }),
    /** Esc after 卡面完好: back to the question about the face. False when there is nothing to undo. */
    unmarkFace: (): boolean => (latest().faceGood ? (dispatch({ type: 'face-unmark' }), true) : false),
    /** After a resolution: the next interrupted job, or the form. */
    afterResolved: () => toJobsOrForm(c, false),
    setField: (field: InstantTextField, value: string) => dispatch({ type: 'set-field', field, value }),
    /** Enter in a row: on to the next row (Ctrl+S starts). */
    fieldDone: (field: InstantTextField, value: string) => dispatch({ type: 'field-done', field, value }),
    moveFocus: (delta: number) => dispatch({ type: 'move-focus', delta }),
    moveBank: (delta: number) => dispatch({ type: 'move-bank', delta }),
    moveIdType: (delta: number) => dispatch({ type: 'move-id-type', delta }),
    start: () => start(c),
    saveReceipt: () => saveReceipt(c),
    retry: () => retry(c),
    /** Issued: a new, empty form. */
    next: () => dispatch(toForm(c, true)),
    /** Failed or void: back to the form as filled in. */
    backToForm: () => dispatch(toForm(c, false)),
    /** After a run stopped without a result: the job is listed with the interrupted ones. */
    afterError: () => toJobsOrForm(c, false),
  };
}
