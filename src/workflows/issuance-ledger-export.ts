/**
 * The issuance ledger (发放管理台账, GD Art. 12 一(三)) saved beside the ledger in `exports/` as
 * printable text and CSV, readable by the owner only (holders' names: HB Art. 42).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Ledger } from '../../db/open-ledger.ts';
import { refuseSymlink, writeFileSafely } from '../security/safe-write.ts';
import { formatLocalTime } from '../domain/china-dates.ts';
import { formatIssuanceLedgerCsv, formatIssuanceLedgerText } from '../domain/issuance-ledger-format.ts';
import { issuanceLedgerReport } from '../i18n/domain/issuance-ledger-report.ts';
import type { Actor } from './authenticate.ts';
import { exportsDir } from './shipment-export.ts';
import { issuanceLedger, type IssuanceLedgerFilter } from './issuance-ledger.ts';

function save(dir: string, name: string, content: string): string {
  refuseSymlink(dir); // an `exports` link would send holders' names elsewhere
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, name);
  writeFileSafely(path, content);
  return path;
}

export function saveIssuanceLedger(ledger: Ledger, actor: Actor, filter: IssuanceLedgerFilter, dir = exportsDir(ledger)): { textPath: string; csvPath: string; rows: number } {
  const l = issuanceLedger(ledger, actor, filter);
  const meta = { printedAt: formatLocalTime(ledger.now().toISOString()), printedBy: actor.name };
  const name = (ext: 'txt' | 'csv') => issuanceLedgerReport.fileName({ site: l.site.code, from: l.from, to: l.to, ext });
  return { textPath: save(dir, name('txt'), formatIssuanceLedgerText(l, meta)), csvPath: save(dir, name('csv'), formatIssuanceLedgerCsv(l, meta)), rows: l.rows.length };
}
