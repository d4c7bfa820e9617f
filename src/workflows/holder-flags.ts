/**
 * What is reported about a holder that keeps their card from reaching them: death (GD Art. 32
 * 一(三): 经比对后确认已死亡人员的卡), emigration and disappearance (GD Art. 32 一(一): 因死亡、出国
 * 定居等原因无法送达; 失踪 beside them in GD Art. 33 一(一)), an address the post cannot deliver
 * to (GD Art. 32 一(一): 因邮递信息错误等个人原因造成发放不成功). The overdue list (recall.ts)
 * reads them; the rules of each are in src/domain/overdue.ts.
 *
 * Only a supervisor over a site that holds one of the holder's cards may set or clear a flag:
 * the district that has the card is the one that knows the holder. The date cannot be later
 * than today on the ledger's clock. A flag set in error is cleared by a new row with a reason:
 * holder_flags is append-only.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendHolderFlag, holderCardsByIdNumber, holderFlagRows, setHolderDeceased, type HolderFlagKind } from '../../db/issuance-queries.ts';
import { subtreeIds } from '../../db/sites-repo.ts';
import { logAudit } from '../../db/audit-log.ts';
import { SbkError } from '../domain/errors.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { isIsoDate, todayInChina } from '../domain/china-dates.ts';
import { checkIdDocument, idDocTypeForTyped } from '../domain/id-documents.ts';
import { requireRole, type Actor } from './authenticate.ts';
import { checkFailed } from './check-failure.ts';
import { recallText } from '../i18n/workflows/recall.ts';

export const HOLDER_FLAG_KINDS: readonly HolderFlagKind[] = Object.freeze(['deceased', 'emigrated', 'undeliverable', 'missing'] as const);
export type { HolderFlagKind };

export function isHolderFlagKind(s: unknown): s is HolderFlagKind {
  return typeof s === 'string' && (HOLDER_FLAG_KINDS as readonly string[]).includes(s);
}

export type HolderFlagState = { kind: HolderFlagKind; on: string; source: string | null };

/** The holder, found by ID number, once the actor may act on them: the card count and holder id. */
function holderInScope(tx: Ledger['db'], actor: Actor, idNumber: string): { holderId: number; cards: number; idValue: string } {
  requireRole(actor, 'supervisor');
  // Any document the holder's card was issued on (HB Art. 5, GD Art. 35): its layout says which.
  const id = checkIdDocument(idDocTypeForTyped(idNumber) ?? 'resident_id', idNumber);
  if (!id.ok) throw checkFailed(id, 'deceasedReport');
  const found = holderCardsByIdNumber(tx, id.value);
  const holderId = found[0]?.holderId;
  if (holderId == null) throw new SbkError('HOLDER_NOT_FOUND.recall');
  const scope = new Set(subtreeIds(tx, actor.siteId));
  if (!found.some((c) => scope.has(c.siteId))) throw new SbkError('HOLDER_OUT_OF_SCOPE', undefined, { holderIdMasked: maskIdNumber(id.value) });
  return { holderId, cards: found.length, idValue: id.value };
}

/** A holder's active flags: a kind is active when its last row sets it. */
export function activeFlags(db: Ledger['db'], holderId: number): HolderFlagState[] {
  const last = new Map<HolderFlagKind, HolderFlagState | null>();
  for (const r of holderFlagRows(db, holderId)) last.set(r.kind, r.action === 'set' && r.on !== null ? { kind: r.kind, on: r.on, source: r.source } : null);
  return HOLDER_FLAG_KINDS.flatMap((k) => (last.get(k) ? [last.get(k)!] : []));
}

export type FlagInput = { idNumber: string; kind: HolderFlagKind; on: string; source?: string | null };

/** Sets a flag; the holder's cards then come onto the recall list under its category. */
export function flagHolder(ledger: Ledger, actor: Actor, input: FlagInput): { cards: number; kind: HolderFlagKind; on: string } {
  const kindLabel = recallText.flagKinds[input.kind];
  if (!isHolderFlagKind(input.kind)) throw new SbkError('HOLDER_FLAG_KIND_UNKNOWN', { kind: String(input.kind), choices: [...HOLDER_FLAG_KINDS] });
  if (!isIsoDate(input.on)) throw new SbkError('DATE_INVALID.custody', { date: input.on });
  const today = todayInChina(ledger.now());
  if (input.on > today) throw new SbkError('DATE_IN_FUTURE.holderFlag', { date: input.on, today });
  const source = (input.source ?? '').trim();
  // GD Art. 32 一(三) asks for a death 经比对后确认: the older `holder deceased` had no source, so it stays optional there.
  if (source === '' && input.kind !== 'deceased') throw new SbkError('SOURCE_REQUIRED.holderFlag', { kind: kindLabel });
  return writeTx(ledger, (tx) => {
    const h = holderInScope(tx, actor, input.idNumber);
    const had = activeFlags(tx, h.holderId).find((f) => f.kind === input.kind);
    if (had) throw new SbkError('HOLDER_FLAG_ALREADY_SET', { kind: kindLabel, on: had.on });
    appendHolderFlag(tx, { holderId: h.holderId, kind: input.kind, action: 'set', on: input.on, source: source || null, reason: null, operatorId: actor.id, siteId: actor.siteId, at: ledger.now().toISOString() });
    if (input.kind === 'deceased') setHolderDeceased(tx, h.holderId, input.on);
    const idMasked = maskIdNumber(h.idValue);
    logAudit(tx, {
      type: input.kind === 'deceased' ? 'holder_deceased' : 'holder_flag',
      operatorId: actor.id,
      siteId: actor.siteId,
      detail: recallText.flagDetail({ idMasked, kind: kindLabel, on: input.on, source: source || '-' }),
    });
    return { cards: h.cards, kind: input.kind, on: input.on };
  });
}

export type UnflagInput = { idNumber: string; kind: HolderFlagKind; reason: string };

/**
 * Clears a flag set in error, by the same rule as setting it, with a reason. A death recorded
 * before flags were kept (holders.deceased_at alone) is cleared the same way.
 */
export function unflagHolder(ledger: Ledger, actor: Actor, input: UnflagInput): { cards: number; kind: HolderFlagKind } {
  const kindLabel = recallText.flagKinds[input.kind];
  if (!isHolderFlagKind(input.kind)) throw new SbkError('HOLDER_FLAG_KIND_UNKNOWN', { kind: String(input.kind), choices: [...HOLDER_FLAG_KINDS] });
  const reason = input.reason.trim();
  if (reason === '') throw new SbkError('REASON_REQUIRED.holderUnflag', { kind: kindLabel });
  return writeTx(ledger, (tx) => {
    const h = holderInScope(tx, actor, input.idNumber);
    const active = activeFlags(tx, h.holderId).some((f) => f.kind === input.kind);
    const legacyDeath = input.kind === 'deceased' && holderCardsByIdNumber(tx, h.idValue)[0]?.deceasedAt != null;
    if (!active && !legacyDeath) throw new SbkError('HOLDER_FLAG_NOT_SET', { kind: kindLabel });
    appendHolderFlag(tx, { holderId: h.holderId, kind: input.kind, action: 'clear', on: null, source: null, reason, operatorId: actor.id, siteId: actor.siteId, at: ledger.now().toISOString() });
    if (input.kind === 'deceased') setHolderDeceased(tx, h.holderId, null);
    logAudit(tx, { type: 'holder_unflag', operatorId: actor.id, siteId: actor.siteId, detail: recallText.unflagDetail({ idMasked: maskIdNumber(h.idValue), kind: kindLabel, reason }) });
    return { cards: h.cards, kind: input.kind };
  });
}
