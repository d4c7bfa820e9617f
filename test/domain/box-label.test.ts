import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatBoxLabel, parseBoxCount, parseBoxLabel, parseScanCode, resolveBox } from '../../src/domain/box-label.ts';
import { isSbkError } from '../../src/domain/errors.ts';

const keys = ['YZ-1/01', 'YZ-1/02', 'YZ-2/02'];

/** A batch code or a box label as the ledger holds them: letters, digits, '-', '_' (and Chinese). */
const part = fc.stringMatching(/^[A-Za-z0-9_\-箱批]{1,12}$/).filter((s) => s !== '-');
const digits = fc.stringMatching(/^\d{1,6}$/);
/** Full-width forms an IME types: ＹＺ１／０１. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The code an entry was refused with; null when it was accepted. */
function refusal(raw: string): string | null {
  try {
    parseScanCode(raw);
    return null;
  } catch (e) {
    return isSbkError(e) ? e.code : 'not an SbkError';
  }
}

describe('a box named by a scan', () => {
  it('takes `批次/箱号` as it is, and a bare label that names exactly one box', () => {
    expect(resolveBox(keys, 'YZ-1/02')).toEqual({ box: 'YZ-1/02' });
    expect(resolveBox(keys, '01')).toEqual({ box: 'YZ-1/01' });
    expect(resolveBox(new Set(keys), '01')).toEqual({ box: 'YZ-1/01' });
  });

  it('a bare label on several boxes is ambiguous; a `批次/箱号` not among them is unknown', () => {
    expect(resolveBox(keys, '02')).toEqual({ ambiguous: ['YZ-1/02', 'YZ-2/02'] });
    expect(resolveBox(keys, 'YZ-9/01')).toEqual({ unknown: 'YZ-9/01' });
    expect(resolveBox(keys, 'a/b/c')).toEqual({ unknown: 'a/b/c' });
  });

  it('anything else names no box: a card number, an empty scan, the no-box mark', () => {
    expect(resolveBox(keys, '1234567890')).toBeNull();
    expect(resolveBox(keys, '')).toBeNull();
    expect(resolveBox(['-', ...keys], '-')).toBeNull();
  });

  it('reads full-width characters, spaces and lower case as the label printed on the box', () => {
    expect(resolveBox(keys, 'ｙｚ－１／０２')).toEqual({ box: 'YZ-1/02' });
    expect(resolveBox(keys, ' yz-1 / 02 ')).toEqual({ box: 'YZ-1/02' });
  });

  it('bare labels of one batch (check-in): the full label of that batch names the box, another batch’s does not', () => {
    const bare = ['01', '02'];
    expect(resolveBox(bare, 'YZ2026110003/01', 'YZ2026110003')).toEqual({ box: '01' });
    expect(resolveBox(bare, '02', 'YZ2026110003')).toEqual({ box: '02' });
    expect(resolveBox(bare, 'YZ2026110009/01', 'YZ2026110003')).toEqual({ unknown: 'YZ2026110009/01' });
    expect(resolveBox(bare, 'P00000001', 'YZ2026110003')).toBeNull();
  });
});

describe('the label grammar (properties)', () => {
  it('`批次/箱号` and the bare label parse back to what was written, in any width and case of spacing', () => {
    fc.assert(
      fc.property(part, part, (batch, label) => {
        expect(parseBoxLabel(`${batch}/${label}`)).toEqual({ batch, label });
        expect(parseBoxLabel(label)).toEqual({ batch: null, label });
        expect(parseBoxLabel(fullWidth(`${batch}/${label}`))).toEqual(parseBoxLabel(`${batch}/${label}`.normalize('NFKC')));
        expect(parseBoxLabel(` ${batch} / ${label} `)).toEqual({ batch, label });
        expect(formatBoxLabel({ batch, label })).toBe(`${batch}/${label}`);
      }),
    );
  });

  it('a box scanned by its full label or, when unique, its bare label resolves to the same box', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(part, part), { minLength: 1, maxLength: 8, selector: ([b, l]) => `${b}/${l}`.toUpperCase() }), fc.nat(), (pairs, n) => {
        const all = pairs.map(([b, l]) => `${b}/${l}`);
        const [batch, label] = pairs[n % pairs.length]!;
        expect(resolveBox(all, `${batch}/${label}`)).toEqual({ box: `${batch}/${label}` });
        const sameLabel = all.filter((k) => k.split('/')[1]!.toUpperCase() === label.toUpperCase());
        expect(resolveBox(all, label)).toEqual(sameLabel.length === 1 ? { box: sameLabel[0] } : { ambiguous: sameLabel });
        // The same boxes held as one batch's bare labels (check-in) answer the same.
        const ofBatch = pairs.filter(([b]) => b.toUpperCase() === batch.toUpperCase()).map(([, l]) => l);
        const r = resolveBox(ofBatch, `${batch}/${label}`, batch);
        expect(r && 'box' in r ? r.box.toUpperCase() : r).toBe(label.toUpperCase());
      }),
    );
  });

  it('a count is digits only: anything else is no count', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (s) => {
        const t = s.normalize('NFKC').replace(/\s+/g, '');
        expect(parseBoxCount(s)).toBe(/^\d{1,6}$/.test(t) ? Number(t) : null);
      }),
    );
    fc.assert(
      fc.property(digits, (d) => {
        expect(parseBoxCount(d)).toBe(Number(d));
      }),
    );
    for (const bad of ['-5', '+5', '5.0', '1e3', 'abc', '', '1234567', '５x']) expect(parseBoxCount(bad)).toBeNull();
    expect(parseBoxCount('５００')).toBe(500);
  });

  it('an entry with `=` is a count or is refused with a code: never a card', () => {
    fc.assert(
      fc.property(part, fc.string({ maxLength: 6 }), (label, count) => {
        const code = refusal(`${label}=${count}`);
        // A second `=` (`a==0`) may be read as part of the label: refused either way, never a card.
        if (parseBoxCount(count) === null) expect(count.includes('=') ? ['BOX_COUNT_INVALID', 'BOX_LABEL_INVALID'] : ['BOX_COUNT_INVALID']).toContain(code);
        else expect(parseScanCode(`${label}=${count}`)).toEqual({ kind: 'box', code: label, quantity: parseBoxCount(count) });
      }),
    );
  });

  it('parsing never throws anything but a coded refusal, and what it accepts is a card, a box or a hopper', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const code = refusal(s);
        if (code !== null) expect(['SCAN_EMPTY', 'BOX_COUNT_INVALID', 'BOX_LABEL_INVALID']).toContain(code);
        else expect(['card', 'box', 'hopper']).toContain(parseScanCode(s).kind);
      }),
    );
  });
});

describe('the count’s typed entries', () => {
  it('reads a card, a box counted whole and a hopper', () => {
    expect(parseScanCode(' p00000001 ')).toEqual({ kind: 'card', code: 'P00000001', quantity: null });
    expect(parseScanCode('YZ2026110003/01=500')).toEqual({ kind: 'box', code: 'YZ2026110003/01', quantity: 500 });
    expect(parseScanCode('01＝５００')).toEqual({ kind: 'box', code: '01', quantity: 500 });
    expect(parseScanCode('@制卡机1-卡盒1=10')).toEqual({ kind: 'hopper', code: '制卡机1-卡盒1', quantity: 10 });
  });

  it('refuses `01=abc`, `01=-5`, a missing label or hopper, and an empty scan, with a code and Chinese words', () => {
    expect(refusal('01=abc')).toBe('BOX_COUNT_INVALID');
    expect(refusal('01=-5')).toBe('BOX_COUNT_INVALID');
    expect(refusal('01=')).toBe('BOX_COUNT_INVALID');
    expect(refusal('=5')).toBe('BOX_LABEL_INVALID');
    expect(refusal('a/b/c=5')).toBe('BOX_LABEL_INVALID');
    expect(refusal('@=5')).toBe('BOX_LABEL_INVALID');
    expect(refusal('  ')).toBe('SCAN_EMPTY');
    expect(() => parseScanCode('01=abc')).toThrow(/张数“abc”不是数字/);
    expect(() => parseScanCode('01=-5')).toThrow(/张数“-5”不是数字/);
  });
});
