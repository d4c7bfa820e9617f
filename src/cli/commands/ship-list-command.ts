/**
 * `sbk ship list`, `show` and `sheet`: the shipments to and from the operator's site, one
 * shipment with its cards, and its hand-over sheet for signing on paper (text or CSV).
 */
import type { Argv } from 'yargs';
import { blindInbound, handoverSheet, listShipments, shipmentDetail, shipmentSummary, type InboundListing, type ShipmentCard, type ShipmentSummary } from '../../workflows/shipment-list.ts';
import { workingCalendar } from '../../workflows/calendar-source.ts';
import { STATE_LABELS, type CardState } from '../../domain/card-states.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { formatHandoverCsv, formatHandoverText } from '../../domain/handover-sheet-format.ts';
import { textTable } from '../../text/text-table.ts';
import { printableValue } from '../../text/printable-text.ts';
import { shipText as t } from '../../i18n/cli/ship.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, printDocument, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { maxOf } from '../../text/max-of.ts';

const numberArg = { type: 'string', demandOption: true, describe: t.number } as const;

function age(s: Pick<ShipmentSummary, 'ageWorkingDays' | 'late' | 'ageBasis'>): string {
  if (s.ageWorkingDays === null) return '-';
  return t.age({ days: s.ageWorkingDays, late: s.late, estimated: Boolean(s.ageBasis && s.ageBasis !== 'official') });
}

/** Inbound: blind (blindInbound), so no count columns; outbound: the cards and how many are still unsigned. */
function listText(rows: readonly InboundListing[], direction: 'inbound' | 'outbound'): string {
  if (rows.length === 0) return direction === 'inbound' ? t.list.noneInbound : t.list.noneOutbound;
  const counts = direction === 'outbound';
  return textTable(
    [
      { header: t.number, min: maxOf(rows, (s) => s.number.length) },
      { header: direction === 'inbound' ? t.list.columns.from : t.list.columns.to },
      { header: t.list.columns.method },
      { header: cliCommon.columns.state },
      ...(counts ? [{ header: cliCommon.columns.cards, align: 'right' as const }, { header: t.list.columns.outstanding, align: 'right' as const }] : []),
      { header: t.list.columns.age },
    ],
    rows.map((s) => [
      s.number,
      direction === 'inbound' ? s.from.name : s.to.name,
      s.methodLabel,
      s.statusLabel,
      ...(counts ? [String(s.cards ?? '-'), String(s.outstanding ?? '-')] : []),
      age(s),
    ]),
    100,
  ).join('\n');
}

export function listSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'list',
    t.list.describe,
    (c) =>
      c
        .option('inbound', { type: 'boolean', describe: t.list.inbound })
        .option('outbound', { type: 'boolean', describe: t.list.outbound })
        .conflicts('inbound', 'outbound')
        .option('all', { type: 'boolean', default: false, describe: t.list.all }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const direction = argv.outbound ? 'outbound' : 'inbound';
        const all = listShipments(ledger, actor, { direction, includeDone: argv.all }, workingCalendar());
        const rows: InboundListing[] = direction === 'inbound' ? all.map(blindInbound) : all;
        emit(out(), rows, () => listText(rows, direction));
      }),
  );
}

/** Free text typed by someone (tracking number, names): kept on its line, a newline in it shown as ␊. */
const v = <S extends string | null>(s: S): S => (s === null ? s : (printableValue(s) as S));

function showText(s: InboundListing, cards: ShipmentCard[] | null): string {
  const head = [
    t.show.head({ number: s.number, status: s.statusLabel }),
    t.show.sites({ from: s.from.name, fromCode: s.from.code, to: s.to.name, toCode: s.to.code }),
    t.show.method({ method: s.methodLabel, tracking: v(s.trackingNo), sender: v(s.senderName), createdBy: v(s.createdBy) }),
    t.show.times({ created: formatLocalTime(s.createdAt), sent: s.sentAt ? formatLocalTime(s.sentAt) : null, age: s.ageWorkingDays !== null ? age(s) : null }),
  ];
  // The receiving side before its sign-in counts blind (shipment-list.ts blindToActor).
  if (cards === null || s.cards === null || s.outstanding === null) return [...head, t.show.blind].join('\n');
  return [
    ...head,
    t.show.totals({ cards: s.cards, outstanding: s.outstanding }),
    '',
    ...textTable(
      [
        { header: cliCommon.columns.cardNo, min: maxOf(cards, (c) => c.cardNo.length, 0) },
        { header: cliCommon.columns.batch, min: 8 },
        { header: t.show.columns.box },
        { header: cliCommon.columns.state },
        { header: t.show.columns.signed },
      ],
      cards.map((c) => [c.cardNo, c.batch ?? '-', c.box ?? '-', STATE_LABELS[c.state as CardState] ?? c.state, c.outstanding ? t.show.notSigned : '']),
    ),
  ].join('\n');
}

export function showSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'show <id>',
    t.show.describe,
    (c) => c.positional('id', numberArg),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const calendar = workingCalendar();
        const s = shipmentSummary(ledger, actor, argv.id, calendar);
        const cards = shipmentDetail(ledger, actor, argv.id, calendar);
        emit(out(), { ...s, cardList: cards }, () => showText(s, cards));
      }),
  );
}

export function sheetSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'sheet <id>',
    t.sheet.describe,
    (c) =>
      c
        .positional('id', numberArg)
        .option('csv', { type: 'boolean', default: false, describe: cliCommon.options.csv })
        .option('out', { type: 'string', describe: cliCommon.options.out }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const sheet = handoverSheet(ledger, actor, argv.id, workingCalendar());
        const format = argv.csv ? 'csv' : 'text';
        const text = argv.csv ? formatHandoverCsv(sheet) : formatHandoverText(sheet);
        printDocument(out(), {
          text,
          path: argv.out,
          json: () => ({ number: sheet.number, format, text }),
          saved: (path) => ({ data: { number: sheet.number, format, path }, text: t.sheet.saved({ number: sheet.number, path }) }),
        });
      }),
  );
}
