import type { Argv } from 'yargs';
import { writeFileSafely } from '../../security/safe-write.ts';
import { importMakerFile } from '../../workflows/import-maker-file.ts';
import { formatMakerError } from '../../domain/maker-file.ts';
import { readImportFile } from '../../workflows/read-import-file.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { intakeText } from '../../i18n/cli/intake.ts';

const t = intakeText.import;

/** The problems shown on screen; `--report` saves them all. */
const SHOWN = 200;

export function importCommand(y: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): Argv<GlobalArgs> {
  return y.command(
    'import <file>',
    t.describe,
    (c) =>
      c
        .positional('file', { type: 'string', demandOption: true })
        .option('site', { type: 'string', describe: t.site })
        .option('place', { type: 'string', describe: t.place })
        .option('receive', { type: 'boolean', default: false, describe: t.receive })
        .option('report', { type: 'string', describe: t.report })
        .option('other-city', { type: 'boolean', default: false, describe: t.otherCity }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const { fileName, bytes } = readImportFile(argv.file);
        const r = importMakerFile(ledger, actor, {
          fileName,
          bytes,
          receive: argv.receive,
          otherCity: argv['other-city'],
          ...(argv.site ? { siteCode: argv.site } : {}),
          ...(argv.place ? { placeName: argv.place } : {}),
        });
        if (argv.report && r.errors.length) writeFileSafely(argv.report, r.errors.map(formatMakerError).join('\n') + '\n');
        const { file, kind, bank, batch, rows, registered, received, errors, status, previous } = r;
        emit(out(), { file, kind, bank, batch, rows, registered, received, status, ...(previous ? { previous } : {}), errors }, () =>
          [r.message, ...errors.slice(0, SHOWN).map((e) => `  ${formatMakerError(e)}`), ...(errors.length > SHOWN ? [t.more({ count: errors.length - SHOWN })] : [])].join('\n'),
        );
        if (status === 'invalid') setExit(1);
      }),
  );
}
