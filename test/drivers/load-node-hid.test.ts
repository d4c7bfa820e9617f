import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNodeHid } from '../../drivers/transport/load-node-hid.ts';

const LIBUSB = '/usr/lib/x86_64-linux-gnu/libusb-1.0.so.0';
const LIBUSB_ERROR = 'libusb-1.0.so.0: cannot open shared object file: No such file or directory';

describe('loadNodeHid', () => {
  it.skipIf(existsSync(LIBUSB))('the real node-hid on a machine without libusb gives HID_LIBUSB_MISSING', async () => {
    const e = await loadNodeHid().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'HID_LIBUSB_MISSING' });
    expect((e as Error).message).toContain('sudo apt-get install libusb-1.0-0');
  });

  it('an import that fails for want of libusb gives HID_LIBUSB_MISSING', async () => {
    await expect(
      loadNodeHid(async () => {
        throw new Error(LIBUSB_ERROR);
      }),
    ).rejects.toMatchObject({ code: 'HID_LIBUSB_MISSING', details: { cause: LIBUSB_ERROR } });
  });

  it('a module that loads but fails on first use for want of libusb gives HID_LIBUSB_MISSING', async () => {
    const mod = {
      devices: () => {
        throw new Error(LIBUSB_ERROR);
      },
      devicesAsync: async () => [],
      HIDAsync: { open: async () => ({}) },
    };
    await expect(loadNodeHid(async () => mod)).rejects.toMatchObject({ code: 'HID_LIBUSB_MISSING' });
    await expect(loadNodeHid(async () => ({ default: mod }))).rejects.toMatchObject({ code: 'HID_LIBUSB_MISSING' });
  });

  it('other failures give HID_UNAVAILABLE with the cause', async () => {
    const e = await loadNodeHid(async () => {
      throw new Error("Cannot find module 'node-hid'");
    }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'HID_UNAVAILABLE', details: { cause: "Cannot find module 'node-hid'" } });
    expect((e as Error).message).toContain("Cannot find module 'node-hid'");
    await expect(loadNodeHid(async () => ({ something: 1 }))).rejects.toMatchObject({ code: 'HID_UNAVAILABLE' });
  });

  it('returns a working module (namespace or default export)', async () => {
    const mod = { devicesAsync: async () => [{ vendorId: 1, productId: 2, path: '/dev/hidraw0' }], HIDAsync: { open: async () => ({}) } };
    expect(await loadNodeHid(async () => mod)).toBe(mod);
    expect(await loadNodeHid(async () => ({ default: mod }))).toBe(mod);
  });
});
