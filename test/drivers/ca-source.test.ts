/**
 * The CA link (issue 20 item 3): devices.json's `ca` and the three CaSource kinds. The command
 * kind runs shell scripts this test writes: a good client, a slow one, bad output, a failure.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCa, parseDeviceConfig } from '../../drivers/config/device-config.ts';
import { caSourceFor } from '../../drivers/ca/ca-source.ts';
import { CommandCaSource, CA_MAX_OUTPUT_BYTES } from '../../drivers/ca/command-ca.ts';
import { SimulatedCaSource } from '../../drivers/ca/simulated-ca.ts';
import { isSbkError } from '../../src/domain/errors.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

const SUBJECT = { ssn: '420102199001010011', cardNo: 'T00000001' };
const SECRET = 'SECRET-SIGN-7f3a|SECRET-ENC-91bc|SECRET-KEY-55aa|SECRET-MASTER-0e0e|SECRET-PIN-1234';

function script(body: string): string {
  const path = join(tempDir(), `ca-client-${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o700);
  return path;
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isSbkError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a failure');
}

const source = (path: string, timeoutMs = 5000, args: string[] = []) => new CommandCaSource({ command: path, args, timeoutMs });

describe('devices.json ca', () => {
  const site = (ca: unknown) => parseDeviceConfig(JSON.stringify({ sites: { S: ca === undefined ? {} : { ca } } }), 'devices.json').sites.get('S')!.ca;

  it('reads none, simulated (and the old spelling simulator), and a command', () => {
    expect(site(undefined)).toEqual({ kind: 'none' });
    expect(site('none')).toEqual({ kind: 'none' });
    expect(site('simulated')).toEqual({ kind: 'simulated' });
    expect(site('simulator')).toEqual({ kind: 'simulated' });
    expect(site({ command: '/opt/ca/client', args: ['--site', 'B01'], timeoutMs: 5000 })).toEqual({ kind: 'command', command: '/opt/ca/client', args: ['--site', 'B01'], timeoutMs: 5000 });
    expect(site({ command: '/opt/ca/client' })).toEqual({ kind: 'command', command: '/opt/ca/client', args: [], timeoutMs: 30000 });
  });

  it('refuses anything else with where it is and what is wrong', () => {
    const code = (v: unknown) => {
      try {
        parseCa(v, 'x.ca');
        return 'ok';
      } catch (e) {
        return isSbkError(e) ? `${e.code}:${e.message}` : 'thrown';
      }
    };
    expect(code('hsm')).toMatch(/^DEVICE_CONFIG:.*x\.ca.*simulated/);
    expect(code({})).toMatch(/^DEVICE_CONFIG:.*command/);
    expect(code({ command: ' ' })).toMatch(/^DEVICE_CONFIG:/);
    expect(code({ command: '/c', args: 'a b' })).toMatch(/^DEVICE_CONFIG:.*args/);
    expect(code({ command: '/c', timeoutMs: 10 })).toMatch(/^DEVICE_CONFIG:.*timeoutMs/);
    expect(code({ command: '/c', timeoutMs: '30000' })).toMatch(/^DEVICE_CONFIG:.*timeoutMs/);
  });
});

describe('CaSource kinds', () => {
  it('none is no source; simulated and command are', () => {
    expect(caSourceFor({ kind: 'none' })).toBeNull();
    expect(caSourceFor({ kind: 'simulated' })).toBeInstanceOf(SimulatedCaSource);
    expect(caSourceFor({ kind: 'command', command: '/bin/true', args: [], timeoutMs: 1000 })).toBeInstanceOf(CommandCaSource);
  });

  it('simulated: five non-empty deterministic fields', async () => {
    const a = await new SimulatedCaSource().certify('PUBKEY', SUBJECT);
    expect(Object.values(a).every((v) => v.length > 0)).toBe(true);
    expect(await new SimulatedCaSource().certify('PUBKEY', SUBJECT)).toEqual(a);
  });

  it('command: the public key goes in on stdin, the five fields come back; args and the card number reach the client', async () => {
    const dir = tempDir();
    const seen = join(dir, 'seen.txt');
    const path = script(`read key\nprintf '%s %s %s %s\\n' "$key" "$1" "$SBK_CA_CARD_NO" "$SBK_CA_SSN" > '${seen}'\necho '${SECRET}'`);
    const ca = await source(path, 5000, ['--site']).certify('PUBKEY-abc', SUBJECT);
    expect(ca).toEqual({ signCert: 'SECRET-SIGN-7f3a', encCert: 'SECRET-ENC-91bc', encKey: 'SECRET-KEY-55aa', masterKey: 'SECRET-MASTER-0e0e', adminPin: 'SECRET-PIN-1234' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(seen, 'utf8')).toBe(`PUBKEY-abc --site ${SUBJECT.cardNo} ${SUBJECT.ssn}\n`);
  });

  it('command: a slow client is killed at the timeout (with its children)', async () => {
    const dir = tempDir();
    const marker = join(dir, 'still-running');
    const path = script(`sleep 5\ntouch '${marker}'\necho '${SECRET}'`);
    const started = Date.now();
    const f = await failure(source(path, 300).certify('K', SUBJECT));
    expect(f.code).toBe('CA_LINK_TIMEOUT');
    expect(f.message).toMatch(/0\.3 秒内没有返回/);
    expect(Date.now() - started).toBeLessThan(3000);
    await new Promise((r) => setTimeout(r, 300));
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).toBe(false);
  });

  it('command: wrong field count, an empty field, several lines — refused without quoting the output', async () => {
    const four = await failure(source(script(`echo 'SECRET-A|SECRET-B|SECRET-C|SECRET-D'`)).certify('K', SUBJECT));
    expect(four.code).toBe('CA_LINK_FORMAT');
    expect(four.message).toContain('4 个字段');
    const empty = await failure(source(script(`echo 'SECRET-A|SECRET-B||SECRET-D|SECRET-E'`)).certify('K', SUBJECT));
    expect(empty.message).toContain('“加密密钥”为空');
    const lines = await failure(source(script(`echo '${SECRET}'; echo '${SECRET}'`)).certify('K', SUBJECT));
    expect(lines.message).toContain('应为一行');
    for (const f of [four, empty, lines]) expect(f.message).not.toContain('SECRET');
  });

  it('command: a non-zero exit is refused with its code, never its stderr or stdout', async () => {
    const f = await failure(source(script(`echo '${SECRET}'\necho 'SECRET-ON-STDERR' >&2\nexit 3`)).certify('K', SUBJECT));
    expect(f.code).toBe('CA_LINK_EXIT');
    expect(f.message).toContain('退出码 3');
    expect(f.message).not.toContain('SECRET');
  });

  it('command: output larger than the limit is refused', async () => {
    const f = await failure(source(script(`head -c ${CA_MAX_OUTPUT_BYTES + 10} /dev/zero | tr '\\0' 'x'`)).certify('K', SUBJECT));
    expect(f.code).toBe('CA_LINK_TOO_LARGE');
  });

  it('command: a client that does not exist or cannot run says so', async () => {
    const f = await failure(source(join(tempDir(), 'no-such-client')).certify('K', SUBJECT));
    expect(f.code).toBe('CA_LINK_START');
    expect(f.message).toContain('ENOENT');
  });
});
