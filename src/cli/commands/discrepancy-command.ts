import type { Argv } from 'yargs';
import { closeDiscrepancy, openDiscrepancies } from '../../workflows/check-in.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';

const KIND: Record<string, string> = { missing: '缺少', extra: '多出', damaged: '损坏' };

export function discrepancyCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('discrepancy', '清点差异（缺少、多出、损坏）', (c) =>
    c
      .command(
        'list',
        '列出本网点及下级未关闭的差异（--all 含已关闭）',
        (cc) => cc.option('all', { type: 'boolean', default: false }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const rows = openDiscrepancies(ledger, actor, argv.all);
            emit(out(), rows, () =>
              rows.length === 0
                ? '没有未关闭的差异。'
                : rows
                    .map((d) => `${String(d.id).padStart(5)}  ${KIND[d.kind] ?? d.kind}  卡 ${d.cardNo}  箱 ${d.box ?? '-'}  ${formatLocalTime(d.openedAt)} ${d.openedBy}  ${d.note ?? ''}${d.closedAt ? `  已关闭：${d.closeReason}` : ''}`)
                    .join('\n'),
            );
          }),
      )
      .command(
        'close <id>',
        '关闭一条差异（主管），须写明原因',
        (cc) => cc.positional('id', { type: 'number', demandOption: true }).option('reason', { type: 'string', demandOption: true }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            closeDiscrepancy(ledger, actor, argv.id, argv.reason);
            emit(out(), { closed: argv.id }, () => `已关闭差异 ${argv.id}。`);
          }),
      )
      .demandCommand(1, '请指定子命令：list 或 close'),
  );
}
