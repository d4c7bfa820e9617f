/**
 * Only the maker-file import rows of `npm run bench`, several times over, side by side with
 * `sqlite3 .import` of the same file in each round: the medians and the median ratio.
 *
 *   node --import tsx bench/maker-import-only.ts [ROWS=100000] [ROUNDS=3] [--call]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchMakerFileImport } from './maker-file-import.ts';
import { CACHE_DIR } from './million-ledger.ts';

const args = process.argv.slice(2);
const call = args.includes('--call');
const [rowsArg, roundsArg] = args.filter((a) => !a.startsWith('--'));
const n = Number(rowsArg ?? 100_000);
const rounds = Number(roundsArg ?? 3);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const dir = mkdtempSync(join(tmpdir(), 'sbk-mkbench-'));
const progress = (s: string) => process.stderr.write(`[bench] ${s}\n`);
try {
  const sbk: number[] = [];
  const rss: number[] = [];
  const base: number[] = [];
  const ratio: number[] = [];
  const calls: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const r = benchMakerFileImport(join(dir), n, progress, { call, fileDir: join(CACHE_DIR, 'maker-files'), tag: String(i) });
    const ms = r.cli?.ms ?? r.call!.importMs;
    sbk.push(ms);
    rss.push(r.cli?.maxRssBytes ?? r.call!.importPeakBytes ?? 0);
    if (r.call) calls.push(r.call.importMs);
    if (r.base) {
      base.push(r.base.ms);
      ratio.push(ms / r.base.ms);
    }
    process.stderr.write(`[bench] round ${i + 1}: sbk ${ms.toFixed(0)} ms, peak ${(rss.at(-1)! / 1e6).toFixed(1)} MB${r.call ? `, call ${r.call.importMs.toFixed(0)} ms` : ''}, sqlite3 ${r.base?.ms.toFixed(0)} ms, ratio ${ratio.at(-1)?.toFixed(1)}, in stock ${r.inStock}\n`);
  }
  process.stdout.write(
    JSON.stringify({ rows: n, rounds, sbkMs: sbk, peakRssBytes: rss, sqliteMs: base, ratios: ratio, callMs: calls, median: { sbkMs: median(sbk), peakMB: median(rss) / 1e6, sqliteMs: median(base), ratio: median(ratio) } }) + '\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
