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

const ADVICE: Readonly<Record<string, string>> = {
  started: '进卡前后中断：若读卡位置有卡，它仍是卡盒的下一张，任务将撤销，卡留给下一次制卡。',
  loaded: '写卡过程中中断：芯片可能只写了一半，此卡将退到废卡口并登记作废。',
  personalised: '写卡完成、打印前中断：此卡将退到废卡口并登记作废。',
  print_sent: '打印时中断：请查看出卡口的卡——卡面完整清晰则按“卡面完好”，否则按“卡面有误”登记作废（若卡仍在读卡位置、未开始打印，处理时退到废卡口并登记作废）。',
  printed: '卡已印好但未登记发放：申请人在场则发给申请人，否则入库待领。',
};

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
  if (!p) throw new SbkError('PLACE_NOT_FOUND', name ? `本网点没有保管地点“${name}”。` : '本网点没有保管地点，请先由管理员添加。');
  return p;
}

/**
 * Resolves one interrupted job. Refused without the decision the step needs (the error says
 * which), so the CLI and the console ask the operator the same question.
 */
export async function resolveInstantJob(ledger: Ledger, actor: Actor, printer: InstantPrinter, jobNo: string, decision: Decision = {}): Promise<Resolution> {
  const job = instantJobByNo(ledger.db, jobNo);
  if (!job || job.siteId !== actor.siteId) throw new SbkError('INSTANT_JOB_NOT_FOUND', `本网点没有制卡任务 ${jobNo}。`);
  const info = interruptedJobs(ledger, actor).find((j) => j.jobNo === job.jobNo);
  if (!info) throw new SbkError('INSTANT_JOB_FINISHED', `制卡任务 ${jobNo} 已经处理完毕。`);
  const blank = blankOf(ledger, job.expectedBlankId);
  const note = (what: string) => `处理中断的制卡任务（${actor.name}）：${what}`;

  switch (info.lastStep) {
    case 'started': {
      if (await cardAtReader(printer)) {
        const chip = await printer.readBasic(3).catch((e: unknown) => (isSbkError(e) ? e : new SbkError('READER_ERROR', String(e))));
        const isNext = !(chip instanceof SbkError) && chip.cardIdCode === hopperQueue(ledger.db, job.hopperPlaceId)[0]?.cardIdCode && !chip.ssn && !chip.cardNo;
        if (!isNext) {
          // Not the blank the ledger expects next (or unreadable): out of the way, spoiled by no one.
          await printer.eject(2);
          const message = note('读卡位置的卡不是台账中卡盒的下一张，已退至废卡口（未作废），请核对后重新装盒。');
          voidJob(ledger, actor, job, 'INSTANT_INTERRUPTED', message);
          return { outcome: 'void', jobNo, message };
        }
      }
      const message = note('没有写入任何卡片，任务撤销；读卡位置若有卡，下次制卡会先用它。');
      voidJob(ledger, actor, job, 'INSTANT_INTERRUPTED', message);
      return { outcome: 'void', jobNo, message };
    }
    case 'loaded':
    case 'personalised': {
      const there = await cardAtReader(printer);
      if (there) await printer.eject(2);
      const message = note(there ? '写卡中断，卡已退至废卡口并作废。' : `写卡中断，读卡位置已无卡：请在出卡口或机内找到预制卡 ${blank.cardNo} 放入废卡处，台账已登记作废。`);
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
          const message = note('打印指令未送达制卡机，卡仍在读卡位置、卡面未印，已退至废卡口并作废。');
          spoilJobBlank(ledger, actor, job, blank.id, 'INSTANT_INTERRUPTED', message);
          return { outcome: 'failed', jobNo, blankNo: blank.cardNo, message };
        }
        if (!decision.face) throw new SbkError('INSTANT_DECISION_REQUIRED', `${ADVICE.print_sent}（任务 ${jobNo}）`, { needs: 'face' });
        if (decision.face === 'bad') {
          const message = note('打印中断，经办人查看卡面有误，已作废。');
          spoilJobBlank(ledger, actor, job, blank.id, 'INSTANT_INTERRUPTED', message);
          return { outcome: 'failed', jobNo, blankNo: blank.cardNo, message };
        }
      }
      if (!decision.handTo) throw new SbkError('INSTANT_DECISION_REQUIRED', `${ADVICE.printed}（任务 ${jobNo}）`, { needs: 'hand_to' });
      const how = info.lastStep === 'print_sent' ? '打印中断，经办人查看卡面完好' : '卡已印好';
      if (decision.handTo === 'applicant') {
        recordMadeCard(ledger, actor, job, blank, { kind: 'applicant' }, note(`${how}，发给申请人本人`));
        return { outcome: 'issued', jobNo, cardNo: job.cardNo, receipt: receiptFor(ledger, actor, job, new Date().toISOString()) };
      }
      const place = storagePlace(ledger, actor, decision.placeName);
      recordMadeCard(ledger, actor, job, blank, { kind: 'stock', placeId: place.id }, note(`${how}，入库待领`));
      return { outcome: 'stocked', jobNo, cardNo: job.cardNo, placeName: place.name };
    }
    default:
      throw new SbkError('INSTANT_JOB_FINISHED', `制卡任务 ${jobNo} 已经处理完毕。`);
  }
}
