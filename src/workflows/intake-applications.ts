/**
 * A batch application file (GD Annex 6, `SBK2_….zip`) opened on the console's 入库登记 screen: the
 * same check and import as `sbk applications import`, with the answer in the shape the intake
 * screen shows for a maker's file (problems by line; the column goes in front of the message).
 */
import type { Ledger } from '../../db/open-ledger.ts';
import type { Actor } from '../domain/actor.ts';
import type { MakerFileError } from '../domain/maker-file.ts';
import type { Sbk2Error } from '../domain/sbk2-file.ts';
import { sbk2FileTexts as T } from '../i18n/domain/sbk2-file.ts';
import { importApplications, type ApplicationsImportResult } from './import-applications.ts';
import type { ImportResult } from './import-maker-file.ts';

/** GD Annex 6: 文件名的命名为：SBK2_银行_经办机构_人数_时间.zip. */
export function isApplicationFileName(fileName: string): boolean {
  return /^SBK2_.*\.zip$/i.test(fileName);
}

export function applicationsForIntake(ledger: Ledger, actor: Actor, file: { fileName: string; bytes: Uint8Array }, dryRun: boolean): ImportResult {
  return asIntake(importApplications(ledger, actor, { fileName: file.fileName, bytes: file.bytes, dryRun }));
}

function asIntake(r: ApplicationsImportResult): ImportResult {
  return {
    status: r.status,
    boxes: 0,
    file: r.file,
    kind: null,
    bank: null,
    batch: null,
    rows: r.rows,
    registered: r.status === 'imported' ? r.rows : 0,
    received: 0,
    encoding: r.encoding ?? '',
    errors: r.errors.map(asMakerError),
    message: r.message,
  };
}

function asMakerError(e: Sbk2Error): MakerFileError {
  const message = e.entry ? T.where.entry({ entry: e.entry, message: e.message }) : e.column ? T.where.column({ column: e.column, message: e.message }) : e.message;
  return { line: e.line, column: null, code: e.code, message };
}
