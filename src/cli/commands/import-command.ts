import type { Argv } from 'yargs';
import { openFileSafely } from '../../security/safe-write.ts';
import { importMakerFile } from '../../workflows/import-maker-file.ts';
import { formatMakerError, type MakerFileError } from '../../domain/maker-file.ts';
import { openImportFile } from '../../workflows/read-import-file.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { intakeText } from '../../i18n/cli/intake.ts';

const t = intakeText.import;

/** The problems shown on screen; `--report` saves them all. */
const SHOWN = 200;
/**
 * The problems `--json` lists, the rest counted in `more`: a damaged or foreign file can have
 * a problem on each of millions of lines, and printing them all once produced 131 MB of JSON
 * and, for a larger file, a crash (issue 18). A thousand is more than anyone reads before
 * sending the file back; `--report` keeps them all.
 */
const JSON_SHOWN = 1000;
/** Lines of the report written at a time, so that no single string holds millions of lines. */
const REPORT_CHUNK = 10_000;

/** Every problem, one a line, readable by the owner only (the report names holders' rows). */
function writeReport(path: string, errors: readonly MakerFileError[]): void {
  // Never through a planted link, owner-only (src/security/safe-write.ts); in chunks, so no one
  // string of millions of lines is built.
  const file = openFileSafely(path);
  for (let i = 0; i < errors.length; i += REPORT_CHUNK) {
    file.write(errors.slice(i, i + REPORT_CHUNK).map((e) => `${formatMakerError(e)}\n`).join(''));
  }
  file.commit();
}

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
        // Read in chunks, never whole: memory stays flat however long the file (issue 18).
        const { fileName, source } = openImportFile(argv.file);
        const r = importMakerFile(ledger, actor, {
          fileName,
          source,
          receive: argv.receive,
          otherCity: argv['other-city'],
          ...(argv.site ? { siteCode: argv.site } : {}),
          ...(argv.place ? { placeName: argv.place } : {}),
        });
        if (argv.report && r.errors.length) writeReport(argv.report, r.errors);
        const { file, kind, bank, batch, rows, registered, received, errors, status, previous } = r;
        const listed = { errors: errors.slice(0, JSON_SHOWN), more: Math.max(0, errors.length - JSON_SHOWN) };
        emit(out(), { file, kind, bank, batch, rows, registered, received, status, ...(previous ? { previous } : {}), ...listed }, () =>
          [r.message, ...errors.slice(0, SHOWN).map((e) => `  ${formatMakerError(e)}`), ...(errors.length > SHOWN ? [t.more({ count: errors.length - SHOWN })] : [])].join('\n'),
        );
        if (status === 'invalid') setExit(1);
      }),
  );
}
