import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../src/domain/calendar.ts';
import { assessOverdue, dueForCancellation, secondIssueDeadline, sleepingSince } from '../../src/domain/overdue.ts';
import { recallReasonForCategory } from '../../src/domain/recall-reasons.ts';
import type { CancellationInput, OverdueInput } from '../../src/domain/overdue.ts';
import { RULE_PROFILES } from '../../src/domain/rule-profiles.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { sbkCode } from '../helpers/error-code.ts';

const calendar = loadCalendar();
const GD = RULE_PROFILES.guangdong;
const HB = RULE_PROFILES.hubei;

const inStock = (heldSince: string, holderDeceasedOn: string | null = null): OverdueInput => ({
  state: 'in_stock',
  heldSince,
  holderDeceasedOn,
});

describe('assessOverdue: the 6-month boundary with month-end clamping', () => {
  it('common year: received 2025-08-31 → last ok 2026-02-28, overdue from 2026-03-01', () => {
    // 2025-08-31 + 6 months = "2026-02-31", clamped to the end of February 2026 (28 days).
    const lastOk = assessOverdue(inStock('2025-08-31'), '2026-02-28', GD, calendar);
    expect(lastOk).toMatchObject({
      category: 'unclaimed',
      phase: 'warning',
      lastOkDay: '2026-02-28',
      overdueFrom: '2026-03-01',
      daysOverdue: 0,
    });
    const first = assessOverdue(inStock('2025-08-31'), '2026-03-01', GD, calendar);
    expect(first).toMatchObject({ phase: 'overdue', lastOkDay: '2026-02-28', overdueFrom: '2026-03-01', daysOverdue: 0 });
    // 2026-03-01 is a Sunday; ten working days strictly after it: 03-02..03-06 (5), 03-09..03-13 (10).
    expect(first?.recallDueBy).toBe('2026-03-13');
    expect(first?.recallDueBasis).toBe('official');
    expect(assessOverdue(inStock('2025-08-31'), '2026-03-11', GD, calendar)?.daysOverdue).toBe(10);
  });

  it('leap year: received 2023-08-31 → last ok 2024-02-29, overdue from 2024-03-01', () => {
    const lastOk = assessOverdue(inStock('2023-08-31'), '2024-02-29', GD, calendar);
    expect(lastOk).toMatchObject({ phase: 'warning', lastOkDay: '2024-02-29', overdueFrom: '2024-03-01', daysOverdue: 0 });
    const first = assessOverdue(inStock('2023-08-31'), '2024-03-01', GD, calendar);
    expect(first).toMatchObject({ phase: 'overdue', lastOkDay: '2024-02-29', overdueFrom: '2024-03-01', daysOverdue: 0 });
    // 2024-03-01 is a Friday: 03-04..03-08 (5), 03-11..03-15 (10); no holiday in between.
    expect(first?.recallDueBy).toBe('2024-03-15');
    expect(first?.recallDueBasis).toBe('official');
  });

  it('a mid-month receipt keeps its day: received 2026-01-15 → last ok 2026-07-15', () => {
    expect(assessOverdue(inStock('2026-01-15'), '2026-07-15', GD, calendar)).toMatchObject({
      lastOkDay: '2026-07-15',
      overdueFrom: '2026-07-16',
      phase: 'warning',
    });
  });

  it('counts months the same in both profiles', () => {
    const gd = assessOverdue(inStock('2025-08-31'), '2026-03-01', GD, calendar);
    const hb = assessOverdue(inStock('2025-08-31'), '2026-03-01', HB, calendar);
    expect(hb).toEqual(gd);
  });
});

describe('assessOverdue: the recall deadline counts working days from the reminder', () => {
  it('spans the 2026 National Day holiday: overdue from 2026-09-30 → recall due by 2026-10-20', () => {
    // Received 2026-03-29 → last ok 2026-09-29 → overdue (and reminded) on Wed 2026-09-30.
    // Counting the working days strictly after 09-30 with fixtures/holidays/2026.json:
    //   10-01..10-07 National Day holiday (not counted)
    //   10-08 Thu 1, 10-09 Fri 2, 10-10 Sat 3 (调休上班, listed in workdays), 10-11 Sun -
    //   10-12 Mon 4, 10-13 5, 10-14 6, 10-15 7, 10-16 Fri 8, 10-17/18 weekend -
    //   10-19 Mon 9, 10-20 Tue 10.
    const a = assessOverdue(inStock('2026-03-29'), '2026-09-30', GD, calendar);
    expect(a).toMatchObject({
      category: 'unclaimed',
      phase: 'overdue',
      lastOkDay: '2026-09-29',
      overdueFrom: '2026-09-30',
      recallDueBy: '2026-10-20',
      recallDueBasis: 'official',
      recallDueUncertainYears: [],
      daysOverdue: 0,
    });
    // Without the holiday data (weekends only) the same count would end on 2026-10-14.
    const bare = new WorkingCalendar([]);
    expect(assessOverdue(inStock('2026-03-29'), '2026-09-30', GD, bare)).toMatchObject({
      recallDueBy: '2026-10-14',
      recallDueBasis: 'no-data',
      recallDueUncertainYears: [2026],
    });
  });

  it('spans Mid-Autumn and National Day: overdue from 2026-09-24 → recall due by 2026-10-15', () => {
    // Received 2026-03-23 → overdue from Thu 2026-09-24. After it:
    //   09-25..09-27 Mid-Autumn holiday, 09-28 Mon 1, 09-29 2, 09-30 3,
    //   10-01..10-07 National Day, 10-08 4, 10-09 5, 10-10 Sat 6 (调休上班),
    //   10-12 7, 10-13 8, 10-14 9, 10-15 Thu 10.
    expect(assessOverdue(inStock('2026-03-23'), '2026-10-01', GD, calendar)).toMatchObject({
      overdueFrom: '2026-09-24',
      recallDueBy: '2026-10-15',
      daysOverdue: 7,
    });
  });

  it('a reminder on a holiday still counts only the working days after it', () => {
    // Received 2026-03-31 → last ok 2026-09-30 → overdue from 10-01, itself a holiday.
    // 10-08 1, 10-09 2, 10-10 3, 10-12..10-16 4-8, 10-19 9, 10-20 10.
    expect(assessOverdue(inStock('2026-03-31'), '2026-10-01', GD, calendar)).toMatchObject({
      lastOkDay: '2026-09-30',
      overdueFrom: '2026-10-01',
      recallDueBy: '2026-10-20',
    });
  });

  it('reports a provisional basis when the deadline reaches the provisional 2027', () => {
    // Overdue from 2026-12-25: the ten working days run into January 2027.
    const a = assessOverdue(inStock('2026-06-24'), '2026-12-25', GD, calendar);
    expect(a?.overdueFrom).toBe('2026-12-25');
    expect(a?.recallDueBy.startsWith('2027-01')).toBe(true);
    expect(a?.recallDueBasis).toBe('provisional');
    expect(a?.recallDueUncertainYears).toEqual([2027]);
  });
});

describe('assessOverdue: warning phase', () => {
  // Received 2025-08-31, overdue from 2026-03-01: the 15-day warning starts 2026-02-14.
  it('is ok until the day before warnFrom, then warns until the last ok day', () => {
    expect(assessOverdue(inStock('2025-08-31'), '2026-02-13', GD, calendar)).toMatchObject({ phase: 'ok', warnFrom: '2026-02-14' });
    expect(assessOverdue(inStock('2025-08-31'), '2026-02-14', GD, calendar)).toMatchObject({ phase: 'warning', daysOverdue: 0 });
    expect(assessOverdue(inStock('2025-08-31'), '2026-02-28', GD, calendar)?.phase).toBe('warning');
    expect(assessOverdue(inStock('2025-08-31'), '2026-03-01', GD, calendar)?.phase).toBe('overdue');
  });

  it('follows the warningDays argument (the ledger setting)', () => {
    expect(assessOverdue(inStock('2025-08-31'), '2026-02-14', GD, calendar, 5)).toMatchObject({ phase: 'ok', warnFrom: '2026-02-24' });
    expect(assessOverdue(inStock('2025-08-31'), '2026-02-24', GD, calendar, 5)?.phase).toBe('warning');
    // 0 days: no warning period at all.
    const none = assessOverdue(inStock('2025-08-31'), '2026-02-28', GD, calendar, 0);
    expect(none).toMatchObject({ phase: 'ok', warnFrom: '2026-03-01' });
  });

  it('refuses a negative or fractional warningDays', () => {
    expect(sbkCode(() => assessOverdue(inStock('2025-08-31'), '2026-02-28', GD, calendar, -1))).toBe('WARNING_DAYS_INVALID');
    expect(sbkCode(() => assessOverdue(inStock('2025-08-31'), '2026-02-28', GD, calendar, 1.5))).toBe('WARNING_DAYS_INVALID');
  });
});

describe('assessOverdue: sleeping cards and dead holders', () => {
  it('a card with a unit agent is a sleeping card after sleepingMonths from the pickup', () => {
    const sleeping: OverdueInput = { state: 'agent_held', heldSince: '2026-01-15', holderDeceasedOn: null };
    expect(assessOverdue(sleeping, '2026-07-01', HB, calendar)).toMatchObject({ category: 'sleeping', phase: 'warning' });
    const a = assessOverdue(sleeping, '2026-07-20', HB, calendar);
    // Overdue from Thu 2026-07-16: 07-17 1, 07-20..07-24 2-6, 07-27..07-30 7-10.
    expect(a).toMatchObject({
      category: 'sleeping',
      phase: 'overdue',
      lastOkDay: '2026-07-15',
      overdueFrom: '2026-07-16',
      recallDueBy: '2026-07-30',
      daysOverdue: 4,
    });
  });

  it('a dead holder makes a young card overdue at once from the recorded date, with no warning period', () => {
    // Received 2026-06-01, far from 6 months; death recorded Fri 2026-07-10.
    const a = assessOverdue(inStock('2026-06-01', '2026-07-10'), '2026-07-10', GD, calendar);
    expect(a).toMatchObject({
      category: 'deceased',
      phase: 'overdue',
      lastOkDay: '2026-07-09',
      overdueFrom: '2026-07-10',
      warnFrom: '2026-07-10',
      // 07-13..07-17 1-5, 07-20..07-24 6-10.
      recallDueBy: '2026-07-24',
      daysOverdue: 0,
    });
    expect(assessOverdue(inStock('2026-06-01', '2026-07-10'), '2026-07-09', GD, calendar)?.phase).toBe('ok');
  });

  it('applies to a card with an agent too', () => {
    const a = assessOverdue({ state: 'agent_held', heldSince: '2026-06-01', holderDeceasedOn: '2026-07-10' }, '2026-07-15', GD, calendar);
    expect(a).toMatchObject({ category: 'deceased', overdueFrom: '2026-07-10', daysOverdue: 5 });
  });

  it('a death recorded before the office had the card counts from the day the card arrived', () => {
    const a = assessOverdue(inStock('2026-06-01', '2026-05-20'), '2026-06-01', GD, calendar);
    expect(a).toMatchObject({ category: 'deceased', phase: 'overdue', overdueFrom: '2026-06-01', lastOkDay: '2026-05-31' });
  });

  it('a death reported after the card was already overdue does not move the deadline later', () => {
    const a = assessOverdue(inStock('2025-08-31', '2026-05-01'), '2026-05-06', GD, calendar);
    expect(a).toMatchObject({ category: 'deceased', overdueFrom: '2026-03-01', recallDueBy: '2026-03-13', warnFrom: '2026-02-14' });
  });
});

describe('sleepingSince: what a sleeping card counts from', () => {
  it('Hubei: the making date (HB Art. 17: 制卡超过6个月); Guangdong: the pickup (GD Art. 15 一(三))', () => {
    expect(sleepingSince(HB, '2026-12-07', '2026-11-18')).toBe('2026-11-18');
    expect(sleepingSince(GD, '2026-12-07', '2026-11-18')).toBe('2026-12-07');
  });

  it('Hubei without a known making date falls back to the pickup', () => {
    expect(sleepingSince(HB, '2026-12-07', null)).toBe('2026-12-07');
  });

  it('a Hubei card made in November and picked up in December sleeps six months after the making', () => {
    const since = sleepingSince(HB, '2026-12-07', '2026-11-18');
    const a = assessOverdue({ state: 'agent_held', heldSince: since, holderDeceasedOn: null }, '2027-05-19', HB, calendar);
    expect(a).toMatchObject({ category: 'sleeping', phase: 'overdue', overdueFrom: '2027-05-19' });
    const gd = assessOverdue({ state: 'agent_held', heldSince: sleepingSince(GD, '2026-12-07', '2026-11-18'), holderDeceasedOn: null }, '2027-05-19', GD, calendar);
    expect(gd).toMatchObject({ category: 'sleeping', phase: 'ok', overdueFrom: '2027-06-08' });
  });
});

describe('assessOverdue: holder flags (GD Art. 32 一(一))', () => {
  const flagged = (kind: 'emigrated' | 'missing' | 'undeliverable', on: string, state = 'in_stock', deceased: string | null = null): OverdueInput => ({
    state,
    heldSince: '2026-11-01',
    holderDeceasedOn: deceased,
    holderFlag: { kind, on },
  });

  it('emigrated and missing: due at once from the flag date, with no warning, in stock or with an agent', () => {
    for (const kind of ['emigrated', 'missing'] as const) {
      for (const state of ['in_stock', 'agent_held']) {
        for (const P of [GD, HB]) {
          expect(assessOverdue(flagged(kind, '2026-12-01', state), '2026-11-30', P, calendar)).toMatchObject({ category: kind, phase: 'ok', warnFrom: '2026-12-01' });
          expect(assessOverdue(flagged(kind, '2026-12-01', state), '2026-12-01', P, calendar)).toMatchObject({ category: kind, phase: 'overdue', overdueFrom: '2026-12-01' });
        }
      }
    }
  });

  it('undeliverable: at the office, listed only after the stay the unclaimed cards have (滞留6个月以上), under its own category', () => {
    expect(assessOverdue(flagged('undeliverable', '2026-11-05'), '2026-12-01', GD, calendar)).toMatchObject({ category: 'undeliverable', phase: 'ok', overdueFrom: '2027-05-02' });
    expect(assessOverdue(flagged('undeliverable', '2026-11-05'), '2027-05-02', HB, calendar)).toMatchObject({ category: 'undeliverable', phase: 'overdue' });
    // With a unit's agent the sleeping rule stands.
    expect(assessOverdue(flagged('undeliverable', '2026-11-05', 'agent_held'), '2027-05-02', GD, calendar)).toMatchObject({ category: 'sleeping' });
  });

  it('a death wins over a flag', () => {
    expect(assessOverdue(flagged('emigrated', '2026-11-20', 'in_stock', '2026-11-25'), '2026-12-01', GD, calendar)).toMatchObject({ category: 'deceased', overdueFrom: '2026-11-25' });
  });

  it('a flag before the office had the card counts from its arrival; a malformed flag date is refused', () => {
    expect(assessOverdue(flagged('missing', '2026-01-01'), '2026-11-01', GD, calendar)).toMatchObject({ phase: 'overdue', overdueFrom: '2026-11-01' });
    expect(sbkCode(() => assessOverdue(flagged('missing', '2026-13-01'), '2026-11-01', GD, calendar))).toBe('DATE_INVALID');
  });

  it('each category preselects its recall reason', () => {
    expect(recallReasonForCategory('emigrated')).toBe('emigrated');
    expect(recallReasonForCategory('missing')).toBe('missing');
    expect(recallReasonForCategory('undeliverable')).toBe('bad_address');
  });
});

describe('assessOverdue: scope and input checks', () => {
  it('returns null for states recall does not apply to', () => {
    for (const state of ['expected', 'in_transit', 'issued', 'recalled', 'cancelled', 'sealed', 'defective', 'lost', 'loaded']) {
      expect(assessOverdue({ state, heldSince: '2020-01-01', holderDeceasedOn: '2020-02-01' }, '2026-01-01', GD, calendar)).toBeNull();
    }
  });

  it('refuses malformed dates with DATE_INVALID', () => {
    expect(sbkCode(() => assessOverdue(inStock('2026-02-30'), '2026-03-01', GD, calendar))).toBe('DATE_INVALID');
    expect(sbkCode(() => assessOverdue(inStock('2026-01-01'), '2026/03/01', GD, calendar))).toBe('DATE_INVALID');
    expect(sbkCode(() => assessOverdue(inStock('2026-01-01', '2026-07-10T00:00:00Z'), '2026-03-01', GD, calendar))).toBe('DATE_INVALID');
  });
});

describe('secondIssueDeadline', () => {
  it('Guangdong: recall date + 6 calendar months, clamped to the month end', () => {
    expect(secondIssueDeadline('2026-03-10', GD)).toBe('2026-09-10');
    expect(secondIssueDeadline('2025-08-31', GD)).toBe('2026-02-28');
    expect(secondIssueDeadline('2023-08-31', GD)).toBe('2024-02-29');
  });

  it('Hubei: no second issuance', () => {
    expect(secondIssueDeadline('2026-03-10', HB)).toBeNull();
  });

  it('refuses a malformed date', () => {
    expect(sbkCode(() => secondIssueDeadline('2026-13-01', GD))).toBe('DATE_INVALID');
  });
});

describe('dueForCancellation', () => {
  const recalled = (over: Partial<CancellationInput> = {}): CancellationInput => ({
    state: 'recalled',
    recalledOn: '2026-03-10',
    holderDeceasedOn: null,
    replacedByNewerCard: false,
    ...over,
  });

  it('Guangdong: not due inside the 6-month second-issuance window, due the day after it', () => {
    expect(dueForCancellation(recalled(), '2026-09-10', GD)).toEqual({ due: false, reason: null, label: '二次发放期内（至 2026-09-10）' });
    const d = dueForCancellation(recalled(), '2026-09-11', GD);
    expect(d).toMatchObject({ due: true, reason: 'second_issue_window_passed' });
    expect(d.label).toContain('2026-09-10');
    expect(d.label).toContain('注销');
    expect(d.label).not.toContain('封存');
  });

  it('Guangdong: dead holders and replaced old cards are due at once', () => {
    expect(dueForCancellation(recalled({ holderDeceasedOn: '2026-03-01' }), '2026-03-10', GD)).toMatchObject({
      due: true,
      reason: 'holder_deceased',
    });
    expect(dueForCancellation(recalled({ replacedByNewerCard: true }), '2026-03-10', GD)).toMatchObject({ due: true, reason: 'replaced' });
    // A dead holder outranks a replacement: the holder will never need either card.
    expect(dueForCancellation(recalled({ holderDeceasedOn: '2026-03-01', replacedByNewerCard: true }), '2026-03-10', GD).reason).toBe(
      'holder_deceased',
    );
  });

  it('Hubei: a recalled card is due at once (no second issuance), to cancel or seal', () => {
    const d = dueForCancellation(recalled(), '2026-03-10', HB);
    expect(d).toMatchObject({ due: true, reason: 'second_issue_window_passed' });
    expect(d.label).toContain('无二次发放');
    expect(d.label).toContain('注销或封存');
    expect(dueForCancellation(recalled({ recalledOn: null }), '2026-03-10', HB).due).toBe(true);
  });

  it('a dead holder or a replacement is due from the other endable states too; age alone is not', () => {
    for (const profile of [GD, HB]) {
      for (const state of ['in_stock', 'defective']) {
        expect(dueForCancellation({ state, recalledOn: null, holderDeceasedOn: '2026-01-01', replacedByNewerCard: false }, '2026-03-10', profile)).toMatchObject({
          due: true,
          reason: 'holder_deceased',
        });
        expect(dueForCancellation({ state, recalledOn: null, holderDeceasedOn: null, replacedByNewerCard: true }, '2026-03-10', profile).reason).toBe('replaced');
        expect(dueForCancellation({ state, recalledOn: null, holderDeceasedOn: null, replacedByNewerCard: false }, '2030-01-01', profile)).toMatchObject({
          due: false,
          reason: null,
        });
      }
    }
  });

  it('never for cards that cannot be cancelled from their state', () => {
    for (const state of ['issued', 'agent_held', 'cancelled', 'sealed', 'lost', 'expected', 'in_transit']) {
      expect(dueForCancellation({ state, recalledOn: '2020-01-01', holderDeceasedOn: '2020-01-01', replacedByNewerCard: true }, '2026-03-10', GD)).toMatchObject({
        due: false,
        reason: null,
      });
    }
  });

  it('a recalled card without a recall date is a broken history in Guangdong', () => {
    expect(sbkCode(() => dueForCancellation(recalled({ recalledOn: null }), '2026-03-10', GD))).toBe('RECALL_DATE_MISSING');
  });
});
