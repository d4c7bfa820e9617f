/**
 * node-hid is loaded only when a real USB device is configured: the demo and the tests never
 * need it, and on a machine without libusb its first use fails. node-hid 3 loads its native
 * binding lazily, so `import` succeeds there and the error only appears when devices are
 * listed — the loader lists them once so that failure surfaces here, with advice, instead of
 * in the middle of issuing a card.
 */
import { SbkError } from '../../src/domain/errors.ts';
import { deviceTexts } from '../../src/i18n/drivers/devices.ts';
import type { HidDeviceLike } from './hid-transport.ts';

export type HidDeviceInfo = {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  serialNumber?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
  interface?: number | undefined;
};

export type NodeHidLike = {
  devicesAsync(): Promise<HidDeviceInfo[]>;
  HIDAsync: { open(path: string): Promise<HidDeviceLike> };
};

type Candidate = { devicesAsync?: unknown; devices?: unknown; HIDAsync?: { open?: unknown } | undefined; default?: unknown };

export async function loadNodeHid(importer: () => Promise<unknown> = () => import('node-hid')): Promise<NodeHidLike> {
  let mod: unknown;
  try {
    mod = await importer();
  } catch (e) {
    throw unavailable(e);
  }
  const hid = pick(mod) ?? pick((mod as Candidate | null)?.default);
  if (!hid) throw unavailable(new Error(deviceTexts.nodeHidWithoutApi));
  try {
    const c = hid as Candidate;
    if (typeof c.devices === 'function') (c.devices as () => unknown)();
    else await hid.devicesAsync();
  } catch (e) {
    throw unavailable(e);
  }
  return hid;
}

function pick(m: unknown): NodeHidLike | null {
  if (typeof m !== 'object' && typeof m !== 'function') return null;
  const c = m as Candidate | null;
  if (!c || typeof c.devicesAsync !== 'function' || typeof c.HIDAsync?.open !== 'function') return null;
  return c as NodeHidLike;
}

function unavailable(e: unknown): SbkError {
  const cause = e instanceof Error ? e.message : String(e);
  if (/libusb/i.test(cause)) {
    return new SbkError('HID_LIBUSB_MISSING', undefined, { cause });
  }
  return new SbkError('HID_UNAVAILABLE.node_hid', { cause });
}
