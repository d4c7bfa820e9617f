/**
 * Which printer hopper can serve an applicant: the hoppers of the counter's printers, with the
 * bank and number of blanks the ledger has in each (GD Annex 9 二(二): 系统根据申请人的服务银行
 * 自动选择卡盒进卡). A hopper the configuration names but the ledger lacks is reported, not hidden.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { hopperQueue } from '../../db/instant-jobs-repo.ts';
import type { InstantPrinter } from '../../drivers/printer/instant-printer.ts';
import type { Actor } from './authenticate.ts';
import type { SiteDevices } from './site-devices.ts';

export type StationChoice = {
  printerId: string;
  printer: InstantPrinter;
  hopperNo: number;
  hopperName: string;
  /** Null when the hopper is empty in the ledger or not in the ledger at all. */
  bank: string | null;
  maker: string | null;
  remaining: number;
  inLedger: boolean;
};

export function instantStations(ledger: Ledger, actor: Actor, devices: Pick<SiteDevices, 'printers'>): StationChoice[] {
  const places = placesAt(ledger.db, actor.siteId);
  return devices.printers.flatMap((p) =>
    [...p.hoppers].map(([hopperNo, hopperName]) => {
      const place = places.find((x) => x.kind === 'hopper' && x.name === hopperName);
      const queue = place ? hopperQueue(ledger.db, place.id) : [];
      return { printerId: p.id, printer: p.printer, hopperNo, hopperName, bank: queue[0]?.bank ?? null, maker: queue[0]?.maker ?? null, remaining: queue.length, inLedger: Boolean(place) };
    }),
  );
}

/** The first hopper holding the bank's blanks (the one the printer would choose). */
export function stationForBank(stations: readonly StationChoice[], bank: string): StationChoice | undefined {
  return stations.find((s) => s.bank === bank && s.remaining > 0);
}
