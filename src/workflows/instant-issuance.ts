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
import { checkIdDocument } from '../domain/id-documents.ts';
import { parseName, namesEqual } from '../domain/rare-names.ts';
import { checkSocialSecurityCardNumber } from '../domain/card-codes.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { todayInChina } from '../domain/china-dates.ts';
import { cardFace } from '../domain/card-face.ts';
import type { IssueReceipt } from '../domain/issue-receipt-format.ts';
import type { InstantPrinter } from '../../drivers/printer/instant-printer.ts';
import { PrinterError } from '../../drivers/printer/instant-printer.ts';
import { ReaderError, type BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import type { CaAuthority } from './ca-authority.ts';
import { ledgerProfile } from './issue-card.ts';
import type { Actor } from './authenticate.ts';

export type Applicant = {
  name: string;
  /** For rare-character names: the name with the characters themselves (see card-face.ts). */
  printedName?: string;
  idNumber: string;
  bank: string;
  /** The card number the province system assigned (GD Annex 9 二(一) 第3步). */
  cardNo: string;
  /** JPEG or PNG, base64. */
  photoBase64: string;
};

/** One printer and the hopper the applicant's blanks are in. */
export type InstantStation = { printerId: string; printer: InstantPrinter; hopperNo: number; hopperName: string; ca: CaAuthority };

export type InstantPhase = 'load' | 'check_blank' | 'write' | 'ca' | 'verify' | 'print' | 'record';
export const INSTANT_PHASE_LABELS: Readonly<Record<InstantPhase, string>> = {
  load: '进卡',
  check_blank: '核对空白卡',
  write: '写入个人信息',
  ca: '写入 CA 证书',
  verify: '回读核对',
  print: '印制卡面',
  record: '登记发放',
};

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

function isPhoto(base64: string): boolean {
  const head = Buffer.from(base64.slice(0, 16), 'base64');
  return (head[0] === 0xff && head[1] === 0xd8) || (head[0] === 0x89 && head.subarray(1, 4).toString() === 'PNG');
}

function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // 29 February ten years on is 28 February: the card expires on the last day of that month.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The checks that need no printer: done before a blank is touched. */
export function checkApplicant(ledger: Ledger, a: Applicant): Applicant & { idNumber: string; cardNo: string } {
  const id = checkIdDocument('resident_id', a.idNumber);
  if (!id.ok) throw new SbkError(id.code, `申请人${id.message}`);
  const name = parseName(a.name);
  if (!name.ok) throw new SbkError(name.code, name.message);
  const no = checkSocialSecurityCardNumber(a.cardNo);
  if (!no.ok) throw new SbkError(no.code, no.message);
  if (no.value.startsWith('*')) throw new SbkError('CARD_NUMBER', '“*”开头的是预制卡占位号，请填写省卡管系统分配的社保卡号。');
  if (cardsByNumbers(ledger.db, [no.value]).length > 0) throw new SbkError('CARD_EXISTS', `卡号 ${no.value} 已在台账中，不能再制一张。`);
  if (!a.bank.trim()) throw new SbkError('BANK_REQUIRED', '请选择申请人的服务银行（GD 第十二条：申请人可自主选择合作银行）。');
  if (!isPhoto(a.photoBase64)) throw new SbkError('FACE_PHOTO_MISSING', '申请人相片须为 JPG 或 PNG 图片，请重新采集或导入相片。');
  const held = holderCardsByIdNumber(ledger.db, id.value);
  if (held.some((c) => c.deceasedAt)) throw new SbkError('HOLDER_DECEASED', '台账记载此证件号码的持卡人已身故，不能为其制卡。');
  if (held.length > 0 && !held.some((c) => namesEqual(c.holderName ?? '', a.name))) {
    throw new SbkError('HOLDER_NAME_MISMATCH', '此证件号码在台账中登记的姓名与所填姓名不同，请核对证件。');
  }
  cardFace({ ledgerName: a.name, printedName: a.printedName, ssn: id.value, cardNo: no.value, issueDate: '2000-01-01', photoBase64: a.photoBase64 });
  return { ...a, idNumber: id.value, cardNo: no.value, name: a.name.trim() };
}

function hopperPlace(ledger: Ledger, actor: Actor, name: string) {
  const p = placesAt(ledger.db, actor.siteId).find((x) => x.kind === 'hopper' && x.name === name);
  if (!p) throw new SbkError('HOPPER_NOT_FOUND', `本网点台账中没有卡盒“${name}”：请检查设备配置中的卡盒对应关系。`);
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
      { cardId: blankId, type: 'spoil', toPlaceId: null, reason: `即时制卡失败（${job.jobNo}）：${message}`, refKind: 'instant', refId: job.jobNo },
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
  now: Date = new Date(),
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
        reason: `即时制卡：制成社保卡 ${job.cardNo}，持卡人 ${job.applicantName}（${maskIdNumber(job.applicantIdNumber)}）`,
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
    if (stockPlace == null) throw new SbkError('PLACE_REQUIRED', '本网点没有保管地点（保险柜、卡柜或货架），请先由管理员添加。');
    appendMovements(tx, { id: `instant:${job.jobNo}:receive`, kind: 'receive', operatorId: actor.id }, [
      { cardId, type: 'receive', toPlaceId: stockPlace, counterpartRole: 'custodian', counterpartName: actor.name, method: `即时制卡（${job.printerId}）`, ...ref },
    ]);
    if (to.kind === 'applicant') {
      appendMovements(tx, { id: `instant:${job.jobNo}:issue`, kind: 'issue', operatorId: actor.id }, [
        { cardId, type: 'issue', toPlaceId: null, counterpartRole: 'receiver', counterpartName: job.applicantName, method: '即时制卡 本人领取', reason: reason, ...ref },
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
  input: { operationId: string; applicant: ReturnType<typeof checkApplicant>; attempt?: number },
  now = new Date(),
): { job: InstantJobRow; expected: HopperCard } {
  const a = input.applicant;
  const hopper = hopperPlace(ledger, actor, station.hopperName);
  return writeTx(ledger, (tx) => {
    if (instantJobByOperation(tx, input.operationId)) {
      throw new SbkError('OPERATION_ID_REUSED', '同一操作编号已用于另一次制卡，未做任何更改。请重新发起操作。', { operationId: input.operationId });
    }
    const pending = unfinishedInstantJobs(tx, actor.siteId).find((j) => j.printerId === station.printerId);
    if (pending) throw new SbkError('INSTANT_UNRESOLVED', `制卡机 ${station.printerId} 上还有未完成的制卡任务 ${pending.jobNo}：请先处理（即时制卡页面会列出）。`, { jobNo: pending.jobNo });
    const queue = hopperQueue(tx, hopper.id);
    const expected = queue[0];
    if (!expected) throw new SbkError('HOPPER_EMPTY_LEDGER', `台账记载卡盒“${hopper.name}”中没有预制卡：请先扫描登记装盒。`);
    if (expected.bank !== a.bank) throw new SbkError('HOPPER_WRONG_BANK', `卡盒“${hopper.name}”装的是${expected.bank}的预制卡，申请人的服务银行是${a.bank}：请选装有该行预制卡的卡盒。`);
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
      applicantIdType: 'resident_id',
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
  now = new Date(),
): Promise<InstantResult> {
  const applicant = checkApplicant(ledger, input.applicant);
  // Before a blank is fed: a printer that cannot finish a card would only spoil it.
  const ready = await station.printer.status();
  if (ready.jammed) throw new PrinterError(-102, 'jammed');
  if (ready.coverOpen) throw new PrinterError(-103, 'cover open');
  if (ready.ribbon === 'out') throw new PrinterError(-104, 'ribbon out');
  const { job, expected } = startInstantJob(ledger, actor, station, { ...input, applicant }, now);
  hooks.afterStep?.('started');
  const ctx: Ctx = { ledger, actor, job, expected };
  const p = station.printer;
  const failed = async (e: SbkError, stillAtReader: boolean): Promise<InstantResult> => {
    const ejectProblem = stillAtReader ? await ejectToBadBin(p) : null;
    const message = ejectProblem ? `${e.message}（退卡未成功：${ejectProblem}，请打开机盖取出此卡放入废卡处）` : e.message;
    spoilJobBlank(ledger, actor, job, expected.id, e.code, message);
    return { status: 'failed', jobNo: job.jobNo, blankNo: expected.cardNo, code: e.code, message };
  };

  hooks.onPhase?.('load');
  try {
    await p.loadCard(station.hopperNo);
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    if (NOTHING_FED.has(e.code)) {
      voidJob(ledger, actor, job, e.code, e.message);
      return { status: 'void', jobNo: job.jobNo, code: e.code, message: e.message };
    }
    // A jam while feeding damages the blank the hopper was feeding: the ledger's next one.
    return failed(e, false);
  }

  hooks.onPhase?.('check_blank');
  let chip: BasicCardInfo;
  try {
    chip = await p.readBasic(3);
  } catch (e) {
    if (e instanceof ReaderError && e.code === 'READER_NO_CARD') {
      voidJob(ledger, actor, job, e.code, e.message);
      return { status: 'void', jobNo: job.jobNo, code: e.code, message: `进卡后读卡位置没有卡：${e.message}` };
    }
    if (e instanceof ReaderError || e instanceof PrinterError) return failed(e, true);
    throw e;
  }
  if (chip.cardIdCode !== expected.cardIdCode || !isBlankChip(chip)) {
    // GD Art. 36: the hopper's order is the ledger's; a different card means the ledger and the
    // hopper disagree, so nothing is written to it and nobody's card is spoiled.
    const other = chip.cardIdCode ? prefabNoByIdCode(ledger.db, chip.cardIdCode) : null;
    const ejectProblem = await ejectToBadBin(p);
    const what = !isBlankChip(chip) ? '一张已写入个人信息的卡' : other ? `预制卡 ${other}` : `台账中没有的卡（卡识别码 ${chip.cardIdCode || '空'}）`;
    const message = `卡盒顺序与台账不符：进卡读到${what}，台账的下一张应为 ${expected.cardNo}。此卡已退至废卡口但没有作废；请取出卡盒中的卡，卸盒后按顺序重新扫描装盒。${ejectProblem ? `（退卡未成功：${ejectProblem}）` : ''}`;
    voidJob(ledger, actor, job, 'HOPPER_ORDER_MISMATCH', message);
    return { status: 'void', jobNo: job.jobNo, code: 'HOPPER_ORDER_MISMATCH', message };
  }
  step(ctx, 'loaded', hooks);

  const issueDate = todayInChina(now);
  const personal = {
    regionCode: chip.regionCode || actor.siteCode.slice(0, 6),
    ssn: job.applicantIdNumber,
    cardNo: job.cardNo,
    name: job.applicantName,
    issueDate: issueDate.replaceAll('-', ''),
    expiryDate: addYears(issueDate, 10).replaceAll('-', ''),
  };
  try {
    hooks.onPhase?.('write');
    await p.writePersonal(personal);
    hooks.onPhase?.('ca');
    const publicKey = await p.writeCaStep1();
    const ca = await station.ca.certify(publicKey, { ssn: personal.ssn, cardNo: personal.cardNo });
    await p.writeCaStep2(ca);
    hooks.onPhase?.('verify');
    const back = await p.readBasic(3);
    const wrong = [
      back.ssn !== personal.ssn ? '社会保障号码' : null,
      back.cardNo !== personal.cardNo ? '卡号' : null,
      !namesEqual(back.name, personal.name) ? '姓名' : null,
      back.cardIdCode !== expected.cardIdCode ? '卡识别码' : null,
    ].filter(Boolean);
    if (wrong.length > 0) throw new SbkError('INSTANT_READBACK_MISMATCH', `写卡后回读核对不符（${wrong.join('、')}）：此卡已作废，请换下一张卡（湖北省社保卡业务经办规程第十六条：读卡检测不合格的卡不得发放）。`);
  } catch (e) {
    if (e instanceof PrinterError || e instanceof ReaderError || (isSbkError(e) && e.code === 'INSTANT_READBACK_MISMATCH')) return failed(e as SbkError, true);
    throw e;
  }
  step(ctx, 'personalised', hooks);

  hooks.onPhase?.('print');
  const face = cardFace({ ledgerName: job.applicantName, printedName: input.applicant.printedName, ssn: personal.ssn, cardNo: job.cardNo, issueDate, photoBase64: input.applicant.photoBase64 });
  step(ctx, 'print_sent', hooks);
  try {
    await p.print(1, face);
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    // iPrint ejects whether or not it printed (Annex 9: 不论印卡是否成功，执行完本命令均要自动退卡),
    // but a printer that refused to start (cover open, ribbon out) may still hold the written card.
    const held = await p.status().then((st) => st.cardAtReader, () => true);
    return failed(e, held);
  }
  step(ctx, 'printed', hooks);

  hooks.onPhase?.('record');
  recordMadeCard(ledger, actor, job, blankOf(ledger, expected.id), { kind: 'applicant' }, '即时制卡：写卡回读核对通过，本人当场领取', now);
  hooks.afterStep?.('issued');
  return { status: 'issued', jobNo: job.jobNo, cardNo: job.cardNo, blankNo: expected.cardNo, receipt: receiptFor(ledger, actor, job, new Date().toISOString()) };
}

export function blankOf(ledger: Ledger, id: number): BlankRow {
  const c = blankById(ledger.db, id);
  if (!c) throw new SbkError('CARD_NOT_FOUND', `台账中没有编号为 ${id} 的预制卡。`);
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
