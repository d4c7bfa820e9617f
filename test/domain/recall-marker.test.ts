import { describe, expect, it } from 'vitest';
import { recalledAfter } from '../../src/domain/recall-marker.ts';
import { MOVEMENT_TYPES } from '../../src/domain/card-states.ts';

describe('the recall a card carries', () => {
  const at = '2026-12-07T02:00:00.000Z';
  const before = '2026-06-01T02:00:00.000Z';
  it('is set by a recall, ended by an issue, and kept by every other movement', () => {
    expect(recalledAfter('recall', at, null)).toBe(at);
    expect(recalledAfter('recall', at, before)).toBe(at);
    expect(recalledAfter('issue', at, before)).toBeNull();
    for (const type of MOVEMENT_TYPES.filter((t) => !['recall', 'issue', 'mail_delivered', 'mail_returned'].includes(t))) {
      expect(recalledAfter(type, at, before), type).toBe(before);
      expect(recalledAfter(type, at, null), type).toBeNull();
    }
  });

  it('is set when the post brings a card back and ended when the mail reaches the holder (GD Art. 32 一(一))', () => {
    expect(recalledAfter('mail_returned', at, null)).toBe(at);
    expect(recalledAfter('mail_delivered', at, before)).toBeNull();
    expect(recalledAfter('mail', at, before)).toBe(before);
  });
});
