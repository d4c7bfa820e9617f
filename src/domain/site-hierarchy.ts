/**
 * The tree of sites that hand cards to each other (逐级签收, GD Art. 12): province centre →
 * city card centre → county → service office, plus the partner-bank branches that issue
 * instantly. Built from the fixture CSVs (`fixtures/*.csv`, generated from the seeds by
 * `fixtures/build-fixtures.ts`).
 *
 * Site codes:
 * - province, city centre and county sites use their 6-digit region code (`420000`, `420100`,
 *   `420102`);
 * - a service office is `<region>-NN`, NN its 2-digit serial within that region in seed order
 *   (`420102-01`);
 * - a bank branch is `<region>-BNN` (`430682-B01`).
 *
 * Parents come from the region codes and the level each region has in `regions.csv`:
 * county → its city (first 4 digits + "00"), city → its province (first 2 digits + "0000").
 * An office whose region is a city (市本级) hangs directly under the city centre, and one whose
 * region is the province (省本级) under the province. The province-administered county-level
 * units 仙桃 429004, 潜江 429005, 天门 429006 and 神农架林区 429021 are listed in
 * `regions.csv` as level `city`: each runs its own card centre directly under the province
 * (GB/T 2260 groups them under 429000 "省直辖县级行政区划", a statistical heading, not a body
 * that receives or sends cards), so they get a city-centre site and their offices hang under it.
 */
import { SbkError } from './errors.ts';
import { parseCsvWithHeader } from './csv.ts';
import { siteNames } from '../i18n/domain/site-names.ts';

export type RegionLevel = 'province' | 'city' | 'county';
export type Region = { code: string; name: string; level: RegionLevel };

export type ServiceOfficeRow = {
  seq: number;
  city: string;
  district: string;
  regionCode: string;
  name: string;
  address: string;
  phone: string;
};

export type BankBranchRow = {
  seq: number;
  bank: string;
  branch: string;
  phone: string;
  address: string;
  regionCode: string;
};

export type SiteKind = 'province' | 'city_centre' | 'county' | 'service_office' | 'service_point' | 'bank_branch';

export type SiteSeed = {
  code: string;
  name: string;
  kind: SiteKind;
  regionCode: string;
  parentCode: string | null;
  address?: string;
  phone?: string;
  bank?: string;
};

export const REGION_CSV_HEADER = ['code', 'name', 'level'] as const;
export const SERVICE_OFFICE_CSV_HEADER = ['seq', 'city', 'district', 'region_code', 'name', 'address', 'phone'] as const;
export const BANK_BRANCH_CSV_HEADER = ['seq', 'bank', 'branch', 'phone', 'address', 'region_code'] as const;

const REGION_CODE = /^\d{6}$/;
const KIND_BY_LEVEL: Record<RegionLevel, SiteKind> = { province: 'province', city: 'city_centre', county: 'county' };

function parseSeq(value: string, file: string): number {
  if (!/^\d+$/.test(value)) throw new SbkError('SITE_DATA_INVALID.seq', { file, value });
  return Number(value);
}

function requireRegionCode(value: string, file: string, seq: number | string): string {
  if (!REGION_CODE.test(value)) {
    throw new SbkError('SITE_DATA_INVALID.regionCode', { file, seq, value });
  }
  return value;
}

export function parseRegionsCsv(text: string, file = 'regions.csv'): Region[] {
  return parseCsvWithHeader(text, REGION_CSV_HEADER, file).map((r) => {
    const code = requireRegionCode(r.code, file, r.code);
    if (r.level !== 'province' && r.level !== 'city' && r.level !== 'county') {
      throw new SbkError('SITE_DATA_INVALID.level', { file, code, level: r.level });
    }
    if (r.name.trim() === '') throw new SbkError('SITE_DATA_INVALID.noName', { file, code });
    return { code, name: r.name, level: r.level };
  });
}

export function parseServiceOfficesCsv(text: string, file = 'hubei-service-offices.csv'): ServiceOfficeRow[] {
  return parseCsvWithHeader(text, SERVICE_OFFICE_CSV_HEADER, file).map((r) => {
    const seq = parseSeq(r.seq, file);
    return {
      seq,
      city: r.city,
      district: r.district,
      regionCode: requireRegionCode(r.region_code, file, seq),
      name: r.name,
      address: r.address,
      phone: r.phone,
    };
  });
}

export function parseBankBranchesCsv(text: string, file = 'linxiang-bank-branches.csv'): BankBranchRow[] {
  return parseCsvWithHeader(text, BANK_BRANCH_CSV_HEADER, file).map((r) => {
    const seq = parseSeq(r.seq, file);
    return {
      seq,
      bank: r.bank,
      branch: r.branch,
      phone: r.phone,
      address: r.address,
      regionCode: requireRegionCode(r.region_code, file, seq),
    };
  });
}

/** The region a region reports to, derived from its code and level. */
export function parentRegionCode(region: Region): string | null {
  switch (region.level) {
    case 'province':
      return null;
    case 'city':
      return `${region.code.slice(0, 2)}0000`;
    case 'county':
      return `${region.code.slice(0, 4)}00`;
  }
}

function regionSiteName(region: Region): string {
  return region.level === 'city' ? siteNames.cityCentre(region.name) : region.name;
}

/**
 * All sites, parents before children (depth-first, children by code), which is the order
 * `db/sites-repo.ts insertSites` needs. Every region in `regions` becomes a site; a region
 * whose parent region is missing, a parent of the wrong level, an office in an unknown region,
 * more than 99 offices or branches in one region, or a duplicate code is an error: the
 * fixture must describe a complete tree.
 */
export function deriveSites(
  offices: readonly ServiceOfficeRow[],
  branches: readonly BankBranchRow[],
  regions: readonly Region[],
): SiteSeed[] {
  const regionByCode = new Map<string, Region>();
  for (const r of regions) {
    if (!REGION_CODE.test(r.code)) throw new SbkError('SITE_DATA_INVALID.regionCodeFormat', { code: r.code });
    if (regionByCode.has(r.code)) throw new SbkError('SITE_DATA_INVALID.regionDuplicate', { code: r.code });
    regionByCode.set(r.code, r);
  }
  const sites = [...regionSites(regions, regionByCode), ...officeSites(offices, regionByCode), ...branchSites(branches, regionByCode)];
  const seen = new Set<string>();
  for (const s of sites) {
    if (seen.has(s.code)) throw new SbkError('SITE_DATA_INVALID.siteDuplicate', { code: s.code });
    seen.add(s.code);
  }
  return parentsFirst(sites);
}

/** One site per region, under its parent region, which must be listed and of the level above. */
function regionSites(regions: readonly Region[], regionByCode: ReadonlyMap<string, Region>): SiteSeed[] {
  return regions.map((r) => {
    const parentCode = parentRegionCode(r);
    if (parentCode !== null) {
      const parent = regionByCode.get(parentCode);
      const wanted: RegionLevel = r.level === 'county' ? 'city' : 'province';
      if (!parent) throw new SbkError('SITE_DATA_INVALID.parentRegionMissing', { code: r.code, name: r.name, parentCode });
      if (parent.level !== wanted) {
        throw new SbkError(
          'SITE_DATA_INVALID.parentRegionLevel',
          { code: r.code, name: r.name, parentCode, wanted, level: parent.level },
          { code: r.code, parentCode },
        );
      }
    }
    return { code: r.code, name: regionSiteName(r), kind: KIND_BY_LEVEL[r.level], regionCode: r.code, parentCode };
  });
}

type SerialKind = 'service_office' | 'bank_branch';

/**
 * The 2-digit serials of offices (or branches) within their region, in seed order; the region
 * must be in the table and hold at most 99 of them.
 */
function serials(rows: readonly { seq: number; regionCode: string }[], regionByCode: ReadonlyMap<string, Region>, siteKind: SerialKind): string[] {
  const counters = new Map<string, number>();
  return rows.map(({ regionCode, seq }) => {
    if (!regionByCode.has(regionCode)) throw new SbkError('SITE_DATA_INVALID.unknownRegion', { regionCode, siteKind, seq }, { regionCode, seq });
    const n = (counters.get(regionCode) ?? 0) + 1;
    if (n > 99) throw new SbkError('SITE_DATA_INVALID.serialOverflow', { regionCode, siteKind }, { regionCode });
    counters.set(regionCode, n);
    return String(n).padStart(2, '0');
  });
}

function officeSites(offices: readonly ServiceOfficeRow[], regionByCode: ReadonlyMap<string, Region>): SiteSeed[] {
  const sorted = [...offices].sort((a, b) => a.seq - b.seq);
  const nn = serials(sorted, regionByCode, 'service_office');
  return sorted.map((o, i) => ({
    code: `${o.regionCode}-${nn[i]}`,
    name: o.name,
    kind: 'service_office',
    regionCode: o.regionCode,
    parentCode: o.regionCode,
    address: o.address,
    phone: o.phone,
  }));
}

function branchSites(branches: readonly BankBranchRow[], regionByCode: ReadonlyMap<string, Region>): SiteSeed[] {
  const sorted = [...branches].sort((x, y) => x.seq - y.seq);
  const nn = serials(sorted, regionByCode, 'bank_branch');
  return sorted.map((b, i) => ({
    code: `${b.regionCode}-B${nn[i]}`,
    name: b.branch,
    kind: 'bank_branch',
    regionCode: b.regionCode,
    parentCode: b.regionCode,
    address: b.address,
    phone: b.phone,
    bank: b.bank,
  }));
}

/** Depth-first from the roots; children of one parent sorted by code. */
function parentsFirst(sites: readonly SiteSeed[]): SiteSeed[] {
  const children = new Map<string | null, SiteSeed[]>();
  for (const s of sites) {
    const list = children.get(s.parentCode) ?? [];
    list.push(s);
    children.set(s.parentCode, list);
  }
  for (const list of children.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const out: SiteSeed[] = [];
  const visit = (s: SiteSeed): void => {
    out.push(s);
    for (const c of children.get(s.code) ?? []) visit(c);
  };
  for (const root of children.get(null) ?? []) visit(root);
  if (out.length !== sites.length) {
    // Only reachable with a parent that is not in the list; deriveSites checks that first.
    throw new SbkError('SITE_DATA_INVALID.orphan', undefined, { expected: sites.length, reached: out.length });
  }
  return out;
}

/**
 * The site `rootCode`, everything under it, and its ancestors up to the top, parents first.
 * The ancestors are there so that a county's ledger still has the city centre and province it
 * receives cards from and returns them to (GD Art. 12, 33) as counterparts.
 */
export function subtreeWithAncestors(sites: readonly SiteSeed[], rootCode: string): SiteSeed[] {
  const byCode = new Map(sites.map((s) => [s.code, s] as const));
  const root = byCode.get(rootCode);
  if (!root) throw new SbkError('SITE_NOT_FOUND.inSeeds', { code: rootCode });

  const ancestors: SiteSeed[] = [];
  const guard = new Set<string>([root.code]);
  for (let p = root.parentCode; p !== null; ) {
    const parent = byCode.get(p);
    if (!parent) throw new SbkError('SITE_DATA_INVALID.parentNotListed', { code: rootCode, parentCode: p });
    if (guard.has(parent.code)) throw new SbkError('SITE_DATA_INVALID.cycle', { code: parent.code });
    guard.add(parent.code);
    ancestors.unshift(parent);
    p = parent.parentCode;
  }

  const children = new Map<string, SiteSeed[]>();
  for (const s of sites) {
    if (s.parentCode === null) continue;
    const list = children.get(s.parentCode) ?? [];
    list.push(s);
    children.set(s.parentCode, list);
  }
  const below: SiteSeed[] = [];
  const visit = (s: SiteSeed): void => {
    below.push(s);
    for (const c of children.get(s.code) ?? []) {
      if (guard.has(c.code)) throw new SbkError('SITE_DATA_INVALID.cycle', { code: c.code });
      guard.add(c.code);
      visit(c);
    }
  };
  visit(root);
  return [...ancestors, ...below];
}
