/**
 * Instant issuance at the counter (即时制卡, GD Art. 36 二(二) and Annex 9 二): a prefab blank is
 * fed from the hopper holding the applicant's bank's blanks, checked against the ledger, written,
 * certified, read back, printed and handed over. The ledger is never held open across a printer
 * call (ENGINEERING.md §2): each step is written after the printer answers, and every failure
 * ends with the blank accounted for — spoiled with its reason, or left where the ledger says.
 */
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { registerCards } from '../../db/register-cards.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { cardsByNumbers } from '../../db/shipments-repo.ts';
import { holderCardsByIdNumber } from '../../db/issuance-queries.ts';
import { isDemoLedger } from '../../db/ledger-meta.ts';
import {
  appendInstantEvent,
  countJobNumbersWithPrefix,
  hopperQueue,
  insertInstantJob,
  instantJobByOperation,
  unfinishedInstantJobs,
  type HopperCard,
  type BlankRow,
  blankById,
  prefabNoByIdCode,
  instantJobWithCardNo,
  type InstantJobRow,
} from '../../db/instant-jobs-repo.ts';
import { SbkError, isSbkError } from '../domain/errors.ts';
import { errorText } from '../i18n/error-messages.ts';
import { instantText } from '../i18n/workflows/instant.ts';
import { birthDateInNumber, checkIdDocument, idDocTypeFromLabel, socialSecurityNumberFor, type IdDocType } from '../domain/id-documents.ts';
import { checkCardPhoto, photoRequired, type PhotoWarning } from '../domain/card-photo.ts';
import { isIsoDate } from '../domain/resident-id.ts';
import { parseName, namesEqual } from '../domain/rare-names.ts';
import { checkSocialSecurityCardNumber } from '../domain/card-codes.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { todayInChina } from '../domain/china-dates.ts';
import { cardFace } from '../domain/card-face.ts';
import type { IssueReceipt } from '../domain/issue-receipt-format.ts';
import type { ChipPersonalisation, InstantPrinter } from '../../drivers/printer/instant-printer.ts';
import { PrinterError } from '../../drivers/printer/instant-printer.ts';
import { ReaderError, type BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import type { CaSource } from '../../drivers/ca/ca-source.ts';
import { ledgerProfile } from './issue-card.ts';
import type { Actor } from './authenticate.ts';
import { checkFailed } from './check-failure.ts';

export type Applicant = {
  name: string;
  /** For rare-character names: the name with the characters themselves (see card-face.ts). */
  printedName?: string;
  /** The document the applicant showed (HB Art. 5): a code or a Chinese name; resident ID when not given. */
  idType?: string;
  idNumber: string;
  /**
   * The social security number the province system assigned, for documents whose number is
   * not the social security number (GD Art. 35 (二)(三); see SSN_RULES).
   */
  ssn?: string;
  /** YYYY-MM-DD; needed when the number carries none and there is no photo (the under-7 rule). */
  birthDate?: string;
  bank: string;
  /** The card number the province system assigned (GD Annex 9 二(一) 第3步). */
  cardNo: string;
  /** JPEG, base64; empty for an applicant under 7 on the issue date (GD Art. 5 (五)). */
  photoBase64: string;
};

/** An applicant who passed the checks: normalised numbers, the social security number, and what the operator should look at. */
export type CheckedApplicant = Omit<Applicant, 'idType'> & { idType: IdDocType; idNumber: string; cardNo: string; ssn: string; noPhoto: boolean; warnings: PhotoWarning[] };

/** One printer and the hopper the applicant's blanks are in. */
export type InstantStation = { printerId: string; printer: InstantPrinter; hopperNo: number; hopperName: string; ca: CaSource };

export type InstantPhase = 'load' | 'check_blank' | 'write' | 'ca' | 'verify' | 'print' | 'record';
export const INSTANT_PHASE_LABELS: Readonly<Record<InstantPhase, string>> = instantText.phases;

export type InstantResult =
  | { status: 'issued'; jobNo: string; cardNo: string; blankNo: string; receipt: IssueReceipt }
  | { status: 'stocked'; jobNo: string; cardNo: string; blankNo: string; placeName: string }
  /** The blank went to the bad bin and is recorded as spoiled; another blank may be tried. */
  | { status: 'failed'; jobNo: string; blankNo: string | null; code: string; message: string }
  /** Nothing was consumed (the hopper was empty, the cover open…); fix the cause and start again. */
  | { status: 'void'; jobNo: string; code: string; message: string };

export type InstantHooks = {
  onPhase?: (phase: InstantPhase) => void;
  /** Tests of crash recovery: called after each step is written, with the step's name. */
  afterStep?: (step: string) => void;
};

/** Blank chips read with an empty social security number, card number and name (DOMAIN.md). */
function isBlankChip(chip: BasicCardInfo): boolean {
  return !chip.ssn && !chip.cardNo && !chip.name;
}

function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // 29 February ten years on is 28 February: the card expires on the last day of that month.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The applicant's photo: a JPEG (warnings when its size or pixels are off the standard), or
 * none for a child under 7 on the issue date, whose age comes from the document number or, for
 * documents without a birth date in the number, from the typed birth date.
 */
function checkPhoto(a: Applicant, idType: IdDocType, idNumber: string, issueDate: string): { noPhoto: boolean; warnings: PhotoWarning[] } {
  if (a.photoBase64) {
    const photo = checkCardPhoto(Buffer.from(a.photoBase64, 'base64'));
    if (!photo.ok) throw checkFailed(photo, 'instantPhoto');
    return { noPhoto: false, warnings: photo.value.warnings };
  }
  const typed = a.birthDate?.trim();
  if (typed && !isIsoDate(typed)) throw new SbkError('BIRTH_DATE_FORMAT.instant', { value: typed });
  const birth = birthDateInNumber(idType, idNumber) ?? typed;
  if (!birth) throw new SbkError('FACE_PHOTO_MISSING.birthDate');
  if (photoRequired(birth, issueDate)) throw new SbkError('FACE_PHOTO_MISSING.instant');
  return { noPhoto: true, warnings: [] };
}

/** The checks that need no printer: done before a blank is touched. */
export function checkApplicant(ledger: Ledger, a: Applicant, issueDate: string = todayInChina(ledger.now())): CheckedApplicant {
  const type = idDocTypeFromLabel(a.idType?.trim() || 'resident_id');
  if (!type.ok) throw checkFailed(type, 'instantApplicant');
  const idType = type.value;
  const id = checkIdDocument(idType, a.idNumber);
  if (!id.ok) throw checkFailed(id, 'instantApplicant');
  const ssn = socialSecurityNumberFor(idType, id.value, a.ssn);
  if (!ssn.ok) throw checkFailed(ssn, 'instantApplicant');
  const name = parseName(a.name);
  if (!name.ok) throw checkFailed(name, 'instantName');
  const no = checkSocialSecurityCardNumber(a.cardNo);
  if (!no.ok) throw checkFailed(no, 'instantCardNo');
  if (no.value.startsWith('*')) throw new SbkError('CARD_NUMBER.instantPlaceholder');
  if (cardsByNumbers(ledger.db, [no.value]).length > 0) throw new SbkError('CARD_EXISTS.instant', { card: no.value });
  if (!a.bank.trim()) throw new SbkError('BANK_REQUIRED');
  const photo = checkPhoto(a, idType, id.value, issueDate);
  const held = holderCardsByIdNumber(ledger.db, id.value);
  if (held.some((c) => c.deceasedAt)) throw new SbkError('HOLDER_DECEASED.instant');
  if (held.length > 0 && !held.some((c) => namesEqual(c.holderName ?? '', a.name))) throw new SbkError('HOLDER_NAME_MISMATCH.instant');
  cardFace({ ledgerName: a.name, printedName: a.printedName, ssn: ssn.value, cardNo: no.value, issueDate, photoBase64: a.photoBase64, noPhoto: photo.noPhoto });
  return { ...a, idType, idNumber: id.value, ssn: ssn.value, cardNo: no.value, name: a.name.trim(), ...photo };
}

function hopperPlace(ledger: Ledger, actor: Actor, name: string) {
  const p = placesAt(ledger.db, actor.siteId).find((x) => x.kind === 'hopper' && x.name === name);
  if (!p) throw new SbkError('HOPPER_NOT_FOUND.instant', { name });
  return p;
}

function nextJobNo(db: LedgerDb, actor: Actor, now: Date): string {
  const prefix = `J-${actor.siteCode}-${todayInChina(now).replaceAll('-', '')}-`;
  return `${prefix}${String(countJobNumbersWithPrefix(db, prefix) + 1).padStart(3, '0')}`;
}

type Ctx = { ledger: Ledger; actor: Actor; job: InstantJobRow; expected: HopperCard };

function step(ctx: Ctx, s: 'loaded' | 'personalised' | 'print_sent' | 'printed', hooks: InstantHooks): void {
  writeTx(ctx.ledger, (tx) => appendInstantEvent(tx, { jobId: ctx.job.id, step: s, operatorId: ctx.actor.id, blankCardId: ctx.expected.id }));
  hooks.afterStep?.(s);
}

/** The blank goes to the bad bin and the ledger records it spoiled with the reason (GD Art. 36). */
export function spoilJobBlank(ledger: Ledger, actor: Actor, job: InstantJobRow, blankId: number, code: string, message: string): void {
  writeTx(ledger, (tx) => {
    appendMovements(tx, { id: `instant:${job.jobNo}:spoil`, kind: 'spoil', operatorId: actor.id }, [
      { cardId: blankId, type: 'spoil', toPlaceId: null, reason: instantText.spoilReason({ jobNo: job.jobNo, message }), refKind: 'instant', refId: job.jobNo },
    ]);
    appendInstantEvent(tx, { jobId: job.id, step: 'failed', operatorId: actor.id, blankCardId: blankId, detail: `${code}: ${message}` });
  });
}

export function voidJob(ledger: Ledger, actor: Actor, job: InstantJobRow, code: string, message: string): void {
  writeTx(ledger, (tx) => appendInstantEvent(tx, { jobId: job.id, step: 'void', operatorId: actor.id, detail: `${code}: ${message}` }));
}

/**
 * The made card enters the ledger and leaves the hopper in one transaction: the blank is
 * consumed, the finished card is registered with its holder and received at the counter, and
 * either handed to the applicant or kept in stock for collection (GD Art. 14; HB Art. 14).
 */
export function recordMadeCard(
  ledger: Ledger,
  actor: Actor,
  job: InstantJobRow,
  blank: BlankRow,
  to: { kind: 'applicant' } | { kind: 'stock'; placeId: number },
  reason: string,
  now: Date = ledger.now(),
): number {
  const issueDate = todayInChina(now);
  return writeTx(ledger, (tx) => {
    const ref = { refKind: 'instant', refId: job.jobNo };
    appendMovements(tx, { id: `instant:${job.jobNo}:consume`, kind: 'consume', operatorId: actor.id }, [
      {
        cardId: blank.id,
        type: 'consume',
        toPlaceId: null,
        counterpartRole: 'receiver',
        counterpartName: job.applicantName,
        reason: instantText.consumeReason({ card: job.cardNo, holder: job.applicantName, idMasked: maskIdNumber(job.applicantIdNumber) }),
        ...ref,
      },
    ]);
    const { cardIds } = registerCards(
      tx,
      { id: `instant:${job.jobNo}:register`, kind: 'instant', operatorId: actor.id },
      null,
      actor.siteId,
      [
        {
          kind: 'finished',
          cardNo: job.cardNo,
          cardIdCode: blank.cardIdCode,
          resetCode: blank.resetCode,
          bankCardNo: blank.bankCardNo,
          bank: job.bank,
          maker: blank.maker,
          holder: { idType: job.applicantIdType, idNumber: job.applicantIdNumber, name: job.applicantName },
          issueDate,
          expiryDate: addYears(issueDate, 10),
        },
      ],
      ref,
    );
    const cardId = cardIds[0]!;
    const stockPlace = to.kind === 'stock' ? to.placeId : placesAt(tx, actor.siteId).find((p) => p.kind !== 'hopper')?.id;
    if (stockPlace == null) throw new SbkError('PLACE_REQUIRED.instant');
    appendMovements(tx, { id: `instant:${job.jobNo}:receive`, kind: 'receive', operatorId: actor.id }, [
      { cardId, type: 'receive', toPlaceId: stockPlace, counterpartRole: 'custodian', counterpartName: actor.name, method: instantText.receiveMethod({ printer: job.printerId }), ...ref },
    ]);
    if (to.kind === 'applicant') {
      appendMovements(tx, { id: `instant:${job.jobNo}:issue`, kind: 'issue', operatorId: actor.id }, [
        { cardId, type: 'issue', toPlaceId: null, counterpartRole: 'receiver', counterpartName: job.applicantName, method: instantText.issueMethod, reason, ...ref },
      ]);
    }
    appendInstantEvent(tx, { jobId: job.id, step: to.kind === 'applicant' ? 'issued' : 'stocked', operatorId: actor.id, blankCardId: blank.id, cardId, detail: reason });
    return cardId;
  });
}

export function receiptFor(ledger: Ledger, actor: Actor, job: InstantJobRow, at: string): IssueReceipt {
  return {
    cardNo: job.cardNo,
    holderName: job.applicantName,
    holderIdMasked: maskIdNumber(job.applicantIdNumber),
    receiver: 'self',
    bank: job.bank,
    siteName: actor.siteName,
    operatorName: actor.name,
    at,
    readCheck: 'passed',
    secondIssue: false,
    rules: ledgerProfile(ledger).code,
  };
}

/** Best effort: a card left at the reader after a failure goes to the bad bin. */
async function ejectToBadBin(printer: InstantPrinter): Promise<string | null> {
  try {
    await printer.eject(2);
    return null;
  } catch (e) {
    return isSbkError(e) ? e.message : String(e);
  }
}

/** Printer faults that leave the blank where it was: nothing was fed. */
const NOTHING_FED = new Set(['PRINTER_HOPPER_EMPTY', 'PRINTER_COVER_OPEN', 'PRINTER_RIBBON_OUT']);

/**
 * Starts a job: writes the intent (which printer, which hopper, which blank the ledger expects
 * next, for whom) before the printer is touched. Refused while an earlier job at this printer
 * is unresolved, because the printer may still hold its card.
 */
function startInstantJob(
  ledger: Ledger,
  actor: Actor,
  station: Omit<InstantStation, 'printer' | 'ca'>,
  /** `applicant` as checkApplicant returned it. */
  input: { operationId: string; applicant: CheckedApplicant; attempt?: number },
  now = ledger.now(),
): { job: InstantJobRow; expected: HopperCard } {
  const a = input.applicant;
  const hopper = hopperPlace(ledger, actor, station.hopperName);
  return writeTx(ledger, (tx) => {
    if (instantJobByOperation(tx, input.operationId)) {
      throw new SbkError('OPERATION_ID_REUSED.instant', undefined, { operationId: input.operationId });
    }
    const pending = unfinishedInstantJobs(tx, actor.siteId).find((j) => j.printerId === station.printerId);
    if (pending) throw new SbkError('INSTANT_UNRESOLVED', { printer: station.printerId, jobNo: pending.jobNo }, { jobNo: pending.jobNo });
    const queue = hopperQueue(tx, hopper.id);
    const expected = queue[0];
    if (!expected) throw new SbkError('HOPPER_EMPTY_LEDGER.instant', { name: hopper.name });
    if (expected.bank !== a.bank) throw new SbkError('HOPPER_WRONG_BANK', { hopper: hopper.name, loaded: expected.bank, wanted: a.bank });
    const job = insertInstantJob(tx, {
      jobNo: nextJobNo(tx, actor, now),
      operationId: input.operationId,
      siteId: actor.siteId,
      operatorId: actor.id,
      printerId: station.printerId,
      hopperPlaceId: hopper.id,
      hopperNo: station.hopperNo,
      bank: a.bank,
      applicantName: a.name,
      applicantIdType: a.idType,
      applicantIdNumber: a.idNumber,
      cardNo: a.cardNo,
      expectedBlankId: expected.id,
      attempt: input.attempt ?? 1,
      createdAt: now.toISOString(),
    });
    appendInstantEvent(tx, { jobId: job.id, step: 'started', operatorId: actor.id, blankCardId: expected.id });
    return { job, expected };
  });
}

/** Before a blank is fed: a printer that cannot finish a card would only spoil it. */
async function refuseUnreadyPrinter(printer: InstantPrinter): Promise<void> {
  const ready = await printer.status();
  if (ready.jammed) throw new PrinterError(-102, 'jammed');
  if (ready.coverOpen) throw new PrinterError(-103, 'cover open');
  if (ready.ribbon === 'out') throw new PrinterError(-104, 'ribbon out');
}

/** One job under way at one printer. */
type Run = Ctx & { station: InstantStation; hooks: InstantHooks };

/** A printer or reader fault after feeding: the blank is spoiled, and taken out of the reader when it is still there. */
async function failJob(run: Run, e: SbkError, stillAtReader: boolean): Promise<InstantResult> {
  const ejectProblem = stillAtReader ? await ejectToBadBin(run.station.printer) : null;
  const message = ejectProblem ? instantText.ejectFailed({ message: e.message, problem: ejectProblem }) : e.message;
  spoilJobBlank(run.ledger, run.actor, run.job, run.expected.id, e.code, message);
  return { status: 'failed', jobNo: run.job.jobNo, blankNo: run.expected.cardNo, code: e.code, message };
}

/** The job ends with nothing consumed: the ledger records `message`, the operator is told `said`. */
function voidResult(run: Run, code: string, message: string, said: string = message): InstantResult {
  voidJob(run.ledger, run.actor, run.job, code, message);
  return { status: 'void', jobNo: run.job.jobNo, code, message: said };
}

/**
 * GD Art. 36: the hopper's order is the ledger's; a different card means the ledger and the
 * hopper disagree, so nothing is written to it and nobody's card is spoiled.
 */
async function wrongBlank(run: Run, chip: BasicCardInfo): Promise<InstantResult> {
  const other = chip.cardIdCode ? prefabNoByIdCode(run.ledger.db, chip.cardIdCode) : null;
  const ejectProblem = await ejectToBadBin(run.station.printer);
  const said = instantText.foundInstead;
  const found = !isBlankChip(chip) ? said.written : other ? said.blank({ card: other }) : said.unknown({ idCode: chip.cardIdCode });
  const message = errorText('HOPPER_ORDER_MISMATCH', { found, expected: run.expected.cardNo, ejectProblem });
  return voidResult(run, 'HOPPER_ORDER_MISMATCH', message);
}

/** Feeds the hopper's next blank and reads its chip: the blank the ledger expects, or how the job ended. */
async function feedBlank(run: Run): Promise<{ chip: BasicCardInfo } | { ended: InstantResult }> {
  const p = run.station.printer;
  run.hooks.onPhase?.('load');
  try {
    await p.loadCard(run.station.hopperNo);
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    if (NOTHING_FED.has(e.code)) return { ended: voidResult(run, e.code, e.message) };
    // A jam while feeding damages the blank the hopper was feeding: the ledger's next one.
    return { ended: await failJob(run, e, false) };
  }
  run.hooks.onPhase?.('check_blank');
  let chip: BasicCardInfo;
  try {
    chip = await p.readBasic(3);
  } catch (e) {
    if (e instanceof ReaderError && e.code === 'READER_NO_CARD') return { ended: voidResult(run, e.code, e.message, instantText.noCardAfterLoad({ detail: e.message })) };
    if (e instanceof ReaderError || e instanceof PrinterError) return { ended: await failJob(run, e, true) };
    throw e;
  }
  if (chip.cardIdCode !== run.expected.cardIdCode || !isBlankChip(chip)) return { ended: await wrongBlank(run, chip) };
  return { chip };
}

/** Writes the applicant's data and certificate, then reads them back; a fault or a mismatch spoils the blank. */
async function personalise(run: Run, personal: ChipPersonalisation): Promise<InstantResult | null> {
  const p = run.station.printer;
  try {
    run.hooks.onPhase?.('write');
    await p.writePersonal(personal);
    run.hooks.onPhase?.('ca');
    const publicKey = await p.writeCaStep1();
    const ca = await run.station.ca.certify(publicKey, { ssn: personal.ssn, cardNo: personal.cardNo });
    await p.writeCaStep2(ca);
    run.hooks.onPhase?.('verify');
    const back = await p.readBasic(3);
    const field = instantText.readback;
    const checked: (string | null)[] = [
      back.ssn !== personal.ssn ? field.ssn : null,
      back.cardNo !== personal.cardNo ? field.cardNo : null,
      !namesEqual(back.name, personal.name) ? field.name : null,
      back.cardIdCode !== run.expected.cardIdCode ? field.cardIdCode : null,
    ];
    const wrong = checked.filter((f): f is string => f !== null);
    if (wrong.length > 0) throw new SbkError('INSTANT_READBACK_MISMATCH', { fields: wrong });
  } catch (e) {
    if (e instanceof PrinterError || e instanceof ReaderError || (isSbkError(e) && e.code === 'INSTANT_READBACK_MISMATCH')) return failJob(run, e as SbkError, true);
    throw e;
  }
  return null;
}

/** Prints the face; a fault spoils the blank (taken out of the reader if the printer still holds it). */
async function printFace(run: Run, face: ReturnType<typeof cardFace>): Promise<InstantResult | null> {
  const p = run.station.printer;
  try {
    await p.print(1, face);
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    // iPrint ejects whether or not it printed (Annex 9: 不论印卡是否成功，执行完本命令均要自动退卡),
    // but a printer that refused to start (cover open, ribbon out) may still hold the written card.
    const held = await p.status().then((st) => st.cardAtReader, () => true);
    return failJob(run, e, held);
  }
  return null;
}

/**
 * Makes one card: load, check the blank is the one the ledger expects next, write, certify,
 * read back, print, record. Printer faults end the job (failed: blank spoiled; void: nothing
 * fed); anything else (a lost link, a timeout) leaves it unfinished for `resolveInstantJob`,
 * because then nobody knows what the printer did.
 */
export async function makeInstantCard(
  ledger: Ledger,
  actor: Actor,
  station: InstantStation,
  input: { operationId: string; applicant: Applicant; attempt?: number },
  hooks: InstantHooks = {},
  now = ledger.now(),
): Promise<InstantResult & { warnings?: PhotoWarning[] }> {
  const applicant = checkApplicant(ledger, input.applicant, todayInChina(now));
  const r = await makeCheckedCard(ledger, actor, station, { ...input, applicant }, hooks, now);
  // The photo's departures from the standard (HB Art. 12) are the operator's to see, whatever the outcome.
  return applicant.warnings.length > 0 ? { ...r, warnings: applicant.warnings } : r;
}

async function makeCheckedCard(
  ledger: Ledger,
  actor: Actor,
  station: InstantStation,
  input: { operationId: string; applicant: CheckedApplicant; attempt?: number },
  hooks: InstantHooks,
  now: Date,
): Promise<InstantResult> {
  const applicant = input.applicant;
  await refuseUnreadyPrinter(station.printer);
  const { job, expected } = startInstantJob(ledger, actor, station, input, now);
  hooks.afterStep?.('started');
  const run: Run = { ledger, actor, job, expected, station, hooks };

  const fed = await feedBlank(run);
  if ('ended' in fed) return fed.ended;
  step(run, 'loaded', hooks);

  const issueDate = todayInChina(now);
  const personal: ChipPersonalisation = {
    regionCode: fed.chip.regionCode || actor.siteCode.slice(0, 6),
    ssn: applicant.ssn,
    cardNo: job.cardNo,
    name: job.applicantName,
    issueDate: issueDate.replaceAll('-', ''),
    expiryDate: addYears(issueDate, 10).replaceAll('-', ''),
  };
  const spoiled = await personalise(run, personal);
  if (spoiled) return spoiled;
  step(run, 'personalised', hooks);

  hooks.onPhase?.('print');
  const face = cardFace({ ledgerName: job.applicantName, printedName: input.applicant.printedName, ssn: personal.ssn, cardNo: job.cardNo, issueDate, photoBase64: applicant.photoBase64, noPhoto: applicant.noPhoto });
  step(run, 'print_sent', hooks);
  const misprinted = await printFace(run, face);
  if (misprinted) return misprinted;
  step(run, 'printed', hooks);

  hooks.onPhase?.('record');
  recordMadeCard(ledger, actor, job, blankOf(ledger, expected.id), { kind: 'applicant' }, instantText.issuedAtCounter, now);
  hooks.afterStep?.('issued');
  return { status: 'issued', jobNo: job.jobNo, cardNo: job.cardNo, blankNo: expected.cardNo, receipt: receiptFor(ledger, actor, job, ledger.now().toISOString()) };
}

export function blankOf(ledger: Ledger, id: number): BlankRow {
  const c = blankById(ledger.db, id);
  if (!c) throw new SbkError('CARD_NOT_FOUND.instantBlank', { id });
  return c;
}

/**
 * A card number for training on a demo ledger, where there is no province system to assign one:
 * `T` and eight digits, the first not in the ledger. Never offered on a real ledger.
 */
export function trainingCardNo(ledger: Ledger): string | null {
  if (!isDemoLedger(ledger.db)) return null;
  for (let i = 1; i < 100_000_000; i++) {
    const no = `T${String(i).padStart(8, '0')}`;
    if (cardsByNumbers(ledger.db, [no]).length === 0 && !instantJobWithCardNo(ledger.db, no)) return no;
  }
  return null;
}
