/**
 * Recall and what follows (GD Art. 32-33; HB Art. 17): `sbk recall` with a reason category,
 * `sbk recall stats` (分类统计 by category and site), `sbk cancellations` (the cards due to be
 * cancelled or sealed), `sbk cancel` / `sbk seal` with a second supervisor's approval (PIN from
 * $SBK_APPROVER_PIN or a prompt), and `sbk holder deceased` (a supervisor records a holder's death).
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { cancellationList, endCards, recallCards, recallStatistics, reportDeceased } from '../../workflows/recall.ts';
import { authenticateApprover } from '../../workflows/authenticate.ts';
import { RECALL_REASONS, RECALL_REASON_CODES, recallReasonLabel, type RecallReasonCode } from '../../domain/recall-reasons.ts';
import { isIsoDate } from '../../domain/china-dates.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { textTable } from '../../text/text-table.ts';
import { readPin } from '../read-pin.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';
import { usageCheck } from './ship-command.ts';

const list = (v: readonly (string | number)[] | undefined): string[] => (v ?? []).map((x) => String(x).trim()).filter(Boolean);

const dateCheck = (flag: string) =>
  usageCheck(`--${flag} 须是有效日期，格式 YYYY-MM-DD。`, (a: Record<string, unknown>) => a[flag] === undefined || isIsoDate(a[flag]));

const REASON_HELP = RECALL_REASONS.map((r) => `${r.code} ${r.label}`).join('；');

const END_WORD = { cancel: '注销', seal: '封存' } as const;

function endCommand(action: 'cancel' | 'seal', out: () => Out) {
  const word = END_WORD[action];
  return [
    `${action} <cardnos..>`,
    `${word}卡片（不可撤销）：须写明原因，并由另一名主管复核（密码取自 $SBK_APPROVER_PIN 或提示输入）${action === 'seal' ? '；仅湖北省规程有封存' : ''}`,
    (c: Argv<GlobalArgs>) =>
      c
        .positional('cardnos', { type: 'string', array: true, demandOption: true, describe: '社保卡号（可多张）' })
        .option('reason', { type: 'string', demandOption: true, describe: `${word}原因` })
        .option('approver', { type: 'string', demandOption: true, describe: '复核主管的工号（不能是本人）' }),
    (argv: GlobalArgs & { cardnos: string[]; reason: string; approver: string }) =>
      withLedger(argv, async (ledger) => {
        const actor = await actorFor(ledger, argv);
        const pin = await readPin(`复核人 ${argv.approver} 的密码：`, 'SBK_APPROVER_PIN');
        const approver = authenticateApprover(ledger, actor, argv.approver, pin);
        const cardNos = list(argv.cardnos);
        const r = endCards(ledger, actor, approver, { operationId: randomUUID(), cardNos, reason: argv.reason, action });
        emit(out(), { action, ended: r.ended, cards: cardNos, approver: approver.login, replayed: r.replayed }, () => `已${word} ${r.ended} 张卡（复核：${approver.name}）。`);
      }),
  ] as const;
}

export function recallCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  const [cancelCmd, cancelDesc, cancelBuilder, cancelHandler] = endCommand('cancel', out);
  const [sealCmd, sealDesc, sealBuilder, sealHandler] = endCommand('seal', out);
  return y
    .command(
      'recall <cardnos..>',
      '回收本网点的卡（逾期未领、集体代领未发等），须选择原因类别（recall stats 分类统计）',
      (c) =>
        c
          .positional('cardnos', { type: 'string', array: true, demandOption: true, describe: '社保卡号（可多张）' })
          .option('reason', { choices: RECALL_REASON_CODES as unknown as RecallReasonCode[], global: false, describe: `回收原因：${REASON_HELP}` })
          .option('note', { type: 'string', global: false, describe: '具体情况（原因为 other 时必填）' })
          .option('place', { type: 'string', global: false, describe: '代领人交回的卡放入的保管地点（默认本网点第一个）' })
          .check(usageCheck('请用 --reason 选择回收原因。', (a: { reason?: string }) => a.reason !== undefined), false) // not global: `recall stats` needs none
          .command(
            'stats',
            '回收分类统计：按原因类别和网点（本网点及下级；--from/--to 为中国日期，含首尾）',
            (cc) => cc.option('from', { type: 'string', describe: '起始日期 YYYY-MM-DD' }).option('to', { type: 'string', describe: '截止日期 YYYY-MM-DD' }).check(dateCheck('from')).check(dateCheck('to')),
            (argv) =>
              withLedger(argv, async (ledger) => {
                const actor = await actorFor(ledger, argv);
                const s = recallStatistics(ledger, actor, { from: argv.from, to: argv.to });
                const period = argv.from || argv.to ? `${argv.from ?? '…'} 至 ${argv.to ?? '…'}` : '全部';
                emit(out(), { from: argv.from ?? null, to: argv.to ?? null, ...s }, () =>
                  s.total === 0
                    ? `回收统计（${period}）：没有回收记录。`
                    : [
                        `回收统计（${period}）：共 ${s.total} 张`,
                        '',
                        '按原因：',
                        ...s.byCategory.map((b) => `  ${b.label}  ${b.n} 张`),
                        '',
                        '按网点：',
                        ...textTable(
                          [{ header: '网点编码' }, { header: '网点' }, { header: '原因' }, { header: '张数', align: 'right' }],
                          s.bySite.map((b) => [b.siteCode, b.siteName, b.label, String(b.n)]),
                          100,
                        ).map((l) => `  ${l}`),
                      ].join('\n'),
                );
              }),
          ),
      (argv) =>
        withLedger(argv, async (ledger) => {
          const actor = await actorFor(ledger, argv);
          const reason = argv.reason!;
          const r = recallCards(ledger, actor, { operationId: randomUUID(), cardNos: list(argv.cardnos), reason, note: argv.note ?? null, placeName: argv.place ?? null });
          emit(out(), { recalled: r.recalled, cards: list(argv.cardnos), reason, replayed: r.replayed }, () => `已回收 ${r.recalled} 张卡（原因：${recallReasonLabel(reason)}${argv.note ? `：${argv.note}` : ''}）。`);
        }),
    )
    .command(cancelCmd, cancelDesc, cancelBuilder, cancelHandler)
    .command(sealCmd, sealDesc, sealBuilder, sealHandler)
    .command(
      'cancellations',
      '应注销（湖北：注销或封存）的卡：二次发放期已过、持卡人死亡、已换新卡（本网点及下级；证件号已脱敏）',
      (c) =>
        c
          .option('site', { type: 'string', describe: '只看此网点及其下级（网点编码）' })
          .option('as-of', { type: 'string', describe: '按此日期评估（YYYY-MM-DD，默认今天）' })
          .check(dateCheck('as-of')),
      (argv) =>
        withLedger(argv, async (ledger) => {
          const actor = await actorFor(ledger, argv);
          const rows = cancellationList(ledger, actor, { siteCode: argv.site, asOf: argv['as-of'] });
          emit(out(), rows, () =>
            rows.length === 0
              ? '没有应注销的卡。'
              : [
                  `应注销或封存的卡：${rows.length} 张（注销：sbk cancel 卡号… --reason 原因 --approver 主管工号）`,
                  '',
                  ...textTable(
                    [
                      { header: '社保卡号', min: Math.max(...rows.map((r) => r.cardNo.length)) },
                      { header: '持卡人' },
                      { header: '网点编码' },
                      { header: '状态' },
                      { header: '回收日期', min: 10 },
                      { header: '原因' },
                    ],
                    rows.map((r) => [r.cardNo, r.holderName ?? '-', r.site.code, r.stateLabel, r.recalledOn ?? '-', r.label]),
                    100,
                  ),
                ].join('\n'),
          );
        }),
    )
    .command('holder', '持卡人', (c) =>
      c
        .command(
          'deceased <idnumber>',
          '登记持卡人死亡（主管）：其卡立即列入须回收、须注销的卡',
          (cc) =>
            cc
              .positional('idnumber', { type: 'string', demandOption: true, describe: '持卡人身份证号码' })
              .option('on', { type: 'string', demandOption: true, describe: '经比对确认死亡的日期 YYYY-MM-DD' })
              .check(dateCheck('on')),
          (argv) =>
            withLedger(argv, async (ledger) => {
              const actor = await actorFor(ledger, argv);
              const r = reportDeceased(ledger, actor, argv.idnumber, argv.on);
              const masked = maskIdNumber(argv.idnumber.trim());
              emit(out(), { holderIdMasked: masked, on: argv.on, cards: r.cards }, () => `已登记持卡人 ${masked} 于 ${argv.on} 死亡；其名下 ${r.cards} 张卡须回收或注销（sbk overdue、sbk cancellations）。`);
            }),
        )
        .demandCommand(1, '请指定子命令：deceased'),
    );
}
