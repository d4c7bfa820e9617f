/**
 * 读卡检测 (HB Art. 15-16): before a card is handed over, the chip is read and must agree with
 * the ledger — card number, holder's social security number and name. A card whose chip
 * disagrees, or cannot be read, is of unacceptable quality and is never issued (HB Art. 16:
 * 卡面与卡内信息不一致 … 严禁将质量不合格的卡发放给申领人).
 */
import { namesEqual } from './rare-names.ts';
import { normalizeIdNumber } from './resident-id.ts';
import { inputChecks } from '../i18n/domain/input-checks.ts';

export type ChipFields = { cardNo: string; ssn: string; name: string };
export type LedgerCardFields = { cardNo: string; holderIdNumber: string | null; holderName: string | null };

export type ReadCheckMismatch = { field: 'cardNo' | 'ssn' | 'name'; label: string };

const LABELS = inputChecks.readCheck.fields;

/** The fields that differ; empty means the chip agrees with the ledger. Values are never echoed (they are personal data). */
export function compareChip(chip: ChipFields, card: LedgerCardFields): ReadCheckMismatch[] {
  const out: ReadCheckMismatch[] = [];
  if (chip.cardNo.trim().toUpperCase() !== card.cardNo.toUpperCase()) out.push({ field: 'cardNo', label: LABELS.cardNo });
  if (normalizeIdNumber(chip.ssn) !== normalizeIdNumber(card.holderIdNumber ?? '')) out.push({ field: 'ssn', label: LABELS.ssn });
  if (!namesEqual(chip.name, card.holderName ?? '')) out.push({ field: 'name', label: LABELS.name });
  return out;
}

export function mismatchText(m: readonly ReadCheckMismatch[]): string {
  return inputChecks.readCheck.mismatch(m.map((x) => x.label));
}
