/**
 * Loading blanks into a printer hopper at the counter (GD Annex 9 二(二)): the ledger records the
 * cards in the order they were scanned, which is the order the hopper feeds them; every feed is
 * later checked against that order (instant-issuance.ts). With a simulated printer the same scan
 * also puts the simulated cards in, as the operator's hands would.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { hopperQueue } from '../../db/instant-jobs-repo.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
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
