/** `sbk province stock` (issue 21 item 4): cards per city, kind and state, from the replica. */
import type { Client } from '../../db/pg/connect.ts';
import { stockCounts } from '../../db/pg/province-queries.ts';
import type { ProvinceCity } from './province-source.ts';

export type ProvinceStockRow = { ledgerId: string; city: string; kind: string; state: string; n: number };

export async function provinceStock(c: Client, cities: readonly ProvinceCity[]): Promise<ProvinceStockRow[]> {
  const order = new Map(cities.map((x, i) => [x.ledgerId, i]));
  const name = new Map(cities.map((x) => [x.ledgerId, x.city]));
  return (await stockCounts(c, cities.map((x) => x.ledgerId)))
    .map((r) => ({ ledgerId: r.ledgerId, city: name.get(r.ledgerId) ?? r.ledgerId, kind: r.kind, state: r.state, n: r.n }))
    .sort((a, b) => order.get(a.ledgerId)! - order.get(b.ledgerId)! || a.kind.localeCompare(b.kind) || a.state.localeCompare(b.state));
}
