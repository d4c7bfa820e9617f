/**
 * Registering a card maker's return file (入库登记, GD Annex 9 一(四)): all or nothing. The file
 * is read in chunks (issue 18: memory stays flat however long it is): one pass hashes it (the
 * same file again, by content hash, is recognised and changes nothing) and tells its encoding;
 * a second checks every line — every problem reported with its line and column — and, inside one
 * IMMEDIATE transaction, writes the rows a chunk at a time for as long as no problem has been
 * found: the import record, the batch, its boxes, every card `expected` at the receiving site
 * and, with `receive`, every card checked into a storage place. A problem anywhere, found on the
 * way or at the end (the counts), rolls all of it back; the rest of the file is still checked,
 * so the answer names every problem. Only the problems and the values the duplicate checks need
 * are kept (a large file's in a scratch database, db/import-keys.ts).
 */
import { idDocTypeOfMakerNumber } from '../domain/id-documents.ts';
import { createHash } from 'node:crypto';
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { withTempStore } from '../../db/seal-chain.ts';
import { insertBatch, registerCards, type NewCard, type ThenMove } from '../../db/register-cards.ts';
import { batchByCode, cardKeysBetween, existingCardNos, existingIdentityCodes, importByHash, insertImport } from '../../db/imports-repo.ts';
import { openImportKeys, smallerPageCache, type ImportKeys } from '../../db/import-keys.ts';
import { memoryImportKeys } from '../../db/import-keys-memory.ts';
import { placesAt, requireSite, siteById, subtreeIds } from '../../db/sites-repo.ts';
import { duplicateRowError, makerFileStream, type MakerFileCheck, type MakerFileError, type MakerFileName, type MakerFileProgress, type MakerRow } from '../domain/maker-file.ts';
import { bytesSource, EncodingSniffer, type MakerBytes, type MakerEncoding } from '../domain/maker-file-lines.ts';
import { inspectMakerFileName } from '../domain/maker-file-name.ts';
import { STATE_LABELS, type CardState } from '../domain/card-states.ts';
import { formatLocalTime } from '../domain/china-dates.ts';
import { SbkError } from '../domain/errors.ts';
import { isLedgerCity } from '../domain/maker-file-city.ts';
import { intakeText } from '../i18n/workflows/intake.ts';
import type { Actor } from './authenticate.ts';
import { provinceAbove, recordProvinceShipment } from './province-shipment.ts';
import { GarbageBudget } from './collect-garbage.ts';
import { WritingImportKeys, type WrittenRowKeys } from './import-written-keys.ts';
import { WrittenCardLines } from './written-card-lines.ts';

const COLUMNS = intakeText.import.columns;

export type ImportInput = {
  fileName: string;
  /** The file in memory (the console reads it to show it), or */
  bytes?: Uint8Array;
  /** the file on disk, read in chunks (openImportFile: `sbk import`). One of the two. */
  source?: MakerBytes;
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
  const steps = importSteps(ledger, actor, input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
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
  const steps = importSteps(ledger, actor, { ...input, dryRun: true });
  let step = steps.next();
  while (!step.done) {
    onProgress(step.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}

type Summary = Omit<ImportResult, 'status' | 'errors' | 'message' | 'previous' | 'shipment'>;
type PreviousImport = { at: string; operatorName: string; siteName: string };
type ImportSite = ReturnType<typeof requireSite>;
type StoragePlace = ReturnType<typeof placesAt>[number];

/** Rows checked against the ledger and written together: one operation (two with receive) each. */
export const IMPORT_CHUNK_ROWS = 2_000;
/** About the length of a data row of the Annex layout (a prefab row ~150 bytes, a finished one more). */
const BYTES_PER_ROW_AT_LEAST = 100;
/**
 * The ledger's page cache during a write import (db/import-keys.ts smallerPageCache), KiB. The
 * rows go into the indexes on identification code, bank card number and card at random places:
 * with 2 MiB their pages were spilled to the WAL and read back over and over. Measured on
 * 100,000 rows (whole process, 2 runs each): 2 MiB 9.2–10.1 s, 125–132 MB; 8 MiB 8.1–9.0 s,
 * 131–132 MB; 16 MiB 8.0–8.8 s, 140–141 MB. The young generation kept small (bin/sbk.js) made
 * the room for it.
 */
const IMPORT_CACHE_KIB = 8192;
/**
 * Files up to this many bytes keep their duplicate-check values in memory, as bytes
 * (db/import-keys-memory.ts), larger ones in a scratch database (db/import-keys.ts), whose memory
 * stays flat but which costs a B-tree insert per value. Measured (issue 18 item 6) with 16 MiB:
 * the 100,000-row file (15 MB) in memory saved about 1 s of CPU of 11 but raised the whole
 * process's peak from 142 to 149–151 MB, past its 150 MB goal.
 */
const KEYS_IN_MEMORY_BYTES = 4 << 20;
/** A prefab row of the Annex layout is about this long: the guess of how many values the memory table takes. */
const BYTES_PER_ROW_TYPICAL = 150;

function sourceOf(input: ImportInput): MakerBytes {
  if (input.source) return input.source;
  if (input.bytes) return bytesSource(input.bytes);
  throw new Error('importMakerFile: neither bytes nor source');
}

/** One pass over the bytes: their sha256 and the encoding the reader will decode them with. */
function hashPass(src: MakerBytes): { sha: string; encoding: MakerEncoding } {
  const hash = createHash('sha256');
  const sniffer = new EncodingSniffer();
  for (const c of src.chunks()) {
    hash.update(c);
    sniffer.push(c);
  }
  return { sha: hash.digest('hex'), encoding: sniffer.done() };
}

/**
 * The same bytes again, hashed on the way: the file must not change between the two passes.
 * `digest` is the hash of the last pass read to its end.
 */
function rehashing(src: MakerBytes): MakerBytes & { digest: string | null } {
  const out = {
    size: src.size,
    digest: null as string | null,
    *chunks() {
      const hash = createHash('sha256');
      for (const c of src.chunks()) {
        hash.update(c);
        yield c;
      }
      out.digest = hash.digest('hex');
    },
  };
  return out;
}

/** A problem found: the transaction is rolled back with this, and the check's outcome reported. */
class Refused extends Error {
  constructor(readonly outcome: CheckOutcome) {
    super('maker file refused');
  }
}

function* importSteps(ledger: Ledger, actor: Actor, input: ImportInput): Generator<MakerFileProgress, ImportResult> {
  const src = sourceOf(input);
  const { sha, encoding } = hashPass(src);
  const base = { file: input.fileName, rows: 0, registered: 0, received: 0, boxes: 0 };

  const before = importByHash(ledger.db, sha);
  if (before) return alreadyImported({ ...base, kind: null, bank: null, batch: null, encoding: '', rows: before.rowCount }, before);

  const name = inspectMakerFileName(input.fileName).name;
  const site = receivingSite(ledger, actor, input.siteCode);
  const place = input.receive ? pickPlace(ledger, site.id, input.placeName) : null;
  const otherCity = name ? otherCityOf(ledger, site, name) : null;
  const plan: CheckPlan = { input, src, sha, encoding };
  // Written only when it may be: not a preview, and not another city's file before the operator said yes.
  const writes = !input.dryRun && name !== null && !(otherCity && !input.otherCity);
  let outcome: CheckOutcome;
  if (!writes) {
    outcome = yield* checkPass(ledger.db, plan, null);
  } else {
    const restoreCache = smallerPageCache(ledger.sqlite, IMPORT_CACHE_KIB);
    try {
      // Statement journals in memory: every multi-row INSERT of the import opens one (the
      // tables have triggers), and on disk each was a temporary file written and read again
      // (a third of the CPU time of a 100,000-row file). One statement's worth at most.
      outcome = withTempStore(ledger.sqlite, 'MEMORY', () => writeTx(ledger, (tx): CheckOutcome => {
        // Another session may have imported the same file since the look above.
        const raced = importByHash(tx, sha);
        if (raced) return { raced };
        const steps = checkPass(tx, plan, new ChunkWriter(tx, ledger.sqlite, actor, { input, sha, name, site, place }, ledger.now().toISOString()));
        let step = steps.next();
        while (!step.done) step = steps.next();
        if (!step.value.raced && step.value.errors.length > 0) throw new Refused(step.value);
        return step.value;
      }));
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      outcome = e.outcome;
    } finally {
      restoreCache();
    }
  }
  if (outcome.raced) return alreadyImported({ ...base, kind: name?.kind ?? null, bank: name?.bank ?? null, batch: name?.batch ?? null, encoding: encoding.encoding }, outcome.raced);
  const { parsed, errors, boxes, written } = outcome;
  const summary: Summary = { ...base, kind: name?.kind ?? null, bank: name?.bank ?? null, batch: name?.batch ?? null, rows: parsed.rowCount, boxes, encoding: parsed.encoding };
  if (errors.length > 0 || !name) {
    return { ...summary, status: 'invalid', errors, message: intakeText.import.invalid({ problems: errors.length }) };
  }
  if (input.dryRun) {
    return { ...summary, status: 'valid', errors: [], otherCity, message: intakeText.import.valid({ batch: name.batch, rows: summary.rows, kind: name.kind, boxes: summary.boxes }) };
  }
  if (!written) throw new SbkError('MAKER_FILE_OTHER_CITY', { ...otherCity!, file: input.fileName });
  const { registered, received, shipment } = written;
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

type CheckPlan = { input: ImportInput; src: MakerBytes; sha: string; encoding: MakerEncoding };

/** What the check found (and, in a write, what it wrote), or the import another session made first. */
type CheckOutcome =
  | { raced: PreviousImport }
  | { raced?: undefined; parsed: MakerFileCheck; errors: MakerFileError[]; boxes: number; written: Written | null };

type Written = { registered: number; received: number; shipment: string | null };

/**
 * Reads the file line by line, checks each chunk of good rows against the ledger and, with a
 * writer and while nothing is wrong, writes it. Returns every problem, sorted by line.
 */
function* checkPass(db: LedgerDb, plan: CheckPlan, writer: ChunkWriter | null): Generator<MakerFileProgress, CheckOutcome> {
  const { input, src } = plan;
  const name = inspectMakerFileName(input.fileName).name;
  const batchTaken = name !== null && batchByCode(db, name.batch) !== undefined;
  const fullKeys = (): ImportKeys =>
    src.size > KEYS_IN_MEMORY_BYTES ? openImportKeys(Math.ceil(src.size / BYTES_PER_ROW_AT_LEAST) * 3) : memoryImportKeys(Math.ceil(src.size / BYTES_PER_ROW_TYPICAL) * 3);
  // While the import writes, the rows already written are their own duplicate check (import-written-keys.ts).
  const writing = writer && !batchTaken ? new WritingImportKeys(fullKeys, () => writer.writtenRows()) : null;
  const keys: ImportKeys = writing ?? fullKeys();
  try {
    const reread = rehashing(src);
    const ledgerErrors: MakerFileError[] = [];
    let fileErrors = 0;
    const boxLabels = new Set<string>();
    let chunk: MakerRow[] = [];
    const ownLine = (cardId: number): number | undefined => writer?.lineOf(cardId);
    const stopWriting = (): void => {
      if (!writing || writing.stopped) return;
      for (const e of writing.stop(new Set(chunk.map((r) => r.line)))) ledgerErrors.push(e);
    };
    const gc = new GarbageBudget();
    const takeChunk = (): void => {
      ledgerConflicts(db, chunk, ledgerErrors, ownLine);
      if (writer && fileErrors === 0 && ledgerErrors.length === 0 && !batchTaken) {
        writer.write(chunk);
        writing?.chunkWritten();
      } else {
        stopWriting();
      }
      chunk = [];
      gc.afterChunk();
    };
    const parsed = yield* makerFileStream(input.fileName, reread, {
      exemptBins: input.exemptBins ?? [],
      encoding: plan.encoding,
      seen: keys,
      onError: () => {
        fileErrors++;
        stopWriting();
      },
      onRow: (r) => {
        boxLabels.add(r.boxLabel);
        chunk.push(r);
        if (chunk.length >= IMPORT_CHUNK_ROWS) takeChunk();
      },
    });
    takeChunk();
    if (reread.digest !== plan.sha) throw new SbkError('MAKER_FILE_CHANGED', { file: input.fileName });
    if (batchTaken) ledgerErrors.push({ line: 0, column: null, code: 'BATCH_EXISTS', message: intakeText.import.batchExists({ batch: name.batch }) });
    const errors = parsed.errors;
    for (const e of ledgerErrors) errors.push(e);
    // Stable: the file's own problems stay before the ledger's on the same line, as they were found.
    errors.sort((a, b) => a.line - b.line);
    const written = writer && errors.length === 0 ? writer.finish() : null;
    return { parsed, errors, boxes: boxLabels.size, written };
  } finally {
    keys.close();
  }
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

/**
 * Cards and codes of these rows the ledger already knows: a different file repeating them is
 * refused. A card this import wrote (`ownLine` gives its line) is the file repeating itself.
 */
function ledgerConflicts(db: LedgerDb, rows: readonly MakerRow[], errors: MakerFileError[], ownLine: (cardId: number) => number | undefined): void {
  if (rows.length === 0) return;
  const known = existingCardNos(
    db,
    rows.map((r) => r.cardNo),
  );
  for (const r of rows) {
    const k = known.get(r.cardNo);
    if (!k) continue;
    const first = ownLine(k.id);
    if (first !== undefined) {
      errors.push(duplicateRowError('cardNo', r.line, first));
      continue;
    }
    const state = STATE_LABELS[k.state as CardState] ?? k.state;
    errors.push({ line: r.line, column: COLUMNS.cardNo, code: 'CARD_IN_LEDGER', message: intakeText.import.cardInLedger({ line: r.line, cardNo: r.cardNo, site: k.siteName, state }) });
  }
  // Each card's identification code and bank account are its own too (GD Annex 9).
  const knownCodes = existingIdentityCodes(db, rows.map((r) => r.cardIdCode), rows.map((r) => r.bankCardNo));
  for (const r of rows) {
    for (const [kind, column, value, set] of [
      ['cardIdCode', COLUMNS.cardIdCode, r.cardIdCode, knownCodes.cardIdCodes],
      ['bankCardNo', COLUMNS.bankCardNo, r.bankCardNo, knownCodes.bankCardNos],
    ] as const) {
      const owner = set.get(value);
      if (!owner) continue;
      const first = ownLine(owner.id);
      errors.push(
        first !== undefined
          ? duplicateRowError(kind, r.line, first)
          : { line: r.line, column, code: 'CODE_IN_LEDGER', message: intakeText.import.codeInLedger({ line: r.line, column, owner: owner.cardNo }) },
      );
    }
  }
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
  name: MakerFileName;
  site: ImportSite;
  place: StoragePlace | null;
};

/**
 * Writes a checked file's rows chunk by chunk inside the caller's IMMEDIATE transaction: the
 * import record and the batch with the first chunk, then every chunk's cards registered (and
 * received) as an operation of their own. Operation ids derive from the content and the chunk:
 * a retry after a crash cannot register twice.
 */
class ChunkWriter {
  private chunks = 0;
  private batchId = 0;
  private importId = 0;
  private registered = 0;
  private received = 0;
  /** The province shipment needs every card (finished cards at a city centre only). */
  private readonly cardIds: number[] = [];
  /** The line each written card came from: a later row repeating one is the file's own duplicate. */
  private readonly lines = new WrittenCardLines();

  constructor(
    private readonly tx: LedgerDb,
    private readonly sqlite: Ledger['sqlite'],
    private readonly actor: Actor,
    private readonly f: CheckedFile,
    private readonly now: string,
  ) {}

  write(rows: readonly MakerRow[]): void {
    if (rows.length === 0) return;
    const { tx, actor, f } = this;
    const { name, site, place, sha } = f;
    if (this.chunks === 0) {
      // Only a file with no problem is kept, and there the rows are as many as its name declares.
      this.importId = insertImport(tx, { fileName: f.input.fileName, contentSha256: sha, kind: name.kind, rowCount: name.declaredCount, siteId: site.id, operatorId: actor.id, at: this.now });
      this.batchId = insertBatch(tx, {
        code: name.batch,
        kind: name.kind,
        bank: name.bank,
        maker: name.maker,
        cityCode: name.cityBody,
        declaredCount: name.declaredCount,
        importId: this.importId,
        createdAt: this.now,
      });
    }
    const part = this.chunks === 0 ? '' : `#${this.chunks}`;
    this.chunks += 1;
    const ref = { refKind: 'import', refId: String(this.importId) };
    const receive: ThenMove | undefined = place
      ? {
          op: { id: `import-receive:${sha}${part}`, kind: 'receive', operatorId: actor.id },
          move: { type: 'receive', toPlaceId: place.id, counterpartRole: 'custodian', counterpartName: actor.name, method: intakeText.import.receiveMethod, ...ref },
        }
      : undefined;
    // Each card row is written once, where it ends up (registered, or received too).
    const { cardIds, then } = registerCards(
      tx,
      { id: `import:${sha}${part}`, kind: 'import', operatorId: actor.id },
      this.batchId,
      site.id,
      rows.map((r) => toNewCard(name.kind, name.bank, name.maker, r)),
      ref,
      false,
      receive,
    );
    cardIds.forEach((id, i) => this.lines.add(id, rows[i]!.line));
    this.registered += cardIds.length;
    this.received += then?.movementIds.length ?? 0;
    if (name.kind === 'finished') for (const id of cardIds) this.cardIds.push(id);
  }

  lineOf(cardId: number): number | undefined {
    return this.lines.lineOf(cardId);
  }

  /** The rows written so far, read back from the ledger with their lines. */
  *writtenRows(): Generator<WrittenRowKeys> {
    const range = this.lines.idRange();
    if (!range) return;
    for (const c of cardKeysBetween(this.sqlite, range.first, range.last)) {
      const line = this.lines.lineOf(c.id);
      if (line !== undefined) yield { line, cardNo: c.cardNo, cardIdCode: c.cardIdCode, bankCardNo: c.bankCardNo };
    }
  }

  finish(): Written {
    const shipment = recordFromProvince(this.tx, this.actor, this.f, this.cardIds, this.now);
    return { registered: this.registered, received: this.received, shipment };
  }
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
    holder: kind === 'finished' && r.idNumber && r.name ? { idType: idDocTypeOfMakerNumber(r.idNumber), idNumber: r.idNumber, name: r.name } : null,
    issueDate: r.issueDate,
    expiryDate: r.expiryDate,
  };
}
