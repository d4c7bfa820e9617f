/**
 * Jobs interrupted between two printer calls (the program was killed, the link dropped, the PC
 * lost power): listed at start-up and resolved one by one (ENGINEERING.md §2: an intent with no
 * outcome is resolved on restart). What the last written step says decides what can be known:
 *   started      – no blank was confirmed: if a card sits at the reader it is the hopper's next
 *                  one (iLoadCard returns it again), so the job is voided;
 *   loaded /
 *   personalised – the chip may be half written: the card goes to the bad bin, the blank spoiled;
 *   print_sent   – the printer ejected the card, printed or not: the operator looks at it;
 *                  a card still at the reader never got the print command: spoiled, as above;
 *   printed      – the card is good: handed to the applicant, or kept in stock for collection.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { hopperQueue, instantEventsOf, instantJobByNo, unfinishedInstantJobs, type InstantJobRow, type InstantStep } from '../../db/instant-jobs-repo.ts';
import { SbkError, isSbkError } from '../domain/errors.ts';
import { maskIdNumber } from '../domain/mask.ts';
import type { InstantPrinter } from '../../drivers/printer/instant-printer.ts';
import type { IssueReceipt } from '../domain/issue-receipt-format.ts';
import { blankOf, receiptFor, recordMadeCard, spoilJobBlank, voidJob } from './instant-issuance.ts';
import type { Actor } from './authenticate.ts';
import { instantText } from '../i18n/workflows/instant.ts';

export type InterruptedJob = {
  jobNo: string;
  printerId: string;
  hopperNo: number;
  applicantName: string;
  applicantIdMasked: string;
  cardNo: string;
  blankNo: string;
  lastStep: InstantStep;
  at: string;
  /** What the operator must decide, if anything. */
  needs: 'nothing' | 'face_check' | 'hand_to';
  /** What to tell the operator before they decide. */
  advice: string;
};

const ADVICE: Readonly<Record<string, string>> = instantText.recovery.advice;
const SAID = instantText.recovery;

function needsOf(step: InstantStep): InterruptedJob['needs'] {
  return step === 'print_sent' ? 'face_check' : step === 'printed' ? 'hand_to' : 'nothing';
}

function describe(ledger: Ledger, job: InstantJobRow): InterruptedJob {
  const events = instantEventsOf(ledger.db, job.id);
  const last = events[events.length - 1]!;
  return {
    jobNo: job.jobNo,
    printerId: job.printerId,
    hopperNo: job.hopperNo,
    applicantName: job.applicantName,
    applicantIdMasked: maskIdNumber(job.applicantIdNumber),
    cardNo: job.cardNo,
    blankNo: blankOf(ledger, job.expectedBlankId).cardNo,
    lastStep: last.step,
    at: last.at,
    needs: needsOf(last.step),
    advice: ADVICE[last.step] ?? '',
  };
}

export function interruptedJobs(ledger: Ledger, actor: Actor): InterruptedJob[] {
  return unfinishedInstantJobs(ledger.db, actor.siteId).map((j) => describe(ledger, j));
}

export type Decision = {
  /** For `print_sent`: the operator looked at the ejected card. */
  face?: 'good' | 'bad';
  /** For a good card: the applicant takes it now, or it waits in stock. */
  handTo?: 'applicant' | 'stock';
  /** With `stock`: where it is kept (default: the site's first storage place). */
  placeName?: string;
};

export type Resolution =
  | { outcome: 'void'; jobNo: string; message: string }
  | { outcome: 'failed'; jobNo: string; blankNo: string; message: string }
  | { outcome: 'issued'; jobNo: string; cardNo: string; receipt: IssueReceipt }
  | { outcome: 'stocked'; jobNo: string; cardNo: string; placeName: string };

async function cardAtReader(printer: InstantPrinter): Promise<boolean> {
  return (await printer.status()).cardAtReader;
}

function storagePlace(ledger: Ledger, actor: Actor, name?: string) {
  const places = placesAt(ledger.db, actor.siteId).filter((p) => p.kind !== 'hopper');
  const p = name ? places.find((x) => x.name === name) : places[0];
  if (!p) throw name ? new SbkError('PLACE_NOT_FOUND.custody', { name }) : new SbkError('PLACE_NOT_FOUND.instantNone');
  return p;
}

/**
 * Resolves one interrupted job. Refused without the decision the step needs (the error says
 * which), so the CLI and the console ask the operator the same question.
 */
export async function resolveInstantJob(ledger: Ledger, actor: Actor, printer: InstantPrinter, jobNo: string, decision: Decision = {}): Promise<Resolution> {
  const job = instantJobByNo(ledger.db, jobNo);
  if (!job || job.siteId !== actor.siteId) throw new SbkError('INSTANT_JOB_NOT_FOUND', { jobNo });
  const info = interruptedJobs(ledger, actor).find((j) => j.jobNo === job.jobNo);
  if (!info) throw new SbkError('INSTANT_JOB_FINISHED', { jobNo });
  const blank = blankOf(ledger, job.expectedBlankId);
  const note = (what: string) => SAID.note({ operator: actor.name, what });

  switch (info.lastStep) {
    case 'started': {
      if (await cardAtReader(printer)) {
        const chip = await printer.readBasic(3).catch((e: unknown) => (isSbkError(e) ? e : new SbkError('READER_ERROR.instantRecovery', { detail: String(e) })));
        const isNext = !(chip instanceof SbkError) && chip.cardIdCode === hopperQueue(ledger.db, job.hopperPlaceId)[0]?.cardIdCode && !chip.ssn && !chip.cardNo;
        if (!isNext) {
          // Not the blank the ledger expects next (or unreadable): out of the way, spoiled by no one.
          await printer.eject(2);
          const message = note(SAID.notNextBlank);
          voidJob(ledger, actor, job, 'INSTANT_INTERRUPTED', message);
          return { outcome: 'void', jobNo, message };
        }
      }
      const message = note(SAID.nothingWritten);
      voidJob(ledger, actor, job, 'INSTANT_INTERRUPTED', message);
      return { outcome: 'void', jobNo, message };
    }
    case 'loaded':
    case 'personalised': {
      const there = await cardAtReader(printer);
      if (there) await printer.eject(2);
      const message = note(there ? SAID.writeInterruptedEjected : SAID.writeInterruptedGone({ blank: blank.cardNo }));
      spoilJobBlank(ledger, actor, job, blank.id, 'INSTANT_INTERRUPTED', message);
      return { outcome: 'failed', jobNo, blankNo: blank.cardNo, message };
    }
    case 'print_sent':
    case 'printed': {
      if (info.lastStep === 'print_sent') {
        // iPrint ejects the card whether or not it printed (Annex 9: 不论印卡是否成功，执行完本命令均要
        // 自动退卡): a card still at the reader never got the print command (killed between
        // writing `print_sent` and sending it). It is unprinted, so there is no face to judge.
        if (await cardAtReader(printer)) {
          await printer.eject(2);
          const message = note(SAID.printNotSent);
          spoilJobBlank(ledger, actor, job, blank.id, 'INSTANT_INTERRUPTED', message);
          return { outcome: 'failed', jobNo, blankNo: blank.cardNo, message };
        }
        if (!decision.face) throw new SbkError('INSTANT_DECISION_REQUIRED', { advice: SAID.advice.print_sent, jobNo }, { needs: 'face' });
        if (decision.face === 'bad') {
          const message = note(SAID.faceBad);
          spoilJobBlank(ledger, actor, job, blank.id, 'INSTANT_INTERRUPTED', message);
          return { outcome: 'failed', jobNo, blankNo: blank.cardNo, message };
        }
      }
      if (!decision.handTo) throw new SbkError('INSTANT_DECISION_REQUIRED', { advice: SAID.advice.printed, jobNo }, { needs: 'hand_to' });
      const how = info.lastStep === 'print_sent' ? SAID.faceGood : SAID.printed;
      if (decision.handTo === 'applicant') {
        recordMadeCard(ledger, actor, job, blank, { kind: 'applicant' }, note(SAID.toApplicant({ how })));
        return { outcome: 'issued', jobNo, cardNo: job.cardNo, receipt: receiptFor(ledger, actor, job, ledger.now().toISOString()) };
      }
      const place = storagePlace(ledger, actor, decision.placeName);
      recordMadeCard(ledger, actor, job, blank, { kind: 'stock', placeId: place.id }, note(SAID.toStock({ how })));
      return { outcome: 'stocked', jobNo, cardNo: job.cardNo, placeName: place.name };
    }
    default:
      throw new SbkError('INSTANT_JOB_FINISHED', { jobNo });
  }
}
