/**
 * Prefab blanks at a site (GD Art. 36; Annex 9): what is where by bank, maker, batch and box;
 * loading into and out of a printer hopper, never mixing banks or makers in one hopper
 * (GD Art. 36 二(一): 不同银行及不同制卡厂商的预制卡要分开); spoiling a blank with its reason.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { onHandPrefab } from '../../db/stock-count-repo.ts';
import { cardsByNumbers } from '../../db/shipments-repo.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { boxKey } from '../domain/shipment.ts';
import { isLoaded, mayMove, stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { SbkError } from '../domain/errors.ts';
import { checkIdDocument, idDocTypeForTyped } from '../domain/id-documents.ts';
import { maskIdNumber } from '../domain/mask.ts';
import type { Actor } from './authenticate.ts';
import { checkFailed } from './check-failure.ts';
import { prefabText } from '../i18n/workflows/prefab.ts';
import { instantText } from '../i18n/workflows/instant.ts';

export type PrefabStockRow = { bank: string; maker: string; batch: string | null; where: string; inStock: number; loaded: number };

/** On-hand blanks at the operator's site, grouped by bank, maker, batch and box or hopper. */
export function prefabStock(ledger: Ledger, actor: Actor): PrefabStockRow[] {
  const rows = new Map<string, PrefabStockRow>();
  for (const c of onHandPrefab(ledger.db, actor.siteId, null)) {
    const loaded = isLoaded(c.state);
    const where = loaded ? prefabText.where.hopper({ place: c.placeName }) : prefabText.where.box({ box: c.box, place: c.placeName });
    const key = [c.bank, c.maker, c.batch, where].join('\u0000');
    const r = rows.get(key) ?? { bank: c.bank, maker: c.maker, batch: c.batch, where, inStock: 0, loaded: 0 };
    if (loaded) r.loaded += 1;
    else r.inStock += 1;
    rows.set(key, r);
  }
  return [...rows.values()];
}

/** The printer hoppers at the operator's site, by name (the places of kind 'hopper'). */
export function hoppersAt(ledger: Ledger, actor: Actor): string[] {
  return placesAt(ledger.db, actor.siteId)
    .filter((p) => p.kind === 'hopper')
    .map((p) => p.name);
}

/**
 * The boxes the site's blanks are kept in, as `批次/箱号` (how a count names a box), for one bank
 * or all: labels only, no quantity, so a count that reads them stays blind.
 */
export function boxLabelsAt(ledger: Ledger, actor: Actor, bank: string | null = null): string[] {
  const keys = onHandPrefab(ledger.db, actor.siteId, bank)
    .filter((c) => !isLoaded(c.state) && c.box)
    .map((c) => boxKey(c.batch ?? '—', c.box!));
  return [...new Set(keys)];
}

function hopperAt(ledger: Ledger, actor: Actor, name: string) {
  const hopper = placesAt(ledger.db, actor.siteId).find((p) => p.kind === 'hopper' && p.name === name.trim());
  if (!hopper) throw new SbkError('HOPPER_NOT_FOUND.prefabStock', { name });
  return hopper;
}

/** Loads blanks into a printer hopper; all of one bank and maker, and the same as what is already in it. */
export function loadHopper(ledger: Ledger, actor: Actor, input: { operationId: string; hopper: string; cardNos: readonly string[] }): { loaded: number } {
  const hopper = hopperAt(ledger, actor, input.hopper);
  return writeTx(ledger, (tx) => {
    const nos = [...new Set(input.cardNos.map(normalizeCardInput).filter(Boolean))];
    const found = new Map(cardsByNumbers(tx, nos).map((c) => [c.cardNo, c]));
    const inHopper = onHandPrefab(tx, actor.siteId, null).filter((c) => isLoaded(c.state) && c.placeName === hopper.name);
    const makerOf = new Map(onHandPrefab(tx, actor.siteId, null).map((c) => [c.cardNo, c.maker]));
    const kinds = new Set(inHopper.map((c) => `${c.bank}/${c.maker}`));
    const moves = nos.map((no) => {
      const c = found.get(no);
      if (!c || c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.custody', { card: no });
      if (!mayMove(c.kind, c.state, 'load')) {
        throw new SbkError('CARD_NOT_LOADABLE.prefabStock', { card: no, state: stateLabel(c.state as StateOrNone), finished: c.kind !== 'prefab' });
      }
      kinds.add(`${c.bank}/${makerOf.get(no) ?? ''}`);
      return { cardId: c.id, type: 'load' as const, toPlaceId: hopper.id, refKind: 'hopper', refId: hopper.name };
    });
    if (kinds.size > 1) {
      throw new SbkError('HOPPER_MIXED.prefabStock', { kinds: [...kinds] });
    }
    appendMovements(tx, { id: input.operationId, kind: 'load', operatorId: actor.id }, moves);
    return { loaded: moves.length };
  });
}

/** A blank spoiled at the counter (bad print, chip failure, damage); kept until destroyed. */
export function spoilBlank(ledger: Ledger, actor: Actor, input: { operationId: string; cardNo: string; reason: string }): void {
  if (!input.reason.trim()) throw new SbkError('REASON_REQUIRED.prefabSpoil');
  writeTx(ledger, (tx) => {
    const no = normalizeCardInput(input.cardNo);
    const c = cardsByNumbers(tx, [no])[0];
    if (!c || c.siteId !== actor.siteId || c.kind !== 'prefab') throw new SbkError('CARD_NOT_HERE.prefabBlank', { card: no });
    appendMovements(tx, { id: input.operationId, kind: 'spoil', operatorId: actor.id }, [
      { cardId: c.id, type: 'spoil', reason: input.reason.trim(), refKind: 'spoil', refId: input.operationId },
    ]);
  });
}

export type ConsumeInput = {
  operationId: string;
  /** The blank taken from the hopper. */
  blankNo: string;
  /** The social security card number the blank became (GD Annex 9: the printer writes it). */
  becameCardNo: string;
  holderName: string;
  holderIdNumber: string;
};

/**
 * A blank used by an instant issuance (GD Art. 36 二(二)): it leaves the hopper as `consumed`,
 * linked to the finished card number and the holder it became (ID masked on the record; the
 * card itself carries the holder).
 */
export function consumeBlank(ledger: Ledger, actor: Actor, input: ConsumeInput): void {
  // The holder may have any document the rules accept (HB Art. 5, GD Art. 35): its layout says which.
  const id = checkIdDocument(idDocTypeForTyped(input.holderIdNumber) ?? 'resident_id', input.holderIdNumber);
  if (!id.ok) throw checkFailed(id, 'consumeHolder');
  if (!input.holderName.trim() || !input.becameCardNo.trim()) throw new SbkError('CONSUME_FIELDS');
  writeTx(ledger, (tx) => {
    const no = normalizeCardInput(input.blankNo);
    const c = cardsByNumbers(tx, [no])[0];
    if (!c || c.siteId !== actor.siteId || c.kind !== 'prefab') throw new SbkError('CARD_NOT_HERE.prefabBlank', { card: no });
    appendMovements(tx, { id: input.operationId, kind: 'consume', operatorId: actor.id }, [
      {
        cardId: c.id,
        type: 'consume',
        counterpartRole: 'receiver',
        counterpartName: input.holderName.trim(),
        reason: instantText.consumeReason({ card: normalizeCardInput(input.becameCardNo), holder: input.holderName.trim(), idMasked: maskIdNumber(id.value) }),
        refKind: 'instant',
        refId: normalizeCardInput(input.becameCardNo),
      },
    ]);
  });
}

/**
 * Takes every blank out of a hopper back into a storage place (unload). Used when the hopper and
 * the ledger disagree on order: unload, then scan the cards in again in the order they lie.
 */
export function unloadHopper(ledger: Ledger, actor: Actor, input: { operationId: string; hopper: string; toPlace: string }): { unloaded: number } {
  const hopper = hopperAt(ledger, actor, input.hopper);
  const place = placesAt(ledger.db, actor.siteId).find((p) => p.kind !== 'hopper' && p.name === input.toPlace.trim());
  if (!place) throw new SbkError('PLACE_NOT_FOUND.custody', { name: input.toPlace });
  return writeTx(ledger, (tx) => {
    const inHopper = onHandPrefab(tx, actor.siteId, null).filter((c) => isLoaded(c.state) && c.placeName === hopper.name);
    if (inHopper.length === 0) throw new SbkError('HOPPER_EMPTY_LEDGER.unload', { name: hopper.name });
    appendMovements(
      tx,
      { id: input.operationId, kind: 'unload', operatorId: actor.id },
      inHopper.map((c) => ({ cardId: c.id, type: 'unload' as const, toPlaceId: place.id, refKind: 'hopper', refId: hopper.name })),
    );
    return { unloaded: inHopper.length };
  });
}
