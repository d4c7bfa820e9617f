/**
 * Sites and storage places kept by the ledger's administrators (`sbk site add|edit|retire`,
 * `sbk place add|list|retire`): service offices, township/community service points (GD 002
 * 二(七)(八)) and bank branches below the sites an admin is over; vaults, counter drawers,
 * printer hoppers and return shelves inside them. A site or place is retired, never deleted,
 * and only once it holds nothing (GD Art. 12: every card has a 保管地点 and a 责任人).
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { logAudit } from '../../db/audit-log.ts';
import {
  addPlace,
  heldCount,
  insertSites,
  listSites,
  placesAt,
  requireSite,
  retirePlace,
  retireSite,
  subtreeIds,
  updateSite,
  type PlaceRow,
  type SiteRow,
} from '../../db/sites-repo.ts';
import { checkSiteCode, checkSiteParent, nextSiteCode, type AddableSiteKind } from '../domain/site-codes.ts';
import { SbkError } from '../domain/errors.ts';
import { requireRole } from './authenticate.ts';
import type { Actor } from '../domain/actor.ts';

/** An admin acts on a site at or below their own, never on the upstream counterparts (in_scope false). */
function requireAdminOver(ledger: Ledger, actor: Actor, site: SiteRow): void {
  requireRole(actor, 'admin');
  if (!site.inScope || !subtreeIds(ledger.db, actor.siteId).includes(site.id)) {
    throw new SbkError('SITE_OUT_OF_SCOPE.custody', { site: site.code });
  }
}

function requireActive(site: SiteRow): void {
  if (site.retiredAt) throw new SbkError('SITE_RETIRED', { code: site.code });
}

export type NewSiteInput = {
  parent: string;
  kind: AddableSiteKind;
  name: string;
  /** Defaults to the parent's region code. */
  region?: string;
  /** Defaults to the next free code by the rule (site-codes.ts). */
  code?: string;
  address?: string;
  phone?: string;
  bank?: string;
};

export function addSite(ledger: Ledger, actor: Actor, input: NewSiteInput): SiteRow {
  const parent = requireSite(ledger.db, input.parent.trim());
  requireAdminOver(ledger, actor, parent);
  requireActive(parent);
  const name = input.name.trim();
  if (!name) throw new SbkError('NAME_REQUIRED.site');
  const region = input.region?.trim() || parent.regionCode;
  checkSiteParent(input.kind, parent, region);
  if (input.kind === 'bank_branch' && !input.bank?.trim()) throw new SbkError('SITE_BANK_REQUIRED');
  const taken = new Set(listSites(ledger.db).map((s) => s.code));
  const code = input.code?.trim() || nextSiteCode(input.kind, region, taken);
  checkSiteCode(input.kind, region, code);
  if (taken.has(code)) throw new SbkError('SITE_CODE_TAKEN', { code });
  return writeTx(ledger, (tx) => {
    insertSites(tx, [
      { code, name, kind: input.kind, regionCode: region, parentCode: parent.code, address: input.address?.trim() || null, phone: input.phone?.trim() || null, bank: input.bank?.trim() || null, inScope: true },
    ]);
    const site = requireSite(tx, code);
    logAudit(tx, { type: 'site_added', operatorId: actor.id, siteId: site.id, detail: `${input.kind} ${code} ${name}` });
    return site;
  });
}

export type SitePatch = { name?: string; address?: string; phone?: string; bank?: string };

export function editSite(ledger: Ledger, actor: Actor, code: string, patch: SitePatch): SiteRow {
  const site = requireSite(ledger.db, code.trim());
  requireAdminOver(ledger, actor, site);
  requireActive(site);
  const clean: { name?: string; address?: string | null; phone?: string | null; bank?: string | null } = {};
  if (patch.name !== undefined) {
    if (!patch.name.trim()) throw new SbkError('NAME_REQUIRED.site');
    clean.name = patch.name.trim();
  }
  for (const k of ['address', 'phone', 'bank'] as const) if (patch[k] !== undefined) clean[k] = patch[k]!.trim() || null;
  if (Object.keys(clean).length === 0) throw new SbkError('SITE_EDIT_NOTHING');
  return writeTx(ledger, (tx) => {
    updateSite(tx, site.id, clean);
    logAudit(tx, { type: 'site_edited', operatorId: actor.id, siteId: site.id, detail: Object.keys(clean).join(',') });
    return requireSite(tx, site.code);
  });
}

/** Only a site that holds nothing and has nothing under it: its cards would lose their keeper. */
export function retireSiteByCode(ledger: Ledger, actor: Actor, code: string): SiteRow {
  const site = requireSite(ledger.db, code.trim());
  requireAdminOver(ledger, actor, site);
  requireActive(site);
  if (site.id === actor.siteId) throw new SbkError('SITE_RETIRE_OWN', { code: site.code });
  return writeTx(ledger, (tx) => {
    const held = heldCount(tx, { siteId: site.id });
    if (held > 0) throw new SbkError('SITE_NOT_EMPTY', { code: site.code, count: held });
    const children = listSites(tx).filter((s) => s.parentId === site.id && !s.retiredAt);
    if (children.length > 0) throw new SbkError('SITE_HAS_CHILDREN', { code: site.code, children: children.map((s) => s.code) });
    for (const p of placesAt(tx, site.id)) retirePlace(tx, p.id);
    retireSite(tx, site.id);
    logAudit(tx, { type: 'site_retired', operatorId: actor.id, siteId: site.id, detail: site.code });
    return requireSite(tx, site.code);
  });
}

/**
 * The kinds a place can be, as the CLI names them, and how the ledger stores them. `bank` is
 * the service bank's keeping, where the physical recalled cards lie (GD Art. 32 二: 成品卡实体卡片
 * 由各卡经办网点直接交回服务银行，由服务银行统一妥善保管) while the city holds their data.
 */
export const PLACE_KINDS = { vault: 'safe', drawer: 'cabinet', hopper: 'hopper', shelf: 'shelf', bank: 'bank' } as const;
export type PlaceKindName = keyof typeof PLACE_KINDS;

export type NewPlaceInput = { site: string; name: string; kind: PlaceKindName; printerId?: string; hopperNo?: number };

/** A hopper names its printer (devices.json id) and the printer's hopper number, so the devices find it. */
function hopperOf(input: NewPlaceInput, existing: readonly PlaceRow[]): { printerId: string; hopperNo: number } | null {
  if (input.kind !== 'hopper') {
    if (input.printerId || input.hopperNo) throw new SbkError('PLACE_PRINTER_NOT_HOPPER');
    return null;
  }
  const printerId = input.printerId?.trim();
  if (!printerId) throw new SbkError('PLACE_PRINTER_REQUIRED');
  const used = existing.filter((p) => p.printerId === printerId).map((p) => p.hopperNo);
  const hopperNo = input.hopperNo ?? [1, 2, 3, 4, 5, 6, 7, 8, 9].find((n) => !used.includes(n));
  if (hopperNo === undefined || !Number.isInteger(hopperNo) || hopperNo < 1 || hopperNo > 9) throw new SbkError('PLACE_HOPPER_NO', { printer: printerId });
  if (used.includes(hopperNo)) throw new SbkError('PLACE_HOPPER_TAKEN', { printer: printerId, hopper: hopperNo });
  return { printerId, hopperNo };
}

export function addPlaceAt(ledger: Ledger, actor: Actor, input: NewPlaceInput): PlaceRow {
  const site = requireSite(ledger.db, input.site.trim());
  requireAdminOver(ledger, actor, site);
  requireActive(site);
  const name = input.name.trim();
  if (!name) throw new SbkError('NAME_REQUIRED.place');
  if (!(input.kind in PLACE_KINDS)) throw new SbkError('PLACE_KIND_UNKNOWN', { kind: input.kind });
  const all = placesAt(ledger.db, site.id, { withRetired: true });
  if (all.some((p) => p.name === name)) throw new SbkError('PLACE_NAME_TAKEN', { site: site.code, name });
  const hopper = hopperOf(input, placesAt(ledger.db, site.id));
  return writeTx(ledger, (tx) => {
    const id = addPlace(tx, site.id, name, PLACE_KINDS[input.kind], null, hopper);
    logAudit(tx, { type: 'place_added', operatorId: actor.id, siteId: site.id, detail: `${input.kind} ${name}${hopper ? ` ${hopper.printerId}#${hopper.hopperNo}` : ''}` });
    return placesAt(tx, site.id).find((p) => p.id === id)!;
  });
}

export type PlaceListRow = { site: string; name: string; kind: PlaceKindName; printerId: string | null; hopperNo: number | null; held: number; retired: boolean };

const KIND_NAME: Record<PlaceRow['kind'], PlaceKindName> = { safe: 'vault', cabinet: 'drawer', hopper: 'hopper', shelf: 'shelf', bank: 'bank' };

/** Any operator may see their own site's places; other sites below theirs for a supervisor and up. */
export function placeList(ledger: Ledger, actor: Actor, siteCode?: string, opts: { withRetired?: boolean } = {}): PlaceListRow[] {
  const site = requireSite(ledger.db, siteCode?.trim() || actor.siteCode);
  if (site.id !== actor.siteId) {
    requireRole(actor, 'supervisor');
    if (!subtreeIds(ledger.db, actor.siteId).includes(site.id)) throw new SbkError('SITE_OUT_OF_SCOPE.custody', { site: site.code });
  }
  return placesAt(ledger.db, site.id, opts).map((p) => ({
    site: site.code,
    name: p.name,
    kind: KIND_NAME[p.kind],
    printerId: p.printerId,
    hopperNo: p.hopperNo,
    held: heldCount(ledger.db, { placeId: p.id }),
    retired: p.retiredAt !== null,
  }));
}

export function retirePlaceAt(ledger: Ledger, actor: Actor, siteCode: string, name: string): void {
  const site = requireSite(ledger.db, siteCode.trim());
  requireAdminOver(ledger, actor, site);
  const place = placesAt(ledger.db, site.id).find((p) => p.name === name.trim());
  if (!place) throw new SbkError('PLACE_NOT_FOUND.custody', { name });
  writeTx(ledger, (tx) => {
    const held = heldCount(tx, { placeId: place.id });
    if (held > 0) throw new SbkError('PLACE_NOT_EMPTY', { name: place.name, count: held });
    retirePlace(tx, place.id);
    logAudit(tx, { type: 'place_retired', operatorId: actor.id, siteId: site.id, detail: place.name });
  });
}
