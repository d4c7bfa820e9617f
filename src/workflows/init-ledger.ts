/**
 * `sbk init`: a new ledger for one city (the subtree under the given site, plus its ancestors as
 * the upstream counterparts), with the first admin. Everything in one transaction: a failed
 * init leaves an empty file that a retry can use.
 */
import { count } from 'drizzle-orm';
import { openLedger, type Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { insertSites, addPlace, siteByCode } from '../../db/sites-repo.ts';
import { insertOperator } from '../../db/operators-repo.ts';
import { logAudit } from '../../db/audit-log.ts';
import { setMeta } from '../../db/ledger-meta.ts';
import { sites } from '../../db/schema.ts';
import { createPepper } from '../security/pepper-file.ts';
import { checkPinFormat, hashPin } from '../security/pin-hash.ts';
import { subtreeWithAncestors, type SiteSeed } from '../domain/site-hierarchy.ts';
import { isRegionCode, unlistedRegionChain } from '../domain/site-codes.ts';
import { loadFixtureSites } from './load-fixture-sites.ts';
import { SbkError } from '../domain/errors.ts';
import type { Clock } from '../domain/clock.ts';
import { ledgerSetupText } from '../i18n/workflows/ledger-setup.ts';

export type InitInput = {
  path: string;
  siteCode: string;
  admin: { login: string; name: string; pin: string };
  demo?: boolean;
  ruleProfile?: 'guangdong' | 'hubei';
  /**
   * The root's name when its code is not in the bundled directories (`sbk init --site 440100
   * --site-name 广州市社保卡管理中心`): the ledger then starts from the region and the levels above.
   */
  siteName?: string;
  /** Extra sites (demo bank branches); parents must already be in the list or the fixtures. */
  extraSites?: SiteSeed[];
  /** Demo ledgers show the demo PINs on the login screen. */
  adminDemoPin?: boolean;
  /** The new ledger's clock (default: `SBK_NOW` or the system clock, as for any ledger). */
  now?: Clock;
};

export type InitResult = { ledger: Ledger; rootSiteId: number; adminId: number; siteCount: number };

export function initLedger(input: InitInput): InitResult {
  checkPinFormat(input.admin.pin);
  if (!input.admin.name.trim()) throw new SbkError('NAME_REQUIRED.admin');
  const all = sitesFor(input);
  const chosen = subtreeWithAncestors(all, input.siteCode);
  const inScope = new Set(chosen.filter((s) => isUnder(all, s.code, input.siteCode)).map((s) => s.code));

  const ledger = openLedger(input.path, input.now ? { now: input.now } : {});
  const existing = ledger.db.select({ n: count() }).from(sites).get()?.n ?? 0;
  if (existing > 0) {
    ledger.sqlite.close();
    throw new SbkError('LEDGER_EXISTS.init', { path: ledger.path });
  }
  const pepper = createPepper(ledger.path);
  const pinHash = hashPin(input.admin.pin, pepper);

  const { rootSiteId, adminId } = writeTx(ledger, (tx) => {
    insertSites(
      tx,
      chosen.map((s) => ({ ...s, inScope: inScope.has(s.code) })),
    );
    const root = siteByCode(tx, input.siteCode)!;
    const adminId = insertOperator(tx, {
      login: input.admin.login.trim(),
      name: input.admin.name.trim(),
      role: 'admin',
      siteId: root.id,
      pinHash,
      demoPin: input.adminDemoPin ? input.admin.pin : null,
    });
    // Every in-scope site starts with one safe so cards can be put somewhere on day one.
    for (const s of chosen) {
      if (!inScope.has(s.code)) continue;
      addPlace(tx, siteByCode(tx, s.code)!.id, ledgerSetupText.firstSafe, 'safe');
    }
    setMeta(tx, 'root_site_code', input.siteCode);
    setMeta(tx, 'created_at', ledger.now().toISOString());
    setMeta(tx, 'is_demo', input.demo ? '1' : '0');
    // The province's rules by default (DOMAIN.md: rules differ by province); Hubei sites start with 42.
    setMeta(tx, 'rule_profile', input.ruleProfile ?? (input.siteCode.startsWith('42') ? 'hubei' : 'guangdong'));
    logAudit(tx, { type: 'ledger_created', operatorId: adminId, siteId: root.id, detail: input.siteCode });
    return { rootSiteId: root.id, adminId };
  });
  return { ledger, rootSiteId, adminId, siteCount: chosen.length };
}

/** The bundled directories, or for a region outside them the region's own chain (site-codes.ts). */
function sitesFor(input: InitInput): SiteSeed[] {
  const all = [...loadFixtureSites(), ...(input.extraSites ?? [])];
  if (all.some((s) => s.code === input.siteCode)) return all;
  const name = input.siteName?.trim();
  if (!name || !isRegionCode(input.siteCode)) throw new SbkError('SITE_NOT_FOUND.init', { code: input.siteCode });
  return unlistedRegionChain(input.siteCode).map((s) => ({
    ...s,
    regionCode: s.code,
    name: s.code === input.siteCode ? name : ledgerSetupText.unnamedRegion({ code: s.code }),
  }));
}

function isUnder(all: readonly SiteSeed[], code: string, rootCode: string): boolean {
  const byCode = new Map(all.map((s) => [s.code, s]));
  for (let c: string | null = code; c; c = byCode.get(c)?.parentCode ?? null) {
    if (c === rootCode) return true;
  }
  return false;
}
