import type { Argv } from 'yargs';
import { lookupCard, type CardView } from '../../workflows/card-lookup.ts';
import { MOVEMENT_LABELS, STATE_LABELS, type CardState, type MovementType } from '../../domain/card-states.ts';
import { cardText as t } from '../../i18n/cli/card.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { randomUUID } from 'node:crypto';
import { takeBackCard, TAKE_BACK_REASONS, type TakeBackReason } from '../../workflows/take-back.ts';
import { waysBackText } from '../../i18n/workflows/ways-back.ts';
import { waysBackCliText } from '../../i18n/cli/ways-back.ts';
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
    view.holder ? t.holder({ name: printableValue(view.holder.name), idNumber: view.holder.idNumber, idTypeLabel: view.holder.idTypeLabel }) : t.noHolder,
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
    (c) => withSubcommands(c.positional('cardno', { type: 'string', demandOption: true }), out, [takeBackSubcommand]),
    (argv) =>
      withActor(argv, (ledger) => {
        const v = lookupCard(ledger, argv.cardno);
        emit(out(), v, () => cardViewText(v));
      }),
  );
}

/**
 * `sbk card take-back <cardno>`: an old card handed in at the counter (GD Art. 32 一(一): 换发的旧卡、
 * 注销的卡…回收), from issued or lost, or unknown to the ledger (then recorded with its number).
 */
function takeBackSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  const tb = waysBackCliText.takeBack;
  return y.command(
    'take-back <cardno>',
    tb.describe,
    (c) =>
      c
        .positional('cardno', { type: 'string', demandOption: true, describe: tb.cardNo })
        .option('reason', { choices: TAKE_BACK_REASONS as unknown as TakeBackReason[], demandOption: true, describe: tb.reason })
        .option('from', { type: 'string', demandOption: true, describe: tb.from })
        .option('id-number', { type: 'string', describe: tb.idNumber })
        .option('id-type', { type: 'string', describe: tb.idType })
        .option('holder-name', { type: 'string', describe: tb.holderName })
        .option('place', { type: 'string', describe: tb.place }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = takeBackCard(ledger, actor, {
          operationId: randomUUID(),
          cardNo: argv.cardno,
          reason: argv.reason,
          from: argv.from,
          idNumber: argv['id-number'] ?? null,
          idType: argv['id-type'] ?? null,
          holderName: argv['holder-name'] ?? null,
          placeName: argv.place ?? null,
        });
        const reason = waysBackText.takeBack.reasons[r.reason];
        emit(out(), r, () =>
          r.replayed
            ? tb.replayed(r)
            : [tb.done({ cardNo: r.cardNo, reason, from: r.from, place: r.place ?? '-' }), ...(r.unknown ? [tb.unknown(r)] : [])].join('\n'),
        );
      }),
  );
}
