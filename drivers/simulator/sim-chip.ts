/**
 * A card as the simulated printer holds it: the chip's basic fields plus what the desk adds
 * to it (CA certificates, the printed face) and the bank card number of the blank, which
 * decides which hopper it belongs in.
 */
import type { BasicCardInfo } from '../reader/basic-info.ts';

export type SimChip = BasicCardInfo & {
  bankCardNo: string;
  caWritten: boolean;
  /** The items printed on the card (sData/sPhoto as sent), null while unprinted. */
  face: string[] | null;
};

/** A blank prefab card: it “reads with empty social security number, card number and name” (DOMAIN.md). */
export function blankChip(p: { cardIdCode: string; resetCode?: string; regionCode?: string; bankCardNo?: string }): SimChip {
  return {
    regionCode: p.regionCode ?? '',
    ssn: '',
    cardNo: '',
    cardIdCode: p.cardIdCode,
    name: '',
    resetCode: p.resetCode ?? '',
    specVersion: '3.00',
    issueDate: '',
    expiryDate: '',
    terminalNo: '',
    deviceNo: '',
    bankCardNo: p.bankCardNo ?? '',
    caWritten: false,
    face: null,
  };
}
