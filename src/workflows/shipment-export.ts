/**
 * Saving hand-over sheets, batch registers and issuance receipts as files an office prints or
 * opens in a spreadsheet. They go beside the ledger in `exports/`, readable by the ledger's
 * owner only (they carry holders' names: HB Art. 42).
 */
import { mkdirSync } from 'node:fs';
import { ledgerHeadOf } from '../../db/seal-chain.ts';
import { refuseSymlink, writeFileSafely } from '../security/safe-write.ts';
import { dirname, join } from 'node:path';
import type { Ledger } from '../../db/open-ledger.ts';
import { formatLocalTime } from '../domain/china-dates.ts';
import { formatHandoverCsv, formatHandoverText } from '../domain/handover-sheet-format.ts';
import { formatBatchRegisterCsv } from '../domain/batch-register-format.ts';
import { formatIssueReceipt } from '../domain/issue-receipt-format.ts';
import { formatCountReportCsv, formatCountReportText } from '../domain/count-report-format.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { ledgerProfile, type IssueReceiptData } from './issue-card.ts';
import type { Actor } from './authenticate.ts';
import { handoverSheet } from './shipment-list.ts';
import { batchRegister } from './batch-register.ts';
import { reconciliationReport } from './stock-count.ts';
import { shipmentText } from '../i18n/workflows/shipments.ts';
import { formatTransferSheet, type TransferSheet } from '../domain/transfer-sheet-format.ts';
import { transferText } from '../i18n/workflows/transfer.ts';

export function exportsDir(ledger: Pick<Ledger, 'path'>): string {
  return join(dirname(ledger.path), 'exports');
}

function save(dir: string, name: string, content: string): string {
  refuseSymlink(dir); // an `exports` link would send holders' names elsewhere
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, name);
  writeFileSafely(path, content);
  return path;
}

/** The 交接单 as printable text and as CSV; returns both paths. */
export function saveHandoverSheet(ledger: Ledger, actor: Actor, number: string, calendar: WorkingCalendar, dir = exportsDir(ledger)): { textPath: string; csvPath: string } {
  const sheet = handoverSheet(ledger, actor, number, calendar);
  return {
    textPath: save(dir, shipmentText.files.handover({ number: sheet.number, ext: 'txt' }), formatHandoverText(sheet)),
    csvPath: save(dir, shipmentText.files.handover({ number: sheet.number, ext: 'csv' }), formatHandoverCsv(sheet)),
  };
}

/** The 库内移交单 of a move inside a site (transfer.ts), for the giver and the receiver to sign (GD Art. 12). */
export function saveTransferSheet(ledger: Pick<Ledger, 'path'>, sheet: TransferSheet, dir = exportsDir(ledger)): string {
  return save(dir, transferText.file({ ref: sheet.ref }), formatTransferSheet(sheet));
}

export function saveBatchRegister(ledger: Ledger, actor: Actor, batchCode: string, dir = exportsDir(ledger)): string {
  const reg = batchRegister(ledger, actor, batchCode);
  return save(dir, shipmentText.files.batchRegister({ batch: reg.batch.code, scope: reg.scope.code }), formatBatchRegisterCsv(reg));
}

/**
 * The 领取回执 of an issuance, printed for the receiver to sign, citing the ledger's rules. One
 * file per hand-over: a card issued again after a recall gets a second receipt.
 */
export function saveIssueReceipt(ledger: Ledger, receipt: IssueReceiptData, dir = exportsDir(ledger)): string {
  const rules = ledgerProfile(ledger).code;
  const stamp = formatLocalTime(receipt.at, true).replace(/\D/g, '');
  return save(dir, shipmentText.files.issueReceipt({ card: receipt.cardNo, stamp }), formatIssueReceipt({ ...receipt, rules }));
}

/**
 * The 预制卡盘点对账表 of the operator's site over [from, to] (China dates), as printable text and
 * as CSV; returns both paths and how many rows are working days without a closed count.
 */
export function saveCountReport(
  ledger: Ledger,
  actor: Actor,
  calendar: WorkingCalendar,
  period: { from: string; to: string },
  dir = exportsDir(ledger),
): { textPath: string; csvPath: string; rows: number; warnings: number } {
  const rows = reconciliationReport(ledger, actor, calendar, period);
  const meta = {
    site: { code: actor.siteCode, name: actor.siteName },
    from: period.from,
    to: period.to,
    printedAt: formatLocalTime(ledger.now().toISOString()),
    printedBy: actor.name,
    ledgerHead: ledgerHeadOf(ledger.sqlite),
  };
  const name = (ext: 'txt' | 'csv') => shipmentText.files.countReport({ site: actor.siteCode, from: period.from, to: period.to, ext });
  return {
    textPath: save(dir, name('txt'), formatCountReportText(rows, meta)),
    csvPath: save(dir, name('csv'), formatCountReportCsv(rows, meta)),
    rows: rows.length,
    warnings: rows.filter((r) => r.warning !== null).length,
  };
}
