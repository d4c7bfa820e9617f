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

describe('home state: the counter back to the vault (HB Art. 14)', () => {
  it('B asks, N/Esc cancels, Y leaves what it did as the notice; asking again clears it', () => {
    const asking = homeReducer(initialHomeState(), { type: 'ask-back' });
    expect(asking.askingBack).toBe(true);
    expect(homeReducer(asking, { type: 'cancel-back' })).toEqual(initialHomeState());
    const done = homeReducer(asking, { type: 'back-finished', notice: [{ level: 'ok', text: 'done' }] });
    expect(done).toMatchObject({ askingBack: false, notice: [{ level: 'ok', text: 'done' }] });
    expect(homeReducer(done, { type: 'ask-back' }).notice).toEqual([]);
    // The marker is kept through it all.
    const moved = homeReducer(done, { type: 'move', delta: -1, count: 11 });
    expect(moved).toMatchObject({ selected: 10, notice: done.notice });
  });
});
