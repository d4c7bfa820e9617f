/**
 * The national reader interface's basic read (人社信息函〔2016〕38号, LD/T 6001.5-2023;
 * DOMAIN.md): `iReadCardBas(iType, pOutInfo)` returns 0 and a GBK string of eleven fields, each
 * followed by `|`, or a negative code naming the fault. Pure: the transports decode bytes to
 * text and hand it here.
 */
import { SbkError } from '../../src/domain/errors.ts';
import type { ReaderFaultKey } from '../../src/i18n/errors/drivers.ts';

export type BasicCardInfo = {
  regionCode: string;
  /** 社会保障号码: the 18-digit resident ID for citizens; empty on a blank prefab card. */
  ssn: string;
  cardNo: string;
  cardIdCode: string;
  name: string;
  resetCode: string;
  specVersion: string;
  issueDate: string;
  expiryDate: string;
  terminalNo: string;
  deviceNo: string;
};

const FIELDS = ['regionCode', 'ssn', 'cardNo', 'cardIdCode', 'name', 'resetCode', 'specVersion', 'issueDate', 'expiryDate', 'terminalNo', 'deviceNo'] as const satisfies readonly (keyof BasicCardInfo)[];

/** 1 contact, 2 contactless, 3 and 4 automatic (contact first / contactless first). */
export type ReaderInterface = 1 | 2 | 3 | 4;

/**
 * Negative returns named in the interface, by return code: the error each one is (its text in
 * src/i18n/errors/drivers.ts). Anything else is READER_ERROR, reported with its number.
 */
export const READER_FAULTS: Readonly<Record<number, ReaderFaultKey>> = {
  [-1]: 'READER_WRONG_CARD',
  [-2]: 'READER_NO_CARD',
  [-11]: 'READER_FAULT',
  [-12]: 'READER_FAULT',
  [-21]: 'READER_AUTH_FAILED',
  [-51]: 'READER_WRONG_PIN',
  [-52]: 'READER_PIN_LOCKED',
  [-2201]: 'READER_NO_PSAM',
};

export class ReaderError extends SbkError<ReaderFaultKey> {
  readonly returnCode: number;
  constructor(returnCode: number) {
    super(READER_FAULTS[returnCode] ?? 'READER_ERROR.return_code', { returnCode });
    this.returnCode = returnCode;
  }
}

/** The eleven `|`-terminated fields; a reply of another shape is a reader fault, not a card. */
export function parseBasicInfo(text: string): BasicCardInfo {
  const parts = text.split('|');
  if (parts.length !== FIELDS.length + 1 || parts[FIELDS.length] !== '') {
    throw new SbkError('READER_BAD_REPLY', { fields: FIELDS.length }, { fields: parts.length - 1 });
  }
  const out = {} as BasicCardInfo;
  FIELDS.forEach((f, i) => (out[f] = parts[i]!.trim()));
  return out;
}

export function formatBasicInfo(info: BasicCardInfo): string {
  return FIELDS.map((f) => `${info[f]}|`).join('');
}
