/**
 * `sbk pickup`: 集体代领 (GD Art. 15; HB Art. 17). A unit's authorised agent takes its members'
 * cards by batch or card number; later the unit reports which cards reached their holders and
 * brings back the rest. Cards the agent keeps longer than the rules allow are sleeping cards
 * (sbk overdue).
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { listOpenPickups, pickupCardList, pickupCards, settlePickup } from '../../workflows/agent-pickup.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { textTable } from '../../text/text-table.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';
import { usageCheck } from './ship-command.ts';

const list = (v: readonly (string | number)[] | undefined): string[] => (v ?? []).map((x) => String(x).trim()).filter(Boolean);

type PickupArgs = { unit?: string; batch?: string[]; card?: string[]; 'agent-id'?: string; 'agent-name'?: string; auth?: string };

export function pickupCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'pickup',
    '集体代领：单位授权代领人按批次或卡号领取（pickup list 未结清的代领单，pickup show 查看，pickup settle 登记转交与退回）',
    (c) =>
      c
        .option('unit', { type: 'string', global: false, describe: '代领单位名称' })
        .option('batch', { type: 'array', string: true, global: false, describe: '制卡批次：本网点在库的成品卡全部代领（可重复）' })
        .option('card', { type: 'array', string: true, global: false, describe: '社保卡号（可重复）' })
        .option('agent-id', { type: 'string', global: false, describe: '代领人身份证号码' })
        .option('agent-name', { type: 'string', global: false, describe: '代领人姓名' })
        .option('auth', { type: 'string', global: false, describe: '单位授权书（或批量申领表）编号' })
        .check(
          usageCheck(
            '集体代领须写明 --unit、--agent-name、--agent-id 和 --auth。',
            (a: PickupArgs) => [a.unit, a['agent-name'], a['agent-id'], a.auth].every((v) => (v ?? '').trim() !== ''),
          ),
          false, // not global: `pickup list`, `show` and `settle` need none of these
        )
        .check(usageCheck('请用 --batch 或 --card 指定代领的卡。', (a: PickupArgs) => list(a.batch).length + list(a.card).length > 0), false)
        .command(
          'list',
          '列出本网点及下级尚有卡在代领人手中的代领单',
          (cc) => cc,
          (argv) =>
            withLedger(argv, async (ledger) => {
              const actor = await actorFor(ledger, argv);
              const rows = listOpenPickups(ledger, actor);
              emit(out(), rows, () =>
                rows.length === 0
                  ? '没有未结清的集体代领单。'
                  : textTable(
                      [
                        { header: '代领单号', min: Math.max(...rows.map((p) => p.ref.length)) },
                        { header: '代领人（单位）' },
                        { header: '代领时间', min: 16 },
                        { header: '网点' },
                        { header: '未结清', align: 'right' },
                        { header: '授权书编号' },
                      ],
                      rows.map((p) => [p.ref, p.agent, formatLocalTime(p.since), p.site, String(p.held), p.authorisation.replace(/^单位授权代领，授权书编号\s*/, '')]),
                      100,
                    ).join('\n'),
              );
            }),
        )
        .command(
          'show <ref>',
          '查看一张代领单中仍由代领人持有的卡（证件号已脱敏）',
          (cc) => cc.positional('ref', { type: 'string', demandOption: true, describe: '代领单号' }),
          (argv) =>
            withLedger(argv, async (ledger) => {
              const actor = await actorFor(ledger, argv);
              const cards = pickupCardList(ledger, actor, argv.ref);
              const ref = argv.ref.trim();
              emit(out(), { pickupRef: ref, cards }, () =>
                cards.length === 0
                  ? `代领单 ${ref} 没有仍在代领人手中的卡（单号不存在、不在本网点及下级，或已全部结清）。`
                  : [
                      `代领单 ${ref}：${cards.length} 张仍在代领人手中`,
                      '',
                      ...textTable(
                        [{ header: '社保卡号', min: Math.max(...cards.map((x) => x.cardNo.length)) }, { header: '持卡人' }, { header: '证件号码', min: 18 }, { header: '代领时间', min: 16 }],
                        cards.map((x) => [x.cardNo, x.holderName ?? '-', x.holderIdMasked ?? '-', x.since ? formatLocalTime(x.since) : '-']),
                        100,
                      ),
                    ].join('\n'),
              );
            }),
        )
        .command(
          'settle <ref>',
          '结清代领单：--delivered 单位已转交本人的卡，--returned 代领人退回入库的卡（均可重复）',
          (cc) =>
            cc
              .positional('ref', { type: 'string', demandOption: true, describe: '代领单号' })
              .option('delivered', { type: 'array', string: true, describe: '已转交持卡人本人的卡号（可重复）' })
              .option('returned', { type: 'array', string: true, describe: '退回网点的卡号（可重复）' })
              .option('place', { type: 'string', describe: '退回卡的保管地点（默认本网点第一个）' })
              .check(
                usageCheck('请用 --delivered 或 --returned 登记至少一张卡。', (a: { delivered?: unknown[]; returned?: unknown[] }) =>
                  list(a.delivered as string[]).length + list(a.returned as string[]).length > 0,
                ),
              ),
          (argv) =>
            withLedger(argv, async (ledger) => {
              const actor = await actorFor(ledger, argv);
              const ref = argv.ref.trim();
              const r = settlePickup(ledger, actor, {
                operationId: randomUUID(),
                pickupRef: ref,
                delivered: list(argv.delivered),
                returned: list(argv.returned),
                placeName: argv.place ?? null,
              });
              emit(out(), { pickupRef: ref, ...r }, () =>
                [
                  `代领单 ${ref}：登记转交本人 ${r.delivered} 张，退回入库 ${r.returned} 张。`,
                  r.stillHeld > 0 ? `仍有 ${r.stillHeld} 张在代领人手中；查看：sbk pickup show ${ref}` : '本代领单已全部结清。',
                ].join('\n'),
              );
            }),
        ),
    (argv) =>
      withLedger(argv, async (ledger) => {
        const actor = await actorFor(ledger, argv);
        const r = pickupCards(ledger, actor, {
          operationId: randomUUID(),
          unit: argv.unit ?? '',
          agentName: argv['agent-name'] ?? '',
          agentIdNumber: argv['agent-id'] ?? '',
          authorisationRef: argv.auth ?? '',
          batches: list(argv.batch),
          cards: list(argv.card),
        });
        emit(out(), { pickupRef: r.pickupRef, cards: r.cards }, () =>
          `已登记集体代领 ${r.pickupRef}：${r.cards} 张由 ${(argv['agent-name'] ?? '').trim()}（${(argv.unit ?? '').trim()}）代领。单位转交或退回后结清：sbk pickup settle ${r.pickupRef}`,
        );
      }),
  );
}
