import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WedgeDetector, type WedgeEvent } from '../../drivers/scanner/keyboard-wedge.ts';

/** Feeds characters one by one at the given times, then flushes well after the last. */
function run(d: WedgeDetector, chars: [string, number][]): WedgeEvent[] {
  const out = chars.flatMap(([c, t]) => d.feed(c, t));
  const last = chars[chars.length - 1]?.[1] ?? 0;
  return [...out, ...d.flush(last + 1_000)];
}

const codeArb = fc.stringMatching(/^[0-9A-Za-z]{4,40}$/);

describe('WedgeDetector', () => {
  it('a fast burst ending in Enter is a scan; the CR LF pair leaves no stray Enter', () => {
    const d = new WedgeDetector();
    expect(d.feed('A12345678\r\n', 1000)).toEqual([{ kind: 'scan', value: 'A12345678' }]);
    expect(d.flush(2000)).toEqual([]);
  });

  it('hand typing is keys, in order, including its Enter', () => {
    const d = new WedgeDetector();
    const events = run(d, [['1', 0], ['2', 150], ['3', 300], ['4', 450], ['\r', 600]]);
    expect(events.filter((e) => e.kind === 'scan')).toEqual([]);
    expect(events.map((e) => (e.kind === 'keys' ? e.text : '')).join('')).toBe('1234\r');
  });

  it('a short fast burst with Enter is keys; a fast burst without Enter is flushed as keys after the gap', () => {
    const d = new WedgeDetector();
    expect(d.feed('ab\r', 0)).toEqual([{ kind: 'keys', text: 'ab\r', reads: ['ab\r'] }]);
    expect(d.feed('xyz123', 100)).toEqual([]);
    expect(d.flush(120)).toEqual([]);
    expect(d.flush(136)).toEqual([{ kind: 'keys', text: 'xyz123', reads: ['xyz123'] }]);
  });

  it('keys typed before a scan come out first, then the scan', () => {
    const d = new WedgeDetector();
    const events = [...d.feed('q', 0), ...d.feed('9876543210\r', 500)];
    expect(events).toEqual([
      { kind: 'keys', text: 'q', reads: ['q'] },
      { kind: 'scan', value: '9876543210' },
    ]);
  });

  it('keys keep the reads they came in: two keys typed quickly are two reads, a paste is one', () => {
    const d = new WedgeDetector();
    expect([...d.feed('q', 0), ...d.feed('y', 5), ...d.feed('ab', 10), ...d.flush(100)]).toEqual([{ kind: 'keys', text: 'qyab', reads: ['q', 'y', 'ab'] }]);
  });

  it('honours maxGapMs and minLength', () => {
    const d = new WedgeDetector({ maxGapMs: 10, minLength: 8 });
    expect(d.feed('1234567\r', 0)).toEqual([{ kind: 'keys', text: '1234567\r', reads: ['1234567\r'] }]);
    expect(run(d, [...'12345678'].map((c, i): [string, number] => [c, 100 + i * 20]).concat([['\r', 300]])).some((e) => e.kind === 'scan')).toBe(false);
  });

  it('property: hand typing with gaps over maxGapMs never yields a scan and loses no keystroke', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('1', 'a', 'Z', '\r', '\n', '张', ' '), fc.integer({ min: 36, max: 400 })), { maxLength: 60 }), (keys) => {
        const d = new WedgeDetector();
        let t = 0;
        const timed = keys.map(([c, gap]): [string, number] => [c, (t += gap)]);
        const events = run(d, timed);
        expect(events.every((e) => e.kind === 'keys')).toBe(true);
        expect(events.map((e) => (e.kind === 'keys' ? e.text : '')).join('')).toBe(keys.map(([c]) => c).join(''));
      }),
    );
  });

  it('property: a scan fed in one chunk or char by char with small gaps yields exactly that scan', () => {
    fc.assert(
      fc.property(codeArb, fc.constantFrom('\r', '\n', '\r\n'), fc.boolean(), fc.array(fc.integer({ min: 0, max: 35 }), { minLength: 45, maxLength: 45 }), (code, end, oneChunk, gaps) => {
        const d = new WedgeDetector();
        const chars = [...code + end];
        let t = 5_000;
        const events = oneChunk ? [...d.feed(code + end, t), ...d.flush(t + 1_000)] : run(d, chars.map((c, i): [string, number] => [c, (t += gaps[i] ?? 0)]));
        expect(events).toEqual([{ kind: 'scan', value: code }]);
      }),
    );
  });
});
