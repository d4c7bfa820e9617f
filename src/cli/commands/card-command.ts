import type { Argv } from 'yargs';
import { lookupCard, type CardView } from '../../workflows/card-lookup.ts';
import { MOVEMENT_LABELS, STATE_LABELS, type CardState, type MovementType } from '../../domain/card-states.ts';
import { cardText as t } from '../../i18n/cli/card.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { printableValue } from '../../text/printable-text.ts';

/** Free text typed by someone (a place, a custodian, a reason): kept on its line, a newline in it shown as ␊. */
const v = <S extends string | null>(s: S): S => (s === null ? s : (printableValue(s) as S));

const stateLabel = (s: string) => STATE_LABELS[s as CardState] ?? s;

function cardViewText(view: CardView): string {
  return [
    t.head({ cardNo: view.cardNo, kind: cliCommon.cardKinds[view.kind === 'finished' ? 'finished' : 'prefab'], state: stateLabel(view.state) }),
    t.place({ site: view.site.name, code: view.site.code, place: v(view.place) }),
    t.batch({ batch: view.batch ?? '-', box: view.box ?? '-', position: view.boxPosition ?? '-', bank: view.bank }),
    view.holder ? t.holder({ name: printableValue(view.holder.name), idNumber: view.holder.idNumber }) : t.noHolder,
    t.history,
    ...view.history.map((h) =>
      t.movement({
        seq: String(h.seq).padStart(6),
        at: formatLocalTime(h.at),
        type: MOVEMENT_LABELS[h.type as MovementType] ?? h.type,
        state: stateLabel(h.toState),
        to: printableValue(h.to),
        place: v(h.place),
        operator: printableValue(h.operator),
        counterpart: v(h.counterpart),
        reason: v(h.reason),
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
