import { describe, expect, it } from 'vitest';
import { CMD, REPLY_BIT } from '../../drivers/protocol/commands.ts';
import { DeviceClient } from '../../drivers/protocol/device-client.ts';
import { decodeFields, encodeFields, type FieldValue } from '../../drivers/protocol/fields.ts';
import { encodeFrame, FrameDecoder, type Frame } from '../../drivers/protocol/frame.ts';
import type { ByteTransport } from '../../drivers/transport/byte-transport.ts';
import { createMemoryLink } from '../../drivers/transport/memory-transport.ts';

/** A device end that hands each request to `answer`, which writes whatever replies it likes. */
function scriptedDevice(device: ByteTransport, answer: (f: Frame, reply: (seq: number, code: number, out: string) => void) => void): Frame[] {
  const seen: Frame[] = [];
  const d = new FrameDecoder();
  device.onData((b) => {
    for (const f of d.push(b)) {
      seen.push(f);
      // A reply after the test closed the link just goes nowhere.
      answer(f, (seq, code, out) => void device.write(encodeFrame({ seq, cmd: f.cmd | REPLY_BIT, payload: encodeFields([code, out]) })).catch(() => undefined));
    }
  });
  return seen;
}

const echo = (f: Frame, reply: (seq: number, code: number, out: string) => void) => reply(f.seq, 0, JSON.stringify(decodeFields(f.payload)));

describe('DeviceClient', () => {
  it('sends the arguments and returns the reply code and text', async () => {
    const link = createMemoryLink({ chunk: 'random', seed: 3 });
    scriptedDevice(link.device, echo);
    const c = new DeviceClient(link.host);
    const args: FieldValue[] = [1, '张三', ''];
    expect(await c.call(CMD.PRINT, args)).toEqual({ code: 0, out: JSON.stringify(args) });
    await c.close();
  });

  it('times out with DEVICE_TIMEOUT when the device never answers', async () => {
    const link = createMemoryLink();
    const c = new DeviceClient(link.host, { timeoutMs: 40 });
    const e = await c.call(CMD.STATUS, []).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'DEVICE_TIMEOUT', message: '设备没有响应：请检查连接和电源后重试。' });
    await c.close();
  });

  it('uses the slow timeout for calls that move a card', async () => {
    const link = createMemoryLink();
    scriptedDevice(link.device, (f, reply) => setTimeout(() => reply(f.seq, 0, ''), 60));
    const c = new DeviceClient(link.host, { timeoutMs: 20, slowTimeoutMs: 500 });
    await expect(c.call(CMD.LOAD_CARD, [0])).resolves.toEqual({ code: 0, out: '' });
    await expect(c.call(CMD.STATUS, [])).rejects.toMatchObject({ code: 'DEVICE_TIMEOUT' });
    await c.close();
  });

  it('ignores a reply with a stale seq and takes the one for its request', async () => {
    const link = createMemoryLink({ chunk: 3 });
    scriptedDevice(link.device, (f, reply) => {
      reply((f.seq - 1) & 0xff, 0, 'stale');
      reply(f.seq, 0, 'fresh');
    });
    const c = new DeviceClient(link.host);
    expect(await c.call(CMD.STATUS, [])).toEqual({ code: 0, out: 'fresh' });
    await c.close();
  });

  it('a late reply to a timed-out call is not taken as the answer to the next one, and nothing is resent', async () => {
    const link = createMemoryLink();
    let n = 0;
    // Call 1 times out at 200 ms; its reply comes at 260 ms, while call 2 (sent at 200 ms) waits for its own at 320 ms.
    const seen = scriptedDevice(link.device, (f, reply) => {
      const mine = ++n;
      setTimeout(() => reply(f.seq, 0, `reply ${mine}`), mine === 1 ? 260 : 120);
    });
    const c = new DeviceClient(link.host, { timeoutMs: 200, slowTimeoutMs: 200 });
    await expect(c.call(CMD.PRINT, [1])).rejects.toMatchObject({ code: 'DEVICE_TIMEOUT' });
    expect(await c.call(CMD.STATUS, [])).toEqual({ code: 0, out: 'reply 2' });
    expect(seen.map((f) => f.cmd)).toEqual([CMD.PRINT, CMD.STATUS]);
    await c.close();
  });

  it('puts calls on the wire one at a time, each getting its own reply', async () => {
    const link = createMemoryLink({ chunk: 'random', seed: 9 });
    let inFlight = 0;
    let most = 0;
    scriptedDevice(link.device, (f, reply) => {
      most = Math.max(most, ++inFlight);
      setTimeout(() => {
        inFlight--;
        reply(f.seq, 0, String(decodeFields(f.payload)[0]));
      }, 5);
    });
    const c = new DeviceClient(link.host);
    const outs = await Promise.all([1, 2, 3, 4].map((i) => c.call(CMD.LOAD_CARD, [i])));
    expect(outs.map((o) => o.out)).toEqual(['1', '2', '3', '4']);
    expect(most).toBe(1);
    await c.close();
  });

  it('wraps seq around after 255', async () => {
    const link = createMemoryLink();
    const seen = scriptedDevice(link.device, (f, reply) => reply(f.seq, 0, ''));
    const c = new DeviceClient(link.host);
    for (let i = 0; i < 257; i++) await c.call(CMD.STATUS, []);
    expect(seen.slice(254, 257).map((f) => f.seq)).toEqual([255, 0, 1]);
    await c.close();
  });

  it('recovers after line noise: the damaged request times out, the next succeeds', async () => {
    const link = createMemoryLink({ chunk: 'random', seed: 4 });
    scriptedDevice(link.device, echo);
    const c = new DeviceClient(link.host, { timeoutMs: 40 });
    link.noise.corruptNextByte(6);
    await expect(c.call(CMD.STATUS, ['x'])).rejects.toMatchObject({ code: 'DEVICE_TIMEOUT' });
    link.noise.dropNextChunk();
    await expect(c.call(CMD.STATUS, ['y'])).rejects.toMatchObject({ code: 'DEVICE_TIMEOUT' });
    expect(await c.call(CMD.STATUS, ['z'])).toEqual({ code: 0, out: '["z"]' });
    expect(c.frameErrors).toBe(0);
    await c.close();
  });

  it('rejects a reply that is not [code, text], and a call after close', async () => {
    const link = createMemoryLink();
    const d = new FrameDecoder();
    link.device.onData((b) => {
      for (const f of d.push(b)) void link.device.write(encodeFrame({ seq: f.seq, cmd: f.cmd | REPLY_BIT, payload: encodeFields(['oops']) })).catch(() => undefined);
    });
    const c = new DeviceClient(link.host);
    await expect(c.call(CMD.STATUS, [])).rejects.toMatchObject({ code: 'DEVICE_BAD_REPLY' });
    const pending = new DeviceClient(createMemoryLink().host, { timeoutMs: 5_000 });
    const p = pending.call(CMD.STATUS, []);
    await new Promise((r) => setImmediate(r));
    await pending.close();
    await expect(p).rejects.toMatchObject({ code: 'DEVICE_CLOSED' });
    await c.close();
    await expect(c.call(CMD.STATUS, [])).rejects.toMatchObject({ code: 'DEVICE_CLOSED' });
  });
});
