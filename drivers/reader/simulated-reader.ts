/**
 * A reader for demo ledgers and tests: the "card in the slot" is set by the caller (the console
 * puts the card being issued there, as if the operator inserted it), and a fault can be injected.
 * It answers through the same text format and error mapping as a real reader.
 */
import { formatBasicInfo, parseBasicInfo, ReaderError, type BasicCardInfo, type ReaderInterface } from './basic-info.ts';
import type { CardReader } from './card-reader.ts';

export class SimulatedReader implements CardReader {
  readonly label = '模拟读卡器';
  private card: BasicCardInfo | null = null;
  private nextFault: number | null = null;

  insert(card: BasicCardInfo | null): void {
    this.card = card;
  }

  /** The next read returns this negative code once (e.g. -21: the chip fails authentication). */
  failNext(returnCode: number): void {
    this.nextFault = returnCode;
  }

  async readBasic(_iface: ReaderInterface = 3): Promise<BasicCardInfo> {
    if (this.nextFault !== null) {
      const code = this.nextFault;
      this.nextFault = null;
      throw new ReaderError(code);
    }
    if (!this.card) throw new ReaderError(-2);
    return parseBasicInfo(formatBasicInfo(this.card));
  }
}
