/**
 * TerminalWriter.showStatusNow: the console's way to say something while its event loop is
 * about to block (use-ledger-wait-notice.ts). Written at once over the frame's last row, and the
 * frame painted whole again as soon as the loop runs.
 */
import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { TerminalWriter } from '../../src/ui/terminal/terminal-writer.ts';
import { VirtualTerminal } from '../helpers/virtual-terminal.ts';

class Stub extends EventEmitter {
  readonly writes: string[] = [];
  columns = 20;
  rows = 5;
  write = (s: string): boolean => {
    this.writes.push(s);
    return true;
  };
}

const screen = (writes: readonly string[]): string[] => {
  const vt = new VirtualTerminal(20, 5);
  for (const w of writes) vt.write(w);
  return vt.screenText();
};

describe('TerminalWriter.showStatusNow', () => {
  it('writes nothing before the first frame', () => {
    const out = new Stub();
    new TerminalWriter(out, { maxFps: 1000 }).showStatusNow('WAIT');
    expect(out.writes).toEqual([]);
  });

  it('paints over the last row at once, synchronously, then repaints the frame on the next turn of the loop', async () => {
    const out = new Stub();
    const w = new TerminalWriter(out, { maxFps: 1000 });
    w.write('header\nbody\nkeys: q quit\n');
    w.flush();
    w.showStatusNow('WAIT...');
    expect(screen(out.writes)).toEqual(['header', 'body', 'WAIT...', '', '']);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen(out.writes)).toEqual(['header', 'body', 'keys: q quit', '', '']);
  });

  it('a frame Ink rendered meanwhile wins over the repaint', async () => {
    const out = new Stub();
    const w = new TerminalWriter(out, { maxFps: 1000 });
    w.write('a\nb\nc\n');
    w.flush();
    w.showStatusNow('WAIT');
    w.write('a\nB\nc\n');
    await new Promise((r) => setTimeout(r, 20));
    expect(screen(out.writes)).toEqual(['a', 'B', 'c', '', '']);
  });
});
