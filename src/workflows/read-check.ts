/**
 * 读卡检测 at issuance (HB Art. 16): the card in the reader's slot is read and its chip compared
 * with the ledger. Writes nothing: the caller decides what a finding means for the card.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import type { CardReader } from '../../drivers/reader/card-reader.ts';
import type { BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import { isSbkError } from '../domain/errors.ts';
import { CHIP_FAULT_CODES } from './issue-card.ts';
import { checkChip, simulatedChip } from './issue-desk.ts';

/** What the chip says: it agrees with the ledger, it disagrees (and how), or it cannot be read at all. */
export type ChipCheck =
  | { readonly kind: 'passed'; readonly chip: BasicCardInfo }
  | { readonly kind: 'mismatch'; readonly chip: BasicCardInfo; readonly text: string }
  | { readonly kind: 'chip-fault'; readonly message: string };

/**
 * Reads the card in the slot and compares it with the ledger. A simulated reader is first handed
 * the card's chip as the ledger has it (`insertSimulated`), as if the operator had inserted the
 * card. A fault of the reader itself (no card in the slot, a device error) is thrown.
 */
export async function readCheck(ledger: Ledger, reader: CardReader, cardNo: string, insertSimulated?: (chip: BasicCardInfo) => void): Promise<ChipCheck> {
  try {
    if (insertSimulated) insertSimulated(simulatedChip(ledger, cardNo));
    const chip = await reader.readBasic();
    const check = checkChip(ledger, cardNo, chip);
    return check.text ? { kind: 'mismatch', chip, text: check.text } : { kind: 'passed', chip };
  } catch (e) {
    if (isSbkError(e) && CHIP_FAULT_CODES.has(e.code)) return { kind: 'chip-fault', message: e.message };
    throw e;
  }
}
