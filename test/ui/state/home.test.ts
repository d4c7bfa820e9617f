import { describe, expect, it } from 'vitest';
import { homeReducer, initialHomeState } from '../../../src/ui/state/home.ts';

describe('home state', () => {
  it('↑↓ go round the menu', () => {
    const up = homeReducer(initialHomeState(), { type: 'move', delta: -1, count: 9 });
    expect(up.selected).toBe(8);
    expect(homeReducer(up, { type: 'move', delta: 1, count: 9 }).selected).toBe(0);
    const three = [1, 1, 1].reduce((s, delta) => homeReducer(s, { type: 'move', delta, count: 9 }), initialHomeState());
    expect(three.selected).toBe(3);
  });
});
