import type { Ledger } from '../../db/open-ledger.ts';
import { listOperators } from '../../db/operators-repo.ts';
import { isDemoLedger } from '../../db/ledger-meta.ts';
import type { Role } from '../../db/operators-repo.ts';

export type DemoAccount = { login: string; name: string; role: Role; siteName: string; pin: string };

/** The demo operators and their PINs, for the login screen; always empty on a real ledger. */
export function demoAccounts(ledger: Ledger): DemoAccount[] {
  if (!isDemoLedger(ledger.db)) return [];
  return listOperators(ledger.db)
    .filter((o) => o.demoPin && !o.lockedAt)
    .map((o) => ({ login: o.login, name: o.name, role: o.role, siteName: o.siteName, pin: o.demoPin! }));
}
