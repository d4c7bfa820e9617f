/**
 * Every file sbk writes (exports, `--out`, `--report`, `--receipt`, the head file, the problem
 * list beside a maker's file) goes through here, because it may land in a folder others can
 * write to: a link planted at the path must not make us overwrite the file it points at, nor
 * leave holders' names readable by others (HB Art. 42).
 *
 * So: a symlink at the path is refused (FILE_IS_SYMLINK); the data goes to a new temporary file
 * beside it, created with O_CREAT|O_EXCL|O_NOFOLLOW at 0600, is fsync'd, then renamed over the
 * path. rename() replaces a link rather than following it, so a link planted after the check
 * is replaced too, never written through; a reader sees the old file or the whole new one.
 */
import { closeSync, constants, fsyncSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { SbkError } from '../domain/errors.ts';

const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
const OWNER_ONLY = 0o600;

/** A file being written: `commit` puts it at its path, `abandon` leaves the path as it was. */
export type PendingFile = { write: (data: string | Uint8Array) => void; commit: () => void; abandon: () => void };

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Throws FILE_IS_SYMLINK when `path` is a symbolic link (a dangling one too). */
export function refuseSymlink(path: string): void {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new SbkError('FILE_UNWRITABLE', { path, why: why(e) }, { path });
  }
  if (isLink) throw new SbkError('FILE_IS_SYMLINK', { path }, { path });
}

/**
 * Starts writing `path`: checks it now (a bad path or a planted link is found before anything
 * else happens) and creates the temporary file; nothing is at `path` until `commit`.
 */
export function openFileSafely(path: string): PendingFile {
  refuseSymlink(path);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null;
  try {
    fd = openSync(tmp, CREATE_NEW, OWNER_ONLY);
  } catch (e) {
    throw new SbkError('FILE_UNWRITABLE', { path, why: why(e) }, { path });
  }
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  const abandon = () => {
    close();
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  };
  const fail = (e: unknown): never => {
    abandon();
    throw e instanceof SbkError ? e : new SbkError('FILE_UNWRITABLE', { path, why: why(e) }, { path });
  };
  return {
    write: (data) => {
      if (fd === null) return;
      try {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      } catch (e) {
        fail(e);
      }
    },
    commit: () => {
      try {
        if (fd !== null) fsyncSync(fd);
        close();
        refuseSymlink(path);
        renameSync(tmp, path);
      } catch (e) {
        fail(e);
      }
    },
    abandon,
  };
}

/** Writes `data` to `path` whole, readable by the owner only; refuses a symlink at `path`. */
export function writeFileSafely(path: string, data: string | Uint8Array): void {
  const file = openFileSafely(path);
  file.write(data);
  file.commit();
}
