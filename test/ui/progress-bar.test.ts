import { describe, expect, it } from 'vitest';
import { progressText } from '../../src/ui/components/progress-bar.tsx';
import { displayWidth } from '../../src/text/display-width.ts';

describe('progress bar', () => {
  it('fills in proportion, fits the width and stays ASCII in the bar', () => {
    expect(progressText({ done: 0, total: 100, width: 60 })).toMatch(/^\[-+\]\s+0%  0\/100/);
    expect(progressText({ done: 100, total: 100, width: 60 })).toMatch(/^\[#+\]\s+100%/);
    const half = progressText({ done: 50, total: 100, width: 60, label: ' 行' });
    const bar = /^\[(#*)(-*)\]/.exec(half)!;
    expect(bar[1]!.length).toBe(bar[2]!.length);
    for (const w of [20, 40, 80]) expect(displayWidth(progressText({ done: 3, total: 7, width: w, label: ' 行' }))).toBe(w);
  });
});
