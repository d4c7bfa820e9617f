/**
 * A reader for demo ledgers and tests: the "card in the slot" is set by the caller (`insert`), or
 * found at each read through `slot` (what `sbk devices insert` put on the reader, kept in a file
 * beside the ledger), and a fault can be injected.
 * Reads go over an in-memory link to a simulated reader device, through the same framing and
 * error mapping as a real USB reader, so the demo exercises the code a real counter runs.
 */
import { DeviceClient } from '../protocol/device-client.ts';
import { SimulatedReaderDevice } from '../simulator/simulated-reader-device.ts';
import { createMemoryLink } from '../transport/memory-transport.ts';
import type { BasicCardInfo, ReaderInterface } from './basic-info.ts';
import type { CardReader } from './card-reader.ts';
import { ProtocolCardReader } from './protocol-reader.ts';
import { deviceTexts } from '../../src/i18n/drivers/devices.ts';

export class SimulatedReader implements CardReader {
  readonly label: string = deviceTexts.names.simulatedReader;
  private readonly device = new SimulatedReaderDevice();
  private byHand = false;
  private readonly reader: ProtocolCardReader;

  /** `slot`: asked before each read for the card on the reader now (null: none). */
  constructor(private readonly slot?: () => BasicCardInfo | null) {
    const link = createMemoryLink({ chunk: 'random', label: this.label });
    this.device.attach(link.device);
    this.reader = new ProtocolCardReader(new DeviceClient(link.host), this.label);
  }

  /** Puts a card in the slot by hand; from then on the reader holds it rather than asking `slot`. */
  insert(card: BasicCardInfo | null): void {
    this.byHand = true;
    this.device.insert(card);
  }

  /** The next read returns this negative code once (e.g. -21: the chip fails authentication). */
  failNext(returnCode: number): void {
    this.device.failNext(returnCode);
  }

  async readBasic(iface: ReaderInterface = 3): Promise<BasicCardInfo> {
    if (this.slot && !this.byHand) this.device.insert(this.slot());
    return this.reader.readBasic(iface);
  }
}
