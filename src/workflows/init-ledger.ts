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
import { loadFixtureSites } from './load-fixture-sites.ts';
import { SbkError } from '../domain/errors.ts';

export type InitInput = {
  path: string;
  siteCode: string;
  admin: { login: string; name: string; pin: string };
  demo?: boolean;
  ruleProfile?: 'guangdong' | 'hubei';
  /** Extra sites (demo bank branches); parents must already be in the list or the fixtures. */
  extraSites?: SiteSeed[];
  /** Demo ledgers show the demo PINs on the login screen. */
  adminDemoPin?: boolean;
};

export type InitResult = { ledger: Ledger; rootSiteId: number; adminId: number; siteCount: number };

export function initLedger(input: InitInput): InitResult {
  checkPinFormat(input.admin.pin);
  if (!input.admin.name.trim()) throw new SbkError('NAME_REQUIRED', '请填写管理员的真实姓名（实名制管理）。');
  const all = [...loadFixtureSites(), ...(input.extraSites ?? [])];
  if (!all.some((s) => s.code === input.siteCode)) {
    throw new SbkError('SITE_NOT_FOUND', `目录中没有编码为 ${input.siteCode} 的网点。市级卡管中心用 6 位行政区划代码，例如武汉市为 420100。`, {
      code: input.siteCode,
    });
  }
  const chosen = subtreeWithAncestors(all, input.siteCode);
  const inScope = new Set(chosen.filter((s) => isUnder(all, s.code, input.siteCode)).map((s) => s.code));

  const ledger = openLedger(input.path);
  const existing = ledger.db.select({ n: count() }).from(sites).get()?.n ?? 0;
  if (existing > 0) {
    ledger.sqlite.close();
    throw new SbkError('LEDGER_EXISTS', `台账 ${ledger.path} 已经建立，不能重复初始化。`, { path: ledger.path });
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
      addPlace(tx, siteByCode(tx, s.code)!.id, '保险柜1', 'safe');
    }
    setMeta(tx, 'root_site_code', input.siteCode);
    setMeta(tx, 'created_at', new Date().toISOString());
    setMeta(tx, 'is_demo', input.demo ? '1' : '0');
    // The province's rules by default (DOMAIN.md: rules differ by province); Hubei sites start with 42.
    setMeta(tx, 'rule_profile', input.ruleProfile ?? (input.siteCode.startsWith('42') ? 'hubei' : 'guangdong'));
    logAudit(tx, { type: 'ledger_created', operatorId: adminId, siteId: root.id, detail: input.siteCode });
    return { rootSiteId: root.id, adminId };
  });
  return { ledger, rootSiteId, adminId, siteCount: chosen.length };
}

function isUnder(all: readonly SiteSeed[], code: string, rootCode: string): boolean {
  const byCode = new Map(all.map((s) => [s.code, s]));
  for (let c: string | null = code; c; c = byCode.get(c)?.parentCode ?? null) {
    if (c === rootCode) return true;
  }
  return false;
}
