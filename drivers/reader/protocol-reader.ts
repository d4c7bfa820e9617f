/**
 * A card reader spoken to over the device protocol (USB HID or the simulator): iReadCardBas
 * becomes READ_BASIC, and its negative returns become ReaderErrors.
 */
import { CMD } from '../protocol/commands.ts';
import type { DeviceClient } from '../protocol/device-client.ts';
import { parseBasicInfo, ReaderError, type BasicCardInfo, type ReaderInterface } from './basic-info.ts';
import type { CardReader } from './card-reader.ts';

export class ProtocolCardReader implements CardReader {
  readonly label: string;

  constructor(
    private readonly client: DeviceClient,
    label?: string,
  ) {
    this.label = label ?? client.label;
  }

  async readBasic(iface: ReaderInterface = 3): Promise<BasicCardInfo> {
    return readBasicOver(this.client, iface);
  }
}

/** Shared with the printer, whose reader position answers the same call. */
export async function readBasicOver(client: DeviceClient, iface: ReaderInterface): Promise<BasicCardInfo> {
  const r = await client.call(CMD.READ_BASIC, [iface]);
  if (r.code < 0) throw new ReaderError(r.code);
  return parseBasicInfo(r.out);
}
