import { and, asc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { cards, places, sites } from './schema.ts';
import { dbNow } from './ledger-clock.ts';
import { NO_LONGER_HELD_STATES } from '../src/domain/card-states.ts';
import { SbkError } from '../src/domain/errors.ts';

export type SiteKind = 'province' | 'city_centre' | 'county' | 'service_office' | 'service_point' | 'bank_branch';
export type SiteRow = typeof sites.$inferSelect;
export type PlaceRow = typeof places.$inferSelect;

export type NewSite = {
  code: string;
  name: string;
  kind: SiteKind;
  regionCode: string;
  parentCode: string | null;
  address?: string | null;
  phone?: string | null;
  bank?: string | null;
  inScope: boolean;
};

/** Sites must come parents first (the list from site-hierarchy is ordered that way). */
export function insertSites(tx: LedgerDb, list: readonly NewSite[]): void {
  const idByCode = new Map<string, number>();
  for (const s of list) {
    const parentId = s.parentCode ? idByCode.get(s.parentCode) ?? siteByCode(tx, s.parentCode)?.id : null;
    if (s.parentCode && parentId == null) {
      throw new SbkError('SITE_PARENT_MISSING', { site: s.code, parent: s.parentCode });
    }
    const row = tx
      .insert(sites)
      .values({
        code: s.code,
        name: s.name,
        kind: s.kind,
        regionCode: s.regionCode,
        parentId: parentId ?? null,
        address: s.address ?? null,
        phone: s.phone ?? null,
        bank: s.bank ?? null,
        inScope: s.inScope,
      })
      .returning({ id: sites.id })
      .get();
    idByCode.set(s.code, row.id);
  }
}

export function siteByCode(db: LedgerDb, code: string): SiteRow | undefined {
  return db.select().from(sites).where(eq(sites.code, code)).get();
}

export function requireSite(db: LedgerDb, code: string): SiteRow {
  const s = siteByCode(db, code);
  if (!s) throw new SbkError('SITE_NOT_FOUND.ledger', { code });
  return s;
}

export function siteById(db: LedgerDb, id: number): SiteRow | undefined {
  return db.select().from(sites).where(eq(sites.id, id)).get();
}

export function listSites(db: LedgerDb): SiteRow[] {
  return db.select().from(sites).orderBy(asc(sites.id)).all();
}

export function addPlace(
  tx: LedgerDb,
  siteId: number,
  name: string,
  kind: PlaceRow['kind'],
  custodianId: number | null = null,
  hopper: { printerId: string; hopperNo: number } | null = null,
): number {
  return tx
    .insert(places)
    .values({ siteId, name, kind, custodianId, printerId: hopper?.printerId ?? null, hopperNo: hopper?.hopperNo ?? null })
    .returning({ id: places.id })
    .get().id;
}

/** The places in use at a site (retired ones only with `withRetired`: they keep their history). */
export function placesAt(db: LedgerDb, siteId: number, opts: { withRetired?: boolean } = {}): PlaceRow[] {
  const where = opts.withRetired ? eq(places.siteId, siteId) : and(eq(places.siteId, siteId), isNull(places.retiredAt));
  return db.select().from(places).where(where).orderBy(asc(places.id)).all();
}

export function retirePlace(tx: LedgerDb, placeId: number): void {
  tx.update(places).set({ retiredAt: dbNow(tx) }).where(eq(places.id, placeId)).run();
}

export function updateSite(tx: LedgerDb, siteId: number, patch: { name?: string; address?: string | null; phone?: string | null; bank?: string | null }): void {
  tx.update(sites).set(patch).where(eq(sites.id, siteId)).run();
}

export function retireSite(tx: LedgerDb, siteId: number): void {
  tx.update(sites).set({ retiredAt: dbNow(tx) }).where(eq(sites.id, siteId)).run();
}

/** Cards the site (or one place of it) still answers for: any state but the ones that left its keeping. */
export function heldCount(db: LedgerDb, where: { siteId: number } | { placeId: number }): number {
  const at = 'siteId' in where ? eq(cards.siteId, where.siteId) : eq(cards.placeId, where.placeId);
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(cards)
    .where(and(at, notInArray(cards.state, [...NO_LONGER_HELD_STATES])))
    .get();
  return row?.n ?? 0;
}

export function placeById(db: LedgerDb, id: number): PlaceRow | undefined {
  return db.select().from(places).where(eq(places.id, id)).get();
}

/** Ids of a site and all sites below it. */
export function subtreeIds(db: LedgerDb, rootId: number): number[] {
  const all = db.select({ id: sites.id, parentId: sites.parentId }).from(sites).all();
  const children = new Map<number, number[]>();
  for (const s of all) {
    if (s.parentId == null) continue;
    const list = children.get(s.parentId) ?? [];
    list.push(s.id);
    children.set(s.parentId, list);
  }
  const out: number[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
