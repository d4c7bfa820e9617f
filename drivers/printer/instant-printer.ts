/**
 * What the rest of the code knows of an instant-issuance desk printer (即时制卡桌面机): the calls
 * of the province's driver standard (GD Annex 9 二(二)) on top of the national reader interface
 * (人社信息函〔2016〕38号). Every call resolves on 0 and rejects with a PrinterError (or a
 * ReaderError for the reader calls) carrying the negative return code and the device's reason.
 */
import { SbkError } from '../../src/domain/errors.ts';
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

/** Negative returns of the printer calls; the device also sends its own reason text. */
export const PRINTER_FAULTS: Readonly<Record<number, { code: string; message: string }>> = {
  [-101]: { code: 'PRINTER_HOPPER_EMPTY', message: '卡盒已空：请装入预制卡（先扫描登记）后重试。' },
  [-102]: { code: 'PRINTER_JAM', message: '制卡机卡住了：请打开机盖取出卡片，放到废卡处后重试。' },
  [-103]: { code: 'PRINTER_COVER_OPEN', message: '制卡机机盖未关：请关好机盖后重试。' },
  [-104]: { code: 'PRINTER_RIBBON_OUT', message: '色带用完：请更换色带后重试。' },
  [-105]: { code: 'PRINTER_CHIP_WRITE_FAILED', message: '芯片写入失败：此卡已作废，请换下一张卡。' },
  [-106]: { code: 'PRINTER_PRINT_FAILED', message: '卡面打印失败：此卡已作废，请换下一张卡。' },
  [-107]: { code: 'PRINTER_NO_CARD', message: '读卡位置没有卡：请先进卡。' },
  [-108]: { code: 'PRINTER_CA_FAILED', message: 'CA 证书写入失败：此卡已作废，请换下一张卡。' },
  [-109]: { code: 'PRINTER_BAD_ARGUMENT', message: '制卡机拒绝了参数（程序错误，请联系维护人员）。' },
};

export class PrinterError extends SbkError {
  readonly returnCode: number;
  /** The device's own pOutInfo reason text, as sent. */
  readonly reason: string;
  constructor(returnCode: number, reason = '') {
    const f = PRINTER_FAULTS[returnCode] ?? { code: 'PRINTER_ERROR', message: `制卡机返回错误（${returnCode}）${reason ? `：${reason}` : ''}。` };
    super(f.code, f.message, { returnCode, reason });
    this.returnCode = returnCode;
    this.reason = reason;
  }
}
