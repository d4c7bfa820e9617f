import { useState } from 'react';
import { Box, Text } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/display-width.ts';
import { KeyRouterProvider, PRIORITY, useKeyHandler } from '../../src/ui/keys/key-router.tsx';
import { KEYS, renderConsole, type RenderedConsole } from '../helpers/render-console.tsx';

function Counter() {
  const [n, setN] = useState(0);
  useKeyHandler(
    (e) => {
      if (e.name === 'up') setN((x) => x + 1);
      else if (e.name === 'down') setN((x) => x - 1);
      else return false;
      return true;
    },
    { priority: PRIORITY.screen },
  );
  return (
    <Box flexDirection="column" height={23}>
      <Text>计数 {n}</Text>
      <Text>{'宽'.repeat(40)}</Text>
    </Box>
  );
}

let app: RenderedConsole | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

describe('renderConsole', () => {
  it('renders at 80×24 and reads frames the same with or without CI', async () => {
    app = renderConsole(
      <KeyRouterProvider escDelayMs={0} scanGapMs={0}>
        <Counter />
      </KeyRouterProvider>,
    );
    const first = app.lastFrame();
    expect(first.split('\n')[0]).toBe('计数 0');
    expect(first.split('\n')).toHaveLength(23);
    for (const line of first.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);

    await app.press(KEYS.up);
    expect(app.lastFrame().split('\n')[0]).toBe('计数 1');
    await app.press(KEYS.up);
    await app.press(KEYS.down);
    await app.press(KEYS.down);
    expect(app.lastFrame().split('\n')[0]).toBe('计数 0');
    expect(app.frames.map((f) => f.split('\n')[0])).toEqual(['计数 0', '计数 1', '计数 2', '计数 1', '计数 0']);
  });

  it('counts bytes per keystroke (a one-line change costs one line, not a redraw)', async () => {
    app = renderConsole(
      <KeyRouterProvider escDelayMs={0} scanGapMs={0}>
        <Counter />
      </KeyRouterProvider>,
    );
    const before = app.bytesWritten();
    expect(before).toBeGreaterThan(80); // the first full frame
    await app.press(KEYS.up);
    const perKey = app.bytesWritten() - before;
    expect(perKey).toBeGreaterThan(0);
    expect(perKey).toBeLessThan(30); // only the changed digit cell, with one cursor move
  });

  it('waitFor resolves on a matching frame and times out with the frame in the error', async () => {
    app = renderConsole(
      <KeyRouterProvider escDelayMs={0} scanGapMs={0}>
        <Counter />
      </KeyRouterProvider>,
    );
    app.stdin.write(KEYS.up);
    await expect(app.waitFor((f) => f.startsWith('计数 1'))).resolves.toContain('计数 1');
    await expect(app.waitFor((f) => f.includes('不存在'), 50)).rejects.toThrow(/计数 1/);
  });
});

describe('renderConsole bytes', () => {
  it('a full-height frame is still written as a diff (no whole-screen clear per update)', async () => {
    app = renderConsole(
      <KeyRouterProvider escDelayMs={0} scanGapMs={0}>
        <Box height={24}>
          <Counter />
        </Box>
      </KeyRouterProvider>,
    );
    const before = app.bytesWritten();
    await app.press(KEYS.up);
    await app.press(KEYS.up);
    // ENGINEERING.md §1's pitfall (Ink clearing and rewriting a terminal-high frame) does not apply.
    expect(app.bytesWritten() - before).toBeLessThan(60);
    expect(app.terminalWrites().slice(1).join('')).not.toContain('\u001B[2J');
  });
});
