/**
 * An instant-issuance desk printer, or a plain reader, driven through the vendor's SSCardDriver
 * library (sscard-abi.ts): the same InstantPrinter and CardReader as the simulator and the HID
 * protocol, so instant issuance, the read-check at issuance and the devices screen work unchanged.
 * “返回负数失败，并在pOutInfo属性中返回失败原因” (GD Annex 9 二(二)) becomes a PrinterError with
 * the code and that reason; the national interface's negative returns become ReaderErrors.
 */
import { SbkError } from '../../src/domain/errors.ts';
import { PrinterError, type CaInfo, type CardFace, type ChipPersonalisation, type InstantPrinter, type OutputBin, type PrinterStatus } from '../printer/instant-printer.ts';
import { parseBasicInfo, ReaderError, READER_FAULTS, type BasicCardInfo, type ReaderInterface } from '../reader/basic-info.ts';
import type { CardReader } from '../reader/card-reader.ts';
import type { LibraryHost } from './library-host.ts';
import { PERSONAL_FILE_ADDR } from './sscard-abi.ts';

const NO_CARD = -2;

export class LibraryCardReader implements CardReader {
  readonly label: string;
  /** The last basic read's text: iWriteCard's pCardInfo (the card being written). */
  protected lastRead = '';

  constructor(
    protected readonly host: LibraryHost,
    label?: string,
  ) {
    this.label = label ?? host.device;
  }

  /** iReadCardBas(iType, pOutInfo): 0 and the eleven fields, or a negative code. */
  async readBasic(iface: ReaderInterface = 3): Promise<BasicCardInfo> {
    const r = await this.host.call('iReadCardBas', [iface]);
    if (r.ret < 0) throw new ReaderError(r.ret);
    this.lastRead = r.out;
    return parseBasicInfo(r.out);
  }

  /** The library's version string, when it offers one (iGetVersion is no standard's). */
  async version(): Promise<string | null> {
    if (!this.host.has('iGetVersion')) return null;
    const r = await this.host.call('iGetVersion', []);
    return r.ret < 0 ? null : r.out.trim() || null;
  }

  close(): Promise<void> {
    return this.host.close();
  }
}

export class LibraryInstantPrinter extends LibraryCardReader implements InstantPrinter {
  /**
   * Neither standard has a status call: a card is at the reader unless iReadCardBas says “no
   * card” (-2); cover, ribbon, jam and hoppers are unknown until a call returns their fault.
   */
  async status(): Promise<PrinterStatus> {
    const r = await this.host.call('iReadCardBas', [3]);
    if (r.ret < 0 && r.ret !== NO_CARD && READER_FAULTS[r.ret] === 'READER_FAULT') throw new ReaderError(r.ret);
    return { cardAtReader: r.ret !== NO_CARD, hoppers: [], coverOpen: false, ribbon: 'ok', jammed: false };
  }

  /** iLoadCard(n): 0 = default hopper, 1-9 = that hopper. */
  async loadCard(hopper: number): Promise<void> {
    await this.printerCall('iLoadCard', [hopper]);
  }

  /** iWriteCard to the SSSE basic files (PERSONAL_FILE_ADDR): 发卡日期|卡有效期|卡号|社会保障号码|姓名|. */
  async writePersonal(d: ChipPersonalisation): Promise<void> {
    const data = [d.issueDate, d.expiryDate, d.cardNo, d.ssn, d.name];
    data.forEach(noBar);
    await this.printerCall('iWriteCard', [1, this.lastRead, PERSONAL_FILE_ADDR, data.map((x) => `${x}|`).join('')]);
  }

  /** iWriteCaStep1: the signing public key in pOutInfo. */
  async writeCaStep1(): Promise<string> {
    return (await this.printerCall('iWriteCaStep1', [])).trim();
  }

  /** iWriteCaStep2(pCaInfo): “签名证书|加密证书|加密密钥|主控密钥|管理员PIN”. */
  async writeCaStep2(ca: CaInfo): Promise<void> {
    const parts = [ca.signCert, ca.encCert, ca.encKey, ca.masterKey, ca.adminPin];
    parts.forEach(noBar);
    await this.printerCall('iWriteCaStep2', [parts.join('|')]);
  }

  /** iPrint(n, sData1..6, sPhoto1..2): prints and always ejects. */
  async print(bin: OutputBin, face: CardFace): Promise<void> {
    if (face.texts.length > 6 || face.photos.length > 2) {
      throw new SbkError('DEVICE_BAD_REQUEST.face_items', undefined, { texts: face.texts.length, photos: face.photos.length });
    }
    const texts = Array.from({ length: 6 }, (_, i) => {
      const t = face.texts[i];
      if (!t || t.data === '') return '';
      [t.data, t.font].forEach(noBar);
      return `${t.data}|${t.font}|${t.size}|${t.left}|${t.top}`;
    });
    const photos = Array.from({ length: 2 }, (_, i) => {
      const p = face.photos[i];
      return !p || p.base64 === '' ? '' : `${p.base64}|${p.left}|${p.top}|${p.width}|${p.height}`;
    });
    await this.printerCall('iPrint', [bin, ...texts, ...photos]);
  }

  /** “当传入的印参数全部为空时，按退卡位置参数n的要求单独执行退卡操作”. */
  eject(bin: OutputBin): Promise<void> {
    return this.print(bin, { texts: [], photos: [] });
  }

  private async printerCall(name: 'iLoadCard' | 'iWriteCard' | 'iWriteCaStep1' | 'iWriteCaStep2' | 'iPrint', args: readonly (number | string)[]): Promise<string> {
    const r = await this.host.call(name, args);
    if (r.ret < 0) throw new PrinterError(r.ret, r.out);
    return r.out;
  }
}

function noBar(s: string): void {
  if (s.includes('|')) throw new SbkError('DEVICE_BAD_REQUEST.separator', undefined, { value: s });
}
