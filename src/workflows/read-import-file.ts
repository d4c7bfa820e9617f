import { closeSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, resolve } from 'node:path';
import { SbkError } from '../domain/errors.ts';
import { MAKER_FILE_MAX_BYTES } from '../domain/maker-file-format.ts';
import type { MakerBytes } from '../domain/maker-file-lines.ts';

/** Bytes read from disk at a time by a streaming import. */
const CHUNK_BYTES = 1 << 18;

/** The path, checked to be a readable file no larger than `maxBytes`, and its size. */
function checkedFile(path: string, maxBytes: number): { full: string; size: number } {
  const full = resolve(path.trim());
  let stat: Stats;
  try {
    stat = statSync(full);
  } catch {
    throw new SbkError('FILE_NOT_READABLE', { path: full });
  }
  if (!stat.isFile()) throw new SbkError('FILE_NOT_READABLE', { path: full });
  if (stat.size > maxBytes) throw new SbkError('MAKER_FILE_TOO_LARGE', { path: full, size: stat.size, max: maxBytes });
  return { full, size: stat.size };
}

/**
 * A maker's file from disk, for `sbk import` and the intake screen. Its size is looked at
 * before it is read: a file larger than any real delivery (MAKER_FILE_MAX_BYTES) is refused
 * without reading a byte of it, instead of filling the memory.
 */
export function readImportFile(path: string, maxBytes: number = MAKER_FILE_MAX_BYTES): { fileName: string; bytes: Buffer; path: string } {
  const { full } = checkedFile(path, maxBytes);
  try {
    return { fileName: basename(full), bytes: readFileSync(full), path: full };
  } catch {
    throw new SbkError('FILE_NOT_READABLE', { path: full });
  }
}

/**
 * The same file as readImportFile, but not read yet: its bytes come CHUNK_BYTES at a time, on
 * each pass afresh, so that an import holds one chunk of the file at a time (issue 18).
 */
export function openImportFile(path: string, maxBytes: number = MAKER_FILE_MAX_BYTES): { fileName: string; source: MakerBytes; path: string } {
  const { full, size } = checkedFile(path, maxBytes);
  return { fileName: basename(full), source: fileChunks(full, size, maxBytes), path: full };
}

/**
 * A file's bytes in chunks; a file that grew past `maxBytes` since it was looked at is refused.
 * Each pass reads into one buffer of its own: a chunk is valid until the pass asks for the next
 * (every reader copies what it keeps: the hash, the decoder), so no chunk is left for the
 * allocator to hold on to.
 */
export function fileChunks(path: string, size: number, maxBytes: number = MAKER_FILE_MAX_BYTES, chunkBytes: number = CHUNK_BYTES): MakerBytes {
  return {
    size,
    *chunks() {
      let fd: number;
      try {
        fd = openSync(path, 'r');
      } catch {
        throw new SbkError('FILE_NOT_READABLE', { path });
      }
      try {
        let total = 0;
        const buf = Buffer.allocUnsafe(chunkBytes);
        for (;;) {
          const n = readSync(fd, buf, 0, chunkBytes, null);
          if (n === 0) return;
          total += n;
          if (total > maxBytes) throw new SbkError('MAKER_FILE_TOO_LARGE', { path, size: total, max: maxBytes });
          yield buf.subarray(0, n);
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}
