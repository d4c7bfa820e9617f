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

export const RECALL_REASON_CODES = ['unclaimed', 'pickup_undelivered', 'dead', 'emigrated', 'bad_address', 'other'] as const;
export type RecallReasonCode = (typeof RECALL_REASON_CODES)[number];

export type RecallReason = {
  readonly code: RecallReasonCode;
  readonly label: string;
  readonly article: string;
};

const GD_32_1_1 = '《广东省社会保障卡业务经办规程》第三十二条一（一）';

export const RECALL_REASONS: readonly RecallReason[] = Object.freeze([
  // 自卡经办网点接收起，持卡人在6个月内未领取的成品卡
  { code: 'unclaimed', label: '逾期未领取（网点接收起6个月）', article: GD_32_1_1 },
  // 由用人单位、学校、乡镇、街道、村、社区等基层组织集体代领未发放到本人的成品卡
  { code: 'pickup_undelivered', label: '集体代领未发放到本人', article: GD_32_1_1 },
  // 在发卡期间因死亡、出国定居等原因无法送达的成品卡
  { code: 'dead', label: '持卡人死亡', article: GD_32_1_1 },
  { code: 'emigrated', label: '出国（境）定居', article: GD_32_1_1 },
  // 因邮递信息错误等个人原因造成发放不成功且在卡经办网点滞留6个月以上的成品卡
  { code: 'bad_address', label: '邮寄信息错误等个人原因滞留', article: GD_32_1_1 },
  // The list in Art. 32 一(一) ends with 等; a case outside it must say what happened, since
  // 一(二) wants the reason recorded.
  { code: 'other', label: '其他', article: '《广东省社会保障卡业务经办规程》第三十二条一（二）' },
] as const satisfies readonly RecallReason[]);

const BY_CODE = new Map<string, RecallReason>(RECALL_REASONS.map((r) => [r.code, r]));

// Both colons: an operator correcting a record by hand may type the half-width one.
const NOTE_SEPARATOR = /^[：:]/;

export function isRecallReason(s: unknown): s is RecallReasonCode {
  return typeof s === 'string' && BY_CODE.has(s);
}

/** One line: the reason shows in lists and on printed registers, and must parse back. */
function cleanNote(note: string | undefined): string {
  return (note ?? '').replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The reason text stored on the recall movement: the label, then `：` and the note when one
 * is given. `other` says nothing on its own, so it requires a note.
 */
export function recallReasonText(code: RecallReasonCode, note?: string): string {
  const reason = BY_CODE.get(code);
  if (!reason) {
    throw new SbkError('RECALL_REASON_UNKNOWN', `回收原因“${String(code)}”无法识别，可选：${RECALL_REASONS.map((r) => `${r.code}（${r.label}）`).join('、')}。`, {
      code,
    });
  }
  const n = cleanNote(note);
  if (code === 'other' && n === '') {
    throw new SbkError('REASON_REQUIRED', '回收原因选“其他”时必须写明具体原因。', { code });
  }
  return n === '' ? reason.label : `${reason.label}：${n}`;
}

/**
 * The category of a stored reason text, for statistics. Text this module did not write (an
 * older version, a hand edit) counts as 'other' rather than being dropped from the totals.
 */
export function recallReasonOf(movementReason: string): RecallReasonCode {
  const text = movementReason.trim();
  for (const r of RECALL_REASONS) {
    if (text === r.label) return r.code;
    if (text.startsWith(r.label) && NOTE_SEPARATOR.test(text.slice(r.label.length))) return r.code;
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
  }
}

export function recallReasonLabel(code: RecallReasonCode): string {
  return BY_CODE.get(code)?.label ?? code;
}
