import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ageOn, checkCardPhoto, photoRequired } from '../../src/domain/card-photo.ts';
import { testJpeg } from '../helpers/jpeg.ts';

describe('checkCardPhoto (HB Art. 12; GD Annex 6)', () => {
  it('accepts a 358×441 JPEG of 14–40 KB with no warnings', () => {
    expect(checkCardPhoto(testJpeg(358, 441, 20 * 1024))).toEqual({ ok: true, value: { width: 358, height: 441, bytes: 20 * 1024, warnings: [] } });
    expect(checkCardPhoto(testJpeg(358, 441, 14 * 1024)).ok).toBe(true);
    expect(checkCardPhoto(testJpeg(358, 441, 40 * 1024))).toMatchObject({ ok: true, value: { warnings: [] } });
  });

  it('warns, without refusing, outside 14–40 KB or at another pixel size', () => {
    const small = checkCardPhoto(testJpeg(358, 441, 8 * 1024));
    expect(small).toMatchObject({ ok: true, value: { warnings: [{ code: 'PHOTO_FILE_SIZE' }] } });
    const big = checkCardPhoto(testJpeg(358, 441, 41 * 1024));
    expect(big).toMatchObject({ ok: true, value: { warnings: [{ code: 'PHOTO_FILE_SIZE' }] } });
    const pixels = checkCardPhoto(testJpeg(600, 800, 30 * 1024));
    expect(pixels).toMatchObject({ ok: true, value: { width: 600, height: 800, warnings: [{ code: 'PHOTO_PIXELS' }] } });
    if (pixels.ok) expect(pixels.value.warnings[0]!.message).toContain('600×800');
    expect(checkCardPhoto(testJpeg(100, 100, 1024))).toMatchObject({ ok: true, value: { warnings: [{ code: 'PHOTO_FILE_SIZE' }, { code: 'PHOTO_PIXELS' }] } });
  });

  it('refuses a JPEG too large for the desk printer to take', () => {
    expect(checkCardPhoto(testJpeg(358, 441, 46 * 1024))).toMatchObject({ ok: true, value: { warnings: [{ code: 'PHOTO_FILE_SIZE' }] } });
    expect(checkCardPhoto(testJpeg(358, 441, 60 * 1024))).toMatchObject({ ok: false, code: 'PHOTO_TOO_LARGE' });
  });

  it('refuses a PNG, something that is no image, and an empty file', () => {
    const png = readFileSync(new URL('../../fixtures/photos/applicant-sample.png', import.meta.url));
    const r = checkCardPhoto(png);
    expect(r).toMatchObject({ ok: false, code: 'PHOTO_NOT_JPEG' });
    if (!r.ok) expect(r.message).toContain('PNG');
    expect(checkCardPhoto(Buffer.from('not a photo'))).toMatchObject({ ok: false, code: 'PHOTO_NOT_IMAGE' });
    expect(checkCardPhoto(Buffer.alloc(0))).toMatchObject({ ok: false, code: 'PHOTO_EMPTY' });
  });

  it('reads the sample photo the console offers', () => {
    const sample = readFileSync(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url));
    expect(checkCardPhoto(sample)).toMatchObject({ ok: true, value: { width: 358, height: 441, warnings: [] } });
  });
});

describe('the under-7 rule (GD Art. 5 (五))', () => {
  it('counts full years on the issue date', () => {
    expect(ageOn('2019-03-05', '2026-03-04')).toBe(6);
    expect(ageOn('2019-03-05', '2026-03-05')).toBe(7);
    expect(ageOn('2020-02-29', '2027-02-28')).toBe(6);
    expect(ageOn('2020-02-29', '2027-03-01')).toBe(7);
  });

  it('asks no photo of a child under 7 on the issue date', () => {
    expect(photoRequired('2019-03-05', '2026-03-04')).toBe(false);
    expect(photoRequired('2019-03-05', '2026-03-05')).toBe(true);
    expect(photoRequired('1990-01-01', '2026-12-07')).toBe(true);
  });
});
