/**
 * Loading blanks into a printer hopper at the counter (GD Annex 9 二(二)): the ledger records the
 * cards in the order they were scanned, which is the order the hopper feeds them; every feed is
 * later checked against that order (instant-issuance.ts). With a simulated printer the same scan
 * also puts the simulated cards in, as the operator's hands would.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { hopperQueue } from '../../db/instant-jobs-repo.ts';
import { cardsByNumbers } from '../../db/shipments-repo.ts';
import { onHandPrefab } from '../../db/stock-count-repo.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { mayMove, stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { SbkError } from '../domain/errors.ts';
import { loadHopper, unloadHopper } from './prefab-stock.ts';
import { chipOfBlank, type SiteDevices } from './site-devices.ts';
import type { Actor } from './authenticate.ts';

function simulatedHopper(devices: Pick<SiteDevices, 'printers'> | null, hopper: string) {
  for (const p of devices?.printers ?? []) {
    for (const [n, name] of p.hoppers) if (name === hopper.trim() && p.simulator) return { sim: p.simulator, n };
  }
  return null;
}

export function loadHopperAtCounter(ledger: Ledger, actor: Actor, devices: Pick<SiteDevices, 'printers'> | null, input: { operationId: string; hopper: string; cardNos: readonly string[] }): { loaded: number } {
  const r = loadHopper(ledger, actor, input);
  const target = simulatedHopper(devices, input.hopper);
  if (target) {
    const nos = [...new Set(input.cardNos.map(normalizeCardInput).filter(Boolean))];
    const place = placesAt(ledger.db, actor.siteId).find((p) => p.kind === 'hopper' && p.name === input.hopper.trim())!;
    const byNo = new Map(hopperQueue(ledger.db, place.id).map((c) => [c.cardNo, c]));
    target.sim.placeInHopper(target.n, nos.map((no) => chipOfBlank(byNo.get(no)!, actor.siteCode)));
  }
  return r;
}

export function unloadHopperAtCounter(ledger: Ledger, actor: Actor, devices: Pick<SiteDevices, 'printers'> | null, input: { operationId: string; hopper: string; toPlace: string }): { unloaded: number } {
  const r = unloadHopper(ledger, actor, input);
  simulatedHopper(devices, input.hopper)?.sim.emptyHopper(simulatedHopper(devices, input.hopper)!.n);
  return r;
}

/** The bank and maker of a blank, or of what a hopper holds (GD Art. 36 二(一): never mixed). */
export type BlankKind = { bank: string; maker: string };
export type LoadableBlank = BlankKind & { cardNo: string };

/**
 * A card number scanned to be loaded, checked one at a time as the console's scan list grows
 * (loadHopper checks them all again when they are recorded): a prefab blank in stock at the
 * operator's site, with its bank and maker. Throws the SbkError loadHopper would.
 */
export function loadableBlank(ledger: Ledger, actor: Actor, cardNo: string): LoadableBlank {
  const no = normalizeCardInput(cardNo);
  const c = no ? cardsByNumbers(ledger.db, [no])[0] : undefined;
  if (!c || c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.scan', { cardNo: no || cardNo });
  if (!mayMove(c.kind, c.state, 'load')) {
    throw new SbkError('CARD_NOT_LOADABLE.scan', { cardNo: no, state: stateLabel(c.state as StateOrNone), finished: c.kind !== 'prefab' });
  }
  const maker = onHandPrefab(ledger.db, actor.siteId, c.bank).find((x) => x.cardNo === no)?.maker ?? '';
  return { cardNo: no, bank: c.bank, maker };
}

/**
 * Refuses a blank of another bank or maker than `holds` (what the hopper already holds, or else
 * the first card scanned; null: anything goes). Pure.
 */
export function checkSameKind(blank: LoadableBlank, holds: BlankKind | null): void {
  if (!holds || (holds.bank === blank.bank && holds.maker === blank.maker)) return;
  throw new SbkError('HOPPER_MIXED.scan', { cardNo: blank.cardNo, bank: blank.bank, maker: blank.maker, holdsBank: holds.bank, holdsMaker: holds.maker });
}

/**
 * Where a hopper's blanks can be put back (unload): the site's places that are not hoppers, with
 * the blanks in stock in each, so the console can offer the one that holds most of them first.
 */
export function storagePlacesAt(ledger: Ledger, actor: Actor): { name: string; blanks: number }[] {
  const stock = onHandPrefab(ledger.db, actor.siteId, null).filter((c) => mayMove('prefab', c.state, 'load'));
  return placesAt(ledger.db, actor.siteId)
    .filter((p) => p.kind !== 'hopper')
    .map((p) => ({ name: p.name, blanks: stock.filter((c) => c.placeName === p.name).length }));
}
