/**
 * Overdue and sleeping cards, recall, and what follows (GD Art. 32-33; HB Art. 17): the list of
 * cards due for recall with their deadlines, recall with a reason category, statistics by
 * category and site, the cancellation list, and cancelling or sealing with a supervisor's
 * approval. The numbers (months, working days, what happens after) come from the ledger's rule
 * profile (src/domain/rule-profiles.ts).
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { cancellationCandidates, overdueCandidates, overdueLabels, holderCardByNo, recallMovements, type OverdueCandidate } from '../../db/issuance-queries.ts';
import { isRetryOf, movementsOfOperation } from '../../db/operations-repo.ts';
import { placesAt, requireSite, subtreeIds } from '../../db/sites-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { isIsoDate, todayInChina } from '../domain/china-dates.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { CANCELLABLE_STATES, isAgentHeld, MOVEMENT_LABELS, stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { assessOverdue, dueForCancellation, type HolderRecallFlag, type OverdueAssessment, type OverdueCategory } from '../domain/overdue.ts';
import { RECALL_REASONS, recallReasonOf, recallReasonText, type RecallReasonCode } from '../domain/recall-reasons.ts';
import { addCalendarDays, addCalendarMonths, type WorkingCalendar } from '../domain/calendar.ts';
import { checkApprover, type Actor } from './authenticate.ts';
import { ledgerProfile } from './issue-card.ts';
import { readSetting } from './settings.ts';
import { flagHolder } from './holder-flags.ts';

export type OverdueRow = {
  cardNo: string;
  holderName: string | null;
  holderIdMasked: string | null;
  site: { code: string; name: string };
  batch: string | null;
  state: string;
  /** China date the site received the card, or the agent took it, or (countsFrom 'made') the card was made. */
  receivedOn: string | null;
  /** What receivedOn is: in Hubei a sleeping card counts from its making (HB Art. 17: 制卡超过6个月). */
  countsFrom: 'held' | 'made';
  category: OverdueCategory;
  phase: 'warning' | 'overdue';
  overdueFrom: string;
  recallDueBy: string;
  recallDueBasis: string;
  daysOverdue: number;
  /** Past the recall deadline: the office missed the 10 working days. */
  late: boolean;
};

export type OverdueFilter = { siteCode?: string; asOf?: string; includeWarnings?: boolean };

function scopeIds(ledger: Ledger, actor: Actor, siteCode?: string): number[] {
  const mine = subtreeIds(ledger.db, actor.siteId);
  if (!siteCode) return mine;
  const s = requireSite(ledger.db, siteCode);
  if (!mine.includes(s.id)) throw new SbkError('SITE_OUT_OF_SCOPE.custody', { site: siteCode });
  return subtreeIds(ledger.db, s.id);
}

const chinaDate = (iso: string | null) => (iso ? todayInChina(new Date(iso)) : null);

/** Cards of one assessment: an office's cohort of a day, or a dead holder's cards of a day. */
type DueGroup = { receivedOn: string; a: OverdueAssessment; phase: OverdueRow['phase']; late: boolean; cards: OverdueCandidate[] };

/** The cards overdueList lists, by assessment, in no particular order. */
function dueGroups(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, filter: OverdueFilter, now: Date, withHolders: boolean): DueGroup[] {
  const asOf = filter.asOf ?? todayInChina(now);
  if (!isIsoDate(asOf)) throw new SbkError('DATE_INVALID.custody', { date: asOf });
  const profile = ledgerProfile(ledger);
  const warningDays = Number(readSetting(ledger, 'overdue-warning-days'));
  // Cards received the same day share their assessment (a cohort is thousands of cards): the
  // working-day count behind each deadline is worked out once per day, not once per card.
  const byDay = new Map<string, DueGroup | null>();
  const groupOf = (state: string, receivedOn: string, deceasedOn: string | null, flag: HolderRecallFlag | null = null): DueGroup | null => {
    const key = `${state}|${receivedOn}|${deceasedOn ?? ''}|${flag ? `${flag.kind}@${flag.on}` : ''}`;
    let g = byDay.get(key);
    if (g === undefined) {
      const a = assessOverdue({ state, heldSince: receivedOn, holderDeceasedOn: deceasedOn, holderFlag: flag }, asOf, profile, calendar, warningDays);
      g = !a || a.phase === 'ok' || (a.phase === 'warning' && !filter.includeWarnings) ? null : { receivedOn, a, phase: a.phase, late: a.phase === 'overdue' && asOf > a.recallDueBy, cards: [] };
      byDay.set(key, g);
    }
    return g;
  };
  // Only cards old enough to be listed (and dead holders') are read: a province-scale ledger
  // holds far more cards in stock than overdue ones. The later a card came, the later its
  // dates, so the listed days end at one day: the rules find it, stepping back from a day
  // past it (three days' slack covers month-end clamping).
  const before = (state: string, months: number) => {
    let day = addCalendarDays(addCalendarMonths(addCalendarDays(asOf, warningDays + 3), -months), -1);
    for (let k = 0; k < 400 && !groupOf(state, day, null); k++) day = addCalendarDays(day, -1);
    return new Date(`${addCalendarDays(day, 1)}T00:00:00+08:00`).toISOString();
  };
  // The cards of one sign-in share its instant, so most cards cost one lookup by it.
  const byInstant = new Map<string, Map<string, DueGroup | null>>();
  const scope = scopeIds(ledger, actor, filter.siteCode);
  for (const c of overdueCandidates(ledger.db, scope, before('in_stock', profile.overdueMonths), before('agent_held', profile.sleepingMonths), withHolders, profile.sleepingFrom)) {
    if (!c.heldSince) continue;
    let g: DueGroup | null | undefined;
    if (c.deceasedAt !== null || c.flag !== null) g = groupOf(c.state, chinaDate(c.heldSince)!, c.deceasedAt, c.flag);
    else {
      let instants = byInstant.get(c.state);
      if (!instants) byInstant.set(c.state, (instants = new Map()));
      g = instants.get(c.heldSince);
      if (g === undefined) instants.set(c.heldSince, (g = groupOf(c.state, chinaDate(c.heldSince)!, null)));
    }
    g?.cards.push(c);
  }
  return [...byDay.values()].filter((g): g is DueGroup => g !== null && g.cards.length > 0);
}

/** Cards due for recall (and, on request, those within the warning period), most urgent first. */
export function overdueList(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, filter: OverdueFilter = {}, now: Date = ledger.now()): OverdueRow[] {
  const groups = dueGroups(ledger, actor, calendar, filter, now, true);
  const labels = overdueLabels(ledger.db, groups.flatMap((g) => g.cards));
  const row = (c: OverdueCandidate, g: DueGroup): OverdueRow => {
    const site = labels.sites.get(c.siteId)!;
    return {
      cardNo: c.cardNo,
      holderName: c.holderName,
      holderIdMasked: c.holderIdNumber ? maskIdNumber(c.holderIdNumber) : null,
      site: { code: site.code, name: site.name },
      batch: c.batchId === null ? null : (labels.batches.get(c.batchId) ?? null),
      state: c.state,
      receivedOn: g.receivedOn,
      countsFrom: c.fromMaking ? 'made' : 'held',
      category: g.a.category,
      phase: g.phase,
      overdueFrom: g.a.overdueFrom,
      recallDueBy: g.a.recallDueBy,
      recallDueBasis: g.a.recallDueBasis,
      daysOverdue: g.a.daysOverdue,
      late: g.late,
    };
  };
  // Overdue before warnings, then by deadline, then by card number. The first two are the
  // group's: groups are ordered, and the cards of groups that tie sorted by number together
  // (20,000 cards compared within a few hundred runs rather than all with all).
  const rank = (g: DueGroup) => (g.phase === 'overdue' ? 0 : 1);
  const order = (x: DueGroup, y: DueGroup) => rank(x) - rank(y) || x.a.recallDueBy.localeCompare(y.a.recallDueBy);
  groups.sort(order);
  const parts: OverdueRow[][] = [];
  for (let i = 0; i < groups.length; ) {
    const part: OverdueRow[] = [];
    let j = i;
    for (; j < groups.length && order(groups[i]!, groups[j]!) === 0; j++) for (const c of groups[j]!.cards) part.push(row(c, groups[j]!));
    parts.push(part.sort((a, b) => a.cardNo.localeCompare(b.cardNo)));
    i = j;
  }
  return parts.flat();
}

/** What the home screen says of overdueList: how many cards, by category, and how many are late. */
export function overdueCounts(
  ledger: Ledger,
  actor: Actor,
  calendar: WorkingCalendar,
  filter: OverdueFilter = {},
  now: Date = ledger.now(),
): { total: number; late: number; byCategory: Record<OverdueRow['category'], number> } {
  const counts = { total: 0, late: 0, byCategory: { unclaimed: 0, sleeping: 0, deceased: 0, emigrated: 0, missing: 0, undeliverable: 0 } };
  for (const g of dueGroups(ledger, actor, calendar, filter, now, false)) {
    counts.total += g.cards.length;
    counts.byCategory[g.a.category] += g.cards.length;
    if (g.late) counts.late += g.cards.length;
  }
  return counts;
}

export type RecallInput = { operationId: string; cardNos: readonly string[]; reason: RecallReasonCode; note?: string | null; placeName?: string | null };

/** Recalls cards at the operator's site (GD Art. 32 一(二): recall time, recaller and reason recorded). */
export function recallCards(ledger: Ledger, actor: Actor, input: RecallInput): { recalled: number; replayed: boolean } {
  const reason = recallReasonText(input.reason, input.note ?? undefined);
  return writeTx(ledger, (tx) => {
    if (isRetryOf(tx, input.operationId, ['recall'], actor.id)) return { recalled: movementsOfOperation(tx, input.operationId).length, replayed: true };
    const nos = [...new Set(input.cardNos.map((n) => normalizeCardInput(n)).filter(Boolean))];
    if (nos.length === 0) throw new SbkError('SELECTION_EMPTY.recall');
    const storage = placesAt(tx, actor.siteId).filter((p) => p.kind !== 'hopper');
    const place = input.placeName ? storage.find((p) => p.name === input.placeName!.trim()) : storage[0];
    if (!place) throw new SbkError('PLACE_NOT_FOUND.custody', { name: input.placeName ?? '' });
    const moves = nos.map((no) => {
      const c = holderCardByNo(tx, no);
      if (!c) throw new SbkError('CARD_NOT_FOUND.custody', { card: no });
      if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.recall', { card: no, site: c.siteName });
      // A sleeping card comes back from the unit's agent into the office's keeping.
      return { cardId: c.id, type: 'recall' as const, toPlaceId: isAgentHeld(c.state) ? place.id : c.placeId, reason, refKind: 'recall', refId: input.operationId };
    });
    appendMovements(tx, { id: input.operationId, kind: 'recall', operatorId: actor.id }, moves);
    return { recalled: moves.length, replayed: false };
  });
}

export type RecallStats = {
  total: number;
  byCategory: { code: RecallReasonCode; label: string; n: number }[];
  bySite: { siteCode: string; siteName: string; code: RecallReasonCode; label: string; n: number }[];
};

/** GD Art. 32 一(二): 分类统计 of recalls, by category and by site, over an optional period (China dates, inclusive). */
export function recallStatistics(ledger: Ledger, actor: Actor, period: { from?: string; to?: string } = {}): RecallStats {
  for (const d of [period.from, period.to]) {
    if (d !== undefined && !isIsoDate(d)) throw new SbkError('DATE_INVALID.custody', { date: d });
  }
  const iso = (d: string, plusDay = false) => new Date(Date.parse(`${d}T00:00:00+08:00`) + (plusDay ? 86_400_000 : 0)).toISOString();
  const rows = recallMovements(ledger.db, subtreeIds(ledger.db, actor.siteId), period.from ? iso(period.from) : undefined, period.to ? iso(period.to, true) : undefined);
  const label = (code: RecallReasonCode) => RECALL_REASONS.find((r) => r.code === code)?.label ?? code;
  const byCat = new Map<RecallReasonCode, number>();
  const bySite = new Map<string, { siteCode: string; siteName: string; code: RecallReasonCode; label: string; n: number }>();
  for (const r of rows) {
    const code = recallReasonOf(r.reason ?? '');
    byCat.set(code, (byCat.get(code) ?? 0) + 1);
    const k = `${r.siteCode}\u0000${code}`;
    const e = bySite.get(k) ?? { siteCode: r.siteCode, siteName: r.siteName, code, label: label(code), n: 0 };
    e.n += 1;
    bySite.set(k, e);
  }
  return {
    total: rows.length,
    byCategory: RECALL_REASONS.filter((r) => byCat.has(r.code)).map((r) => ({ code: r.code, label: r.label, n: byCat.get(r.code)! })),
    bySite: [...bySite.values()].sort((a, b) => a.siteCode.localeCompare(b.siteCode) || a.code.localeCompare(b.code)),
  };
}

export type CancellationRow = {
  cardNo: string;
  holderName: string | null;
  holderIdMasked: string | null;
  site: { code: string; name: string };
  state: string;
  stateLabel: string;
  recalledOn: string | null;
  reason: string;
  label: string;
};

/** GD Art. 33 一(六) / HB Art. 17: cards to cancel (or, in Hubei, seal). */
export function cancellationList(ledger: Ledger, actor: Actor, filter: { siteCode?: string; asOf?: string } = {}, now: Date = ledger.now()): CancellationRow[] {
  const asOf = filter.asOf ?? todayInChina(now);
  if (!isIsoDate(asOf)) throw new SbkError('DATE_INVALID.custody', { date: asOf });
  const profile = ledgerProfile(ledger);
  const out: CancellationRow[] = [];
  for (const c of cancellationCandidates(ledger.db, scopeIds(ledger, actor, filter.siteCode), CANCELLABLE_STATES)) {
    const d = dueForCancellation(
      { state: c.state, recalledOn: chinaDate(c.recalledAt), holderDeceasedOn: c.deceasedAt, replacedByNewerCard: c.replaced },
      asOf,
      profile,
    );
    if (!d.due || !d.reason) continue;
    out.push({
      cardNo: c.cardNo,
      holderName: c.holderName,
      holderIdMasked: c.holderIdNumber ? maskIdNumber(c.holderIdNumber) : null,
      site: { code: c.siteCode, name: c.siteName },
      state: c.state,
      stateLabel: stateLabel(c.state as StateOrNone),
      recalledOn: chinaDate(c.recalledAt),
      reason: d.reason,
      label: d.label,
    });
  }
  return out;
}

export type EndInput = { operationId: string; cardNos: readonly string[]; reason: string; action: 'cancel' | 'seal' };

/**
 * 注销 or 封存: irreversible for the card, so a supervisor other than the operator approves
 * (DEVELOPERS.md; the state machine refuses it without one). Sealing exists only where the
 * profile has it (HB Art. 17).
 */
export function endCards(ledger: Ledger, actor: Actor, approver: Actor, input: EndInput): { ended: number; replayed: boolean } {
  const profile = ledgerProfile(ledger);
  const action = MOVEMENT_LABELS[input.action];
  if (!profile.endActions.includes(input.action)) throw new SbkError('ACTION_NOT_IN_PROFILE', { profile: profile.label, action });
  checkApprover(ledger, actor, approver);
  if (!input.reason.trim()) throw new SbkError('REASON_REQUIRED.recallEnd', { action });
  return writeTx(ledger, (tx) => {
    if (isRetryOf(tx, input.operationId, [input.action], actor.id)) return { ended: movementsOfOperation(tx, input.operationId).length, replayed: true };
    const nos = [...new Set(input.cardNos.map((n) => normalizeCardInput(n)).filter(Boolean))];
    if (nos.length === 0) throw new SbkError('SELECTION_EMPTY.recallEnd');
    const scope = subtreeIds(tx, actor.siteId);
    const moves = nos.map((no) => {
      const c = holderCardByNo(tx, no);
      if (!c || !scope.includes(c.siteId)) throw new SbkError('CARD_NOT_FOUND.recallEnd', { card: no });
      return { cardId: c.id, type: input.action, reason: input.reason.trim(), refKind: input.action, refId: input.operationId };
    });
    appendMovements(tx, { id: input.operationId, kind: input.action, operatorId: actor.id, secondOperatorId: approver.id }, moves);
    return { ended: moves.length, replayed: false };
  });
}

/**
 * A holder reported dead (GD Art. 32 一(三): confirmed by comparison): their cards become due for
 * recall at once. A supervisor over a site holding one of the holder's cards, a date not after
 * today; recorded as a holder flag (holder-flags.ts) and in the audit log, never with the full ID number.
 */
export function reportDeceased(ledger: Ledger, actor: Actor, idNumber: string, on: string, source?: string | null): { cards: number } {
  return { cards: flagHolder(ledger, actor, { idNumber, kind: 'deceased', on, source }).cards };
}
