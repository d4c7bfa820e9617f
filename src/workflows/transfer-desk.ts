/**
 * What the console's 库内移交 screen needs around `transferCards` (src/workflows/transfer.ts):
 * the site's storage places and the people who may take custody, the receiver's PIN checked,
 * and the 库内移交单 saved exactly as `sbk transfer` saves it (GD Art. 12: 保管地点、责任人,
 * 确保责任到人; HB Art. 14: 当日尚未发放的社会保障卡必须入库管理).
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { countPlacedInKind, placedCards } from '../../db/transfer-queries.ts';
import type { Actor } from '../domain/actor.ts';
import { authenticateSecondPerson } from './authenticate.ts';
import { operatorsHere, type SiteOperator } from './operators.ts';
import { saveTransferSheet } from './shipment-export.ts';
import { transferCards, type TransferInput, type TransferResult } from './transfer.ts';

/** A storage place of the site (never a printer's hopper) and how many movable cards lie there. */
export type TransferPlace = { readonly name: string; readonly kind: 'safe' | 'cabinet' | 'shelf'; readonly cards: number };

export type TransferChoices = {
  readonly places: readonly TransferPlace[];
  /** The site's other active operators: who may take over at a shift change. */
  readonly receivers: readonly SiteOperator[];
  /** The movable cards the operator answers for at the site now (what 交接班 hands over). */
  readonly held: number;
};

export function transferChoices(ledger: Ledger, actor: Actor): TransferChoices {
  const cards = placedCards(ledger.db, actor.siteId);
  const places = placesAt(ledger.db, actor.siteId)
    .filter((p): p is typeof p & { kind: TransferPlace['kind'] } => p.kind !== 'hopper')
    .map((p) => ({ name: p.name, kind: p.kind, cards: cards.filter((c) => c.placeId === p.id).length }));
  return {
    places,
    receivers: operatorsHere(ledger, actor).filter((o) => o.login !== actor.login),
    held: cards.filter((c) => c.custodian === actor.name).length,
  };
}

export type TransferDone = TransferResult & { readonly sheetPath: string | null };

/**
 * Writes the transfer and saves its sheet (as `sbk transfer` does). With `receiver`, that
 * operator's own PIN is checked first and they become the custodian (GD Art. 12 确保责任到人):
 * a wrong PIN stops here, before anything is moved.
 */
export function transferWithSheet(ledger: Ledger, actor: Actor, input: TransferInput, receiver: { login: string; pin: string } | null = null): TransferDone {
  // A wrong PIN counts against the one asking, never the colleague named (authenticate.ts).
  const taker = receiver ? authenticateSecondPerson(ledger, actor, receiver.login, receiver.pin) : null;
  const r = transferCards(ledger, actor, input, taker);
  return { ...r, sheetPath: r.sheet ? saveTransferSheet(ledger, r.sheet) : null };
}

/**
 * The cards on the operator's own site's counters (HB Art. 14): what the home page's one-step
 * back-to-vault would move. The home alert counts the sites below too; those are theirs to put back.
 */
export function counterCardsHere(ledger: Ledger, actor: Actor): number {
  return countPlacedInKind(ledger.db, [actor.siteId], 'cabinet');
}
