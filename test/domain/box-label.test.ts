import { describe, expect, it } from 'vitest';
import { resolveBox } from '../../src/domain/box-label.ts';

const keys = ['YZ-1/01', 'YZ-1/02', 'YZ-2/02'];

describe('a box named by a scan', () => {
  it('takes `批次/箱号` as it is, and a bare label that names exactly one box', () => {
    expect(resolveBox(keys, 'YZ-1/02')).toEqual({ box: 'YZ-1/02' });
    expect(resolveBox(keys, '01')).toEqual({ box: 'YZ-1/01' });
    expect(resolveBox(new Set(keys), '01')).toEqual({ box: 'YZ-1/01' });
  });

  it('a bare label on several boxes is ambiguous; a `批次/箱号` not among them is unknown', () => {
    expect(resolveBox(keys, '02')).toEqual({ ambiguous: ['YZ-1/02', 'YZ-2/02'] });
    expect(resolveBox(keys, 'YZ-9/01')).toEqual({ unknown: 'YZ-9/01' });
  });

  it('anything else names no box: a card number, an empty scan, the no-box mark', () => {
    expect(resolveBox(keys, '1234567890')).toBeNull();
    expect(resolveBox(keys, '')).toBeNull();
    expect(resolveBox(['-', ...keys], '-')).toBeNull();
  });
});
