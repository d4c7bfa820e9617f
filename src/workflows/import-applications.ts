/**
 * Registering a batch application file (批量申请数据文件, GD Annex 6) in 入库登记: all or nothing
 * in one write transaction. The same file again (by content hash) changes nothing. What it
 * brings — phone, unit, address — is what the office needs to contact applicants within three
 * working days of their card's arrival (HB Art. 14).
 */
import { createHash } from 'node:crypto';
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { applicationFileBySha, insertApplicationFile, type NewApplication } from '../../db/applications-repo.ts';
import { formatLocalTime, todayInChina } from '../domain/china-dates.ts';
import { parseSbk2File, type Sbk2Error, type Sbk2Row } from '../domain/sbk2-file.ts';
import { applicationsText as T } from '../i18n/workflows/applications.ts';
import type { Actor } from '../domain/actor.ts';

export type ApplicationsImportInput = { fileName: string; bytes: Uint8Array; dryRun?: boolean };

export type ApplicationsImportResult = {
  status: 'imported' | 'already-imported' | 'invalid' | 'valid';
  file: string;
  rows: number;
  photos: number;
  encoding: string | null;
  errors: Sbk2Error[];
  previous?: { at: string };
  message: string;
};

export function importApplications(ledger: Ledger, actor: Actor, input: ApplicationsImportInput): ApplicationsImportResult {
  const file = input.fileName;
  const sha = createHash('sha256').update(input.bytes).digest('hex');
  const before = applicationFileBySha(ledger.db, sha);
  if (before) {
    const at = formatLocalTime(before.at);
    return { status: 'already-imported', file, rows: before.rowCount, photos: 0, encoding: null, errors: [], previous: { at }, message: T.alreadyImported({ file, at, rows: before.rowCount }) };
  }
  const parsed = parseSbk2File(file, input.bytes, todayInChina(ledger.now()));
  const photos = parsed.rows.filter((r) => r.photo).length;
  const base = { file, rows: parsed.rows.length, photos, encoding: parsed.encoding, errors: parsed.errors };
  if (parsed.errors.length > 0 || !parsed.name) return { ...base, status: 'invalid', message: T.invalid({ file, errors: parsed.errors.length }) };
  if (input.dryRun) return { ...base, status: 'valid', message: T.valid({ file, rows: base.rows, photos }) };
  const name = parsed.name;
  writeTx(ledger, (tx) => {
    // A second process may have imported the same file since the check above.
    if (applicationFileBySha(tx, sha)) return;
    const at = ledger.now().toISOString();
    insertApplicationFile(
      tx,
      { fileName: file, contentSha256: sha, bank: name.bank, agency: name.agency, fileTime: name.time, rowCount: parsed.rows.length, encoding: parsed.encoding ?? 'utf-8', siteId: actor.siteId, operatorId: actor.id, at },
      parsed.rows.map(toApplication),
    );
  });
  return { ...base, status: 'imported', message: T.imported({ file, rows: base.rows, photos }) };
}

function toApplication(r: Sbk2Row): NewApplication {
  return {
    line: r.line,
    seq: r.seq,
    formCode: r.formCode,
    idType: r.idType,
    idNumber: r.idNumber,
    name: r.name,
    birthDate: r.birthDate,
    mobile: r.mobile,
    phone: r.phone,
    address: r.address,
    unitCode: r.unitCode,
    unitName: r.unitName,
    bank: r.bank,
    fields: JSON.stringify(r.fields),
    photoName: r.photo?.name ?? null,
    photoBytes: r.photo?.size ?? null,
    photoSha256: r.photo?.sha256 ?? null,
  };
}
