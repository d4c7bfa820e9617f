/**
 * The rules on overdue cards, recall and what follows differ between the provinces whose
 * procedures the console follows. DOMAIN.md asks for them as data (a rule profile), so a
 * workflow asks the ledger's profile instead of hard-coding "6 months" or "10 working days",
 * and a new province is a new entry here rather than a hunt through the code.
 *
 * The profile code is stored in the ledger meta `rule_profile`, so the codes below are part of
 * the ledger format: never rename one.
 */
import { SbkError } from './errors.ts';
import { ruleProfileNames } from '../i18n/domain/rule-profiles.ts';

export type RuleProfileCode = 'guangdong' | 'hubei';

/** What may be done with a card that has run out of chances to be issued. */
export type EndAction = 'cancel' | 'seal';

export type RuleProfile = {
  readonly code: RuleProfileCode;
  /** Short name for screens and messages. */
  readonly label: string;
  /** The regulation's full title, for printed citations. */
  readonly regulation: string;
  /** Months after the office received a card before it counts as overdue (未领取). */
  readonly overdueMonths: number;
  /** Months a collective agent may hold a card before it is a sleeping card (睡眠卡). */
  readonly sleepingMonths: number;
  /** What a sleeping card's months count from: the agent's pickup, or the card's making (制卡日期). */
  readonly sleepingFrom: 'pickup' | 'made';
  /** Working days after the system's reminder within which the office must recall the card. */
  readonly recallWorkingDays: number;
  /** Months after recall in which the card may be issued a second time; null: no second issuance. */
  readonly secondIssueMonths: number | null;
  /** What may end a card's life, in the order a screen should offer them. */
  readonly endActions: readonly EndAction[];
  /** Calendar days before a card becomes overdue that the console starts warning. */
  readonly defaultWarningDays: number;
};

// No regulation says how early to warn: GD Art. 32 一(二) only asks for 超期预警. Fifteen
// calendar days leaves about two working weeks to reach the holder before the card is due
// back; the `overdue-warning-days` setting overrides it per ledger.
const DEFAULT_WARNING_DAYS = 15;

const GUANGDONG: RuleProfile = Object.freeze({
  code: 'guangdong',
  ...ruleProfileNames.guangdong,
  // GD Art. 32 一(一): 自卡经办网点接收起，持卡人在6个月内未领取的成品卡 are cards not issued successfully.
  overdueMonths: 6,
  // GD Art. 15 一(三): 对于6个月内未发放到人的社保卡，卡经办网点须上门回收并登记管理;
  // GD Art. 32 一(一) lists 集体代领未发放到本人的成品卡 among the cards to recall.
  sleepingMonths: 6,
  // GD Art. 15 一(三) counts the 6 months from the handing out to the unit (未发放到人).
  sleepingFrom: 'pickup',
  // GD Art. 32 一(三): 对6个月未发放到人的卡和经比对后确认已死亡人员的卡，省卡管系统会实时提醒，
  // 卡经办网点应在收到系统提醒后10个工作日内完成回收。
  recallWorkingDays: 10,
  // GD Art. 33 一(六): 对已回收的社保卡应在6个月内进行二次发放。二次发放仍失败的卡、已死亡人员卡、
  // 换卡后回收的原卡，确认账户无余额情况下，应进行社保卡应用功能和银行账户的注销。
  secondIssueMonths: 6,
  // Guangdong knows only cancellation (GD Art. 33); it has no sealing.
  endActions: Object.freeze(['cancel'] as const),
  defaultWarningDays: DEFAULT_WARNING_DAYS,
});

const HUBEI: RuleProfile = Object.freeze({
  code: 'hubei',
  ...ruleProfileNames.hubei,
  // HB Art. 17: 存放超过6个月以上的库存卡（由服务机构管理的未发放的社会保障卡）应按有关规定分类处理，进行注销或封存。
  overdueMonths: 6,
  // HB Art. 17: 睡眠卡（由集体代领且尚未发放到本人，且制卡超过6个月的社会保障卡），应由集体代领人交还服务机构。
  // 制卡超过6个月: from the card's making date (the maker file's 制卡日期), not from the pickup.
  sleepingMonths: 6,
  sleepingFrom: 'made',
  // The Hubei rules give no recall period. Guangdong's 10 working days (GD Art. 32 一(三)) are
  // used so a Hubei office still gets a deadline; change it here if Hubei publishes its own.
  recallWorkingDays: 10,
  // HB Art. 17 sends stock cards over 6 months straight to cancellation or sealing: there is
  // no second-issuance window.
  secondIssueMonths: null,
  // HB Art. 17: 进行注销或封存 (by category).
  endActions: Object.freeze(['cancel', 'seal'] as const),
  defaultWarningDays: DEFAULT_WARNING_DAYS,
});

export const RULE_PROFILES: Readonly<Record<RuleProfileCode, RuleProfile>> = Object.freeze({
  guangdong: GUANGDONG,
  hubei: HUBEI,
});

export const RULE_PROFILE_CODES: readonly RuleProfileCode[] = Object.freeze(['guangdong', 'hubei'] as const);

export function isRuleProfileCode(s: unknown): s is RuleProfileCode {
  // hasOwn, not `in`: 'toString' or '__proto__' from a damaged meta row must not pass.
  return typeof s === 'string' && Object.hasOwn(RULE_PROFILES, s);
}

/**
 * The profile stored in a ledger. An unknown code means the ledger was written by a newer
 * version or edited by hand; guessing a province would silently shift every deadline, so it
 * stops here.
 */
export function ruleProfile(code: string): RuleProfile {
  if (!isRuleProfileCode(code)) {
    const known = RULE_PROFILE_CODES.map((c) => ({ code: c, label: RULE_PROFILES[c].label }));
    throw new SbkError('RULE_PROFILE_UNKNOWN', { code, known }, { code });
  }
  return RULE_PROFILES[code];
}
