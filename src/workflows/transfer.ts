/**
 * Moves inside a site: cards go from one storage place to another (vault 保险柜 ↔ counter 发卡柜),
 * and from one custodian to another at a shift change (交接班), each as one operation of
 * `transfer` movements with a 库内移交单 for both people to sign.
 *
 * GD Art. 12 一(二)(三): 卡经办机构应对卡片发放流转环节、保管地点、责任人……进行登记; 卡经办网点严格做好
 * 社保卡交接工作，确保责任到人 — every transfer records the place and the custodian, and a change of
 * custodian needs the receiver's own PIN.
 * HB Art. 14: 当日尚未发放的社会保障卡必须入库管理 — the counter's cards go back to the vault in
 * one step at closing time (`backToVault`).
 */
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { ledgerHeadOf } from '../../db/seal-chain.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { countRefsWithPrefix } from '../../db/issuance-queries.ts';
import { isRetryOf, movementsOfOperation } from '../../db/operations-repo.ts';
import { placesAt, type PlaceRow } from '../../db/sites-repo.ts';
import { batchesWithBoxAtSite, cardsByNumbers } from '../../db/shipments-repo.ts';
import { cardIdsOfBox, countPlacedInKind, placedCards, type PlacedCard } from '../../db/transfer-queries.ts';
import { SbkError } from '../domain/errors.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { parseBoxLabel } from '../domain/box-label.ts';
import { stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { formatLocalTime, todayInChina } from '../domain/china-dates.ts';
import type { TransferSheet } from '../domain/transfer-sheet-format.ts';
import { transferText, type TransferMode } from '../i18n/workflows/transfer.ts';
import type { Actor } from './authenticate.ts';

export type TransferInput = {
  operationId: string;
  /** Card numbers, box labels (`批次/箱号` or a bare label) and places whose cards all move. */
  cards?: readonly string[];
  boxes?: readonly string[];
  fromPlaces?: readonly string[];
  /** 交接班: everything the operator holds at the site goes to the receiver. */
  handOver?: boolean;
  /** HB Art. 14: every card left on a counter (a `cabinet` place) goes back to the vault. */
  backToVault?: boolean;
  /** The place the cards go to; without it, each stays where it lies (a change of custodian only). */
  toPlace?: string | null;
};

export type TransferResult = {
  ref: string;
  mode: TransferMode;
  cards: number;
  giver: string;
  receiver: string;
  toPlace: string | null;
  /** The sheet to save and sign; null when this answers a retry of an operation already written. */
  sheet: TransferSheet | null;
  replayed: boolean;
};

/** The place kinds a counter and a vault have (db/schema.ts places.kind). */
const COUNTER_KIND = 'cabinet';
const VAULT_KIND = 'safe';

/** The transfer's reference: site, day and sequence, e.g. `YJ-420102-01-20261207-01`. */
function transferRef(db: LedgerDb, actor: Actor, now: Date): string {
  const prefix = `YJ-${actor.siteCode}-${todayInChina(now).replaceAll('-', '')}-`;
  return `${prefix}${String(countRefsWithPrefix(db, 'transfer', prefix) + 1).padStart(2, '0')}`;
}

/**
 * The receiver who takes custody: another operator of the same site, who gave their own PIN
 * (GD Art. 12 确保责任到人: a custodian is never named without their knowing).
 */
export function checkReceiver(actor: Actor, receiver: Actor): void {
  if (receiver.id === actor.id) throw new SbkError('SECOND_OPERATOR_SAME.transfer');
  if (receiver.siteId !== actor.siteId) throw new SbkError('RECEIVER_NOT_HERE', { name: receiver.name, site: actor.siteName });
}

/** A storage place of the site by name (never a printer's hopper). */
function storagePlace(storage: readonly PlaceRow[], name: string): PlaceRow {
  const place = storage.find((p) => p.name === name.trim());
  if (!place) throw new SbkError('PLACE_NOT_FOUND.named', { place: name.trim(), available: storage.map((p) => p.name) });
  return place;
}

/** The cards named by number, all at the site and in stock. */
function cardsByNo(tx: LedgerDb, actor: Actor, raw: readonly string[]): PlacedCard[] {
  const wanted = [...new Set(raw.map(normalizeCardInput).filter(Boolean))];
  const rows = new Map(cardsByNumbers(tx, wanted).map((c) => [c.cardNo, c]));
  for (const no of wanted) {
    const c = rows.get(no);
    if (!c) throw new SbkError('CARD_NOT_FOUND.custody', { card: no }, { cardNo: no });
    if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.custody', { card: no }, { cardNo: no });
  }
  const placed = placedCards(tx, actor.siteId, { cardIds: [...rows.values()].map((c) => c.id) });
  const movable = new Set(placed.map((c) => c.cardNo));
  for (const no of wanted) {
    const c = rows.get(no)!;
    if (!movable.has(no)) throw new SbkError('CARD_NOT_TRANSFERABLE', { card: no, state: stateLabel(c.state as StateOrNone) }, { cardNo: no });
  }
  return placed;
}

/** The in-stock cards of one box at the site (a bare label must name one batch's box only). */
function cardsOfBox(tx: LedgerDb, actor: Actor, raw: string): PlacedCard[] {
  const key = raw.trim();
  const parsed = parseBoxLabel(key);
  if (!parsed) throw new SbkError('BOX_NOT_HERE.transfer', { box: key });
  let batch = parsed.batch;
  if (!batch) {
    const found = batchesWithBoxAtSite(tx, actor.siteId, parsed.label);
    if (found.length > 1) throw new SbkError('BOX_AMBIGUOUS', { label: parsed.label, batches: found }, { label: parsed.label });
    batch = found[0] ?? null;
  }
  const ids = batch ? cardIdsOfBox(tx, actor.siteId, batch, parsed.label) : [];
  if (ids.length === 0) throw new SbkError('BOX_NOT_HERE.transfer', { box: key });
  const cards = placedCards(tx, actor.siteId, { cardIds: ids });
  if (cards.length === 0) throw new SbkError('SELECTION_EMPTY.transferBox', { box: key });
  return cards;
}

type Chosen = { mode: TransferMode; cards: PlacedCard[]; to: PlaceRow | null };

/** What the input names: the cards and where they go. */
function chooseCards(tx: LedgerDb, actor: Actor, input: TransferInput): Chosen {
  const storage = placesAt(tx, actor.siteId).filter((p) => p.kind !== 'hopper');
  const to = input.toPlace?.trim() ? storagePlace(storage, input.toPlace) : null;
  if (input.backToVault) {
    const vault = to ?? storage.find((p) => p.kind === VAULT_KIND);
    if (!vault) throw new SbkError('VAULT_NOT_FOUND');
    const counters = storage.filter((p) => p.kind === COUNTER_KIND && p.id !== vault.id).map((p) => p.id);
    const cards = placedCards(tx, actor.siteId, { placeIds: counters });
    if (cards.length === 0) throw new SbkError('SELECTION_EMPTY.backToVault');
    return { mode: 'backToVault', cards, to: vault };
  }
  if (input.handOver) {
    // 交接班: what the ledger says this operator answers for, wherever at the site it lies.
    const cards = placedCards(tx, actor.siteId).filter((c) => c.custodian === actor.name);
    if (cards.length === 0) throw new SbkError('SELECTION_EMPTY.handOver', { name: actor.name });
    return { mode: 'handOver', cards, to };
  }
  const chosen = new Map<number, PlacedCard>();
  for (const c of cardsByNo(tx, actor, input.cards ?? [])) chosen.set(c.id, c);
  for (const b of input.boxes ?? []) for (const c of cardsOfBox(tx, actor, b)) chosen.set(c.id, c);
  for (const name of input.fromPlaces ?? []) {
    const place = storagePlace(storage, name);
    const cards = placedCards(tx, actor.siteId, { placeIds: [place.id] });
    if (cards.length === 0) throw new SbkError('SELECTION_EMPTY.transferPlace', { place: place.name });
    for (const c of cards) chosen.set(c.id, c);
  }
  if (chosen.size === 0) throw new SbkError('SELECTION_EMPTY.transfer');
  return { mode: 'places', cards: [...chosen.values()], to };
}

/**
 * How many cards `input` names, without writing: the console checks each scan with it, so a card
 * or box that cannot move is refused when scanned (with the same error the transfer would give).
 */
export function transferSelection(db: LedgerDb, actor: Actor, input: TransferInput): number {
  return chooseCards(db, actor, input).cards.length;
}

/**
 * Who answers for the card after the move. Custody changes hands only between the two people who
 * gave their PINs: with a receiver, every card must be the giver's own (GD Art. 12 确保责任到人);
 * without one, a card changes place and keeps its custodian.
 */
function custodianAfter(actor: Actor, receiver: Actor | null, c: PlacedCard): string {
  if (!receiver) return c.custodian ?? actor.name;
  if (c.custodian !== null && c.custodian !== actor.name) {
    throw new SbkError('CARD_HELD_BY_OTHER', { card: c.cardNo, custodian: c.custodian }, { cardNo: c.cardNo });
  }
  return receiver.name;
}

/** A card whose place and custodian would both stay the same is refused: the sheet would record nothing. */
function refuseNoChange(chosen: Chosen, custodianOf: (c: PlacedCard) => string): void {
  for (const c of chosen.cards) {
    const custodian = custodianOf(c);
    if ((chosen.to?.id ?? c.placeId) === c.placeId && c.custodian === custodian) {
      throw new SbkError('TRANSFER_NOTHING_CHANGES', { card: c.cardNo, place: c.placeName ?? '', custodian }, { cardNo: c.cardNo });
    }
  }
}

function sheetOf(actor: Actor, ref: string, at: string, chosen: Chosen, receiver: string, custodianOf: (c: PlacedCard) => string): TransferSheet {
  return {
    ref,
    site: { code: actor.siteCode, name: actor.siteName },
    at: formatLocalTime(at),
    mode: chosen.mode,
    giver: actor.name,
    receiver,
    cards: chosen.cards.map((c) => ({ cardNo: c.cardNo, kind: c.kind, fromPlace: c.placeName, toPlace: chosen.to?.name ?? c.placeName, fromCustodian: c.custodian, toCustodian: custodianOf(c) })),
  };
}

/**
 * Moves the chosen cards (and their custody) in one operation. `receiver`, when given, has
 * authenticated with their own PIN and becomes the custodian; otherwise the operator stays it.
 */
export function transferCards(ledger: Ledger, actor: Actor, input: TransferInput, receiver: Actor | null = null, now: Date = ledger.now()): TransferResult {
  if (receiver) checkReceiver(actor, receiver);
  // 交接班 is a change of custodian: without a receiver there is no one to hand over to.
  if (input.handOver && !receiver) throw new SbkError('RECEIVER_REQUIRED');
  const custodian = receiver ?? actor;
  const custodianOf = (c: PlacedCard) => custodianAfter(actor, receiver, c);
  const result = writeTx(ledger, (tx): TransferResult => {
    if (isRetryOf(tx, input.operationId, ['transfer'], actor.id)) {
      const moved = movementsOfOperation(tx, input.operationId);
      const mode: TransferMode = input.backToVault ? 'backToVault' : input.handOver ? 'handOver' : 'places';
      return { ref: moved[0]?.refId ?? '', mode, cards: moved.length, giver: actor.name, receiver: custodian.name, toPlace: input.toPlace ?? null, sheet: null, replayed: true };
    }
    const chosen = chooseCards(tx, actor, input);
    refuseNoChange(chosen, custodianOf);
    const ref = transferRef(tx, actor, now);
    appendMovements(
      tx,
      { id: input.operationId, kind: 'transfer', operatorId: actor.id, secondOperatorId: receiver?.id ?? null },
      chosen.cards.map((c) => ({
        cardId: c.id,
        type: 'transfer' as const,
        ...(chosen.to ? { toPlaceId: chosen.to.id } : {}),
        // GD Art. 12: the custodian after the hand-over, by name, on every card.
        counterpartRole: 'custodian' as const,
        counterpartName: custodianOf(c),
        method: transferText.method[chosen.mode],
        reason: transferText.reason({ from: c.custodian ?? actor.name, to: custodianOf(c) }),
        refKind: 'transfer',
        refId: ref,
      })),
    );
    return {
      ref,
      mode: chosen.mode,
      cards: chosen.cards.length,
      giver: actor.name,
      receiver: custodian.name,
      toPlace: chosen.to?.name ?? null,
      sheet: sheetOf(actor, ref, now.toISOString(), chosen, custodian.name, custodianOf),
      replayed: false,
    };
  });
  // Read once the move and its seal are committed: the sheet's head vouches for this move too.
  return result.sheet ? { ...result, sheet: { ...result.sheet, ledgerHead: ledgerHeadOf(ledger.sqlite) } } : result;
}

/**
 * HB Art. 14 (当日尚未发放的社会保障卡必须入库管理): how many cards still lie on a counter of these
 * sites once the counter has closed (`closing`, `HH:MM` China time); 0 before then.
 */
export function counterCardsAfterClosing(db: LedgerDb, siteIds: readonly number[], closing: string, now: Date): number {
  if (formatLocalTime(now.toISOString()).slice(11, 16) < closing) return 0;
  return countPlacedInKind(db, siteIds, COUNTER_KIND);
}
