import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { SbkError } from '../domain/errors.ts';

/** A maker's file from disk, for `sbk import` and the intake screen. */
export function readImportFile(path: string): { fileName: string; bytes: Buffer; path: string } {
  const full = resolve(path.trim());
  try {
    if (!statSync(full).isFile()) throw new Error('not a file');
    return { fileName: basename(full), bytes: readFileSync(full), path: full };
  } catch {
    throw new SbkError('FILE_NOT_READABLE', { path: full });
  }
}
