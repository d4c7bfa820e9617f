/**
 * `sbk applications import FILE.zip`: a batch application file (GD Annex 6) registered all or
 * nothing; every problem with its line and column; the same file again changes nothing.
 */
import type { Argv } from 'yargs';
import { readImportFile } from '../../workflows/read-import-file.ts';
import { importApplications } from '../../workflows/import-applications.ts';
import { formatSbk2Error } from '../../domain/sbk2-file.ts';
import { applicationsCliText as t } from '../../i18n/cli/applications.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';

const SHOWN = 200;
/** A zip of a city's batch: the text file and one 14–40 KB photo per applicant. */
const ZIP_MAX_BYTES = 512 << 20;

export function applicationsCommand(y: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): Argv<GlobalArgs> {
  return y.command('applications', t.describe, (c) =>
    c
      .command(
        'import <file>',
        t.importDescribe,
        (i) => i.positional('file', { type: 'string', demandOption: true }).option('check', { type: 'boolean', default: false, describe: t.check }),
        (argv) =>
          withActor(argv, (ledger, actor) => {
            const { fileName, bytes } = readImportFile(argv.file, ZIP_MAX_BYTES);
            const r = importApplications(ledger, actor, { fileName, bytes, dryRun: argv.check });
            const lines = r.errors.slice(0, SHOWN).map((e) => `  ${formatSbk2Error(e)}`);
            const more = r.errors.length > SHOWN ? [t.more({ count: r.errors.length - SHOWN })] : [];
            emit(out(), r, () => [r.message, ...lines, ...more].join('\n'));
            if (r.status === 'invalid') setExit(1);
          }),
      )
      .demandCommand(1),
  );
}
