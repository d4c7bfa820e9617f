/**
 * When a card sitting at an office, or with a unit's agent, must be recalled, and when a
 * recalled card must be cancelled (GD Art. 32-33; HB Art. 17). Pure date arithmetic over a
 * rule profile and the working-day calendar; the workflows supply the ledger's facts.
 *
 * Dates are `YYYY-MM-DD` China dates (see calendar.ts). Months are calendar months clamped to
 * the month end (calendar.ts addCalendarMonths), deadlines in working days.
 */
import { addCalendarDays, addCalendarMonths } from './calendar.ts';
import type { DeadlineBasis, WorkingCalendar } from './calendar.ts';
import { isIsoDate } from './china-dates.ts';
import { isCancellable, isInStock, isRecallable, isRecalled } from './card-states.ts';
import { SbkError } from './errors.ts';
import type { RuleProfile } from './rule-profiles.ts';
import { recallTexts } from '../i18n/domain/recall.ts';

export type OverdueCategory = 'unclaimed' | 'sleeping' | 'deceased' | 'emigrated' | 'missing' | 'undeliverable';

/** A holder flag other than death that bears on recall (see holder-flags.ts). */
export type HolderRecallFlag = { kind: 'emigrated' | 'missing' | 'undeliverable'; on: string };
export type OverduePhase = 'ok' | 'warning' | 'overdue';

export type OverdueInput = {
  state: string;
  /**
   * China date the office received the card (in_stock), or for a card with a unit's agent
   * (agent_held) the date its sleeping months count from (sleepingSince).
   */
  heldSince: string;
  /** China date the holder's death was recorded, or null. */
  holderDeceasedOn: string | null;
  /** The holder's active emigrated / missing / undeliverable flag, if any (death wins over it). */
  holderFlag?: HolderRecallFlag | null;
};

/**
 * The China date a sleeping card's months count from: the agent's pickup (GD Art. 15 一(三)),
 * or in Hubei the card's making (HB Art. 17: 制卡超过6个月). A card whose making date the
 * maker's file did not give counts from the pickup, the one date the ledger is sure of.
 */
export function sleepingSince(profile: RuleProfile, pickedUpOn: string, madeOn: string | null): string {
  return profile.sleepingFrom === 'made' && madeOn !== null ? madeOn : pickedUpOn;
}

export type OverdueAssessment = {
  category: OverdueCategory;
  phase: OverduePhase;
  /** The last day the card is not yet overdue. */
  lastOkDay: string;
  /** The first overdue day: the day the province system reminds the office (GD Art. 32 一(三)). */
  overdueFrom: string;
  /** The first day of the warning period; equal to overdueFrom when no warning is possible. */
  warnFrom: string;
  /** The last day the recall is on time. */
  recallDueBy: string;
  recallDueBasis: DeadlineBasis;
  /** Years whose holiday schedule is provisional or missing in the recall deadline. */
  recallDueUncertainYears: number[];
  /** Calendar days from overdueFrom to asOf (0 on overdueFrom itself, and when not overdue). */
  daysOverdue: number;
};

type DateField = 'asOf' | 'receivedOn' | 'pickedUpOn' | 'deceasedOn' | 'recalledOn' | 'flaggedOn';

function requireDate(value: unknown, field: DateField): string {
  if (!isIsoDate(value)) throw new SbkError('DATE_INVALID.overdue', { field, value });
  return value;
}

function dayNumber(date: string): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
}

const maxDate = (a: string, b: string): string => (a > b ? a : b);

/**
 * Where a card stands against the recall rules on `asOf`; null for a card the rules do not
 * reach (already issued, recalled, cancelled…: only cards at the office or with an agent are
 * recalled, GD Art. 32 一(一)).
 *
 * - in_stock → 'unclaimed' after profile.overdueMonths (GD Art. 32 一(一); HB Art. 17).
 * - agent_held → 'sleeping' after profile.sleepingMonths (GD Art. 15 一(三); HB Art. 17).
 * - a dead holder → 'deceased', overdue from the recorded date whatever the card's age
 *   (GD Art. 32 一(三)).
 * - an emigrated or missing holder → 'emigrated' / 'missing', overdue from the flag's date: GD
 *   Art. 32 一(一) counts 在发卡期间因死亡、出国定居等原因无法送达的成品卡 among the cards not
 *   issued successfully, and a disappearance (失踪, which GD Art. 33 一(一) puts beside death and
 *   emigration) leaves the card as undeliverable.
 * - an undeliverable holder (bad address) → 'undeliverable', but only once the card has been at
 *   the office for the unclaimed months: GD Art. 32 一(一) 因邮递信息错误等个人原因造成发放不成功且
 *   在卡经办网点滞留6个月以上的成品卡. With an agent, the sleeping rule stands.
 *
 * The card is overdue from the day after the holding period's last day; the system's
 * reminder comes that day and the recall is due within profile.recallWorkingDays working
 * days of it, the reminder day not counted (calendar.ts addWorkingDays).
 */
export function assessOverdue(
  input: OverdueInput,
  asOf: string,
  profile: RuleProfile,
  calendar: WorkingCalendar,
  warningDays: number = profile.defaultWarningDays,
): OverdueAssessment | null {
  if (!isRecallable(input.state)) return null;
  // Recallable cards are either at the office (in stock) or with a unit's agent.
  const atOffice = isInStock(input.state);
  requireDate(asOf, 'asOf');
  const heldSince = requireDate(input.heldSince, atOffice ? 'receivedOn' : 'pickedUpOn');
  const deceasedOn = input.holderDeceasedOn === null ? null : requireDate(input.holderDeceasedOn, 'deceasedOn');
  const flag = input.holderFlag ?? null;
  const flaggedOn = flag === null ? null : requireDate(flag.on, 'flaggedOn');
  if (!Number.isInteger(warningDays) || warningDays < 0) throw new SbkError('WARNING_DAYS_INVALID', { warningDays });

  const months = atOffice ? profile.overdueMonths : profile.sleepingMonths;
  const ageLastOk = addCalendarMonths(heldSince, months);
  const ageOverdueFrom = addCalendarDays(ageLastOk, 1);

  let category: OverdueCategory = atOffice ? 'unclaimed' : 'sleeping';
  let overdueFrom = ageOverdueFrom;
  let warnFrom = addCalendarDays(ageOverdueFrom, -warningDays);
  // Death first: its card is also cancelled (GD Art. 33 一(六)), which the other flags do not bring.
  const atOnce = deceasedOn !== null ? { category: 'deceased' as const, on: deceasedOn } : flag !== null && flaggedOn !== null && flag.kind !== 'undeliverable' ? { category: flag.kind, on: flaggedOn } : null;
  if (atOnce !== null) {
    category = atOnce.category;
    // A card cannot be called back before the office or agent had it; and a death reported
    // after the card was already overdue must not push its recall deadline later.
    const trigger = maxDate(atOnce.on, heldSince);
    if (trigger < ageOverdueFrom) {
      overdueFrom = trigger;
      // A death or a departure cannot be foreseen, so there is no warning period before it.
      warnFrom = trigger;
    }
  } else if (flag?.kind === 'undeliverable' && atOffice) category = 'undeliverable';
  const lastOkDay = addCalendarDays(overdueFrom, -1);
  const due = calendar.addWorkingDays(overdueFrom, profile.recallWorkingDays);

  const phase: OverduePhase = asOf >= overdueFrom ? 'overdue' : asOf >= warnFrom ? 'warning' : 'ok';
  return {
    category,
    phase,
    lastOkDay,
    overdueFrom,
    warnFrom,
    recallDueBy: due.date,
    recallDueBasis: due.basis,
    recallDueUncertainYears: due.uncertainYears,
    daysOverdue: phase === 'overdue' ? dayNumber(asOf) - dayNumber(overdueFrom) : 0,
  };
}

/**
 * The last day a recalled card may still be issued a second time (GD Art. 33 一(六): 对已回收
 * 的社保卡应在6个月内进行二次发放), or null where the profile has no second issuance (Hubei).
 */
export function secondIssueDeadline(recalledOn: string, profile: RuleProfile): string | null {
  requireDate(recalledOn, 'recalledOn');
  if (profile.secondIssueMonths === null) return null;
  return addCalendarMonths(recalledOn, profile.secondIssueMonths);
}

export type CancellationInput = {
  state: string;
  /**
   * China date of the recall the card still carries, or null when it carries none. A recalled card
   * keeps it through the shipment back to the city (GD Art. 32 二), where it lies in stock: the
   * second-issuance window runs wherever it is (GD Art. 33 一(六)).
   */
  recalledOn: string | null;
  holderDeceasedOn: string | null;
  /** The holder has a newer card (换卡): this one is the old card. */
  replacedByNewerCard: boolean;
};

export type CancellationReason = 'second_issue_window_passed' | 'holder_deceased' | 'replaced';

export type CancellationDue = {
  due: boolean;
  reason: CancellationReason | null;
  label: string;
};

/**
 * Whether a card is due to be cancelled (or, in Hubei, cancelled or sealed) on `asOf`.
 * GD Art. 33 一(六): 二次发放仍失败的卡、已死亡人员卡、换卡后回收的原卡 … 应进行注销. The
 * "account has no balance" condition is the bank's to confirm and is not checked here.
 *
 * A dead holder's or a replaced card is due from any state it can be cancelled from (it will
 * never be issued, so waiting serves nothing). The second-issuance window concerns recalled
 * cards only; in Hubei, which has none (HB Art. 17), a recalled card is due at once.
 */
export function dueForCancellation(input: CancellationInput, asOf: string, profile: RuleProfile): CancellationDue {
  requireDate(asOf, 'asOf');
  const T = recallTexts.cancellation;
  const end = profile.endActions.includes('seal') ? recallTexts.endWord.cancelOrSeal : recallTexts.endWord.cancel;
  // Only from a state the machine lets a card be cancelled (or sealed) from; anything else
  // (issued, with an agent, already ended) has to move first.
  if (!isCancellable(input.state)) return { due: false, reason: null, label: T.notEndable };
  if (input.holderDeceasedOn !== null) return { due: true, reason: 'holder_deceased', label: T.deceased(end) };
  if (input.replacedByNewerCard) return { due: true, reason: 'replaced', label: T.replaced(end) };
  if (!isRecalled(input.state) && input.recalledOn === null) return { due: false, reason: null, label: T.notRecalled };
  if (profile.secondIssueMonths === null) {
    return { due: true, reason: 'second_issue_window_passed', label: T.noSecondIssue({ profile: profile.label, end }) };
  }
  if (input.recalledOn === null) {
    // The ledger says recalled but holds no recall movement: a broken history, not a guess.
    throw new SbkError('RECALL_DATE_MISSING', undefined, { state: input.state });
  }
  const months = profile.secondIssueMonths;
  const last = addCalendarMonths(requireDate(input.recalledOn, 'recalledOn'), months);
  if (asOf > last) return { due: true, reason: 'second_issue_window_passed', label: T.windowPassed({ months, last, end }) };
  return { due: false, reason: null, label: T.inWindow(last) };
}
