/**
 * The national reader interface's basic read (人社信息函〔2016〕38号, LD/T 6001.5-2023;
 * DOMAIN.md): `iReadCardBas(iType, pOutInfo)` returns 0 and a GBK string of eleven fields, each
 * followed by `|`, or a negative code naming the fault. Pure: the transports decode bytes to
 * text and hand it here.
 */
import { SbkError } from '../../src/domain/errors.ts';

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

/** Negative returns named in the interface; anything else is reported with its number. */
export const READER_FAULTS: Readonly<Record<number, { code: string; message: string }>> = {
  [-1]: { code: 'READER_WRONG_CARD', message: '卡类型不对：请放入社会保障卡。' },
  [-2]: { code: 'READER_NO_CARD', message: '读卡器中没有卡：请插入或放上社保卡后重试。' },
  [-11]: { code: 'READER_FAULT', message: '读卡器故障（-11）：请检查读卡器连接后重试。' },
  [-12]: { code: 'READER_FAULT', message: '读卡器故障（-12）：请检查读卡器连接后重试。' },
  [-21]: { code: 'READER_AUTH_FAILED', message: '卡片内部认证失败：芯片可能损坏，此卡不能发放（须重新制卡）。' },
  [-51]: { code: 'READER_WRONG_PIN', message: '卡片密码错误。' },
  [-52]: { code: 'READER_PIN_LOCKED', message: '卡片密码已锁定。' },
  [-2201]: { code: 'READER_NO_PSAM', message: '读卡器中没有 PSAM 卡：请联系设备管理员。' },
};

export class ReaderError extends SbkError {
  readonly returnCode: number;
  constructor(returnCode: number) {
    const f = READER_FAULTS[returnCode] ?? { code: 'READER_ERROR', message: `读卡失败（返回码 ${returnCode}）。` };
    super(f.code, f.message, { returnCode });
    this.returnCode = returnCode;
  }
}

/** The eleven `|`-terminated fields; a reply of another shape is a reader fault, not a card. */
export function parseBasicInfo(text: string): BasicCardInfo {
  const parts = text.split('|');
  if (parts.length !== FIELDS.length + 1 || parts[FIELDS.length] !== '') {
    throw new SbkError('READER_BAD_REPLY', `读卡器返回的数据格式不对（应为 ${FIELDS.length} 个以“|”结尾的字段）。`, { fields: parts.length - 1 });
  }
  const out = {} as BasicCardInfo;
  FIELDS.forEach((f, i) => (out[f] = parts[i]!.trim()));
  return out;
}

export function formatBasicInfo(info: BasicCardInfo): string {
  return FIELDS.map((f) => `${info[f]}|`).join('');
}
