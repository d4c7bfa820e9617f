/**
 * `sbk holder deceased`: a supervisor records a holder's death (GD Art. 32 一(三)); the holder's
 * cards are then due for recall and cancellation.
 */
import type { Argv } from 'yargs';
import { reportDeceased } from '../../workflows/recall.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { recallText } from '../../i18n/cli/recall.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { dateCheck } from '../args.ts';

const t = recallText.holder;

function deceasedSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'deceased <idnumber>',
    t.deceased,
    (c) =>
      c
        .positional('idnumber', { type: 'string', demandOption: true, describe: cliCommon.options.holderId })
        .option('on', { type: 'string', demandOption: true, describe: t.on })
        .check(dateCheck('on')),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = reportDeceased(ledger, actor, argv.idnumber, argv.on);
        const masked = maskIdNumber(argv.idnumber.trim());
        emit(out(), { holderIdMasked: masked, on: argv.on, cards: r.cards }, () => t.done({ holder: masked, on: argv.on, cards: r.cards }));
      }),
  );
}

export function holderCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('holder', t.describe, (c) => withSubcommands(c, out, [deceasedSubcommand]).demandCommand(1, t.demand));
}
