/**
 * What the rest of the code knows of a card reader: a basic read that returns the card's fields
 * or throws a ReaderError. Transports (USB HID, the simulator) live behind it.
 */
import type { BasicCardInfo, ReaderInterface } from './basic-info.ts';

export interface CardReader {
  readonly label: string;
  readBasic(iface?: ReaderInterface): Promise<BasicCardInfo>;
}
