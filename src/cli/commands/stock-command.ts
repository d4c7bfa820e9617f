import type { Argv } from 'yargs';
import { stockSummary } from '../../workflows/stock-summary.ts';
import { STATE_LABELS, type CardState } from '../../domain/card-states.ts';
import { cardText } from '../../i18n/cli/card.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';

const t = cardText.stock;

export function stockCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'stock',
    t.describe,
    (c) => c.option('site', { type: 'string', describe: t.site }).option('only', { type: 'boolean', default: false, describe: t.only }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const s = stockSummary(ledger, actor, argv.site, !argv.only);
        emit(out(), s, () =>
          [
            t.head({ site: s.site.name, code: s.site.code, withSubSites: s.includesSubSites, total: s.total }),
            ...s.rows.map((r) => `  ${cliCommon.cardKinds[r.kind === 'finished' ? 'finished' : 'prefab']}  ${STATE_LABELS[r.state as CardState] ?? r.state}\t${r.count}`),
          ].join('\n'),
        );
      }),
  );
}
