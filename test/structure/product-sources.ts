/**
 * The product's TypeScript sources, parsed once per test file, for the structure tests: the
 * rules a maintainer relies on (one catalogue, one state machine, one clock, short functions)
 * checked over the whole tree, so a new file cannot quietly break them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');
const PRODUCT_DIRS = ['src', 'db', 'drivers'];

export type Source = { readonly path: string; readonly text: string; readonly file: ts.SourceFile };

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
}

let cache: Source[] | null = null;

/** Every product source file (src/, db/, drivers/), path relative to the repository with `/`. */
export function productSources(): Source[] {
  if (cache) return cache;
  const paths: string[] = [];
  for (const d of PRODUCT_DIRS) walk(join(ROOT, d), paths);
  cache = paths.sort().map((abs) => {
    const path = relative(ROOT, abs).split(sep).join('/');
    const text = readFileSync(abs, 'utf8');
    const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    return { path, text, file: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind) };
  });
  return cache;
}

export function visit(node: ts.Node, fn: (n: ts.Node) => void): void {
  fn(node);
  ts.forEachChild(node, (c) => visit(c, fn));
}

export function lineOf(src: Source, node: ts.Node): number {
  return src.file.getLineAndCharacterOfPosition(node.getStart(src.file)).line + 1;
}

/** `where` lists as `path:line text`, for a failure message that points at each place. */
export function places(list: readonly { path: string; line: number; text: string }[]): string {
  return list.map((p) => `${p.path}:${p.line} ${p.text}`).join('\n');
}
