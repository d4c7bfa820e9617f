/**
 * Why a card was recalled. GD Art. 32 一(二) wants the recall reason recorded and recalls
 * counted by category (分类统计); the categories are the kinds of "cards not issued
 * successfully" that GD Art. 32 一(一) lists.
 *
 * The movement stores the reason as readable Chinese text (it is what a supervisor sees in a
 * card's history and on paper), so the category must be recoverable from that text:
 * recallReasonText writes `<label>` or `<label>：<note>`, and recallReasonOf reads it back.
 * The labels are therefore part of the ledger format: changing one orphans old movements.
 */
import { SbkError } from './errors.ts';
import type { OverdueCategory } from './overdue.ts';
import { RULE_PROFILES, RULE_PROFILE_CODES, type RuleProfile } from './rule-profiles.ts';
import { recallTexts } from '../i18n/domain/recall.ts';

export const RECALL_REASON_CODES = ['unclaimed', 'pickup_undelivered', 'dead', 'emigrated', 'bad_address', 'missing', 'other'] as const;
export type RecallReasonCode = (typeof RECALL_REASON_CODES)[number];

export type RecallReason = {
  readonly code: RecallReasonCode;
  readonly label: string;
  readonly article: string;
};

/**
 * The reasons as a rule profile words them: the unclaimed period is the profile's
 * overdueMonths (GD Art. 32 一(一): 自卡经办网点接收起，持卡人在6个月内未领取的成品卡).
 */
export function recallReasonsFor(profile: RuleProfile): readonly RecallReason[] {
  const { articles } = recallTexts;
  return Object.freeze(
    RECALL_REASON_CODES.map((code) => ({
      code,
      label: recallReasonLabel(code, profile),
      // The list in Art. 32 一(一) ends with 等; a case outside it must say what happened, since
      // 一(二) wants the reason recorded.
      article: code === 'other' ? articles.other : articles.listed,
    })),
  );
}

/** The categories are GD Art. 32's, so without a ledger's profile at hand they are worded by Guangdong's. */
const DEFAULT_PROFILE = RULE_PROFILES.guangdong;

export const RECALL_REASONS: readonly RecallReason[] = recallReasonsFor(DEFAULT_PROFILE);

/** Every label a reason has had under any profile, for reading stored reasons back. */
const LABELS_BY_CODE: ReadonlyMap<RecallReasonCode, readonly string[]> = new Map(
  RECALL_REASON_CODES.map((code) => [
    code,
    [...new Set(RULE_PROFILE_CODES.map((p) => recallReasonLabel(code, RULE_PROFILES[p])))],
  ]),
);

// Both colons: an operator correcting a record by hand may type the half-width one.
const NOTE_SEPARATOR = /^[\uFF1A:]/;

export function isRecallReason(s: unknown): s is RecallReasonCode {
  return typeof s === 'string' && (RECALL_REASON_CODES as readonly string[]).includes(s);
}

/** One line: the reason shows in lists and on printed registers, and must parse back. */
function cleanNote(note: string | undefined): string {
  return (note ?? '').replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The reason text stored on the recall movement: the label, then `：` and the note when one
 * is given. `other` says nothing on its own, so it requires a note.
 */
export function recallReasonText(code: RecallReasonCode, note?: string, profile: RuleProfile = DEFAULT_PROFILE): string {
  if (!isRecallReason(code)) {
    throw new SbkError('RECALL_REASON_UNKNOWN', { code: String(code), choices: recallReasonsFor(profile) }, { code });
  }
  const n = cleanNote(note);
  if (code === 'other' && n === '') throw new SbkError('REASON_REQUIRED.recallOther', undefined, { code });
  const label = recallReasonLabel(code, profile);
  return n === '' ? label : `${label}${recallTexts.noteSeparator}${n}`;
}

/**
 * The category of a stored reason text, for statistics. Text this module did not write (an
 * older version, a hand edit) counts as 'other' rather than being dropped from the totals.
 */
export function recallReasonOf(movementReason: string): RecallReasonCode {
  const text = movementReason.trim();
  for (const [code, labels] of LABELS_BY_CODE) {
    for (const label of labels) {
      if (text === label) return code;
      if (text.startsWith(label) && NOTE_SEPARATOR.test(text.slice(label.length))) return code;
    }
  }
  return 'other';
}

/** The reason to preselect when recalling a card that assessOverdue flagged. */
export function recallReasonForCategory(category: OverdueCategory): RecallReasonCode {
  switch (category) {
    case 'unclaimed':
      return 'unclaimed';
    case 'sleeping':
      return 'pickup_undelivered';
    case 'deceased':
      return 'dead';
    case 'emigrated':
      return 'emigrated';
    case 'missing':
      return 'missing';
    case 'undeliverable':
      return 'bad_address';
  }
}

export function recallReasonLabel(code: RecallReasonCode, profile: RuleProfile = DEFAULT_PROFILE): string {
  if (!isRecallReason(code)) return code;
  const { reasons } = recallTexts;
  return code === 'unclaimed' ? reasons.unclaimed({ months: profile.overdueMonths }) : reasons[code]();
}
