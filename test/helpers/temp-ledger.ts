import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { initLedger } from '../../src/workflows/init-ledger.ts';
import { closeLedger, type Ledger } from '../../db/open-ledger.ts';
import { authenticate, type Actor } from '../../src/workflows/authenticate.ts';
import { addOperator } from '../../src/workflows/operators.ts';

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

export type Staff = { ledger: Ledger; admin: Actor; add: (login: string, name: string, role: 'clerk' | 'supervisor', site: string, pin: string) => Actor };

/**
 * A Wuhan ledger (420100) under `opts` (rule profile, clock) whose admin adds operators: `add`
 * returns each one logged in. Sites below the city exist when the init seeds them.
 */
export function ledgerWithStaff(opts: Pick<Parameters<typeof initLedger>[0], 'ruleProfile' | 'now'> = {}): Staff {
  const { ledger } = initLedger({ path: join(tempDir(), 'ledger.db'), siteCode: '420100', admin: ADMIN, ...opts });
  track(ledger);
  const admin = authenticate(ledger, ADMIN.login, ADMIN.pin);
  const add: Staff['add'] = (login, name, role, site, pin) => {
    addOperator(ledger, admin, { login, name, role, siteCode: site, pin });
    return authenticate(ledger, login, pin);
  };
  return { ledger, admin, add };
}
