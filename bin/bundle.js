/**
 * The one-file build that `bin/sbk.js` starts from: src/, db/ and drivers/ with their npm
 * packages (Ink, React, yargs, Drizzle…) in one ES module, made by esbuild. Node then reads and
 * compiles one file instead of resolving ~600 modules, and no TypeScript loader thread is started:
 * measured on the demo ledger, console start 1.07 s → ~0.3 s and ~60 MB less memory (README, bench).
 *
 * It is made on demand and kept under node_modules/.cache/sbk/ (or $SBK_BUNDLE_DIR), named by a fingerprint of the
 * sources (each file's path, size and mtime), the lockfile, tsconfig and this file, so an edited
 * source is never run stale: the next start sees another fingerprint and builds again (~0.5 s).
 * `npm install` builds it once (the `prepare` script) so the first start is fast too.
 * Native packages (better-sqlite3, node-hid) stay outside and load from node_modules as before.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** SBK_BUNDLE_DIR: somewhere writable when the checkout is not (an install owned by root). */
export const BUNDLE_DIR = process.env.SBK_BUNDLE_DIR || join(ROOT, 'node_modules', '.cache', 'sbk');
const SOURCE_DIRS = ['src', 'db', 'drivers'];
const INPUT_FILES = ['package-lock.json', 'tsconfig.json', 'bin/bundle.js'];
const SOURCE_FILE = /\.(ts|tsx|js|mjs|json)$/;
/** An old bundle may still be starting in another process; leave it an hour before removing it. */
const STALE_MS = 3600_000;

function addFile(hash, root, file) {
  const st = statSync(file);
  hash.update(`${relative(root, file)}\0${st.size}\0${st.mtimeMs}\n`);
}

function addTree(hash, root, dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'migrations' && e.name !== 'node_modules') addTree(hash, root, p);
    } else if (SOURCE_FILE.test(e.name)) addFile(hash, root, p);
  }
}

/** A short name for what the sources are now (~2 ms for the whole tree). */
export function sourceFingerprint(root = ROOT) {
  const hash = createHash('sha1');
  // The bundle holds absolute paths into node_modules: a moved checkout builds its own.
  hash.update(`${process.version}\n${root}\n`);
  for (const d of SOURCE_DIRS) addTree(hash, root, join(root, d));
  for (const f of INPUT_FILES) {
    try {
      addFile(hash, root, join(root, f));
    } catch {
      hash.update(`${f} missing\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export function bundlePath(fingerprint = sourceFingerprint()) {
  return join(BUNDLE_DIR, `sbk-${fingerprint}.mjs`);
}

/** Ink loads React's devtools bridge only when DEV=true; an operator's console never does. */
const noDevtools = {
  name: 'no-react-devtools',
  setup(build) {
    build.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'sbk-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'sbk-stub' }, () => ({
      contents: 'export default { initialize() {}, connectToDevTools() { throw new Error("React devtools are not in the sbk bundle; run with SBK_NO_BUNDLE=1"); } };',
      loader: 'js',
    }));
  },
};

/**
 * Native packages stay outside the bundle, imported by their absolute place in this checkout's
 * node_modules, so a bundle kept in $SBK_BUNDLE_DIR (outside the checkout) still finds them.
 */
const NATIVE = ['better-sqlite3', 'node-hid'];
const nativeOutside = {
  name: 'native-outside',
  setup(build) {
    const require = createRequire(join(ROOT, 'package.json'));
    build.onResolve({ filter: new RegExp(`^(${NATIVE.join('|')})$`) }, (args) => ({ path: pathToFileURL(require.resolve(args.path)).href, external: true }));
  },
};

/**
 * Every module keeps the `import.meta.url` of the file it came from, not the bundle's: packages
 * find their own files by it (yargs its zh_CN messages, Ink its package.json), and so does
 * src/project-files.ts (migrations, fixtures). The bundle then runs from anywhere.
 */
const LOADERS = { '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.ts': 'ts', '.tsx': 'tsx' };
const ownUrls = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(m?js|cjs|tsx?)$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return {
        contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: LOADERS[extname(args.path)],
        resolveDir: dirname(args.path),
      };
    });
  },
};

/** Builds the bundle for `fingerprint` and returns its path. Concurrent starts each write a temp file and rename it, so a reader never sees half a bundle. */
export async function buildBundle(fingerprint = sourceFingerprint()) {
  const { build } = await import('esbuild');
  const out = bundlePath(fingerprint);
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    tsconfig: join(ROOT, 'tsconfig.json'),
    plugins: [nativeOutside, noDevtools, ownUrls],
    // CommonJS packages inside the bundle (iconv-lite, …) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __sbkRequire } from 'node:module'; const require = __sbkRequire(import.meta.url);" },
    sourcemap: 'external',
    legalComments: 'none',
    logLevel: 'error',
  });
  renameSync(`${tmp}.map`, `${out}.map`);
  renameSync(tmp, out);
  removeOld(out);
  return out;
}

function removeOld(keep) {
  const now = Date.now();
  for (const name of readdirSync(BUNDLE_DIR)) {
    const p = join(BUNDLE_DIR, name);
    if (p === keep || p === `${keep}.map`) continue;
    try {
      if (now - statSync(p).mtimeMs > STALE_MS) rmSync(p, { force: true });
    } catch {
      /* removed by another start meanwhile */
    }
  }
}

/** The bundle for the sources as they are, built if need be; null when it cannot be (read-only install, no esbuild) — the caller then runs the sources through tsx. */
export async function freshBundle() {
  const fingerprint = sourceFingerprint();
  const path = bundlePath(fingerprint);
  try {
    statSync(path);
    return path;
  } catch {
    /* not built yet */
  }
  try {
    return await buildBundle(fingerprint);
  } catch (e) {
    if (process.env.SBK_DEBUG) process.stderr.write(`sbk: no bundle (${e instanceof Error ? e.message : e}); running from sources\n`);
    return null;
  }
}

// `node bin/bundle.js` (npm's prepare script): build now, so the first start needs no build.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  try {
    const path = await buildBundle();
    process.stdout.write(`sbk: bundle ${relative(ROOT, path)} (${Math.round(performance.now() - t0)} ms)\n`);
  } catch (e) {
    // Not fatal for `npm install`: sbk then runs its sources through tsx, only slower to start.
    process.stderr.write(`sbk: could not build the bundle (${e instanceof Error ? e.message : e}); sbk will run from its sources\n`);
  }
}
