/**
 * The code a site added by an administrator gets (`sbk site add`), by the rule the fixture
 * directories already follow (site-hierarchy.ts) and the README states:
 * - a county (or a city centre / province) uses its 6-digit region code;
 * - a service office is `<region>-NN`, a bank branch `<region>-BNN`;
 * - a township/street or community/village service point (GD 002 二(七)(八): 乡镇/街道、社区/行政村
 *   社保卡服务网点) is `<region>-SNN`;
 * NN the next free 2-digit serial of that kind in that region. Pure: the caller passes the codes
 * already taken.
 */
import { SbkError } from './errors.ts';
import type { SiteKind } from './site-hierarchy.ts';

export const ADDABLE_SITE_KINDS = ['county', 'service_office', 'service_point', 'bank_branch'] as const;
export type AddableSiteKind = (typeof ADDABLE_SITE_KINDS)[number];

const SERIAL_PREFIX: Record<Exclude<AddableSiteKind, 'county'>, string> = { service_office: '', service_point: 'S', bank_branch: 'B' };

/** Which kinds a new site of each kind may hang under (a bank branch or service point holds no sites). */
const PARENT_KINDS: Record<AddableSiteKind, readonly SiteKind[]> = {
  county: ['city_centre'],
  service_office: ['province', 'city_centre', 'county'],
  service_point: ['city_centre', 'county', 'service_office'],
  bank_branch: ['province', 'city_centre', 'county', 'service_office'],
};

export function isRegionCode(s: string): boolean {
  return /^\d{6}$/.test(s) && s !== '000000';
}

/** A region is within a parent's region: same province (xx0000), same city (xxyy00) or the same county. */
export function regionWithin(region: string, parentRegion: string): boolean {
  if (parentRegion.endsWith('0000')) return region.slice(0, 2) === parentRegion.slice(0, 2);
  if (parentRegion.endsWith('00')) return region.slice(0, 4) === parentRegion.slice(0, 4);
  return region === parentRegion;
}

export function checkSiteParent(kind: AddableSiteKind, parent: { code: string; kind: SiteKind; regionCode: string }, region: string): void {
  if (!isRegionCode(region)) throw new SbkError('SITE_REGION_INVALID', { region });
  if (!PARENT_KINDS[kind].includes(parent.kind)) throw new SbkError('SITE_PARENT_KIND', { parent: parent.code, kind });
  if (kind === 'county' && (region.endsWith('00') || region.slice(0, 4) !== parent.regionCode.slice(0, 4))) {
    throw new SbkError('SITE_REGION_OUTSIDE', { region, parent: parent.code });
  }
  if (!regionWithin(region, parent.regionCode)) throw new SbkError('SITE_REGION_OUTSIDE', { region, parent: parent.code });
}

/** The code for a new site: the region code for a county, else the next free serial in the region. */
export function nextSiteCode(kind: AddableSiteKind, region: string, taken: ReadonlySet<string>): string {
  if (kind === 'county') {
    if (taken.has(region)) throw new SbkError('SITE_CODE_TAKEN', { code: region });
    return region;
  }
  const prefix = `${region}-${SERIAL_PREFIX[kind]}`;
  for (let n = 1; n <= 99; n++) {
    const code = `${prefix}${String(n).padStart(2, '0')}`;
    if (!taken.has(code)) return code;
  }
  throw new SbkError('SITE_SERIALS_FULL', { region, kind });
}

/** A code an administrator typed must follow the same rule (`--code`, e.g. to match a directory). */
export function checkSiteCode(kind: AddableSiteKind, region: string, code: string): void {
  const ok = kind === 'county' ? code === region : new RegExp(`^${region}-${SERIAL_PREFIX[kind]}\\d{2}$`).test(code) && !code.endsWith('-00') && !code.endsWith(`-${SERIAL_PREFIX[kind]}00`);
  if (!ok) throw new SbkError('SITE_CODE_FORMAT', { code, kind, region });
}

/**
 * The sites a ledger for a region outside the bundled directories starts with (`sbk init
 * 440100`): the region itself and the levels above it by its code (a county's city, a city's
 * province), so shipments up the chain have their counterparts. Names: the given one for the
 * root, the code-derived placeholder for the others until an administrator edits them.
 */
export function unlistedRegionChain(code: string): { code: string; kind: 'province' | 'city_centre' | 'county'; parentCode: string | null }[] {
  if (!isRegionCode(code)) throw new SbkError('SITE_REGION_INVALID', { region: code });
  const province = `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  const chain: { code: string; kind: 'province' | 'city_centre' | 'county'; parentCode: string | null }[] = [{ code: province, kind: 'province', parentCode: null }];
  if (code !== province) chain.push({ code: city, kind: 'city_centre', parentCode: province });
  if (code !== city && code !== province) chain.push({ code, kind: 'county', parentCode: city });
  return chain;
}
