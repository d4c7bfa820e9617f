import { describe, expect, it } from 'vitest';
import { missedCountDays } from '../../src/domain/count-coverage.ts';

const weekday = (d: string) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay());

describe('missed daily counts (GD Art. 36 一(四))', () => {
  it('days before the site first held a bank’s blanks are not missed days', () => {
    // Blanks arrive Thursday 10 Dec and are counted that day: the week before is not missed.
    const counted = (d: string) => d === '2026-12-10';
    const missed = missedCountDays({ from: '2026-12-01', to: '2026-12-10', banks: [{ bank: '工行', since: '2026-12-10' }], counted, isWorkingDay: weekday });
    expect(missed).toEqual([]);
  });

  it('a working day a held bank was not counted is missed, with every bank it missed; weekends are not', () => {
    const banks = [
      { bank: '工行', since: '2026-12-04' },
      { bank: '建行', since: '2026-12-08' },
    ];
    const counted = (d: string, bank: string) => bank === '工行' && d !== '2026-12-09';
    const missed = missedCountDays({ from: '2026-12-03', to: '2026-12-10', banks, counted, isWorkingDay: weekday });
    expect(missed).toEqual([
      { date: '2026-12-08', banks: ['建行'] },
      { date: '2026-12-09', banks: ['工行', '建行'] },
      { date: '2026-12-10', banks: ['建行'] },
    ]);
  });
});
