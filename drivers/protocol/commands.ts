/**
 * Command codes of the device protocol: one per call of the national reader interface
 * (iReadCardBas) and of the province's printer driver standard (GD Annex 9 二(二): iLoadCard,
 * iWriteCaStep1, iWriteCaStep2, iPrint), plus a status query and the personal-data write.
 *
 * Request payload: the call's arguments as fields (fields.ts). Reply: cmd | 0x80, same seq,
 * payload [returnCode int, pOutInfo string] — “返回0成功……返回负数失败，并在pOutInfo属性中返回
 * 失败原因”. On success pOutInfo is the basic-info text (READ_BASIC), the signing public key
 * (CA_STEP1), the status text (STATUS), otherwise empty.
 */
import { SbkError } from '../../src/domain/errors.ts';
import type { HopperStatus, PrinterStatus } from '../printer/instant-printer.ts';

export const CMD = {
  STATUS: 0x01,
  /** args: iface int (1 contact, 2 contactless, 3/4 automatic). */
  READ_BASIC: 0x10,
  /** args: regionCode, ssn, cardNo, name, issueDate, expiryDate (strings). */
  WRITE_PERSONAL: 0x11,
  /** args: n int (0 default hopper, 1-9). */
  LOAD_CARD: 0x20,
  CA_STEP1: 0x21,
  /** args: `签名证书|加密证书|加密密钥|主控密钥|管理员PIN`. */
  CA_STEP2: 0x22,
  /** args: n int, sData1..sData6, sPhoto1, sPhoto2 (strings, '' = not printed). */
  PRINT: 0x23,
} as const;

export const REPLY_BIT = 0x80;

/** Calls that move a card or write a chip take seconds (a print tens of seconds), not milliseconds. */
export const SLOW_COMMANDS: ReadonlySet<number> = new Set([CMD.LOAD_CARD, CMD.WRITE_PERSONAL, CMD.CA_STEP1, CMD.CA_STEP2, CMD.PRINT]);

/**
 * STATUS text: `key=value` pairs joined by `;`, e.g.
 *   card=1;cover=0;ribbon=ok;jam=0;hoppers=1:loaded,2:empty
 * card/cover/jam are 0 or 1; ribbon is ok, low or out; hoppers lists `number:loaded|empty`.
 * Unknown keys are ignored so a newer device can add some.
 */
export function formatStatus(s: PrinterStatus): string {
  const hoppers = s.hoppers.map((h) => `${h.hopper}:${h.state}`).join(',');
  return `card=${s.cardAtReader ? 1 : 0};cover=${s.coverOpen ? 1 : 0};ribbon=${s.ribbon};jam=${s.jammed ? 1 : 0};hoppers=${hoppers}`;
}

export function parseStatus(text: string): PrinterStatus {
  const kv = new Map<string, string>();
  for (const pair of text.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0) kv.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  const flag = (k: string): boolean => {
    const v = kv.get(k);
    if (v !== '0' && v !== '1') throw badStatus(text);
    return v === '1';
  };
  const ribbon = kv.get('ribbon');
  if (ribbon !== 'ok' && ribbon !== 'low' && ribbon !== 'out') throw badStatus(text);
  const hopperText = kv.get('hoppers');
  if (hopperText === undefined) throw badStatus(text);
  const hoppers: HopperStatus[] = hopperText === '' ? [] : hopperText.split(',').map((h) => {
    const m = /^(\d):(loaded|empty)$/.exec(h.trim());
    if (!m) throw badStatus(text);
    return { hopper: Number(m[1]), state: m[2] as HopperStatus['state'] };
  });
  return { cardAtReader: flag('card'), coverOpen: flag('cover'), ribbon, jammed: flag('jam'), hoppers };
}

function badStatus(text: string): SbkError {
  return new SbkError('DEVICE_BAD_REPLY.printer_status', undefined, { text });
}
