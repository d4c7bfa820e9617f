/**
 * The intake screen's file path on disk: Tab completion against the folder typed so far, and
 * what Enter opens — a file to check, or a folder whose maker files are listed to pick from.
 * The rules are pure (src/domain/path-completion.ts, maker-file-name.ts); this reads folders.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { completePath, splitTypedPath, type Completion, type DirEntry } from '../domain/path-completion.ts';
import { isMakerFileCandidate } from '../domain/maker-file-name.ts';
import { SbkError } from '../domain/errors.ts';
import { readImportFile } from './read-import-file.ts';

export type IntakeFileOnDisk = ReturnType<typeof readImportFile>;

/** Enter on a path: the file it names, or the folder and the maker files in it (sorted by name). */
export type IntakeTarget = { readonly kind: 'file'; readonly file: IntakeFileOnDisk } | { readonly kind: 'folder'; readonly path: string; readonly files: readonly string[] };

/** `~` and `~/…` are the operator's home folder, as in the shell they came from. */
function expandHome(typed: string): string {
  if (typed === '~') return homedir();
  return typed.startsWith('~/') ? join(homedir(), typed.slice(2)) : typed;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A folder's entries; a link counts as what it points to. An unreadable folder has none. */
function entriesOf(folder: string): DirEntry[] {
  let dirents: Dirent[];
  try {
    dirents = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return dirents.map((d) => ({ name: d.name, dir: d.isDirectory() || (d.isSymbolicLink() && isDir(join(folder, d.name))) }));
}

/** Tab in the path field: completes the name being typed against its folder (relative to `cwd`). */
export function completeIntakePath(typed: string, cwd: string = process.cwd()): Completion {
  const { dir } = splitTypedPath(typed);
  const folder = resolve(cwd, expandHome(dir === '' ? '.' : dir));
  return completePath(typed, entriesOf(folder));
}

/** The maker files in a folder (by their names' prefix and extension), sorted by name. */
export function makerFilesIn(folder: string): string[] {
  return entriesOf(folder)
    .filter((e) => !e.dir && isMakerFileCandidate(e.name))
    .map((e) => e.name)
    .sort();
}

/** Enter on a path: a folder lists its maker files; anything else is read as the file to check. */
export function openIntakePath(typed: string, cwd: string = process.cwd()): IntakeTarget {
  const trimmed = typed.trim();
  if (!trimmed) throw new SbkError('FILE_NOT_READABLE', { path: trimmed });
  const full = resolve(cwd, expandHome(trimmed));
  if (isDir(full)) return { kind: 'folder', path: full, files: makerFilesIn(full) };
  return { kind: 'file', file: readImportFile(full) };
}
