/**
 * `sbk transfer`: moves inside a site. Cards go between the site's storage places (by card
 * number, box label or everything in a place), custody goes from one operator to another with
 * both PINs (交接班, `--hand-over`), and the counter's cards go back to the vault at closing
 * (`--back-to-vault`; HB Art. 14: 当日尚未发放的社会保障卡必须入库管理). Each writes one operation
 * and saves a 库内移交单 to sign (GD Art. 12: 保管地点、责任人).
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { transferCards } from '../../workflows/transfer.ts';
import { saveTransferSheet } from '../../workflows/shipment-export.ts';
import { authenticateSecondPerson } from '../../workflows/authenticate.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { transferText as t } from '../../i18n/cli/transfer.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { list, usageCheck } from '../args.ts';
import { readPin } from '../read-pin.ts';

type TransferArgs = { card?: string[]; box?: string[]; from?: string[]; to?: string; receiver?: string; 'hand-over'?: string; 'back-to-vault'?: boolean };

const picked = (a: TransferArgs): number => list(a.card).length + list(a.box).length + list(a.from).length;

/** The receiver of custody, by their own PIN ($SBK_APPROVER_PIN or a prompt): GD Art. 12 确保责任到人. */
async function receiverFor(ledger: Ledger, actor: Actor, login: string | undefined): Promise<Actor | null> {
  if (!login?.trim()) return null;
  const pin = await readPin(t.receiverPin({ login: login.trim() }), 'SBK_APPROVER_PIN');
  // A wrong PIN counts against the one asking, never the colleague named (issue 18: no lockout by a clerk).
  return authenticateSecondPerson(ledger, actor, login.trim(), pin);
}

function transferOptions(c: Argv<GlobalArgs>) {
  return c
    .option('card', { type: 'array', string: true, describe: cliCommon.options.cards })
    .option('box', { type: 'array', string: true, describe: t.options.box })
    .option('from', { type: 'array', string: true, describe: t.options.from })
    .option('to', { type: 'string', describe: t.options.to })
    .option('receiver', { type: 'string', describe: t.options.receiver })
    .option('hand-over', { type: 'string', describe: t.options.handOver })
    .option('back-to-vault', { type: 'boolean', describe: t.options.backToVault })
    .check(usageCheck(t.selectionRequired, (a: TransferArgs) => picked(a) > 0 || Boolean(a['hand-over']?.trim()) || Boolean(a['back-to-vault'])))
    .check(usageCheck(t.oneMode, (a: TransferArgs) => [picked(a) > 0, Boolean(a['hand-over']), Boolean(a['back-to-vault'])].filter(Boolean).length <= 1))
    .check(usageCheck(t.placeOrReceiver, (a: TransferArgs) => picked(a) === 0 || Boolean(a.to?.trim()) || Boolean(a.receiver?.trim())));
}

export function transferCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'transfer',
    t.describe,
    (c) => transferOptions(c),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const receiver = await receiverFor(ledger, actor, argv['hand-over'] ?? argv.receiver);
        const r = transferCards(
          ledger,
          actor,
          {
            operationId: randomUUID(),
            cards: list(argv.card),
            boxes: list(argv.box),
            fromPlaces: list(argv.from),
            handOver: Boolean(argv['hand-over']),
            backToVault: Boolean(argv['back-to-vault']),
            toPlace: argv.to ?? null,
          },
          receiver,
        );
        const sheetPath = r.sheet ? saveTransferSheet(ledger, r.sheet) : null;
        const { sheet, ...data } = r;
        emit(out(), { ...data, cardNos: sheet?.cards.map((c) => c.cardNo) ?? [], sheetPath }, () =>
          [r.replayed ? t.replayed(r) : t.done(r), ...(sheetPath ? [t.sheetSaved({ path: sheetPath })] : [])].join('\n'),
        );
      }),
  );
}
