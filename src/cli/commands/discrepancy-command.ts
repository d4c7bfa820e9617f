import type { Argv } from 'yargs';
import { closeDiscrepancy, openDiscrepancies } from '../../workflows/check-in.ts';
import { resolveFound, declareLost } from '../../workflows/discrepancy-resolve.ts';
import { authenticateApprover } from '../../workflows/authenticate.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { readPin } from '../read-pin.ts';
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
      .command(
        'found <id>',
        '“缺少”的卡找到了：签收入本网点保管地点并关闭差异',
        (cc) =>
          cc
            .positional('id', { type: 'number', demandOption: true })
            .option('place', { type: 'string', describe: '保管地点（默认本网点第一个）' })
            .option('custodian', { type: 'string', describe: '保管人（默认本人）' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const r = resolveFound(ledger, actor, argv.id, { placeName: argv.place ?? null, custodian: argv.custodian ?? null });
            emit(out(), { found: argv.id, cardNo: r.cardNo }, () => `差异 ${argv.id} 已关闭：卡 ${r.cardNo} 已找回并签收入库。`);
          }),
      )
      .command(
        'lost <id>',
        '确认“缺少”的卡丢失：须写明原因，并由另一名主管复核（密码取自 $SBK_APPROVER_PIN 或提示输入）',
        (cc) =>
          cc
            .positional('id', { type: 'number', demandOption: true })
            .option('reason', { type: 'string', demandOption: true, describe: '丢失经过与已查找的范围' })
            .option('approver', { type: 'string', demandOption: true, describe: '复核主管的工号' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const pin = await readPin(`复核人 ${argv.approver} 的密码：`, 'SBK_APPROVER_PIN');
            const approver = authenticateApprover(ledger, actor, argv.approver, pin);
            const r = declareLost(ledger, actor, approver, argv.id, argv.reason);
            emit(out(), { lost: argv.id, cardNo: r.cardNo, approver: approver.login }, () => `差异 ${argv.id} 已关闭：卡 ${r.cardNo} 确认丢失（复核：${approver.name}）。`);
          }),
      )
      .demandCommand(1, '请指定子命令：list、close、found 或 lost'),
  );
}
