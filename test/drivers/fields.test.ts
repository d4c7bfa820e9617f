import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFields, encodeFields } from '../../drivers/protocol/fields.ts';

describe('payload fields', () => {
  it('round-trips ints, Chinese, a GB18030 four-byte character and empty strings', () => {
    const values = [0, -1, 2147483647, -2147483648, '张三', '𠀀', '', '姓名  王𠀀明|宋体|8.5|320|180', ''];
    expect(decodeFields(encodeFields(values))).toEqual(values);
  });

  it('writes strings as GB18030 (the rare character takes four bytes)', () => {
    expect(Array.from(encodeFields(['𠀀']))).toEqual([0x53, 0, 4, 0x95, 0x32, 0x82, 0x36]);
    expect(Array.from(encodeFields([-2]))).toEqual([0x49, 0xff, 0xff, 0xff, 0xfe]);
  });

  it('property: any list of int32 and strings round-trips', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -0x80000000, max: 0x7fffffff }), fc.string({ unit: 'grapheme' }))), (values) => {
        expect(decodeFields(encodeFields(values))).toEqual(values);
      }),
    );
  });

  it('rejects malformed payloads with DEVICE_BAD_REPLY', () => {
    for (const bad of [[0x49, 0, 0], [0x53, 0, 5, 0x41], [0x58], [0x53, 0, 1, 0x81]]) {
      expect(() => decodeFields(Uint8Array.from(bad))).toThrow(expect.objectContaining({ code: 'DEVICE_BAD_REPLY' }));
    }
  });

  it('refuses numbers that are not int32', () => {
    expect(() => encodeFields([1.5])).toThrow(expect.objectContaining({ code: 'DEVICE_BAD_REQUEST' }));
    expect(() => encodeFields([2 ** 31])).toThrow(expect.objectContaining({ code: 'DEVICE_BAD_REQUEST' }));
  });
});
