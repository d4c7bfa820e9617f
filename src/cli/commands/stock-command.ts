import type { Argv } from 'yargs';
import { stockSummary } from '../../workflows/stock-summary.ts';
import { STATE_LABELS, type CardState } from '../../domain/card-states.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';

export function stockCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'stock',
    '库存：按卡类和状态统计（默认本网点及下级）',
    (c) =>
      c
        .option('site', { type: 'string', describe: '网点编码（默认本人所属网点）' })
        .option('only', { type: 'boolean', default: false, describe: '只统计该网点本身，不含下级' }),
    (argv) =>
      withLedger(argv, async (ledger) => {
        const actor = await actorFor(ledger, argv);
        const s = stockSummary(ledger, actor, argv.site, !argv.only);
        emit(out(), s, () =>
          [
            `${s.site.name}（${s.site.code}）${s.includesSubSites ? '及下级' : ''}：共 ${s.total} 张`,
            ...s.rows.map((r) => `  ${r.kind === 'finished' ? '成品卡' : '预制卡'}  ${STATE_LABELS[r.state as CardState] ?? r.state}\t${r.count}`),
          ].join('\n'),
        );
      }),
  );
}
