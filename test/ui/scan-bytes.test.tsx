/**
 * Bytes per scan on a scan screen with a scrolling log (issue 16 item 7): the terminal scrolls
 * the log and only the new line, the line it dims and the counter are written, so a scan costs
 * the same with a full log as with an empty one, and the screen is still exactly the frame.
 */
import { describe, expect, it, vi } from 'vitest';
import { useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS } from '../helpers/render-console.tsx';
import { VirtualTerminal } from '../helpers/virtual-terminal.ts';

// Colours on (as on a real terminal): styles are part of what a scan costs. Before Ink loads.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

const demo = useDemoConsole();
const card = (n: number) => `C3${String(n).padStart(7, '0')}`;
const SGR = /\u001B\[[0-9;]*m/gu;
/** The sign-in's log shows this many outcomes (sign-in-count.tsx). */
const LOG_LINES = 6;

describe('bytes per scan with a full scan log', () => {
  it('sign-in: every scan after the log is full costs ≤ 150 B, and the terminal shows exactly the frame', async () => {
    const c = demo.start();
    await c.press('chenjing\r');
    await c.press('802357\r');
    await c.waitFor((f) => f.includes('合计'), 3000);
    await c.press('3');
    await c.waitFor((x) => x.includes('发运与签收'));
    await c.press(KEYS.enter);
    await c.waitFor((x) => x.includes('已点 0 张'));
    const costs: number[] = [];
    for (let i = 1; i <= 24; i++) {
      const before = c.bytesWritten();
      await c.press(`${card(i)}\r`);
      await c.waitFor((x) => x.includes(`已点 ${i} 张`));
      costs.push(c.bytesWritten() - before);
    }
    const full = costs.slice(LOG_LINES + 1);
    expect(Math.max(...full), costs.join(' ')).toBeLessThanOrEqual(150);
    // Constant: the last scans cost what the first full-log ones did.
    expect(Math.max(...full) - Math.min(...full)).toBeLessThanOrEqual(8);
    expect(c.terminalWrites().join('')).toMatch(/\u001B\[\d+;\d+r/u); // the log was scrolled, not rewritten

    const vt = new VirtualTerminal(80, 24);
    for (const w of c.terminalWrites()) vt.write(w);
    const frame = c.lastFrame().split('\n').map((l) => l.replace(SGR, '').trimEnd());
    expect(vt.screenText().slice(0, frame.length)).toEqual(frame);
    expect(frame.filter((l) => l.startsWith('✓ C3'))).toHaveLength(LOG_LINES);
    // Styles too (the newest line bright, the older ones dimmed): as if painted from scratch.
    const reference = new VirtualTerminal(80, 24);
    c.lastFrame()
      .split('\n')
      .forEach((line, row) => reference.write(`\u001B[0m\u001B[${row + 1};1H${line}\u001B[0m`));
    expect(vt.styledRuns()).toEqual(reference.styledRuns());
  });
});
