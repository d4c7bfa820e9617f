/**
 * Writes the bench's prefab maker file of N rows into DIR (made if missing) and prints its path;
 * a file already there is kept (the 1,500,000-row file takes a minute to write). A child process
 * of its own, so that the 1.5M rows it builds never count in the bench process's memory.
 *
 *   node --import tsx bench/maker-file-gen.ts N DIR
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticMakerRows, writeMakerFile } from '../src/domain/maker-file-writer.ts';

export const BENCH_BATCH = 'YZ2026119100';
export const BENCH_FIELDS = { bank: '中国工商银行', cityBody: '武汉市社会保险卡管理中心', batch: BENCH_BATCH, maker: '金邦达', bankCode: '102521000013', time: '20261119150000' } as const;

/** The file's name for n rows (the name carries the count). */
export function benchFileName(n: number): string {
  return `YZKCG_${BENCH_FIELDS.bank}_${BENCH_FIELDS.cityBody}_${BENCH_BATCH}_${n}_${BENCH_FIELDS.maker}_${BENCH_FIELDS.bankCode}_${BENCH_FIELDS.time}.txt`;
}

if (process.argv[1]?.endsWith('maker-file-gen.ts')) {
  const n = Number(process.argv[2]);
  const dir = process.argv[3];
  if (!Number.isInteger(n) || n < 1 || !dir) {
    process.stderr.write('usage: node --import tsx bench/maker-file-gen.ts N DIR\n');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, benchFileName(n));
  if (!existsSync(path)) {
    const w = writeMakerFile('prefab', { ...BENCH_FIELDS }, syntheticMakerRows('prefab', n, 20261119, { cardPrefix: 'Q1', boxSize: 500 }));
    if (w.fileName !== benchFileName(n)) throw new Error(`unexpected file name ${w.fileName}`);
    writeFileSync(`${path}.part`, w.text);
    const { renameSync } = await import('node:fs');
    renameSync(`${path}.part`, path);
  }
  process.stdout.write(path + '\n');
}
