import type { Argv } from 'yargs';
import { initLedger } from '../../workflows/init-ledger.ts';
import { resolveLedgerPath } from '../../workflows/ledger-path.ts';
import { closeLedger } from '../../../db/open-ledger.ts';
import { readPin } from '../read-pin.ts';
import { emit, type Out } from '../cli-io.ts';
import type { GlobalArgs } from '../cli-context.ts';
import { ledgerText } from '../../i18n/cli/ledger.ts';

const t = ledgerText.init;

export function initCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'init',
    t.describe,
    (c) =>
      c
        .option('site', { type: 'string', demandOption: true, describe: t.site })
        .option('site-name', { type: 'string', describe: t.siteName })
        .option('admin', { type: 'string', demandOption: true, describe: t.admin })
        .option('name', { type: 'string', demandOption: true, describe: t.name })
        .option('profile', { choices: ['guangdong', 'hubei'] as const, describe: t.profile }),
    async (argv) => {
      const pin = await readPin(t.pinPrompt({ login: argv.admin }));
      const { ledger, siteCount } = initLedger({
        path: resolveLedgerPath(argv.db),
        siteCode: argv.site,
        admin: { login: argv.admin, name: argv.name, pin },
        ...(argv.profile ? { ruleProfile: argv.profile } : {}),
        ...(argv.siteName ? { siteName: argv.siteName } : {}),
      });
      const path = ledger.path;
      closeLedger(ledger);
      emit(out(), { path, site: argv.site, sites: siteCount, admin: argv.admin }, () => t.done({ path, sites: siteCount, name: argv.name, login: argv.admin }));
    },
  );
}
