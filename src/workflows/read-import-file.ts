import { readFileSync, statSync, type Stats } from 'node:fs';
import { basename, resolve } from 'node:path';
import { SbkError } from '../domain/errors.ts';
import { MAKER_FILE_MAX_BYTES } from '../domain/maker-file-format.ts';

/**
 * A maker's file from disk, for `sbk import` and the intake screen. Its size is looked at
 * before it is read: a file larger than any real delivery (MAKER_FILE_MAX_BYTES) is refused
 * without reading a byte of it, instead of filling the memory.
 */
export function readImportFile(path: string, maxBytes: number = MAKER_FILE_MAX_BYTES): { fileName: string; bytes: Buffer; path: string } {
  const full = resolve(path.trim());
  let stat: Stats;
  try {
    stat = statSync(full);
  } catch {
    throw new SbkError('FILE_NOT_READABLE', { path: full });
  }
  if (!stat.isFile()) throw new SbkError('FILE_NOT_READABLE', { path: full });
  if (stat.size > maxBytes) throw new SbkError('MAKER_FILE_TOO_LARGE', { path: full, size: stat.size, max: maxBytes });
  try {
    return { fileName: basename(full), bytes: readFileSync(full), path: full };
  } catch {
    throw new SbkError('FILE_NOT_READABLE', { path: full });
  }
}
