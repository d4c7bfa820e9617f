/**
 * devices.json's `"transport": "library"`: the library's path, the call limits, and the mistakes
 * reported with where they are.
 */
import { describe, expect, it } from 'vitest';
import { parseDeviceConfig } from '../../drivers/config/device-config.ts';
import { isSbkError } from '../../src/domain/errors.ts';

const site = (printer: Record<string, unknown>) => JSON.stringify({ sites: { '440103-B01': { printers: [{ id: '制卡机1', hoppers: { '1': '制卡机1-卡盒1' }, ...printer }], readers: [{ id: '读卡器1', transport: 'library', path: 'SSCardDriver.DLL' }] } } });

function refusal(text: string): string {
  try {
    parseDeviceConfig(text, 'devices.json');
  } catch (e) {
    if (isSbkError(e)) return e.message;
    throw e;
  }
  throw new Error('accepted');
}

describe('devices.json library transport', () => {
  it('reads the path and the limits, with defaults', () => {
    const c = parseDeviceConfig(site({ transport: 'library', path: 'C:\\SSCard\\SSCardDriver.DLL', printTimeoutMs: 90_000 }), 'devices.json');
    const s = c.sites.get('440103-B01')!;
    expect(s.printers[0]).toMatchObject({ transport: 'library', path: 'C:\\SSCard\\SSCardDriver.DLL', timeoutMs: 30_000, printTimeoutMs: 90_000 });
    expect(s.readers[0]).toMatchObject({ transport: 'library', path: 'SSCardDriver.DLL', timeoutMs: 30_000, printTimeoutMs: 120_000 });
  });

  it('refuses a missing path or a bad limit, and a library scanner', () => {
    expect(refusal(site({ transport: 'library' }))).toContain('path');
    expect(refusal(site({ transport: 'library', path: 'x.so', timeoutMs: 5 }))).toContain('timeoutMs');
    const scanner = JSON.stringify({ sites: { S: { scanners: [{ id: 'S1', transport: 'library', path: 'x.so' }] } } });
    expect(refusal(scanner)).toContain('transport');
  });
});
