/**
 * `sbk contact list|record|show` (HB Art. 14: 三个工作日内联系申请单位或个人领取): the cards at the
 * office and not issued, by their working-day deadline; phones masked but for the last four
 * digits everywhere except `show`, which is audited; contacts are appended, never changed.
 */
import type { Argv } from 'yargs';
import { contactList, contactPhonesForExport, recordContact, showContact, type ContactRow } from '../../workflows/contact-list.ts';
import { workingCalendar } from '../../workflows/calendar-source.ts';
import { formatLocalTime, todayInChina } from '../../domain/china-dates.ts';
import { spreadsheetCsv, textTable } from '../../text/text-table.ts';
import { contactCliText as t } from '../../i18n/cli/applications.ts';
import { applicationsText } from '../../i18n/workflows/applications.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { maxOf } from '../../text/max-of.ts';
import { emit, printDocument, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';

const channel = (c: keyof typeof applicationsText.channels): string => applicationsText.channels[c];

function contactedCell(r: ContactRow): string {
  return r.lastChannel && r.lastContactAt ? t.contactedCell({ channel: channel(r.lastChannel), at: formatLocalTime(r.lastContactAt) }) : t.notContacted;
}

function dueCell(r: ContactRow): string {
  return `${r.dueBy}${r.dueBasis !== 'official' ? cliCommon.estimated : ''}${r.overdue ? ' ⚠' : ''}`;
}

export function formatContactText(rows: readonly ContactRow[], asOf: string): string {
  if (rows.length === 0) return t.none({ asOf });
  const head = t.head({ asOf, total: rows.length, overdue: rows.filter((r) => r.overdue).length, contacted: rows.filter((r) => r.contacted).length });
  const table = textTable(
    [
      { header: cliCommon.columns.cardNo, min: maxOf(rows, (r) => r.cardNo.length) },
      { header: cliCommon.columns.holder },
      { header: t.columns.phone, min: 11 },
      { header: t.columns.unit },
      { header: t.columns.receivedOn, min: 10 },
      { header: t.columns.dueBy, min: 12 },
      { header: t.columns.contacted },
    ],
    rows.map((r) => [r.cardNo, r.holderName ?? '-', r.phoneMasked ?? t.noPhone, r.unitName ?? '-', r.receivedOn, dueCell(r), contactedCell(r)]),
    100,
  );
  return [head, '', ...table].join('\n');
}

/** For an SMS gateway: masked phones unless `full` holds the numbers (an audited export). */
export function formatContactCsv(rows: readonly ContactRow[], full?: ReadonlyMap<string, string>): string {
  return spreadsheetCsv([
    t.csvHeader,
    ...rows.map((r) => [
      r.cardNo,
      r.holderName ?? '',
      r.holderIdMasked ?? '',
      full?.get(r.cardNo) ?? r.phoneMasked ?? '',
      r.unitCode ?? '',
      r.unitName ?? '',
      r.formCode ?? '',
      r.site.code,
      r.site.name,
      r.receivedOn,
      r.dueBy,
      r.contacted ? t.yes : t.no,
      r.overdue ? t.yes : t.no,
    ]),
  ]);
}

export function contactCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('contact', t.describe, (c) =>
    c
      .command(
        'list',
        t.listDescribe,
        (l) =>
          l
            .option('overdue', { type: 'boolean', default: false, describe: t.overdue })
            .option('csv', { type: 'boolean', default: false, describe: t.csv })
            .option('unmasked', { type: 'boolean', default: false, describe: t.unmasked })
            .option('out', { type: 'string', describe: cliCommon.options.outPrivate }),
        (argv) =>
          withActor(argv, (ledger, actor) => {
            const rows = contactList(ledger, actor, workingCalendar(), { overdueOnly: argv.overdue });
            const asOf = todayInChina(ledger.now());
            const o = out();
            if (!argv.csv && !argv.out) return emit(o, rows, () => formatContactText(rows, asOf));
            const full = argv.csv && argv.unmasked ? contactPhonesForExport(ledger, actor, rows) : undefined;
            const text = argv.csv ? formatContactCsv(rows, full) : `${formatContactText(rows, asOf)}\n`;
            const format = argv.csv ? 'csv' : 'text';
            printDocument(o, { text, path: argv.out, json: () => ({ format, rows: rows.length, text }), saved: (path) => ({ data: { format, rows: rows.length, path }, text: t.saved({ rows: rows.length, path }) }) });
          }),
      )
      .command(
        'record <card>',
        t.recordDescribe,
        (r) =>
          r
            .positional('card', { type: 'string', demandOption: true })
            .option('by', { type: 'string', choices: ['phone', 'sms', 'unit'], demandOption: true, describe: t.by })
            .option('result', { type: 'string', describe: t.result }),
        (argv) =>
          withActor(argv, (ledger, actor) => {
            const r = recordContact(ledger, actor, { cardNo: argv.card, channel: argv.by, ...(argv.result ? { result: argv.result } : {}) });
            emit(out(), r, () => applicationsText.recorded({ cardNo: r.cardNo, channel: channel(r.channel) }));
          }),
      )
      .command(
        'show <card>',
        t.showDescribe,
        (s) => s.positional('card', { type: 'string', demandOption: true }),
        (argv) =>
          withActor(argv, (ledger, actor) => {
            const d = showContact(ledger, actor, argv.card);
            emit(out(), d, () => formatDetail(d));
          }),
      )
      .demandCommand(1),
  );
}

function formatDetail(d: ReturnType<typeof showContact>): string {
  const L = t.detail;
  const unit = [d.unitCode, d.unitName].filter(Boolean).join(' ');
  return [
    L.field(L.card, d.cardNo),
    L.field(L.holder, d.holderName ?? '-'),
    L.field(L.idNumber, d.holderIdMasked ?? '-'),
    L.field(L.mobile, d.mobile ?? '-'),
    L.field(L.phone, d.phone ?? '-'),
    L.field(L.address, d.address ?? '-'),
    L.field(L.unit, unit || '-'),
    L.field(L.formCode, d.formCode ?? '-'),
    L.field(L.contacts, ''),
    ...(d.contacts.length ? d.contacts.map((c) => `  ${formatLocalTime(c.at)} ${channel(c.channel)} ${c.result ?? ''}`) : [`  ${L.noContacts}`]),
  ].join('\n');
}
