/**
 * bin/sbk.js runs the one-file bundle (bin/bundle.js). These check what a bundle can get wrong
 * that the sources cannot: files found beside the code (migrations, fixtures, yargs' zh_CN
 * messages) from another working directory, the same answers as the sources, and a rebuild when
 * a source changes.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
// @ts-expect-error plain JavaScript module without types (bin/ runs before any TypeScript loader)
import { bundlePath, sourceFingerprint } from '../../bin/bundle.js';

describe('the bundle bin/sbk.js starts from', () => {
  it('is built on the first start into SBK_BUNDLE_DIR and answers as the sources do', () => {
    const bundleDir = tempDir();
    const env = { SBK_BUNDLE_DIR: bundleDir, SBK_NO_BUNDLE: undefined };
    const help = runCli(['--help'], env);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('命令：'); // yargs found its zh_CN locale from inside the bundle
    const built = readdirSync(bundleDir).filter((f) => f.endsWith('.mjs'));
    expect(built).toHaveLength(1);
    expect(built[0]).toMatch(/^sbk-[0-9a-f]{16}\.mjs$/);

    const fromSources = runCli(['--help'], { SBK_NO_BUNDLE: '1' });
    expect(fromSources.stdout).toBe(help.stdout);

    // Migrations and the bundled site directory are read from the checkout, not beside the bundle.
    const db = join(tempDir(), 'demo.db');
    const demo = runCli(['demo', '--db', db, '--json'], env);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.json()).toMatchObject({ path: db });
    const verify = runCli(['verify', '--db', db, '--json'], env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.json()).toMatchObject({ ok: true });
    const sites = runCli(['site', 'list', '--db', db, '--json'], env).json() as { code: string }[];
    expect(sites.some((s) => s.code === '420102-01')).toBe(true);
    expect(readdirSync(bundleDir).filter((f) => f.endsWith('.mjs'))).toEqual(built); // reused, not rebuilt
  });

  it('is named by the sources: an edited file gets a new bundle, an untouched tree the same one', () => {
    const root = tempDir();
    mkdirSync(join(root, 'src'), { recursive: true });
    const file = join(root, 'src', 'a.ts');
    writeFileSync(file, 'export const a = 1;\n');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const first = sourceFingerprint(root) as string;
    expect(sourceFingerprint(root)).toBe(first);
    utimesSync(file, 1_700_000_001, 1_700_000_001);
    const touched = sourceFingerprint(root) as string;
    expect(touched).not.toBe(first);
    writeFileSync(join(root, 'src', 'b.ts'), '');
    expect(sourceFingerprint(root)).not.toBe(touched);
    expect(bundlePath(first)).toMatch(new RegExp(`sbk-${first}\\.mjs$`));
  });
});
