/**
 * 读卡检测 at issuance (HB Art. 16): the card in the reader's slot is read and its chip compared
 * with the ledger. Writes nothing: the caller decides what a finding means for the card.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import type { CardReader } from '../../drivers/reader/card-reader.ts';
import type { BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import { SbkError, isSbkError } from '../domain/errors.ts';
import { CHIP_FAULT_CODES } from './issue-card.ts';
import { checkChip, simulatedChip } from './issue-desk.ts';
import { autoPlace } from './reader-slots.ts';
import type { OpenReader, SiteDevices } from './site-devices.ts';

/** What the chip says: it agrees with the ledger, it disagrees (and how), or it cannot be read at all. */
export type ChipCheck =
  | { readonly kind: 'passed'; readonly chip: BasicCardInfo }
  | { readonly kind: 'mismatch'; readonly chip: BasicCardInfo; readonly text: string }
  | { readonly kind: 'chip-fault'; readonly message: string };

/**
 * Reads the card in the slot and compares it with the ledger. A simulated reader is first handed
 * the card's chip as the ledger has it (`insertSimulated`), as if the operator had inserted the
 * card. A fault of the reader itself (no card in the slot, a device error) is thrown, and so is
 * another card on the reader: that is the wrong card put down, not a defect of the one to issue.
 */
export async function readCheck(ledger: Ledger, reader: CardReader, cardNo: string, insertSimulated?: (chip: BasicCardInfo) => void): Promise<ChipCheck> {
  try {
    if (insertSimulated) insertSimulated(simulatedChip(ledger, cardNo));
    const chip = await reader.readBasic();
    refuseOtherCard(chip, cardNo);
    const check = checkChip(ledger, cardNo, chip);
    return check.text ? { kind: 'mismatch', chip, text: check.text } : { kind: 'passed', chip };
  } catch (e) {
    if (isSbkError(e) && CHIP_FAULT_CODES.has(e.code)) return { kind: 'chip-fault', message: e.message };
    throw e;
  }
}

/** The chip of another card (or of a blank): the clerk put the wrong card on the reader. */
function refuseOtherCard(chip: BasicCardInfo, cardNo: string): void {
  const found = chip.cardNo.trim().toUpperCase();
  const expected = cardNo.trim().toUpperCase();
  if (found === expected) return;
  throw found ? new SbkError('READ_CHECK_OTHER_CARD.card', { expected: cardNo, found: chip.cardNo.trim() }) : new SbkError('READ_CHECK_OTHER_CARD.blank', { expected: cardNo });
}

/** The site's reader for a read-check: the one named, or the first; an error when there is none. */
export function siteReaderFor(devices: SiteDevices, readerId?: string): OpenReader {
  const r = readerId ? devices.readers.find((x) => x.id === readerId) : devices.readers[0];
  if (r) return r;
  const problem = devices.problems.find((p) => p.kind === 'reader' && (!readerId || p.id === readerId));
  if (problem) throw SbkError.rendered(problem.code, problem.message);
  throw readerId ? new SbkError('READER_NOT_CONFIGURED.named', { device: readerId }) : new SbkError('READER_NOT_CONFIGURED');
}

/**
 * 读卡检测 with one of the site's readers: whatever card is on it is read. A simulated reader set
 * to auto first gets the card being issued (reader-slots.ts); otherwise it holds what was put there.
 */
export function readCheckWith(ledger: Ledger, devices: SiteDevices, reader: OpenReader, cardNo: string): Promise<ChipCheck> {
  if (reader.simulator) autoPlace(ledger, devices.siteCode, reader.id, cardNo);
  return readCheck(ledger, reader.reader, cardNo);
}
