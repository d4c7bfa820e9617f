/**
 * Child process for the maker-file import row (maker-file-import.ts): one `importMakerFile`
 * with `receive: true` in a process of its own, so that its peak RSS is not hidden under the
 * bench process's own high-water mark (getrusage's maxrss only ever grows).
 *
 *   node --import tsx bench/import-child.ts LEDGER FILE     (operator and PIN: $SBK_OPERATOR, $SBK_PIN)
 *
 * Prints one JSON object: the result's counts, the time of the call alone, and the process's
 * RSS and maxrss before and after it.
 */
import { closeLedger, openLedger } from '../db/open-ledger.ts';
import { authenticate } from '../src/workflows/authenticate.ts';
import { importMakerFile } from '../src/workflows/import-maker-file.ts';
import { readImportFile } from '../src/workflows/read-import-file.ts';
import { nowMs } from './stats.ts';

export type ImportChildReport = {
  status: string;
  rows: number;
  registered: number;
  received: number;
  /** Wall time of the importMakerFile call: parse, checks and the one write transaction. */
  importMs: number;
  /** Opening the ledger, logging in and reading the file, before the call. */
  prepareMs: number;
  rssBeforeBytes: number;
  maxRssBeforeBytes: number;
  maxRssAfterBytes: number;
};

const [db, file] = process.argv.slice(2);
if (!db || !file || !process.env.SBK_OPERATOR || !process.env.SBK_PIN) {
  process.stderr.write('usage: SBK_OPERATOR=… SBK_PIN=… node --import tsx bench/import-child.ts LEDGER FILE\n');
  process.exit(2);
}
const t0 = nowMs();
const ledger = openLedger(db, { mustExist: true });
try {
  const actor = authenticate(ledger, process.env.SBK_OPERATOR, process.env.SBK_PIN);
  const { fileName, bytes } = readImportFile(file);
  const prepareMs = nowMs() - t0;
  const rssBeforeBytes = process.memoryUsage().rss;
  const maxRssBeforeBytes = process.resourceUsage().maxRSS * 1024;
  const t1 = nowMs();
  const r = importMakerFile(ledger, actor, { fileName, bytes, receive: true });
  const importMs = nowMs() - t1;
  const maxRssAfterBytes = process.resourceUsage().maxRSS * 1024;
  const report: ImportChildReport = {
    status: r.status,
    rows: r.rows,
    registered: r.registered,
    received: r.received,
    importMs,
    prepareMs,
    rssBeforeBytes,
    maxRssBeforeBytes,
    maxRssAfterBytes,
  };
  process.stdout.write(JSON.stringify(report) + '\n');
} finally {
  closeLedger(ledger);
}
