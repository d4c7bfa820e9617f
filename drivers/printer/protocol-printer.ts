/**
 * An instant-issuance printer spoken to over the device protocol: each call of the province's
 * driver standard (GD Annex 9 二(二)) is one command, and “返回负数失败，并在pOutInfo属性中
 * 返回失败原因” becomes a PrinterError carrying the code and that reason.
 */
import { SbkError } from '../../src/domain/errors.ts';
import { CMD, parseStatus } from '../protocol/commands.ts';
import type { DeviceClient } from '../protocol/device-client.ts';
import type { FieldValue } from '../protocol/fields.ts';
import type { BasicCardInfo, ReaderInterface } from '../reader/basic-info.ts';
import { readBasicOver } from '../reader/protocol-reader.ts';
import {
  PrinterError,
  type CaInfo,
  type CardFace,
  type ChipPersonalisation,
  type InstantPrinter,
  type OutputBin,
  type PrintPhoto,
  type PrinterStatus,
  type PrintText,
} from './instant-printer.ts';

export class ProtocolInstantPrinter implements InstantPrinter {
  readonly label: string;

  constructor(
    private readonly client: DeviceClient,
    label?: string,
  ) {
    this.label = label ?? client.label;
  }

  readBasic(iface: ReaderInterface = 3): Promise<BasicCardInfo> {
    return readBasicOver(this.client, iface);
  }

  async status(): Promise<PrinterStatus> {
    return parseStatus(await this.call(CMD.STATUS, []));
  }

  async loadCard(hopper: number): Promise<void> {
    await this.call(CMD.LOAD_CARD, [hopper]);
  }

  async writePersonal(d: ChipPersonalisation): Promise<void> {
    await this.call(CMD.WRITE_PERSONAL, [d.regionCode, d.ssn, d.cardNo, d.name, d.issueDate, d.expiryDate]);
  }

  writeCaStep1(): Promise<string> {
    return this.call(CMD.CA_STEP1, []);
  }

  async writeCaStep2(ca: CaInfo): Promise<void> {
    const parts = [ca.signCert, ca.encCert, ca.encKey, ca.masterKey, ca.adminPin];
    // pCaInfo is “签名证书|加密证书|加密密钥|主控密钥|管理员PIN”: a `|` inside a part would shift the rest.
    parts.forEach(noBar);
    await this.call(CMD.CA_STEP2, [parts.join('|')]);
  }

  async print(bin: OutputBin, face: CardFace): Promise<void> {
    if (face.texts.length > 6 || face.photos.length > 2) {
      throw new SbkError('DEVICE_BAD_REQUEST.face_items', undefined, { texts: face.texts.length, photos: face.photos.length });
    }
    const texts = Array.from({ length: 6 }, (_, i) => textItem(face.texts[i] ?? null));
    const photos = Array.from({ length: 2 }, (_, i) => photoItem(face.photos[i] ?? null));
    await this.call(CMD.PRINT, [bin, ...texts, ...photos]);
  }

  /** “当传入的印参数全部为空时，按退卡位置参数n的要求单独执行退卡操作”. */
  eject(bin: OutputBin): Promise<void> {
    return this.print(bin, { texts: [], photos: [] });
  }

  private async call(cmd: number, args: FieldValue[]): Promise<string> {
    const r = await this.client.call(cmd, args);
    if (r.code < 0) throw new PrinterError(r.code, r.out);
    return r.out;
  }
}

/** “当传入的某个数据项为空或该数据项中的数据为空时，该项不打印”: both become ''. */
function textItem(t: PrintText | null): string {
  if (!t || t.data === '') return '';
  [t.data, t.font].forEach(noBar);
  return `${t.data}|${t.font}|${t.size}|${t.left}|${t.top}`;
}

function photoItem(p: PrintPhoto | null): string {
  if (!p || p.base64 === '') return '';
  return `${p.base64}|${p.left}|${p.top}|${p.width}|${p.height}`;
}

function noBar(s: string): void {
  if (s.includes('|')) throw new SbkError('DEVICE_BAD_REQUEST.separator', undefined, { value: s });
}
