/**
 * Registering a card maker's return file (入库登记, GD Annex 9 一(四)): all or nothing. The file
 * is checked in full first — every problem reported with its line and column — and only a
 * clean file is written, in one IMMEDIATE transaction: the import record, the batch, its boxes,
 * every card `expected` at the receiving site and, with `receive`, every card checked into a
 * storage place. The same file again (same content hash) is recognised and changes nothing.
 */
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { insertBatch, registerCards, type NewCard, type ThenMove } from '../../db/register-cards.ts';
import { batchByCode, existingCardNos, existingIdentityCodes, importByHash, insertImport } from '../../db/imports-repo.ts';
import { placesAt, requireSite, siteById, subtreeIds } from '../../db/sites-repo.ts';
import { sha256Hex } from '../../db/movement-hash.ts';
import { makerFileSteps, parseMakerFile, type MakerFileError, type MakerFileName, type MakerFileProgress, type MakerFileResult, type MakerRow } from '../domain/maker-file.ts';
import { STATE_LABELS, type CardState } from '../domain/card-states.ts';
import { formatLocalTime } from '../domain/china-dates.ts';
import { SbkError } from '../domain/errors.ts';
import { isLedgerCity } from '../domain/maker-file-city.ts';
import { intakeText } from '../i18n/workflows/intake.ts';
import type { Actor } from './authenticate.ts';
import { provinceAbove, recordProvinceShipment } from './province-shipment.ts';

const COLUMNS = intakeText.import.columns;

export type ImportInput = {
  fileName: string;
  bytes: Uint8Array;
  /** Receiving site (default: the operator's own). */
  siteCode?: string;
  /** Storage place for `receive` (default: the site's first). */
  placeName?: string;
  /** Also check every listed card into stock (the site verified the boxes by count). */
  receive?: boolean;
  exemptBins?: string[];
  /** Check only: report what would be imported, write nothing (the console's preview). */
  dryRun?: boolean;
  /** The operator was told the file names another city's card body and imports it anyway. */
  otherCity?: boolean;
};

/** A file addressed to another city's card body (see maker-file-city.ts): asked about before it is imported. */
export type OtherCity = { readonly cityBody: string; readonly city: string; readonly code: string };

export type ImportResult = {
  status: 'imported' | 'already-imported' | 'invalid' | 'valid';
  boxes: number;
  file: string;
  kind: 'finished' | 'prefab' | null;
  bank: string | null;
  batch: string | null;
  rows: number;
  registered: number;
  received: number;
  encoding: string;
  errors: MakerFileError[];
  /** The province shipment the file was recorded as (finished cards imported at a city centre). */
  shipment?: string | null;
  /** For a re-import: when and by whom the file was imported. */
  previous?: { at: string; by: string; site: string };
  /** A clean file names another city's card body than the receiving site's. */
  otherCity?: OtherCity | null;
  message: string;
};

export function importMakerFile(ledger: Ledger, actor: Actor, input: ImportInput): ImportResult {
  return finishImport(ledger, actor, input, () => parseMakerFile(input.fileName, input.bytes, { exemptBins: input.exemptBins ?? [] }));
}

/**
 * The console's check before an import: the same checks as importMakerFile with `dryRun`, but
 * the file is read in steps so that the screen can show a progress bar and stay responsive.
 */
export async function checkMakerFile(
  ledger: Ledger,
  actor: Actor,
  input: Omit<ImportInput, 'dryRun'>,
  onProgress: (p: MakerFileProgress) => void,
): Promise<ImportResult> {
  const steps = makerFileSteps(input.fileName, input.bytes, { exemptBins: input.exemptBins ?? [] });
  let step = steps.next();
  while (!step.done) {
    onProgress(step.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  const parsed = step.value;
  return finishImport(ledger, actor, { ...input, dryRun: true }, () => parsed);
}

type Summary = Omit<ImportResult, 'status' | 'errors' | 'message' | 'previous' | 'shipment'>;
type PreviousImport = { at: string; operatorName: string; siteName: string };
type ImportSite = ReturnType<typeof requireSite>;
type StoragePlace = ReturnType<typeof placesAt>[number];

function finishImport(ledger: Ledger, actor: Actor, input: ImportInput, parse: () => MakerFileResult): ImportResult {
  const sha = sha256Hex(Buffer.from(input.bytes));
  const base = { file: input.fileName, rows: 0, registered: 0, received: 0, boxes: 0 };

  const before = importByHash(ledger.db, sha);
  if (before) return alreadyImported({ ...base, kind: null, bank: null, batch: null, encoding: '', rows: before.rowCount }, before);

  const parsed = parse();
  const errors = [...parsed.errors, ...ledgerConflicts(ledger.db, parsed)];
  const name = parsed.name;
  const site = receivingSite(ledger, actor, input.siteCode);
  const place = input.receive ? pickPlace(ledger, site.id, input.placeName) : null;

  const summary: Summary = {
    ...base,
    kind: name?.kind ?? null,
    bank: name?.bank ?? null,
    batch: name?.batch ?? null,
    rows: parsed.rows.length,
    boxes: new Set(parsed.rows.map((r) => r.boxLabel)).size,
    encoding: parsed.encoding,
  };
  if (errors.length > 0 || !name) {
    errors.sort((a, b) => a.line - b.line);
    return { ...summary, status: 'invalid', errors, message: intakeText.import.invalid({ problems: errors.length }) };
  }
  const otherCity = otherCityOf(ledger, site, name);
  if (input.dryRun) {
    return { ...summary, status: 'valid', errors: [], otherCity, message: intakeText.import.valid({ batch: name.batch, rows: summary.rows, kind: name.kind, boxes: summary.boxes }) };
  }
  if (otherCity && !input.otherCity) throw new SbkError('MAKER_FILE_OTHER_CITY', { ...otherCity, file: input.fileName });
  const result = writeImport(ledger, actor, { input, sha, rows: parsed.rows, name, site, place });
  if (result.raced) return alreadyImported(summary, result.raced);
  const { registered, received, shipment } = result;
  return {
    ...summary,
    registered,
    received,
    shipment,
    status: 'imported',
    errors: [],
    message: intakeText.import.imported({ file: input.fileName, batch: name.batch, registered, received, place: place?.name ?? '', shipment }),
  };
}

/** The same file was imported before (found first, or by another session meanwhile): nothing changes. */
function alreadyImported(summary: Summary, prev: PreviousImport): ImportResult {
  return {
    ...summary,
    status: 'already-imported',
    errors: [],
    previous: { at: prev.at, by: prev.operatorName, site: prev.siteName },
    message: intakeText.import.alreadyImported({ at: formatLocalTime(prev.at), by: prev.operatorName, site: prev.siteName }),
  };
}

/** Cards, codes and batches the ledger already knows: a different file repeating them is refused. */
function ledgerConflicts(db: LedgerDb, parsed: MakerFileResult): MakerFileError[] {
  const errors: MakerFileError[] = [];
  const known = existingCardNos(
    db,
    parsed.rows.map((r) => r.cardNo),
  );
  for (const r of parsed.rows) {
    const k = known.get(r.cardNo);
    if (!k) continue;
    const state = STATE_LABELS[k.state as CardState] ?? k.state;
    errors.push({ line: r.line, column: COLUMNS.cardNo, code: 'CARD_IN_LEDGER', message: intakeText.import.cardInLedger({ line: r.line, cardNo: r.cardNo, site: k.siteName, state }) });
  }
  // Each card's identification code and bank account are its own too (GD Annex 9).
  const knownCodes = existingIdentityCodes(db, parsed.rows.map((r) => r.cardIdCode), parsed.rows.map((r) => r.bankCardNo));
  for (const r of parsed.rows) {
    for (const [column, value, set] of [
      [COLUMNS.cardIdCode, r.cardIdCode, knownCodes.cardIdCodes],
      [COLUMNS.bankCardNo, r.bankCardNo, knownCodes.bankCardNos],
    ] as const) {
      const owner = set.get(value);
      if (owner) errors.push({ line: r.line, column, code: 'CODE_IN_LEDGER', message: intakeText.import.codeInLedger({ line: r.line, column, owner }) });
    }
  }
  if (parsed.name && batchByCode(db, parsed.name.batch)) {
    errors.push({ line: 0, column: null, code: 'BATCH_EXISTS', message: intakeText.import.batchExists({ batch: parsed.name.batch }) });
  }
  return errors;
}

/** The city centre a site belongs to (itself, or the nearest above it); none above a province. */
function cityCentreOf(ledger: Ledger, site: ImportSite): ImportSite | undefined {
  for (let s: ImportSite | undefined = site; s; s = s.parentId == null ? undefined : siteById(ledger.db, s.parentId)) {
    if (s.kind === 'city_centre') return s;
  }
  return undefined;
}

/**
 * The file's 市卡管机构 against the receiving site's city (GD Annex 9 一(一) 第5步: the cards are
 * delivered to the city body the file names). Null when it is the same city, or when the site
 * is above any city (a province ledger takes in every city's files).
 */
function otherCityOf(ledger: Ledger, site: ImportSite, name: MakerFileName): OtherCity | null {
  const city = cityCentreOf(ledger, site);
  if (!city || isLedgerCity(name.cityBody, { code: city.regionCode, name: city.name })) return null;
  return { cityBody: name.cityBody, city: city.name, code: city.regionCode };
}

/** The site the cards are registered at: the operator's own or one under it, in the ledger's scope. */
function receivingSite(ledger: Ledger, actor: Actor, siteCode: string | undefined): ImportSite {
  const site = siteCode ? requireSite(ledger.db, siteCode) : siteById(ledger.db, actor.siteId)!;
  if (!subtreeIds(ledger.db, actor.siteId).includes(site.id) || !site.inScope) {
    throw new SbkError('SITE_OUT_OF_SCOPE.intake', { site: site.code });
  }
  return site;
}

type CheckedFile = {
  input: ImportInput;
  sha: string;
  rows: readonly MakerRow[];
  name: MakerFileName;
  site: ImportSite;
  place: StoragePlace | null;
};

/** What the transaction wrote, or the import another session made first. */
type Written = { raced: PreviousImport } | { raced?: undefined; registered: number; received: number; shipment: string | null };

/** One IMMEDIATE transaction: the import record, the batch, every card, and the receipt if asked. */
function writeImport(ledger: Ledger, actor: Actor, f: CheckedFile): Written {
  const { name, site, place, sha } = f;
  const now = ledger.now().toISOString();
  return writeTx(ledger, (tx): Written => {
    // Another session may have imported the same file since the checks above.
    const raced = importByHash(tx, sha);
    if (raced) return { raced };
    const importId = insertImport(tx, { fileName: f.input.fileName, contentSha256: sha, kind: name.kind, rowCount: f.rows.length, siteId: site.id, operatorId: actor.id, at: now });
    const batchId = insertBatch(tx, {
      code: name.batch,
      kind: name.kind,
      bank: name.bank,
      maker: name.maker,
      cityCode: name.cityBody,
      declaredCount: name.declaredCount,
      importId,
      createdAt: now,
    });
    const ref = { refKind: 'import', refId: String(importId) };
    // Operation ids derive from the content: a retry after a crash cannot register twice.
    const receive: ThenMove | undefined = place
      ? {
          op: { id: `import-receive:${sha}`, kind: 'receive', operatorId: actor.id },
          move: { type: 'receive', toPlaceId: place.id, counterpartRole: 'custodian', counterpartName: actor.name, method: intakeText.import.receiveMethod, ...ref },
        }
      : undefined;
    // Each card row is written once, where it ends up (registered, or received too).
    const { cardIds, then } = registerCards(
      tx,
      { id: `import:${sha}`, kind: 'import', operatorId: actor.id },
      batchId,
      site.id,
      f.rows.map((r) => toNewCard(name.kind, name.bank, name.maker, r)),
      ref,
      false,
      receive,
    );
    const shipment = recordFromProvince(tx, actor, f, cardIds, now);
    return { registered: cardIds.length, received: then?.movementIds.length ?? 0, shipment };
  });
}

/** Finished cards imported at a city centre came from the province: recorded as its shipment. */
function recordFromProvince(tx: LedgerDb, actor: Actor, f: CheckedFile, cardIds: number[], at: string): string | null {
  const province = f.name.kind === 'finished' ? provinceAbove(tx, f.site) : undefined;
  if (!province) return null;
  return recordProvinceShipment(tx, {
    batchCode: f.name.batch,
    province,
    city: f.site,
    cardIds,
    operatorId: actor.id,
    operationId: `import:${f.sha}`,
    at,
    receipt: f.place ? { signer: actor.name, placeId: f.place.id } : null,
  }).number;
}

function pickPlace(ledger: Ledger, siteId: number, placeName?: string): StoragePlace {
  // A printer hopper holds loaded blanks, never stock (GD Annex 9 二(二)).
  const all = placesAt(ledger.db, siteId).filter((p) => p.kind !== 'hopper');
  const place = placeName ? all.find((p) => p.name === placeName) : all[0];
  if (!place) {
    throw placeName ? new SbkError('PLACE_NOT_FOUND.named', { place: placeName, available: all.map((p) => p.name) }) : new SbkError('PLACE_NOT_FOUND.none');
  }
  return place;
}

function toNewCard(kind: 'finished' | 'prefab', bank: string, maker: string, r: MakerRow): NewCard {
  return {
    kind,
    cardNo: r.cardNo,
    cardIdCode: r.cardIdCode,
    resetCode: r.resetCode,
    bankCardNo: r.bankCardNo,
    bank,
    maker,
    boxLabel: r.boxLabel,
    boxPosition: r.boxPosition,
    holder: kind === 'finished' && r.idNumber && r.name ? { idType: 'resident_id', idNumber: r.idNumber, name: r.name } : null,
    issueDate: r.issueDate,
    expiryDate: r.expiryDate,
  };
}
