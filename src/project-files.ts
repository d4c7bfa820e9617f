/**
 * Where the files that ship beside the code live (db/migrations, fixtures/). Found by walking up
 * from this module to the checkout's root rather than by a fixed `../..`: the same code runs from
 * its sources (tsx, vitest) and from the one-file bundle bin/sbk.js starts (node_modules/.cache),
 * and the two sit at different depths.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

function findRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; ) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'db', 'migrations'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`sbk: no checkout (package.json + db/migrations) above ${start}`);
    dir = up;
  }
}

/** An absolute path to `relative` (a path under the checkout's root, `/`-separated). */
export function projectFile(relative: string): string {
  root ??= findRoot();
  return join(root, ...relative.split('/'));
}
