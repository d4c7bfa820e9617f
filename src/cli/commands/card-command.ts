import type { Argv } from 'yargs';
import { lookupCard } from '../../workflows/card-lookup.ts';
import { MOVEMENT_LABELS, STATE_LABELS, type CardState, type MovementType } from '../../domain/card-states.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';

export function cardCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'card <cardno>',
    '查询一张卡：状态、所在网点与地点、持卡人（已脱敏）、全部流转记录',
    (c) => c.positional('cardno', { type: 'string', demandOption: true }),
    (argv) =>
      withLedger(argv, async (ledger) => {
        await actorFor(ledger, argv);
        const v = lookupCard(ledger, argv.cardno);
        emit(out(), v, () =>
          [
            `卡号 ${v.cardNo}（${v.kind === 'finished' ? '成品卡' : '预制卡'}）  状态：${STATE_LABELS[v.state as CardState] ?? v.state}`,
            `所在：${v.site.name}（${v.site.code}）${v.place ? ` / ${v.place}` : ''}`,
            `批次 ${v.batch ?? '-'}  箱 ${v.box ?? '-'}  位置 ${v.boxPosition ?? '-'}  ${v.bank}`,
            v.holder ? `持卡人 ${v.holder.name}  证件 ${v.holder.idNumber}` : '持卡人：无（预制卡）',
            '流转记录：',
            ...v.history.map(
              (h) =>
                `  ${String(h.seq).padStart(6)}  ${formatLocalTime(h.at)}  ${MOVEMENT_LABELS[h.type as MovementType] ?? h.type}  → ${STATE_LABELS[h.toState as CardState] ?? h.toState}  ${h.to}${h.place ? '/' + h.place : ''}  经办 ${h.operator}${h.counterpart ? `  对方 ${h.counterpart}` : ''}${h.reason ? `  原因 ${h.reason}` : ''}`,
            ),
          ].join('\n'),
        );
      }),
  );
}
