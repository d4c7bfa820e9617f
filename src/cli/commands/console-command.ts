import type { Argv } from 'yargs';
import { existsSync } from 'node:fs';
import { openLedger, closeLedger, type Ledger } from '../../../db/open-ledger.ts';
import { createDemoLedger } from '../../workflows/demo-ledger.ts';
import { demoLedgerPath, resolveLedgerPath } from '../../workflows/ledger-path.ts';
import { openExistingLedger, type GlobalArgs } from '../cli-context.ts';
import { isEmptyFile } from '../ledger-open-error.ts';
import { printText } from '../cli-io.ts';
import { ledgerText } from '../../i18n/cli/ledger.ts';

const t = ledgerText.console;

export function consoleCommand(y: Argv<GlobalArgs>): Argv<GlobalArgs> {
  return y.command(
    '$0',
    t.describe,
    (c) =>
      c
        .option('demo', { type: 'boolean', default: false, describe: t.demo })
        .option('low-bandwidth', { type: 'boolean', describe: t.lowBandwidth }),
    async (argv) => {
      let ledger: Ledger;
      if (argv.demo) {
        const path = demoLedgerPath(argv.db);
        // An empty file at the demo path is no ledger yet: the demo is made in it.
        if (existsSync(path) && !isEmptyFile(path)) ledger = openLedger(path, { mustExist: true });
        else {
          printText(t.creatingDemo({ path }), process.stderr);
          ledger = createDemoLedger(path).ledger;
        }
      } else {
        ledger = openExistingLedger(resolveLedgerPath(argv.db));
      }
      try {
        // Loaded only here so that scripted commands never pay for React and Ink.
        const { runConsole } = await import('../../ui/run-console.tsx');
        await runConsole({ ledger, lowBandwidth: argv.lowBandwidth ?? Boolean(process.env.SSH_CONNECTION) });
      } finally {
        closeLedger(ledger);
      }
    },
  );
}
