import type { Argv } from 'yargs';
import { existsSync } from 'node:fs';
import { createDemoLedger, DEMO_OPERATORS } from '../../workflows/demo-ledger.ts';
import { demoLedgerPath } from '../../workflows/ledger-path.ts';
import { closeLedger } from '../../../db/open-ledger.ts';
import { SbkError } from '../../domain/errors.ts';
import { emit, type Out } from '../cli-io.ts';
import type { GlobalArgs } from '../cli-context.ts';
import { isEmptyFile } from '../ledger-open-error.ts';
import { ledgerText } from '../../i18n/cli/ledger.ts';

const t = ledgerText.demo;

export function demoCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'demo',
    t.describe,
    (c) => c,
    (argv) => {
      const path = demoLedgerPath(argv.db);
      // An empty file holds no ledger to lose: the demo is made in it, as `init` would.
      if (existsSync(path) && !isEmptyFile(path)) throw new SbkError('LEDGER_EXISTS.demo', { path });
      const { ledger, cards, movements } = createDemoLedger(path);
      closeLedger(ledger);
      const operators = DEMO_OPERATORS.map(({ login, name, role, site }) => ({ login, name, role, site }));
      emit(out(), { path, cards, movements, operators }, () =>
        [t.done({ path, cards, movements }), t.accounts, ...operators.map((o) => `  ${o.login}  ${o.name}  ${o.role}  ${o.site}`)].join('\n'),
      );
    },
  );
}
