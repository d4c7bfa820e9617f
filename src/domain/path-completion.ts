/**
 * Tab completion of a typed file path, as a shell does it: the name after the last `/` is
 * completed against the entries of the folder before it. One match completes in full (a folder
 * gets its `/`, so the next Tab goes on inside it); several complete as far as they agree and
 * are listed, so an ambiguous prefix always shows what it could become. Pure: the workflow
 * (src/workflows/intake-path.ts) reads the folder.
 */

export type DirEntry = { readonly name: string; readonly dir: boolean };

/** The folder part of the typed text (with its trailing `/`, '' for the current folder) and the name being typed. */
export type TypedPath = { readonly dir: string; readonly base: string };

export type Completion = {
  /** The path after the Tab: the typed text, extended as far as the matches agree. */
  readonly value: string;
  /** With more than one match: every one (folders end in `/`), sorted; else empty. */
  readonly candidates: readonly string[];
  /** Nothing in the folder starts with what was typed. */
  readonly none: boolean;
};

export function splitTypedPath(typed: string): TypedPath {
  const i = typed.lastIndexOf('/');
  return { dir: typed.slice(0, i + 1), base: typed.slice(i + 1) };
}

/** The longest start all the names share, by code point (names are often Chinese). */
export function commonPrefix(names: readonly string[]): string {
  if (names.length === 0) return '';
  let prefix = [...names[0]!];
  for (const n of names.slice(1)) {
    const cs = [...n];
    let k = 0;
    while (k < prefix.length && k < cs.length && prefix[k] === cs[k]) k++;
    prefix = prefix.slice(0, k);
  }
  return prefix.join('');
}

const shown = (e: DirEntry): string => (e.dir ? `${e.name}/` : e.name);

/**
 * Completes `typed` against `entries`, the folder `splitTypedPath(typed).dir` names. Hidden
 * entries (`.name`) are offered only when the typed name starts with a dot, as in a shell.
 */
export function completePath(typed: string, entries: readonly DirEntry[]): Completion {
  const { dir, base } = splitTypedPath(typed);
  const matches = entries
    .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (matches.length === 0) return { value: typed, candidates: [], none: true };
  if (matches.length === 1) return { value: dir + shown(matches[0]!), candidates: [], none: false };
  const prefix = commonPrefix(matches.map((m) => m.name));
  return { value: dir + (prefix.length > base.length ? prefix : base), candidates: matches.map(shown), none: false };
}
