import { asc, eq } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { places, sites } from './schema.ts';
import { SbkError } from '../src/domain/errors.ts';

export type SiteKind = 'province' | 'city_centre' | 'county' | 'service_office' | 'bank_branch';
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

export function addPlace(tx: LedgerDb, siteId: number, name: string, kind: PlaceRow['kind'], custodianId: number | null = null): number {
  return tx.insert(places).values({ siteId, name, kind, custodianId }).returning({ id: places.id }).get().id;
}

export function placesAt(db: LedgerDb, siteId: number): PlaceRow[] {
  return db.select().from(places).where(eq(places.siteId, siteId)).orderBy(asc(places.id)).all();
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
