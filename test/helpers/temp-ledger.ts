import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { initLedger } from '../../src/workflows/init-ledger.ts';
import { closeLedger, type Ledger } from '../../db/open-ledger.ts';

const dirs: string[] = [];
const open: Ledger[] = [];

afterEach(() => {
  for (const l of open.splice(0)) closeLedger(l);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sbk-test-'));
  dirs.push(d);
  return d;
}

export const ADMIN = { login: 'admin', name: '王建国', pin: '135790' };

/** A real ledger file for Wuhan (420100) with one admin, removed after the test. */
export function freshLedger(): { ledger: Ledger; rootSiteId: number; adminId: number; dir: string } {
  const dir = tempDir();
  const r = initLedger({ path: join(dir, 'ledger.db'), siteCode: '420100', admin: ADMIN });
  open.push(r.ledger);
  return { ledger: r.ledger, rootSiteId: r.rootSiteId, adminId: r.adminId, dir };
}

export function track(l: Ledger): Ledger {
  open.push(l);
  return l;
}
