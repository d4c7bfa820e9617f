import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxProgress, checkInResult, confirmBoxCount, markDamaged, scanCard, startCheckIn, totals, undoStep, type CheckInSession, type ExpectedCard, type ScanResult, type ScanStep } from '../../src/domain/check-in-session.ts';

const cards: ExpectedCard[] = [
  ...['F1', 'F2', 'F3'].map((cardNo) => ({ cardNo, box: '01' })),
  ...['F4', 'F5'].map((cardNo) => ({ cardNo, box: '02' })),
];

describe('check-in session', () => {
  it('counts cards, flags a duplicate and an unlisted card', () => {
    let s = startCheckIn(cards);
    let r = scanCard(s, 'F1');
    expect(r.outcome).toEqual({ kind: 'counted', cardNo: 'F1', box: '01' });
    s = r.session;
    r = scanCard(s, 'F1');
    expect(r.outcome.kind).toBe('duplicate');
    s = r.session;
    r = scanCard(s, 'X9');
    expect(r.outcome).toEqual({ kind: 'unlisted', cardNo: 'X9' });
    s = r.session;
    expect(totals(s)).toEqual({ expected: 5, counted: 1, missing: 4, extras: 1, damaged: 0, duplicates: 1 });
  });

  it('a box counted whole only when its count matches; a short box asks for card scans', () => {
    let s = startCheckIn(cards);
    let r = confirmBoxCount(s, '01', 3);
    expect(r.outcome).toEqual({ kind: 'box-complete', box: '01', count: 3 });
    s = r.session;
    r = confirmBoxCount(s, '02', 1);
    expect(r.outcome).toEqual({ kind: 'box-short', box: '02', expected: 2, count: 1 });
    s = r.session;
    expect(boxProgress(s)).toEqual([
      { box: '01', expected: 3, counted: 3, shortBy: null },
      { box: '02', expected: 2, counted: 0, shortBy: 1 },
    ]);
    expect(confirmBoxCount(s, '02', 3).outcome.kind).toBe('box-over');
    expect(confirmBoxCount(s, '99', 3).outcome.kind).toBe('unknown-box');
    s = scanCard(s, 'F5').session;
    const res = checkInResult(s);
    expect(res.received).toEqual(['F1', 'F2', 'F3', 'F5']);
    expect(res.missing).toEqual([{ cardNo: 'F4', box: '02' }]);
  });

  it('damaged cards leave the received list and only counted cards can be damaged', () => {
    let s = confirmBoxCount(startCheckIn(cards), '01', 3).session;
    expect(markDamaged(s, 'F4', '卡面破损').outcome.kind).toBe('not-counted');
    s = markDamaged(s, 'F2', '卡面破损').session;
    expect(checkInResult(s)).toMatchObject({ received: ['F1', 'F3'], damaged: [{ cardNo: 'F2', reason: '卡面破损' }] });
  });

  it('every listed card ends up exactly once in received, damaged or missing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('F1', 'F2', 'F3', 'F4', 'F5', 'X1', 'box01', 'box02', 'dmgF2'), { maxLength: 30 }), (ops) => {
        let s = startCheckIn(cards);
        for (const o of ops) {
          if (o.startsWith('box')) s = confirmBoxCount(s, o.slice(3), o === 'box01' ? 3 : 1).session;
          else if (o.startsWith('dmg')) s = markDamaged(s, o.slice(3), 'x').session;
          else s = scanCard(s, o).session;
        }
        const r = checkInResult(s);
        const all = [...r.received, ...r.damaged.map((d) => d.cardNo), ...r.missing.map((m) => m.cardNo)].sort();
        expect(all).toEqual(['F1', 'F2', 'F3', 'F4', 'F5']);
        expect(r.extras.every((e) => e === 'X1')).toBe(true);
      }),
    );
  });

  it('a box counted again with a different figure takes back the first whole-box count, not the scanned cards', () => {
    let s = startCheckIn([
      { cardNo: 'A1', box: '01' },
      { cardNo: 'A2', box: '01' },
      { cardNo: 'A3', box: '01' },
    ]);
    s = scanCard(s, 'A1').session;
    s = confirmBoxCount(s, '01', 3).session;
    expect(totals(s).counted).toBe(3);
    s = confirmBoxCount(s, '01', 2).session;
    expect(totals(s).counted).toBe(1);
    expect(checkInResult(s).missing.map((m) => m.cardNo)).toEqual(['A2', 'A3']);
    s = confirmBoxCount(s, '01', 4).session;
    expect(totals(s).counted).toBe(1);
  });
  it('undo: taking every step back, last first, passes through each earlier session exactly', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('card' as const), cardNo: fc.constantFrom('F1', 'F2', 'F3', 'F4', 'F5', 'X9', '24') }),
      fc.record({ kind: fc.constant('box' as const), box: fc.constantFrom('01', '02', '03'), n: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ kind: fc.constant('damage' as const), cardNo: fc.constantFrom('F1', 'F4', 'X9'), reason: fc.constantFrom('划伤', '破损') }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const sessions: CheckInSession[] = [startCheckIn(cards)];
        const steps: ScanStep[] = [];
        for (const o of ops) {
          const s = sessions.at(-1)!;
          const r: ScanResult = o.kind === 'card' ? scanCard(s, o.cardNo) : o.kind === 'box' ? confirmBoxCount(s, o.box, o.n) : markDamaged(s, o.cardNo, o.reason);
          // A scan that changed nothing has no step; one that has a step is the only change.
          if (!r.step) expect(r.session).toEqual(s);
          else {
            steps.push(r.step);
            sessions.push(r.session);
          }
        }
        let s = sessions.at(-1)!;
        for (let i = steps.length - 1; i >= 0; i--) {
          s = undoStep(s, steps[i]!);
          expect(s).toEqual(sessions[i]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
