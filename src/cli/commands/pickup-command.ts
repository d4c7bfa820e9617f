/**
 * `sbk pickup`: 集体代领 (GD Art. 15; HB Art. 17). A unit's authorised agent takes its members'
 * cards by batch or card number; later the unit reports which cards reached their holders and
 * brings back the rest. Cards the agent keeps longer than the rules allow are sleeping cards
 * (sbk overdue).
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { listOpenPickups, pickupCardList, pickupCards, settlePickup, type OpenPickup } from '../../workflows/agent-pickup.ts';
import { pickupSheet } from '../../workflows/pickup-sheet.ts';
import { formatPickupSheet, pickupSheetCsv, pickupSheetTotals } from '../../domain/pickup-sheet-format.ts';
import { printDocument } from '../cli-io.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { textTable } from '../../text/text-table.ts';
import { pickupText as t } from '../../i18n/cli/pickup.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { list, usageCheck } from '../args.ts';
import { printableValue as v } from '../../text/printable-text.ts';
import { maxOf } from '../../text/max-of.ts';

type PickupArgs = { unit?: string; batch?: string[]; card?: string[]; 'agent-id'?: string; 'agent-id-type'?: string; 'agent-name'?: string; auth?: string };

/** The unit's paperwork (GD Art. 15 一(一), Annex 4): all five or none. */
type PapersArgs = { 'unit-code'?: string; contact?: string; 'contact-phone'?: string; 'auth-from'?: string; 'auth-to'?: string };

const refArg = { type: 'string', demandOption: true, describe: t.ref } as const;

function listText(rows: readonly OpenPickup[]): string {
  if (rows.length === 0) return t.list.none;
  return textTable(
    [
      { header: t.ref, min: maxOf(rows, (p) => p.ref.length) },
      { header: t.list.columns.agent },
      { header: t.since, min: 16 },
      { header: cliCommon.columns.site },
      { header: t.list.columns.held, align: 'right' },
      { header: t.list.columns.auth },
    ],
    rows.map((p) => [p.ref, p.agent, formatLocalTime(p.since), p.site, String(p.held), p.authorisation.replace(t.authorisationPrefix, '')]),
    100,
  ).join('\n');
}

function listSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'list',
    t.list.describe,
    (c) => c,
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const rows = listOpenPickups(ledger, actor);
        emit(out(), rows, () => listText(rows));
      }),
  );
}

function showSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'show <ref>',
    t.show.describe,
    (c) => c.positional('ref', refArg),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const cards = pickupCardList(ledger, actor, argv.ref);
        const ref = argv.ref.trim();
        const columns = [{ header: cliCommon.columns.cardNo, min: maxOf(cards, (x) => x.cardNo.length) }, { header: cliCommon.columns.holder }, { header: cliCommon.columns.idNumber, min: 18 }, { header: t.since, min: 16 }];
        emit(out(), { pickupRef: ref, cards }, () =>
          cards.length === 0
            ? t.show.none({ ref })
            : [
                t.show.head({ ref, cards: cards.length }),
                '',
                ...textTable(columns, cards.map((x) => [x.cardNo, x.holderName ?? '-', x.holderIdMasked ?? '-', x.since ? formatLocalTime(x.since) : '-']), 100),
              ].join('\n'),
        );
      }),
  );
}

function settleSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'settle <ref>',
    t.settle.describe,
    (c) =>
      c
        .positional('ref', refArg)
        .option('delivered', { type: 'array', string: true, describe: t.settle.delivered })
        .option('unit-signed', { type: 'array', string: true, describe: t.settle.unitSigned })
        .option('returned', { type: 'array', string: true, describe: t.settle.returned })
        .option('place', { type: 'string', describe: t.settle.place })
        .check(
          usageCheck(
            t.settle.cardsRequired,
            (a: { delivered?: unknown[]; returned?: unknown[]; 'unit-signed'?: unknown[] }) => list(a.delivered as string[]).length + list(a.returned as string[]).length + list(a['unit-signed'] as string[]).length > 0,
          ),
        ),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const ref = argv.ref.trim();
        const r = settlePickup(ledger, actor, {
          operationId: randomUUID(),
          pickupRef: ref,
          delivered: list(argv.delivered),
          unitSigned: list(argv['unit-signed']),
          returned: list(argv.returned),
          placeName: argv.place ?? null,
        });
        emit(out(), { pickupRef: ref, ...r }, () =>
          [t.settle.done({ ref, delivered: r.delivered, unitSigned: r.unitSigned, returned: r.returned }), r.stillHeld > 0 ? t.settle.stillHeld({ ref, held: r.stillHeld }) : t.settle.settled].join('\n'),
        );
      }),
  );
}

function sheetSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'sheet <ref>',
    t.sheet.describe,
    (c) =>
      c
        .positional('ref', refArg)
        .option('csv', { type: 'boolean', default: false, describe: t.sheet.csv })
        .option('out', { type: 'string', describe: cliCommon.options.outPrivate }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const sheet = pickupSheet(ledger, actor, argv.ref);
        const format = argv.csv ? 'csv' : 'text';
        const text = argv.csv ? pickupSheetCsv(sheet) : `${formatPickupSheet(sheet)}\n`;
        const totals = pickupSheetTotals(sheet.cards);
        printDocument(out(), {
          text,
          path: argv.out,
          json: () => ({ format, pickupRef: sheet.ref, totals, papers: sheet.papers, cards: sheet.cards, ledgerHead: sheet.ledgerHead ?? null, text }),
          saved: (path) => ({ data: { format, pickupRef: sheet.ref, cards: totals.cards, path }, text: t.sheet.saved({ ref: sheet.ref, cards: totals.cards, path }) }),
        });
      }),
  );
}

/** The options of `sbk pickup` itself; not global: `pickup list`, `show` and `settle` need none of them. */
function pickupOptions(c: Argv<GlobalArgs>) {
  return c
    .option('unit', { type: 'string', global: false, describe: t.options.unit })
    .option('batch', { type: 'array', string: true, global: false, describe: t.options.batch })
    .option('card', { type: 'array', string: true, global: false, describe: cliCommon.options.cards })
    .option('agent-id', { type: 'string', global: false, describe: t.options.agentId })
    .option('agent-id-type', { type: 'string', global: false, describe: t.options.agentIdType })
    .option('agent-name', { type: 'string', global: false, describe: t.options.agentName })
    .option('auth', { type: 'string', global: false, describe: t.options.auth })
    .option('unit-code', { type: 'string', global: false, describe: t.options.unitCode })
    .option('contact', { type: 'string', global: false, describe: t.options.contact })
    .option('contact-phone', { type: 'string', global: false, describe: t.options.contactPhone })
    .option('auth-from', { type: 'string', global: false, describe: t.options.authFrom })
    .option('auth-to', { type: 'string', global: false, describe: t.options.authTo })
    .check(
      usageCheck(t.agentRequired, (a: PickupArgs) => [a.unit, a['agent-name'], a['agent-id'], a.auth].every((v) => (v ?? '').trim() !== '')),
      false,
    )
    .check(usageCheck(t.cardsRequired, (a: PickupArgs) => list(a.batch).length + list(a.card).length > 0), false);
}

function papersOf(a: PapersArgs): { unitCode?: string; contactName?: string; contactPhone?: string; authFrom?: string; authTo?: string } {
  return { unitCode: a['unit-code'], contactName: a.contact, contactPhone: a['contact-phone'], authFrom: a['auth-from'], authTo: a['auth-to'] };
}

export function pickupCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'pickup',
    t.describe,
    (c) => withSubcommands(pickupOptions(c), out, [listSubcommand, showSubcommand, sheetSubcommand, settleSubcommand]),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = pickupCards(ledger, actor, {
          operationId: randomUUID(),
          unit: argv.unit ?? '',
          agentName: argv['agent-name'] ?? '',
          agentIdNumber: argv['agent-id'] ?? '',
          agentIdType: argv['agent-id-type'],
          authorisationRef: argv.auth ?? '',
          batches: list(argv.batch),
          cards: list(argv.card),
          papers: papersOf(argv),
        });
        emit(out(), { pickupRef: r.pickupRef, cards: r.cards }, () => t.done({ ref: r.pickupRef, cards: r.cards, agent: v((argv['agent-name'] ?? '').trim()), unit: v((argv.unit ?? '').trim()) }));
      }),
  );
}
