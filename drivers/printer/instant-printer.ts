/**
 * What the rest of the code knows of an instant-issuance desk printer (即时制卡桌面机): the calls
 * of the province's driver standard (GD Annex 9 二(二)) on top of the national reader interface
 * (人社信息函〔2016〕38号). Every call resolves on 0 and rejects with a PrinterError (or a
 * ReaderError for the reader calls) carrying the negative return code and the device's reason.
 */
import { SbkError } from '../../src/domain/errors.ts';
import type { PrinterFaultKey } from '../../src/i18n/errors/drivers.ts';
import type { CardReader } from '../reader/card-reader.ts';

// The card face is the province's layout, a domain type (src/domain/card-face-layout.ts).
import type { CardFace, PrintPhoto, PrintText } from '../../src/domain/card-face-layout.ts';
export type { CardFace, PrintPhoto, PrintText };

/** iPrint's n: 1 ejects to the good bin, 2 to the bad bin. */
export type OutputBin = 1 | 2;

/** The personal data written to the chip before the CA steps (national interface basic write). */
export type ChipPersonalisation = {
  regionCode: string;
  ssn: string;
  cardNo: string;
  name: string;
  /** YYYYMMDD */
  issueDate: string;
  /** YYYYMMDD */
  expiryDate: string;
};

/** `签名证书|加密证书|加密密钥|主控密钥|管理员PIN` (iWriteCaStep2's pCaInfo). */
export type CaInfo = { signCert: string; encCert: string; encKey: string; masterKey: string; adminPin: string };

export type HopperStatus = { hopper: number; state: 'loaded' | 'empty' };
export type PrinterStatus = {
  /** A card sits at the reader position (iLoadCard returns 0 at once then). */
  cardAtReader: boolean;
  hoppers: readonly HopperStatus[];
  coverOpen: boolean;
  ribbon: 'ok' | 'low' | 'out';
  jammed: boolean;
};

export interface InstantPrinter extends CardReader {
  status(): Promise<PrinterStatus>;
  /** iLoadCard(n): 0 = default hopper, 1-9 = that hopper; resolves at once when a card is already there. */
  loadCard(hopper: number): Promise<void>;
  writePersonal(data: ChipPersonalisation): Promise<void>;
  /** iWriteCaStep1: resolves with the signing public key. */
  writeCaStep1(): Promise<string>;
  writeCaStep2(ca: CaInfo): Promise<void>;
  /** iPrint(n, sData1..6, sPhoto1..2): prints and always ejects, even when it fails. */
  print(bin: OutputBin, face: CardFace): Promise<void>;
  /** iPrint with every item empty: eject only. */
  eject(bin: OutputBin): Promise<void>;
}

/**
 * Negative returns of the printer calls, by return code: the error each one is (its text in
 * src/i18n/errors/drivers.ts). The device also sends its own reason text; any other code is
 * PRINTER_ERROR, reported with its number and that reason.
 */
export const PRINTER_FAULTS: Readonly<Record<number, PrinterFaultKey>> = {
  [-101]: 'PRINTER_HOPPER_EMPTY',
  [-102]: 'PRINTER_JAM',
  [-103]: 'PRINTER_COVER_OPEN',
  [-104]: 'PRINTER_RIBBON_OUT',
  [-105]: 'PRINTER_CHIP_WRITE_FAILED',
  [-106]: 'PRINTER_PRINT_FAILED',
  [-107]: 'PRINTER_NO_CARD',
  [-108]: 'PRINTER_CA_FAILED',
  [-109]: 'PRINTER_BAD_ARGUMENT',
};

export class PrinterError extends SbkError<PrinterFaultKey> {
  readonly returnCode: number;
  /** The device's own pOutInfo reason text, as sent. */
  readonly reason: string;
  constructor(returnCode: number, reason = '') {
    super(PRINTER_FAULTS[returnCode] ?? 'PRINTER_ERROR', { returnCode, reason });
    this.returnCode = returnCode;
    this.reason = reason;
  }
}
