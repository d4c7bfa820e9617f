/**
 * Child process for the maker-file import rows (maker-file-import.ts): one `importMakerFile`
 * with `receive: true`, the file read in chunks as `sbk import` reads it, in a process of its
 * own so that its peak RSS is not hidden under the bench process's own high-water mark.
 *
 *   node --import tsx bench/import-child.ts LEDGER FILE     (operator and PIN: $SBK_OPERATOR, $SBK_PIN)
 *
 * Prints one JSON object: the result's counts, the time of the call alone, and the process's
 * peak RSS before the call and during it. The login's PIN check (scrypt, 128 MB of work memory)
 * sets a high-water mark of its own before the import starts, so the mark is reset after it
 * (Linux: `5` into /proc/self/clear_refs) and read back from VmHWM in /proc/self/status.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { closeLedger, openLedger } from '../db/open-ledger.ts';
import { authenticate } from '../src/workflows/authenticate.ts';
import { importMakerFile } from '../src/workflows/import-maker-file.ts';
import { openImportFile } from '../src/workflows/read-import-file.ts';
import { nowMs } from './stats.ts';

export type ImportChildReport = {
  status: string;
  rows: number;
  registered: number;
  received: number;
  /** Wall time of the importMakerFile call: both passes over the file, the checks and the writes. */
  importMs: number;
  /** CPU time (user + system) of the call: steadier than wall time on a shared machine. */
  importCpuMs: number;
  /** Opening the ledger and logging in, before the call. */
  prepareMs: number;
  rssBeforeBytes: number;
  /** getrusage maxrss before the call: the login's scrypt is in it. */
  maxRssBeforeBytes: number;
  /** VmHWM reset after the login and read after the call: the import's own peak (null: not Linux). */
  importPeakBytes: number | null;
};

function vmHwm(): number | null {
  try {
    const kb = /VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

function resetHwm(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

const [db, file] = process.argv.slice(2);
if (!db || !file || !process.env.SBK_OPERATOR || !process.env.SBK_PIN) {
  process.stderr.write('usage: SBK_OPERATOR=… SBK_PIN=… node --import tsx bench/import-child.ts LEDGER FILE\n');
  process.exit(2);
}
const t0 = nowMs();
const ledger = openLedger(db, { mustExist: true });
try {
  const actor = authenticate(ledger, process.env.SBK_OPERATOR, process.env.SBK_PIN);
  const prepareMs = nowMs() - t0;
  const rssBeforeBytes = process.memoryUsage().rss;
  const maxRssBeforeBytes = process.resourceUsage().maxRSS * 1024;
  const reset = resetHwm();
  const t1 = nowMs();
  const cpu0 = process.cpuUsage();
  const { fileName, source } = openImportFile(file);
  const r = importMakerFile(ledger, actor, { fileName, source, receive: true });
  const importMs = nowMs() - t1;
  const cpu = process.cpuUsage(cpu0);
  const report: ImportChildReport = {
    status: r.status,
    rows: r.rows,
    registered: r.registered,
    received: r.received,
    importMs,
    importCpuMs: (cpu.user + cpu.system) / 1000,
    prepareMs,
    rssBeforeBytes,
    maxRssBeforeBytes,
    importPeakBytes: reset ? vmHwm() : null,
  };
  process.stdout.write(JSON.stringify(report) + '\n');
} finally {
  closeLedger(ledger);
}
