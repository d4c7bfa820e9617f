import { useEffect, useRef, useState } from 'react';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  checkApplicant,
  INSTANT_PHASE_LABELS,
  makeInstantCard,
  trainingCardNo,
  type Applicant,
  type InstantPhase,
  type InstantResult,
} from '../../workflows/instant-issuance.ts';
import { interruptedJobs, resolveInstantJob, type Decision, type InterruptedJob, type Resolution } from '../../workflows/instant-recovery.ts';
import { instantStations, stationForBank, type StationChoice } from '../../workflows/instant-stations.ts';
import { saveIssueReceipt } from '../../workflows/shipment-export.ts';
import type { SiteDevices } from '../../workflows/site-devices.ts';
import type { IssueReceipt } from '../../domain/issue-receipt-format.ts';
import { isSbkError } from '../../domain/errors.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { projectFile } from '../../project-files.ts';

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
export type InstantField = 'name' | 'printedName' | 'idNumber' | 'bank' | 'cardNo' | 'photo';
export type InstantTextField = Exclude<InstantField, 'bank'>;
export type InstantMessage = { level: 'ok' | 'warn' | 'error'; text: string };
/** A service bank the counter can make cards for now, and the hopper its next blank is in. */
export type BankChoice = { bank: string; station: StationChoice };
export type RunInfo = { name: string; idMasked: string; bank: string; printerId: string; hopperName: string; attempt: number };
export type ResolvedView = { message: InstantMessage; receipt: IssueReceipt | null };
export type ReceiptState = { path: string | null; error: string | null };

const T = zh.instant;
export const PHASES = Object.keys(INSTANT_PHASE_LABELS) as InstantPhase[];
export const FIELD_ORDER: readonly InstantField[] = ['name', 'printedName', 'idNumber', 'bank', 'cardNo', 'photo'];
const REQUIRED: readonly InstantTextField[] = ['name', 'idNumber', 'cardNo', 'photo'];
/** The demo applicant's photo, shipped with the program (fixtures/photos). */
const SAMPLE_PHOTO = projectFile('fixtures/photos/applicant-sample.png');

const errorText = (e: unknown): string => (isSbkError(e) ? e.message : T.internal(e instanceof Error ? e.message : String(e)));

/** The row to correct for a refused applicant. */
function fieldOf(code: string): InstantField | null {
  if (code === 'HOLDER_NAME_MISMATCH' || code.startsWith('NAME_')) return 'name';
  if (code.startsWith('ID_') || code.startsWith('HOLDER_')) return 'idNumber';
  if (code.startsWith('FACE_PHOTO')) return 'photo';
  if (code.startsWith('FACE_')) return 'printedName';
  if (code.startsWith('CARD_')) return 'cardNo';
  if (code.startsWith('BANK_') || code.startsWith('HOPPER_')) return 'bank';
  return null;
}

function resolvedView(r: Resolution): ResolvedView {
  switch (r.outcome) {
    case 'issued':
      return { message: { level: 'ok', text: T.resolvedIssued(r.jobNo, r.cardNo) }, receipt: r.receipt };
    case 'stocked':
      return { message: { level: 'ok', text: T.resolvedStocked(r.jobNo, r.cardNo, r.placeName) }, receipt: null };
    case 'failed':
      return { message: { level: 'warn', text: T.resolvedFailed(r.jobNo, r.blankNo, r.message) }, receipt: null };
    case 'void':
      return { message: { level: 'warn', text: T.resolvedVoid(r.jobNo, r.message) }, receipt: null };
  }
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
  const blankFields = (): Record<InstantTextField, string> => ({
    name: '',
    printedName: '',
    idNumber: '',
    cardNo: trainingCardNo(ledger) ?? '',
    photo: isDemo ? SAMPLE_PHOTO : '',
  });

  const [step, setStep] = useState<InstantStep>('loading');
  const [offReason, setOffReason] = useState<string | null>(null);
  const [banks, setBanks] = useState<BankChoice[]>([]);
  const [bankIndex, setBankIndex] = useState(0);
  const [fields, setFieldsState] = useState<Record<InstantTextField, string>>(blankFields);
  const [training, setTraining] = useState(() => trainingCardNo(ledger) !== null);
  const [focus, setFocus] = useState<InstantField>('name');
  const [message, setMessage] = useState<InstantMessage | null>(null);
  const [jobs, setJobs] = useState<InterruptedJob[]>([]);
  const [faceGood, setFaceGood] = useState(false);
  const [busy, setBusyState] = useState(false);
  const [resolved, setResolved] = useState<ResolvedView | null>(null);
  const [run, setRun] = useState<RunInfo | null>(null);
  const [phase, setPhase] = useState<InstantPhase | null>(null);
  const [result, setResult] = useState<InstantResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ReceiptState>({ path: null, error: null });

  // Ahead of React's re-render: a key arriving right after an edit or a step change sees it.
  const fieldsRef = useRef(fields);
  const banksRef = useRef<BankChoice[]>([]);
  const bankIndexRef = useRef(0);
  const devicesRef = useRef<SiteDevices | null>(null);
  const busyRef = useRef(false);
  const applicantRef = useRef<Applicant | null>(null);
  /** The applicant of the last failed card and its attempt number: a retry counts on from it. */
  const lastFailed = useRef<{ key: string; attempt: number } | null>(null);

  const setBusy = (b: boolean) => {
    busyRef.current = b;
    setBusyState(b);
  };
  const setFields = (f: Record<InstantTextField, string>) => {
    fieldsRef.current = f;
    setFieldsState(f);
  };
  const site = { id: actor.siteId, code: actor.siteCode };

  /** The banks with blanks in a hopper now (each bank's first hopper, as the printer picks). */
  const refreshBanks = (d: SiteDevices): BankChoice[] => {
    const stations = instantStations(ledger, actor, d);
    const out: BankChoice[] = [];
    for (const s of stations) {
      if (s.bank && s.remaining > 0 && !out.some((b) => b.bank === s.bank)) out.push({ bank: s.bank, station: s });
    }
    const keep = banksRef.current[bankIndexRef.current]?.bank;
    const at = Math.max(0, out.findIndex((b) => b.bank === keep));
    banksRef.current = out;
    bankIndexRef.current = at;
    setBanks(out);
    setBankIndex(at);
    return out;
  };

  /** Why the form cannot be used now, or null. */
  const whyOff = (d: SiteDevices | null, choices: BankChoice[]): string | null => {
    if (!devicesFor) return T.noService;
    if (!d) return null;
    if (d.printers.length === 0) {
      const problem = d.problems.find((p) => p.kind === 'printer');
      return problem ? T.printerProblem(problem.message) : T.noPrinter;
    }
    if (!d.ca) return T.noCa;
    if (choices.length === 0) return T.noBlanks;
    return null;
  };

  /** To the form (or to why it cannot be used); `fresh` starts a new applicant. */
  const toForm = (fresh: boolean) => {
    const d = devicesRef.current;
    const choices = d ? refreshBanks(d) : [];
    const why = whyOff(d, choices);
    if (fresh) {
      setFields(blankFields());
      setTraining(trainingCardNo(ledger) !== null);
      setFocus('name');
      applicantRef.current = null;
      lastFailed.current = null;
    }
    setResult(null);
    setFailure(null);
    setReceipt({ path: null, error: null });
    setOffReason(why);
    setStep(why ? 'off' : 'form');
  };

  /** Interrupted jobs first; then the form. */
  const toJobsOrForm = (fresh: boolean) => {
    const list = devicesRef.current ? interruptedJobs(ledger, actor) : [];
    setJobs(list);
    setFaceGood(false);
    setResolved(null);
    setMessage(null);
    if (list.length > 0) setStep('job');
    else toForm(fresh);
  };

  const loadingRef = useRef(false);
  const load = async () => {
    // Not `busy`: opening a USB device can take a while, and Esc must still leave the page.
    if (busyRef.current || loadingRef.current) return;
    setStep('loading');
    setMessage(null);
    if (!devicesFor) {
      setOffReason(T.noService);
      setStep('off');
      return;
    }
    loadingRef.current = true;
    try {
      devicesRef.current = await devicesFor(site);
    } catch (e) {
      setOffReason(errorText(e));
      setStep('off');
      return;
    } finally {
      loadingRef.current = false;
    }
    toJobsOrForm(false);
  };

  useEffect(() => {
    void load();
  }, []);

  const resolveJob = async (decision: Decision) => {
    const job = jobs[0];
    const d = devicesRef.current;
    if (!job || !d || busyRef.current) return;
    const p = d.printers.find((x) => x.id === job.printerId);
    if (!p) return setMessage({ level: 'error', text: T.jobPrinterMissing(job.printerId) });
    setBusy(true);
    setMessage(null);
    try {
      const r = await resolveInstantJob(ledger, actor, p.printer, job.jobNo, decision);
      setResolved(resolvedView(r));
      setReceipt({ path: null, error: null });
      setStep('resolved');
    } catch (e) {
      setMessage({ level: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const makeCard = async (applicant: Applicant, attempt: number) => {
    const d = devicesRef.current;
    if (!d || !d.ca || busyRef.current) return;
    const station = stationForBank(instantStations(ledger, actor, d), applicant.bank);
    if (!station) {
      toForm(false);
      setMessage({ level: 'error', text: T.noStation(applicant.bank) });
      return;
    }
    applicantRef.current = applicant;
    setRun({ name: applicant.name.trim(), idMasked: maskIdNumber(applicant.idNumber), bank: applicant.bank, printerId: station.printerId, hopperName: station.hopperName, attempt });
    setPhase(null);
    setResult(null);
    setMessage(null);
    setBusy(true);
    setStep('running');
    let started = false;
    try {
      const r = await makeInstantCard(
        ledger,
        actor,
        { ...station, ca: d.ca },
        { operationId: randomUUID(), applicant, attempt },
        {
          onPhase: (p) => {
            started = true;
            setPhase(p);
          },
        },
        now(),
      );
      lastFailed.current = r.status === 'failed' ? { key: `${applicant.idNumber}|${applicant.cardNo}`, attempt } : null;
      setReceipt({ path: null, error: null });
      setResult(r);
      setStep('result');
    } catch (e) {
      if (!started) {
        // Refused before a job was written (an unresolved job at this printer, an empty
        // hopper in the ledger…): nothing happened; back to the form with the reason.
        setBusy(false);
        toForm(false);
        const code = isSbkError(e) ? e.code : '';
        const f = fieldOf(code);
        if (f) setFocus(f);
        setMessage({ level: 'error', text: errorText(e) });
        return;
      }
      // Stopped between two printer calls: nobody knows what the printer did. The job stays
      // unfinished and is resolved from the list, as after a restart.
      setFailure(errorText(e));
      setStep('error');
    } finally {
      setBusy(false);
    }
  };

  const start = () => {
    if (busyRef.current) return;
    const f = fieldsRef.current;
    const missing = REQUIRED.find((k) => !f[k].trim());
    if (missing) {
      setFocus(missing);
      setMessage({ level: 'error', text: T.required(T.fields[missing]) });
      return;
    }
    const choice = banksRef.current[bankIndexRef.current];
    if (!choice) return;
    let photoBase64: string;
    const photo = f.photo.trim();
    try {
      photoBase64 = readFileSync(photo).toString('base64');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      setFocus('photo');
      setMessage({ level: 'error', text: T.photoUnreadable(photo, code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : String(code ?? e)) });
      return;
    }
    const applicant: Applicant = {
      name: f.name,
      ...(f.printedName.trim() ? { printedName: f.printedName.trim() } : {}),
      idNumber: f.idNumber,
      bank: choice.bank,
      cardNo: f.cardNo,
      photoBase64,
    };
    let checked: Applicant;
    try {
      // The checks that need no printer, before a blank is touched: nothing is written.
      checked = checkApplicant(ledger, applicant);
    } catch (e) {
      const field = fieldOf(isSbkError(e) ? e.code : '');
      if (field) setFocus(field);
      setMessage({ level: 'error', text: errorText(e) });
      return;
    }
    const key = `${checked.idNumber}|${checked.cardNo}`;
    const attempt = lastFailed.current?.key === key ? lastFailed.current.attempt + 1 : 1;
    void makeCard({ ...applicant, idNumber: checked.idNumber, cardNo: checked.cardNo }, attempt);
  };

  const moveFocus = (delta: number) =>
    setFocus((f) => FIELD_ORDER[(Math.max(0, FIELD_ORDER.indexOf(f)) + delta + FIELD_ORDER.length) % FIELD_ORDER.length]!);

  const saveReceipt = (r: IssueReceipt) => {
    try {
      setReceipt({ path: saveIssueReceipt(ledger, r), error: null });
    } catch (e) {
      setReceipt({ path: null, error: T.receiptFailed(e instanceof Error ? e.message : String(e)) });
    }
  };

  const job = jobs[0] ?? null;
  return {
    step,
    offReason,
    banks,
    bankIndex,
    fields,
    training,
    focus,
    message,
    jobs,
    job,
    faceGood,
    busy,
    resolved,
    run,
    phase,
    result,
    failure,
    receipt,
    /** Off only because the hoppers are empty in the ledger: L loads one. */
    noBlanks: step === 'off' && offReason === T.noBlanks,
    /**
     * Whether L opens 装入卡盒 now: where the hoppers are empty, or on the form before any of
     * the applicant's details are typed (on the bank row, or in an empty field: a field with
     * text takes L as text).
     */
    canOpenLoad: (): boolean => {
      if (step === 'off') return offReason === T.noBlanks;
      if (step !== 'form' || busyRef.current) return false;
      const f = fieldsRef.current;
      if (f.name.trim() || f.printedName.trim() || f.idNumber.trim()) return false;
      return focus === 'bank' || f[focus as InstantTextField] === '';
    },
    /** G where the form is off: open the devices again and recount the blanks. */
    reload: () => void load(),
    // ---- interrupted jobs
    /** Enter on a job that needs no decision; Enter/S once the card is good; B for a bad face. */
    resolve: (decision: Decision) => void resolveJob(decision),
    markFaceGood: () => {
      setFaceGood(true);
      setMessage(null);
    },
    /** Esc after 卡面完好: back to the question about the face. False when there is nothing to undo. */
    unmarkFace: (): boolean => {
      if (!faceGood) return false;
      setFaceGood(false);
      return true;
    },
    /** After a resolution: the next interrupted job, or the form. */
    afterResolved: () => toJobsOrForm(false),
    // ---- the form
    setField: (f: InstantTextField, v: string) => {
      setFields({ ...fieldsRef.current, [f]: v });
      setMessage(null);
    },
    /** Enter in a row: on to the next row (Ctrl+S starts). */
    fieldDone: (f: InstantTextField, v: string) => {
      setFields({ ...fieldsRef.current, [f]: v });
      moveFocus(1);
    },
    moveFocus,
    moveBank: (delta: number) => {
      const n = banksRef.current.length;
      if (n === 0) return;
      const at = (bankIndexRef.current + delta + n) % n;
      bankIndexRef.current = at;
      setBankIndex(at);
      setMessage(null);
    },
    start,
    // ---- results
    saveReceipt: () => {
      const r = result?.status === 'issued' ? result.receipt : step === 'resolved' ? resolved?.receipt : null;
      if (r) saveReceipt(r);
    },
    /** Enter after a failed card: the same applicant on the next blank, as a new operation. */
    retry: () => {
      const a = applicantRef.current;
      const last = lastFailed.current;
      if (!a || !last || busyRef.current) return;
      void makeCard(a, last.attempt + 1);
    },
    /** Issued: a new, empty form. */
    next: () => toForm(true),
    /** Failed or void: back to the form as filled in. */
    backToForm: () => toForm(false),
    /** After a run stopped without a result: the job is listed with the interrupted ones. */
    afterError: () => toJobsOrForm(false),
  };
}
