import { describe, expect, it } from 'vitest';
import { blindTally } from '../../src/domain/blind-tally.ts';
import { confirmBoxCount, scanCard, startCheckIn } from '../../src/domain/check-in-session.ts';

const cards = [
  { cardNo: 'A1', box: 'S/01' },
  { cardNo: 'A2', box: 'S/01' },
  { cardNo: 'A3', box: 'S/01' },
  { cardNo: 'B1', box: 'S/02' },
];

describe('the blind tally', () => {
  it('counts the cards scanned, listed or not', () => {
    let s = startCheckIn(cards);
    s = scanCard(s, 'A1').session;
    s = scanCard(s, 'X9').session;
    expect(blindTally(s, new Map())).toBe(1);
  });

  it('a box count adds exactly what was typed, whether it matched the list or not', () => {
    const start = startCheckIn(cards);
    const matched = confirmBoxCount(start, 'S/01', 3).session;
    expect(blindTally(matched, new Map([['S/01', 3]]))).toBe(3);
    const short = confirmBoxCount(start, 'S/01', 2).session;
    expect(blindTally(short, new Map([['S/01', 2]]))).toBe(2);
    const over = confirmBoxCount(start, 'S/01', 5).session;
    expect(blindTally(over, new Map([['S/01', 5]]))).toBe(5);
  });

  it('cards of a box scanned one by one before a short count are not counted twice', () => {
    let s = startCheckIn(cards);
    s = scanCard(s, 'A1').session;
    s = confirmBoxCount(s, 'S/01', 2).session;
    expect(blindTally(s, new Map([['S/01', 2]]))).toBe(2);
    s = scanCard(s, 'B1').session;
    expect(blindTally(s, new Map([['S/01', 2]]))).toBe(3);
  });
});
