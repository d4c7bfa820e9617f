/**
 * The daily count of prefab blanks (预制卡盘点, GD Art. 36 一(四): important blank certificates,
 * 出入库及使用登记，每天盘点数量，确保卡片不丢失). A count is started for a site (all banks or
 * one), the operator's scans are appended as they come (boxes with the quantity counted, loose
 * cards, printer hoppers), and nothing expected is shown until the count is submitted. The
 * submission fixes, per bank, opening + received − consumed − spoiled − moved out = closing
 * beside what was counted, and every missing or unexpected card. Closing needs a reason per
 * difference and a supervisor's approval, or, with no difference, a second person's confirmation;
 * the ledger refuses to close a count whose arithmetic does not hold.
 */
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { ledgerHeadOf } from '../../db/seal-chain.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import {
  countById,
  countEvents,
  countsAtSite,
  headMovementId,
  insertCount,
  insertCountEvent,
  insertLines,
  insertScan,
  insertVariance,
  insertVarianceReason,
  lastClosedLine,
  linesOf,
  onHandAfter,
  onHandPrefab,
  periodFlows,
  prefabBanksAtSite,
  prefabBanksHeld,
  scansOf,
  variancesOf,
  type OnHandCard,
  type StockCountLineRow,
} from '../../db/stock-count-repo.ts';
import { cardsByNumbers } from '../../db/shipments-repo.ts';
import { insertDiscrepancy } from '../../db/discrepancies-repo.ts';
import { recordEmptyOperation } from '../../db/operations-repo.ts';
import { siteById, subtreeIds } from '../../db/sites-repo.ts';
import { boxProgress, checkInResult, confirmBoxCount, scanCard, startCheckIn, type CheckInSession, type ExpectedCard } from '../domain/check-in-session.ts';
import { boxKey } from '../domain/shipment.ts';
import { parseScanCode, resolveBox, type ScanCode } from '../domain/box-label.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { addCalendarDays, isIsoDate, todayInChina, type WorkingCalendar } from '../domain/calendar.ts';
import { SbkError } from '../domain/errors.ts';
import { noCountRow, type CountReportRow, type CountResult } from '../domain/count-report-format.ts';
import { bankHeldOn, missedCountDays as missedDaysOf, type BankHeld } from '../domain/count-coverage.ts';
import { checkApprover, hasRole, type Actor } from './authenticate.ts';
import { operatorById } from '../../db/operators-repo.ts';
import { isLoaded } from '../domain/card-states.ts';
import { stockCountText } from '../i18n/workflows/stock-count.ts';

export type CountStatus = 'counting' | 'submitted' | 'closed' | 'abandoned';

const hopperKey = (placeName: string) => stockCountText.hopperKey({ place: placeName });

function statusOf(types: readonly string[]): CountStatus {
  if (types.includes('abandoned')) return 'abandoned';
  if (types.includes('closed')) return 'closed';
  if (types.includes('submitted')) return 'submitted';
  return 'counting';
}

function requireCount(db: LedgerDb, actor: Actor, id: number) {
  const c = countById(db, id);
  if (!c || !subtreeIds(db, actor.siteId).includes(c.siteId)) throw new SbkError('COUNT_NOT_FOUND', { id });
  const events = countEvents(db, [c.id]);
  return { count: c, events, status: statusOf(events.map((e) => e.type)) };
}

/** Where each expected blank is counted: its box (`批次/箱号`), or the hopper it is loaded in. */
function expectedOf(cards: readonly OnHandCard[]): ExpectedCard[] {
  return cards.map((c) => ({
    cardNo: c.cardNo,
    box: isLoaded(c.state) ? hopperKey(c.placeName ?? '?') : c.box ? boxKey(c.batch ?? '—', c.box) : '-',
  }));
}

export function startCount(ledger: Ledger, actor: Actor, input: { bank?: string | null } = {}): { id: number; bank: string | null } {
  const bank = input.bank?.trim() || null;
  return writeTx(ledger, (tx) => {
    const open = countsAtSite(tx, actor.siteId).filter((c) => (c.bank ?? null) === bank || c.bank === null || bank === null);
    // One count at a time until it is closed: two counts over the same period would count its flows twice.
    const busy = open.find((c) => ['counting', 'submitted'].includes(statusOf(countEvents(tx, [c.id]).map((e) => e.type))));
    if (busy) throw new SbkError('COUNT_OPEN', { id: busy.id });
    const id = insertCount(tx, { siteId: actor.siteId, bank, startedBy: actor.id, startedAt: ledger.now().toISOString() });
    return { id, bank };
  });
}

export type { ScanCode } from '../domain/box-label.ts';

/**
 * Appends scans to a count in progress. Returns how many units have been counted so far (blind:
 * no expected figure), and the new lines' ids (a console takes back its own by id).
 */
export function recordScans(ledger: Ledger, actor: Actor, id: number, codes: readonly (string | ScanCode)[]): { scans: number; countedSoFar: number; ids: number[] } {
  return writeTx(ledger, (tx) => {
    const { count, status } = requireCount(tx, actor, id);
    if (count.siteId !== actor.siteId) throw new SbkError('COUNT_OTHER_SITE.scan');
    if (status !== 'counting') throw new SbkError('COUNT_NOT_OPEN.scan', { id, status });
    const at = ledger.now().toISOString();
    // Every entry is read before any is written: one bad entry (`01=abc`) records none of them.
    const scans = codes.map((c) => (typeof c === 'string' ? parseScanCode(c) : c));
    const ids = scans.map((scan) => insertScan(tx, { countId: id, kind: scan.kind, code: scan.code, quantity: scan.quantity, operatorId: actor.id, at }));
    return { scans: codes.length, countedSoFar: countedSoFar(tx, count, scansOf(tx, id)), ids };
  });
}

/** The boxes (`批次/箱号`) the site's blanks are in now, for reading the operator's box entries. */
function boxesOnHand(db: LedgerDb, count: { siteId: number; bank: string | null }): string[] {
  return [...new Set(onHandPrefab(db, count.siteId, count.bank).flatMap((c) => (c.box && !isLoaded(c.state) ? [boxKey(c.batch ?? '—', c.box)] : [])))];
}

/**
 * Takes back a scan of a count in progress (the console's Ctrl+Z, `sbk count undo`): a
 * reversing line is appended that names it, so both stay in the record and neither counts (GD
 * Art. 36 一(四): the count is a record; nothing is deleted). Which scan: the one `scanId` names
 * (a console's own last entry), else the operator's own last one, never a colleague's: two
 * counters on one count each take back only what they entered. Again, the one before it.
 */
export function undoLastScan(ledger: Ledger, actor: Actor, id: number, opts: { scanId?: number } = {}): { undone: CountEntry; scans: number; countedSoFar: number; scanId: number } {
  return writeTx(ledger, (tx) => {
    const { count, status } = requireCount(tx, actor, id);
    if (count.siteId !== actor.siteId) throw new SbkError('COUNT_OTHER_SITE.scan');
    if (status !== 'counting') throw new SbkError('COUNT_NOT_OPEN.undo', { id, status });
    const live = scansOf(tx, id);
    const own = live.filter((s) => s.operatorId === actor.id);
    const last = opts.scanId === undefined ? own.at(-1) : own.find((s) => s.id === opts.scanId);
    if (!last && opts.scanId !== undefined) throw new SbkError('COUNT_SCAN_ALREADY_UNDONE', { id });
    if (!last) throw new SbkError('COUNT_NOTHING_TO_UNDO', { id });
    insertScan(tx, { countId: id, kind: last.kind, code: last.code, quantity: last.quantity, operatorId: actor.id, at: ledger.now().toISOString(), reverses: last.id });
    const scans = scansOf(tx, id);
    return { undone: { kind: last.kind, code: last.code, quantity: last.quantity }, scans: scans.length, countedSoFar: countedSoFar(tx, count, scans), scanId: last.id };
  });
}

/**
 * Units counted so far, shown while the count is blind: a box's quantity, or the cards scanned
 * from it when the operator went through it card by card — never both (a short box is scanned
 * card by card after its count). A box named by its full label and by its bare one is one box,
 * counted by the last figure given, as the submission reads it.
 */
function countedSoFar(db: LedgerDb, count: { siteId: number; bank: string | null }, scans: readonly { kind: string; code: string; quantity: number | null }[]): number {
  const boxes = boxesOnHand(db, count);
  const boxOf = (code: string) => {
    const r = resolveBox(boxes, code);
    return `box:${r && 'box' in r ? r.box : code}`.toUpperCase();
  };
  const boxQty = new Map<string, number>();
  const cardNos = new Set<string>();
  for (const s of scans) {
    if (s.kind === 'card') cardNos.add(s.code);
    else boxQty.set(s.kind === 'box' ? boxOf(s.code) : `${s.kind}:${s.code}`.toUpperCase(), s.quantity ?? 0);
  }
  const perBox = new Map<string, number>();
  const known = cardsByNumbers(db, [...cardNos]);
  let loose = cardNos.size - known.length;
  for (const c of known) {
    // Labels compare without regard to case, as the box-label grammar reads them.
    const keys = [`box:${boxKey(c.batchCode ?? '—', c.boxLabel ?? '')}`, `box:${c.boxLabel ?? ''}`].map((k) => k.toUpperCase()).filter((k) => boxQty.has(k));
    if (keys[0]) perBox.set(keys[0], (perBox.get(keys[0]) ?? 0) + 1);
    else loose += 1;
  }
  let total = loose;
  for (const [k, q] of boxQty) total += Math.max(q, perBox.get(k) ?? 0);
  return total;
}

/** Units counted so far in a count, for a screen resuming it (blind: the operator's own figures). */
export function countProgress(ledger: Ledger, actor: Actor, id: number): number {
  const { count } = requireCount(ledger.db, actor, id);
  return countedSoFar(ledger.db, count, scansOf(ledger.db, id));
}

/** Replays the appended scans against what the ledger expects now. */
function replay(expected: readonly ExpectedCard[], scans: readonly { kind: string; code: string; quantity: number | null }[]): CheckInSession {
  let s = startCheckIn(expected);
  const boxKeys = [...new Set(expected.map((e) => e.box))];
  const boxOf = (code: string) => {
    const r = resolveBox(boxKeys, code);
    return r && 'box' in r ? r.box : code;
  };
  // A box entered twice counts by its last quantity (a recount corrects the first), and cards
  // scanned one by one count whatever order they came in: cards first, then each box's last figure.
  const lastQty = new Map<string, number>();
  for (const sc of scans) {
    if (sc.kind === 'card') s = scanCard(s, sc.code).session;
    else lastQty.set(sc.kind === 'box' ? boxOf(sc.code) : hopperKey(sc.code), sc.quantity ?? 0);
  }
  for (const [box, qty] of lastQty) s = confirmBoxCount(s, box, qty).session;
  return s;
}

export type CountEntry = { kind: 'card' | 'box' | 'hopper'; code: string; quantity: number | null };

/**
 * What the operator has entered in a count so far, in order (a console resuming a count after
 * a lost link shows them again). The operator's own figures only: nothing expected.
 */
export function countEntries(ledger: Ledger, actor: Actor, id: number): CountEntry[] {
  requireCount(ledger.db, actor, id); // the count must be at the operator's site or below (COUNT_NOT_FOUND)
  return scansOf(ledger.db, id).map((s) => ({ kind: s.kind, code: s.code, quantity: s.quantity }));
}

export type CountLine = Omit<StockCountLineRow, 'countId'>;

export type SubmitResult = Omit<CountResult, 'lines'> & { lines: CountLine[] };

/** The balance and the count must agree with each other before a count may close. */
export function lineHolds(l: CountLine): boolean {
  return l.opening + l.received - l.consumed - l.spoiled - l.movedOut === l.closing && l.counted === l.closing - l.missing + l.unexpected;
}

export function submitCount(ledger: Ledger, actor: Actor, id: number): SubmitResult {
  const submitted = writeTx(ledger, (tx): SubmitResult => {
    const { count, status } = requireCount(tx, actor, id);
    if (count.siteId !== actor.siteId) throw new SbkError('COUNT_OTHER_SITE.submit');
    if (status !== 'counting') throw new SbkError('COUNT_NOT_OPEN.submit', { id });
    const onHand = onHandPrefab(tx, count.siteId, count.bank);
    const expected = expectedOf(onHand);
    const session = replay(expected, scansOf(tx, id));
    const result = checkInResult(session);
    const bankOf = new Map(onHand.map((c) => [c.cardNo, c.bank]));
    const elsewhere = new Map(cardsByNumbers(tx, result.extras).map((c) => [c.cardNo, c]));
    const unexpected = result.extras.map((cardNo) => {
      const k = elsewhere.get(cardNo);
      return { cardNo, bank: k?.bank ?? null, where: k ? (siteById(tx, k.siteId)?.name ?? null) : null };
    });
    const head = headMovementId(tx);
    const banks = [...new Set([...onHand.map((c) => c.bank), ...prefabBanksAtSite(tx, count.siteId), ...unexpected.flatMap((u) => (u.bank ? [u.bank] : []))])]
      .filter((b) => !count.bank || b === count.bank)
      .sort();
    const lines: CountLine[] = banks.map((bank) => {
      const prev = lastClosedLine(tx, count.siteId, bank);
      const fromMovementId = prev?.toMovementId ?? 0;
      const opening = prev ? prev.closing : (onHandAfter(tx, count.siteId, bank, 0).get(bank) ?? 0);
      const f = periodFlows(tx, count.siteId, bank, fromMovementId, head)[0] ?? { received: 0, consumed: 0, spoiled: 0, movedOut: 0 };
      const closing = onHand.filter((c) => c.bank === bank).length;
      const missing = result.missing.filter((m) => bankOf.get(m.cardNo) === bank).length;
      const unexp = unexpected.filter((u) => (u.bank ?? count.bank ?? '') === bank).length;
      const counted = closing - missing + unexp;
      return { bank, fromMovementId, toMovementId: head, opening, received: f.received, consumed: f.consumed, spoiled: f.spoiled, movedOut: f.movedOut, closing, counted, missing, unexpected: unexp };
    });
    insertLines(tx, lines.map((l) => ({ countId: id, ...l })));
    for (const m of result.missing) {
      insertVariance(tx, { countId: id, kind: 'missing', cardNo: m.cardNo, cardId: onHand.find((c) => c.cardNo === m.cardNo)?.id ?? null, bank: bankOf.get(m.cardNo) ?? null, box: m.box });
    }
    for (const u of unexpected) insertVariance(tx, { countId: id, kind: 'unexpected', cardNo: u.cardNo, cardId: elsewhere.get(u.cardNo)?.id ?? null, bank: u.bank, box: null });
    insertCountEvent(tx, { countId: id, type: 'submitted', operatorId: actor.id, at: ledger.now().toISOString() });
    return {
      id,
      lines,
      boxes: boxProgress(session).map((b) => ({ box: b.box, expected: b.expected, counted: b.counted })),
      missing: result.missing.map((m) => ({ cardNo: m.cardNo, bank: bankOf.get(m.cardNo) ?? '', box: m.box })),
      unexpected,
      clean: result.missing.length === 0 && unexpected.length === 0,
    };
  });
  // The count's paper ends with the seal that holds it (read after the commit).
  return { ...submitted, ledgerHead: ledgerHeadOf(ledger.sqlite) };
}

export type CloseInput = {
  /** A reason for every difference, by card number (GD Art. 36: no blank may go unaccounted). */
  reasons?: Readonly<Record<string, string>>;
  /** A supervisor other than the operator, when there are differences. */
  approver?: Actor | null;
  /** Another operator who counted along, when there are none. */
  confirmer?: Actor | null;
};

export function closeCount(ledger: Ledger, actor: Actor, id: number, input: CloseInput): { closed: true; variances: number } {
  return writeTx(ledger, (tx) => {
    const { count, status } = requireCount(tx, actor, id);
    if (status !== 'submitted') throw new SbkError('COUNT_NOT_SUBMITTED', { id, status });
    const bad = linesOf(tx, [id]).filter((l) => !lineHolds(l));
    if (bad.length > 0) throw new SbkError('COUNT_ARITHMETIC', { id, banks: bad.map((l) => l.bank) });
    const variances = variancesOf(tx, id);
    const second = variances.length > 0 ? input.approver : input.confirmer;
    if (variances.length > 0) {
      const missingReasons = variances.filter((v) => !input.reasons?.[v.cardNo]?.trim());
      if (missingReasons.length > 0) {
        throw new SbkError('COUNT_REASON_REQUIRED', { n: missingReasons.length, first: missingReasons[0]!.cardNo }, { cards: missingReasons.map((v) => v.cardNo) });
      }
      if (!second || !hasRole(second, 'supervisor')) throw new SbkError('COUNT_APPROVAL_REQUIRED');
    } else if (!second) {
      throw new SbkError('COUNT_CONFIRM_REQUIRED');
    }
    if (second!.id === actor.id) throw new SbkError('SECOND_OPERATOR_SAME.count');
    if (!subtreeIds(tx, second!.siteId).includes(count.siteId)) throw new SbkError('SECOND_OPERATOR_SCOPE.count', { name: second!.name });
    const at = ledger.now().toISOString();
    const opId = `count-close:${id}`;
    recordEmptyOperation(tx, opId, 'count_close', actor.id);
    for (const v of variances) {
      const reason = input.reasons![v.cardNo]!.trim();
      insertVarianceReason(tx, { varianceId: v.id, reason, givenBy: actor.id, at });
      // Still open for the office until the blank is found or declared lost (discrepancy-resolve.ts).
      insertDiscrepancy(tx, {
        siteId: count.siteId,
        kind: v.kind === 'missing' ? 'missing' : 'extra',
        cardId: v.kind === 'missing' ? v.cardId : null,
        cardNo: v.cardNo,
        boxId: null,
        refKind: 'count',
        refId: String(id),
        note: stockCountText.varianceNote({ kind: v.kind === 'missing' ? 'missing' : 'unexpected', box: v.box, reason }),
        operationId: opId,
        openedBy: actor.id,
        openedAt: at,
      });
    }
    insertCountEvent(tx, { countId: id, type: 'closed', operatorId: actor.id, secondOperatorId: second!.id, at });
    return { closed: true, variances: variances.length };
  });
}

export function abandonCount(ledger: Ledger, actor: Actor, id: number, reason: string): void {
  writeTx(ledger, (tx) => {
    const { status } = requireCount(tx, actor, id);
    if (status === 'closed' || status === 'abandoned') throw new SbkError('COUNT_NOT_OPEN.abandon', { id });
    insertCountEvent(tx, { countId: id, type: 'abandoned', operatorId: actor.id, at: ledger.now().toISOString(), note: reason.trim() || null });
  });
}

export type CountView = {
  id: number;
  site: { code: string; name: string };
  bank: string | null;
  status: CountStatus;
  startedAt: string;
  startedBy: string;
  scans: number;
  submittedAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  /** Only after submission: before it the count is blind. */
  lines: CountLine[] | null;
  variances: { cardNo: string; kind: string; bank: string | null; box: string | null; reason: string | null }[] | null;
};

export function countView(ledger: Ledger, actor: Actor, id: number): CountView {
  const { count, events, status } = requireCount(ledger.db, actor, id);
  const site = siteById(ledger.db, count.siteId)!;
  const submitted = events.find((e) => e.type === 'submitted');
  const closed = events.find((e) => e.type === 'closed');
  const starter = operatorById(ledger.db, count.startedBy);
  return {
    id,
    site: { code: site.code, name: site.name },
    bank: count.bank,
    status,
    startedAt: count.startedAt,
    startedBy: starter?.name ?? '',
    scans: scansOf(ledger.db, id).length,
    submittedAt: submitted?.at ?? null,
    closedAt: closed?.at ?? null,
    closedBy: closed?.operatorName ?? null,
    lines: submitted ? linesOf(ledger.db, [id]).map(({ countId: _c, ...l }) => l) : null,
    variances: submitted ? variancesOf(ledger.db, id).map((v) => ({ cardNo: v.cardNo, kind: v.kind, bank: v.bank, box: v.box, reason: v.reason })) : null,
  };
}

export type SiteCountStatus = { site: { code: string; name: string }; onHand: number; today: { id: number; status: CountStatus } | null };

/** Today's count per site that holds blanks (the operator's site and below). */
export function countStatusToday(ledger: Ledger, actor: Actor, now: Date = ledger.now()): SiteCountStatus[] {
  const today = todayInChina(now);
  const out: SiteCountStatus[] = [];
  for (const siteId of subtreeIds(ledger.db, actor.siteId)) {
    const onHand = onHandPrefab(ledger.db, siteId, null).length;
    const counts = countsAtSite(ledger.db, siteId).filter((c) => todayInChina(new Date(c.startedAt)) === today);
    if (onHand === 0 && counts.length === 0) continue;
    const site = siteById(ledger.db, siteId)!;
    const latest = counts[0];
    out.push({
      site: { code: site.code, name: site.name },
      onHand,
      today: latest ? { id: latest.id, status: statusOf(countEvents(ledger.db, [latest.id]).map((e) => e.type)) } : null,
    });
  }
  return out;
}

export type ReportRow = CountReportRow;

/**
 * A site's closed counts, by the China date each was submitted and bank, and the banks it has
 * held since when: what the report and the home alert both judge missed days by
 * (src/domain/count-coverage.ts).
 */
function siteCoverage(ledger: Ledger, siteId: number) {
  const counts = countsAtSite(ledger.db, siteId);
  const events = countEvents(ledger.db, counts.map((c) => c.id));
  const closedIds = new Set(events.filter((e) => e.type === 'closed').map((e) => e.countId));
  const lines = linesOf(ledger.db, [...closedIds]);
  const submitted = new Map(events.filter((e) => e.type === 'submitted').map((e) => [e.countId, todayInChina(new Date(e.at))]));
  const dayOf = (countId: number) => submitted.get(countId)!;
  const covered = new Set(lines.map((l) => `${dayOf(l.countId)}|${l.bank}`));
  const banks: BankHeld[] = prefabBanksHeld(ledger.db, siteId).map((b) => ({ bank: b.bank, since: todayInChina(new Date(b.since)) }));
  return { counts, events, lines, dayOf, banks, counted: (date: string, bank: string) => covered.has(`${date}|${bank}`) };
}

/** One row per day and bank over [from, to] (China dates) for the operator's site. */
export function reconciliationReport(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, period: { from: string; to: string }): ReportRow[] {
  for (const d of [period.from, period.to]) if (!isIsoDate(d)) throw new SbkError('DATE_INVALID.custody', { date: d });
  if (period.from > period.to) throw new SbkError('DATE_RANGE');
  // A day that has not come yet has no count to show, and would be marked 当日无已结束的盘点 on paper.
  const today = todayInChina(ledger.now());
  if (period.to > today) throw new SbkError('DATE_IN_FUTURE.countReport', { date: period.to, today });
  const { counts, events, lines, dayOf, banks, counted } = siteCoverage(ledger, actor.siteId);
  const missed = new Set(
    missedDaysOf({ ...period, banks, counted, isWorkingDay: (d) => calendar.isWorkingDay(d) }).flatMap((m) => m.banks.map((b) => `${m.date}|${b}`)),
  );
  const rows: ReportRow[] = [];
  for (let d = period.from; d <= period.to; d = addCalendarDays(d, 1)) {
    // A bank's rows start on the day the site first held its blanks.
    for (const { bank } of banks.filter((b) => bankHeldOn(b, d))) {
      const day = lines.filter((l) => l.bank === bank && dayOf(l.countId) === d).sort((a, b) => a.toMovementId - b.toMovementId);
      if (day.length === 0) {
        rows.push(noCountRow(d, bank, missed.has(`${d}|${bank}`) ? stockCountText.noClosedCount : null));
        continue;
      }
      const sum = (k: 'received' | 'consumed' | 'spoiled' | 'movedOut') => day.reduce((a, l) => a + l[k], 0);
      const last = day.at(-1)!;
      const closed = events.find((e) => e.countId === last.countId && e.type === 'closed')!;
      const starter = counts.find((c) => c.id === last.countId)!;
      const name = (opId: number | null) => (opId == null ? null : (operatorById(ledger.db, opId)?.name ?? null));
      rows.push({
        date: d,
        bank,
        opening: day[0]!.opening,
        received: sum('received'),
        consumed: sum('consumed'),
        spoiled: sum('spoiled'),
        movedOut: sum('movedOut'),
        closing: last.closing,
        counted: last.counted,
        differences: last.missing + last.unexpected,
        countedBy: name(starter.startedBy),
        approvedBy: name(closed.secondOperatorId),
        warning: null,
      });
    }
  }
  return rows;
}

/**
 * Working days in the last `days` (today not included: its count may still come) on which a
 * site holding blanks now had no closed count of a bank it already held (the home screen's
 * warning). The same rule as the report's warnings, so the two agree.
 */
export function missedCountDays(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, now: Date = ledger.now(), days = 7): { site: string; dates: string[] }[] {
  const today = todayInChina(now);
  const out: { site: string; dates: string[] }[] = [];
  for (const siteId of subtreeIds(ledger.db, actor.siteId)) {
    if (onHandPrefab(ledger.db, siteId, null).length === 0) continue;
    const { banks, counted } = siteCoverage(ledger, siteId);
    const from = addCalendarDays(today, -days);
    const to = addCalendarDays(today, -1);
    const dates = missedDaysOf({ from, to, banks, counted, isWorkingDay: (d) => calendar.isWorkingDay(d) }).map((m) => m.date);
    if (dates.length > 0) out.push({ site: siteById(ledger.db, siteId)?.name ?? '', dates });
  }
  return out;
}

/** GD Art. 36 / Annex 9: a spoiled blank is kept until destroyed, before two people. */
export function destroySpoiled(ledger: Ledger, actor: Actor, approver: Actor, input: { operationId: string; cardNos: readonly string[]; reason: string }): { destroyed: number } {
  if (!input.reason.trim()) throw new SbkError('REASON_REQUIRED.destroy');
  checkApprover(ledger, actor, approver);
  return writeTx(ledger, (tx) => {
    const found = new Map(cardsByNumbers(tx, input.cardNos.map((n) => normalizeCardInput(n))).map((c) => [c.cardNo, c]));
    const moves = input.cardNos.map((raw) => {
      const no = normalizeCardInput(raw);
      const c = found.get(no);
      if (!c || c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.custody', { card: no });
      return { cardId: c.id, type: 'destroy' as const, reason: input.reason.trim(), refKind: 'destroy', refId: input.operationId };
    });
    appendMovements(tx, { id: input.operationId, kind: 'destroy', operatorId: actor.id, secondOperatorId: approver.id }, moves);
    return { destroyed: moves.length };
  });
}
