/**
 * `sbk holder deceased|flag|unflag`: a supervisor over a site holding one of the holder's cards
 * records a death (GD Art. 32 一(三)), an emigration, an undeliverable address or a
 * disappearance (GD Art. 32 一(一)), or clears one set in error with a reason; the holder's cards
 * then come onto the recall list under that category (src/workflows/holder-flags.ts).
 */
import type { Argv } from 'yargs';
import { reportDeceased } from '../../workflows/recall.ts';
import { flagHolder, HOLDER_FLAG_KINDS, unflagHolder, type HolderFlagKind } from '../../workflows/holder-flags.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { recallText } from '../../i18n/cli/recall.ts';
import { recallText as flagWords } from '../../i18n/workflows/recall.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { dateCheck } from '../args.ts';

const t = recallText.holder;
const kinds = HOLDER_FLAG_KINDS as unknown as HolderFlagKind[];

function deceasedSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'deceased <idnumber>',
    t.deceased,
    (c) =>
      c
        .positional('idnumber', { type: 'string', demandOption: true, describe: cliCommon.options.holderId })
        .option('on', { type: 'string', demandOption: true, describe: t.on })
        .option('source', { type: 'string', describe: t.source })
        .check(dateCheck('on')),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = reportDeceased(ledger, actor, argv.idnumber, argv.on, argv.source);
        const masked = maskIdNumber(argv.idnumber.trim());
        emit(out(), { holderIdMasked: masked, on: argv.on, cards: r.cards }, () => t.done({ holder: masked, on: argv.on, cards: r.cards }));
      }),
  );
}

function flagSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'flag <idnumber>',
    t.flag,
    (c) =>
      c
        .positional('idnumber', { type: 'string', demandOption: true, describe: cliCommon.options.holderId })
        .option('kind', { choices: kinds, demandOption: true, describe: t.kind })
        .option('source', { type: 'string', describe: t.source })
        .option('date', { type: 'string', demandOption: true, describe: t.date })
        .check(dateCheck('date')),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = flagHolder(ledger, actor, { idNumber: argv.idnumber, kind: argv.kind, on: argv.date, source: argv.source });
        const masked = maskIdNumber(argv.idnumber.trim());
        emit(out(), { holderIdMasked: masked, kind: r.kind, on: r.on, source: argv.source?.trim() || null, cards: r.cards }, () =>
          t.flagged({ holder: masked, kind: flagWords.flagKinds[r.kind], on: r.on, cards: r.cards }),
        );
      }),
  );
}

function unflagSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'unflag <idnumber>',
    t.unflag,
    (c) =>
      c
        .positional('idnumber', { type: 'string', demandOption: true, describe: cliCommon.options.holderId })
        .option('kind', { choices: kinds, demandOption: true, describe: t.kind })
        .option('reason', { type: 'string', demandOption: true, describe: t.reason }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = unflagHolder(ledger, actor, { idNumber: argv.idnumber, kind: argv.kind, reason: argv.reason });
        const masked = maskIdNumber(argv.idnumber.trim());
        emit(out(), { holderIdMasked: masked, kind: r.kind, cleared: true, cards: r.cards }, () => t.unflagged({ holder: masked, kind: flagWords.flagKinds[r.kind] }));
      }),
  );
}

export function holderCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('holder', t.describe, (c) => withSubcommands(c, out, [deceasedSubcommand, flagSubcommand, unflagSubcommand]).demandCommand(1, t.demand));
}
