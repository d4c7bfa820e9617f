import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blankUnprintable, dropUnprintable, hasUnprintable, printableJson, printableText, printableValue } from '../../src/text/printable-text.ts';
import { fitWidth } from '../../src/text/display-width.ts';

/** Any code point a terminal obeys rather than shows: C0, DEL, C1, bidi controls, LS/PS. */
// eslint-disable-next-line no-control-regex
const OBEYED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|\r(?!\n)/;
// eslint-disable-next-line no-control-regex
const OBEYED_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\x1b', '\x07', '\n', '\t', '\r', '\x7f', '\x85', '\x9b', '\u202e', '\u2066', '\u200f', '\u2028', '保', 'a', '[', ']', ';'),
    fc.integer({ min: 0, max: 0x2fff }).map((c) => String.fromCharCode(c)),
  ),
});

describe('printableValue', () => {
  it('shows the escape sequences of issue 18 instead of sending them', () => {
    expect(printableValue('\x1b]0;pwned\x07\x1b[2J')).toBe('␛]0;pwned␇␛[2J');
    expect(printableValue('\x1b[2J保')).toBe('␛[2J保');
    expect(printableValue('a\nb\tc\x7f')).toBe('a␊b␉c␡');
    expect(printableValue('x\x9b2Jy\u202egpj.exe')).toBe('x<U+009B>2Jy<U+202E>gpj.exe');
  });

  it('leaves ordinary text alone', () => {
    expect(printableValue('SF1234567890 李娟 （420100）… 𠀀')).toBe('SF1234567890 李娟 （420100）… 𠀀');
  });

  it('never lets an obeyed character or line break through, and a second pass changes nothing', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const once = printableValue(s);
        expect(once).not.toMatch(OBEYED_OR_BREAK);
        expect(hasUnprintable(once)).toBe(false);
        expect(printableValue(once)).toBe(once);
      }),
    );
  });
});

describe('printableText', () => {
  it("keeps the program's own newlines, CRLF and tabs; shows the rest", () => {
    expect(printableText('第一行\n\t第二行\r\n\x1b[2J\r覆盖')).toBe('第一行\n\t第二行\r\n␛[2J␍覆盖');
  });

  it('never lets an obeyed character through', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(printableText(s)).not.toMatch(OBEYED);
        expect(printableText(s).split('\n').length).toBe(s.split('\n').length);
      }),
    );
  });
});

describe('printableJson', () => {
  it('escapes C1 and bidi controls that JSON.stringify leaves raw, and parses back to the same value', () => {
    const data = { tracking: '\x1b]0;pwned\x07\x1b[2J', custodian: '\x1b[2J保', c1: '\x9b2J\x85', bidi: '\u202eabc\u2066', n: 3, list: [null, true] };
    const json = printableJson(data, 2);
    expect(json).not.toMatch(OBEYED);
    expect(json).toContain('\\u009b');
    expect(json).toContain('\\u202e');
    expect(JSON.parse(json)).toEqual(data);
  });

  it('round-trips any value and prints nothing obeyed', () => {
    fc.assert(
      fc.property(fc.jsonValue(), hostile, (value, s) => {
        const data = { value, s, [s]: s };
        const json = printableJson(data);
        expect(json).not.toMatch(OBEYED_OR_BREAK);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
      }),
    );
  });
});

describe('the console shares it', () => {
  it('a cell blanks each unprintable character to one space, so its width holds; a field drops them', () => {
    expect(blankUnprintable('\x1b[2J保\u202e')).toBe(' [2J保 ');
    expect(fitWidth('\u202e\x1b[2J保', 8)).toBe('  [2J保 ');
    expect(dropUnprintable('12\x1b\u202e34')).toBe('1234');
  });
});
