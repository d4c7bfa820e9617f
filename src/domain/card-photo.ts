/**
 * The applicant's photo for the card face. HB Art. 12: “JPEG 格式文件，大小 14-40KB，白底无边框，
 * 358 像素（宽）*441 像素（高）”; GD Annex 6: “相片规格为358像素（宽）*441像素（高）…一般相片的文件
 * 大小为14K~40K”. A file that is not a JPEG is refused (the card printer and the province system
 * take JPEG only); a JPEG of another size or pixel count is shown to the operator as a warning,
 * not refused, since Annex 6 calls the size typical (一般) and a photo studio's slightly larger
 * file still prints.
 *
 * GD Art. 5 (五) and Annex 6: “未满七周岁的学龄前儿童不采集和印刷相片，相片区域空置” — no photo is
 * required of an applicant under 7 on the issue date.
 *
 * Format and pixel dimensions are read by image-size (the JPEG's SOF marker), not by hand.
 */
import { imageSize } from 'image-size';
import { fail, ok } from './check-result.ts';
import type { CheckResult } from './check-result.ts';
import { inputChecks } from '../i18n/domain/input-checks.ts';

const T = inputChecks.photo;

export const PHOTO_WIDTH = 358;
export const PHOTO_HEIGHT = 441;
export const PHOTO_MIN_BYTES = 14 * 1024;
export const PHOTO_MAX_BYTES = 40 * 1024;
/**
 * The largest photo the desk printer can take: the face is sent as one text field whose length
 * is a 16-bit byte count (drivers/protocol/fields.ts), i.e. at most 65,535 bytes of base64 plus
 * the position suffix — about 48 KB of JPEG. Larger files are refused before a blank is fed,
 * since the printer would reject the face after the chip was written and the blank be lost.
 */
export const PHOTO_MAX_PRINTABLE_BYTES = 48_000;
/** Under this age on the issue date no photo is taken or printed. */
export const PHOTO_FREE_UNDER_AGE = 7;

export type PhotoWarning = { code: 'PHOTO_FILE_SIZE' | 'PHOTO_PIXELS'; message: string };
export type CheckedPhoto = { width: number; height: number; bytes: number; warnings: PhotoWarning[] };

export function checkCardPhoto(bytes: Uint8Array): CheckResult<CheckedPhoto> {
  if (bytes.length === 0) return fail('PHOTO_EMPTY', T.empty);
  let size: { width: number; height: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return fail('PHOTO_NOT_IMAGE', T.notImage);
  }
  if (size.type !== 'jpg') return fail('PHOTO_NOT_JPEG', T.notJpeg((size.type ?? '').toUpperCase()));
  if (bytes.length > PHOTO_MAX_PRINTABLE_BYTES) return fail('PHOTO_TOO_LARGE', T.tooLarge({ kb: Math.round(bytes.length / 1024) }));
  const warnings: PhotoWarning[] = [];
  if (bytes.length < PHOTO_MIN_BYTES || bytes.length > PHOTO_MAX_BYTES) {
    warnings.push({ code: 'PHOTO_FILE_SIZE', message: T.fileSize({ kb: Math.round((bytes.length / 1024) * 10) / 10 }) });
  }
  if (size.width !== PHOTO_WIDTH || size.height !== PHOTO_HEIGHT) {
    warnings.push({ code: 'PHOTO_PIXELS', message: T.pixels({ width: size.width, height: size.height }) });
  }
  return ok({ width: size.width, height: size.height, bytes: bytes.length, warnings });
}

/** Full years between a birth date and a day (both YYYY-MM-DD); a 29 February birthday falls on 1 March. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Whether the applicant must have a photo on a card issued on `issueDate`. */
export function photoRequired(birthDate: string, issueDate: string): boolean {
  return ageOn(birthDate, issueDate) >= PHOTO_FREE_UNDER_AGE;
}
