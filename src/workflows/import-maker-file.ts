/**
 * Registering a card maker's return file (入库登记, GD Annex 9 一(四)): all or nothing. The file
 * is checked in full first — every problem reported with its line and column — and only a
 * clean file is written, in one IMMEDIATE transaction: the import record, the batch, its boxes,
 * every card `expected` at the receiving site and, with `receive`, every card checked into a
 * storage place. The same file again (same content hash) is recognised and changes nothing.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { insertBatch, registerCards, type NewCard, type ThenMove } from '../../db/register-cards.ts';
import { batchByCode, existingCardNos, existingIdentityCodes, importByHash, insertImport } from '../../db/imports-repo.ts';
import { placesAt, requireSite, siteById, subtreeIds } from '../../db/sites-repo.ts';
import { sha256Hex } from '../../db/movement-hash.ts';
import { makerFileSteps, parseMakerFile, type MakerFileError, type MakerFileProgress, type MakerFileResult, type MakerRow } from '../domain/maker-file.ts';
import { STATE_LABELS, type CardState } from '../domain/card-states.ts';
import { formatLocalTime } from '../domain/china-dates.ts';
import { SbkError } from '../domain/errors.ts';
import type { Actor } from './authenticate.ts';
import { provinceAbove, recordProvinceShipment } from './province-shipment.ts';

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
};

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

function finishImport(ledger: Ledger, actor: Actor, input: ImportInput, parse: () => MakerFileResult): ImportResult {
  const sha = sha256Hex(Buffer.from(input.bytes));
  const base = { file: input.fileName, rows: 0, registered: 0, received: 0, boxes: 0 };

  const before = importByHash(ledger.db, sha);
  if (before) {
    return {
      ...base,
      status: 'already-imported',
      kind: null,
      bank: null,
      batch: null,
      encoding: '',
      errors: [],
      rows: before.rowCount,
      previous: { at: before.at, by: before.operatorName, site: before.siteName },
      message: `此文件已于 ${formatLocalTime(before.at)} 由${before.operatorName}（${before.siteName}）导入，本次未做任何更改。`,
    };
  }

  const parsed = parse();
  const errors = [...parsed.errors];
  const name = parsed.name;

  // Cards and batches the ledger already knows: a different file repeating them is refused.
  const known = existingCardNos(
    ledger.db,
    parsed.rows.map((r) => r.cardNo),
  );
  for (const r of parsed.rows) {
    const k = known.get(r.cardNo);
    if (k) {
      errors.push({
        line: r.line,
        column: '社保卡号',
        code: 'CARD_IN_LEDGER',
        message: `第 ${r.line} 行：卡号 ${r.cardNo} 已在台账中（${k.siteName}，${STATE_LABELS[k.state as CardState] ?? k.state}），不能重复入库。`,
      });
    }
  }
  // Each card's identification code and bank account are its own too (GD Annex 9).
  const knownCodes = existingIdentityCodes(ledger.db, parsed.rows.map((r) => r.cardIdCode), parsed.rows.map((r) => r.bankCardNo));
  for (const r of parsed.rows) {
    for (const [column, value, set] of [
      ['卡识别码', r.cardIdCode, knownCodes.cardIdCodes],
      ['银行卡号', r.bankCardNo, knownCodes.bankCardNos],
    ] as const) {
      const owner = set.get(value);
      if (owner) errors.push({ line: r.line, column, code: 'CODE_IN_LEDGER', message: `第 ${r.line} 行：${column}与台账中卡 ${owner} 的相同，每张卡应各不相同。请联系卡商核对。` });
    }
  }
  if (name && batchByCode(ledger.db, name.batch)) {
    errors.push({ line: 0, column: null, code: 'BATCH_EXISTS', message: `制卡批次 ${name.batch} 已在台账中登记过，请核对文件。` });
  }

  const site = input.siteCode ? requireSite(ledger.db, input.siteCode) : siteById(ledger.db, actor.siteId)!;
  if (!subtreeIds(ledger.db, actor.siteId).includes(site.id) || !site.inScope) {
    throw new SbkError('SITE_OUT_OF_SCOPE', `网点 ${site.code} 不在您管辖的范围内，不能为其入库。`);
  }
  const place = input.receive ? pickPlace(ledger, site.id, input.placeName) : null;

  const summary = {
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
    return { ...summary, status: 'invalid', errors, message: `文件有 ${errors.length} 处问题，未写入台账。请改正后重新导入。` };
  }
  if (input.dryRun) {
    return { ...summary, status: 'valid', errors: [], message: `检查通过：批次 ${name.batch}，${summary.rows} 张${name.kind === 'finished' ? '成品卡' : '预制卡'}，${summary.boxes} 箱。` };
  }

  const now = new Date().toISOString();
  const result = writeTx(ledger, (tx) => {
    // Another session may have imported the same file since the checks above.
    const raced = importByHash(tx, sha);
    if (raced) return { raced, registered: 0, received: 0, shipment: null };
    const importId = insertImport(tx, {
      fileName: input.fileName,
      contentSha256: sha,
      kind: name.kind,
      rowCount: parsed.rows.length,
      siteId: site.id,
      operatorId: actor.id,
      at: now,
    });
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
          move: { type: 'receive', toPlaceId: place.id, counterpartRole: 'custodian', counterpartName: actor.name, method: '按箱清点入库', ...ref },
        }
      : undefined;
    // Each card row is written once, where it ends up (registered, or received too).
    const { cardIds, then } = registerCards(
      tx,
      { id: `import:${sha}`, kind: 'import', operatorId: actor.id },
      batchId,
      site.id,
      parsed.rows.map((r) => toNewCard(name.kind, name.bank, name.maker, r)),
      ref,
      false,
      receive,
    );
    const received = then?.movementIds.length ?? 0;
    const province = name.kind === 'finished' ? provinceAbove(tx, site) : undefined;
    const shipment = province
      ? recordProvinceShipment(tx, {
          batchCode: name.batch,
          province,
          city: site,
          cardIds,
          operatorId: actor.id,
          operationId: `import:${sha}`,
          at: now,
          receipt: place ? { signer: actor.name, placeId: place.id } : null,
        }).number
      : null;
    return { raced: undefined, registered: cardIds.length, received, shipment };
  });
  if ('raced' in result && result.raced) {
    const { raced } = result;
    return {
      ...summary,
      status: 'already-imported',
      errors: [],
      previous: { at: raced.at, by: raced.operatorName, site: raced.siteName },
      message: `此文件已于 ${formatLocalTime(raced.at)} 由${raced.operatorName}（${raced.siteName}）导入，本次未做任何更改。`,
    };
  }
  return {
    ...summary,
    registered: result.registered,
    received: result.received,
    shipment: result.shipment,
    status: 'imported',
    errors: [],
    message: `已导入 ${input.fileName}：批次 ${name.batch}，${result.registered} 张卡${result.received ? `，已入库 ${result.received} 张（${place!.name}）` : '，待清点入库'}${result.shipment ? `；已记为省中心发来的交接单 ${result.shipment}` : ''}。`,
  };
}

function pickPlace(ledger: Ledger, siteId: number, placeName?: string) {
  // A printer hopper holds loaded blanks, never stock (GD Annex 9 二(二)).
  const all = placesAt(ledger.db, siteId).filter((p) => p.kind !== 'hopper');
  const place = placeName ? all.find((p) => p.name === placeName) : all[0];
  if (!place) {
    throw new SbkError(
      'PLACE_NOT_FOUND',
      placeName ? `本网点没有名为“${placeName}”的保管地点。可用的有：${all.map((p) => p.name).join('、') || '无'}。` : '本网点还没有保管地点，请管理员先设置。',
    );
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
