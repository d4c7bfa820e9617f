/** The applicant's photo for 即时制卡, read from the file the operator named. */
import { readFileSync } from 'node:fs';

/** The photo as base64, or the file system's code for why it could not be read (ENOENT, EISDIR, EACCES…). */
export type PhotoRead = { readonly ok: true; readonly base64: string } | { readonly ok: false; readonly code: string };

export function readPhoto(path: string): PhotoRead {
  try {
    return { ok: true, base64: readFileSync(path).toString('base64') };
  } catch (e) {
    return { ok: false, code: String((e as NodeJS.ErrnoException).code ?? e) };
  }
}
