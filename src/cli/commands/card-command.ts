import type { Argv } from 'yargs';
import { lookupCard, type CardView } from '../../workflows/card-lookup.ts';
import { MOVEMENT_LABELS, STATE_LABELS, type CardState, type MovementType } from '../../domain/card-states.ts';
import { cardText as t } from '../../i18n/cli/card.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';

const stateLabel = (s: string) => STATE_LABELS[s as CardState] ?? s;

function cardViewText(v: CardView): string {
  return [
    t.head({ cardNo: v.cardNo, kind: cliCommon.cardKinds[v.kind === 'finished' ? 'finished' : 'prefab'], state: stateLabel(v.state) }),
    t.place({ site: v.site.name, code: v.site.code, place: v.place }),
    t.batch({ batch: v.batch ?? '-', box: v.box ?? '-', position: v.boxPosition ?? '-', bank: v.bank }),
    v.holder ? t.holder(v.holder) : t.noHolder,
    t.history,
    ...v.history.map((h) =>
      t.movement({
        seq: String(h.seq).padStart(6),
        at: formatLocalTime(h.at),
        type: MOVEMENT_LABELS[h.type as MovementType] ?? h.type,
        state: stateLabel(h.toState),
        to: h.to,
        place: h.place,
        operator: h.operator,
        counterpart: h.counterpart,
        reason: h.reason,
      }),
    ),
  ].join('\n');
}

export function cardCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'card <cardno>',
    t.describe,
    (c) => c.positional('cardno', { type: 'string', demandOption: true }),
    (argv) =>
      withActor(argv, (ledger) => {
        const v = lookupCard(ledger, argv.cardno);
        emit(out(), v, () => cardViewText(v));
      }),
  );
}
