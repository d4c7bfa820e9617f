/**
 * `sbk register`: 登记造册 (GD Art. 12 一(三)) of one production batch within the operator's site
 * and the sites under it. Text for the terminal, a CSV (with BOM) for Excel/WPS, or the register
 * as JSON; ID numbers are masked in all three (HB Art. 42).
 */
import type { Argv } from 'yargs';
import { batchRegister } from '../../workflows/batch-register.ts';
import { formatBatchRegisterCsv, formatBatchRegisterText } from '../../domain/batch-register-format.ts';
import { registerText as t } from '../../i18n/cli/register.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { printDocument, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';

export function registerCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'register',
    t.describe,
    (c) =>
      c
        .option('batch', { type: 'string', demandOption: true, describe: t.batch })
        .option('csv', { type: 'boolean', default: false, describe: cliCommon.options.csv })
        .option('out', { type: 'string', describe: cliCommon.options.out }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const reg = batchRegister(ledger, actor, argv.batch);
        const o = out();
        // The register as data for --json; formatted only for the screen or a file.
        const text = o.json && !argv.out ? '' : argv.csv ? formatBatchRegisterCsv(reg) : formatBatchRegisterText(reg);
        printDocument(o, {
          text,
          path: argv.out,
          json: () => reg,
          saved: (path) => ({ data: { batch: reg.batch.code, format: argv.csv ? 'csv' : 'text', rows: reg.rows.length, path }, text: t.saved({ batch: reg.batch.code, rows: reg.rows.length, path }) }),
        });
      }),
  );
}
