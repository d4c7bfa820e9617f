/**
 * The issuance ledger (发放管理台账, GD Art. 12 一(三), Art. 14 一(二)) as printable text and as a
 * spreadsheet, and the shapes the workflow (src/workflows/issuance-ledger.ts) fills. Pure: no
 * fs, no SQL, no Ink. Addresses and tracking numbers are outside text: the CLI prints through
 * printableText, the console through its cells.
 */
import { formatLocalTime } from './china-dates.ts';
import { TEXT_WIDTH, spreadsheetCsv, textTable, wrapText } from '../text/text-table.ts';
import { maxOf } from '../text/max-of.ts';
import { issuanceLedgerReport as T } from '../i18n/domain/issuance-ledger-report.ts';

export type ReceiverType = 'self' | 'agent' | 'unit' | 'mail';
export type LedgerEvent = 'issue' | 'pickup' | 'settlement' | 'mail_sent' | 'mail_delivered';
export type ReadCheckOutcome = 'passed' | 'not_done';

export type IssuanceLedgerRow = {
  /** The movement's sequence number in the ledger. */
  seq: number;
  at: string;
  event: LedgerEvent;
  eventLabel: string;
  cardNo: string;
  holderName: string | null;
  holderIdMasked: string | null;
  site: { code: string; name: string };
  receiverType: ReceiverType;
  receiverLabel: string;
  /** The agent (counter 代领), the unit's agent (pickup and its settlement); null otherwise. */
  agentName: string | null;
  readCheck: ReadCheckOutcome;
  readCheckLabel: string;
  /**
   * What the signed paper is matched by: the pickup reference for a unit's pickup (one list both
   * sides sign, GD Art. 15 二), the tracking number for the post, the ledger sequence number otherwise.
   */
  receiptNo: string;
  /** The desk must hold a signed receipt for it (a delivery by post is signed for with the carrier). */
  signed: boolean;
  operator: { login: string; name: string };
  /** For a pickup's settlement: how the holder's line on the unit's signed list came back; null otherwise or when not recorded. */
  settledAs?: 'holder_signed' | 'unit_signed' | 'not_received' | null;
  /** The mailing, for mail rows. */
  mail: { carrier: string; trackingNo: string; address: string; code: string | null } | null;
};

export const LEDGER_EVENTS: readonly LedgerEvent[] = ['issue', 'pickup', 'settlement', 'mail_sent', 'mail_delivered'];

export type OperatorTotals = { login: string; name: string } & Record<LedgerEvent | 'total', number>;

export type IssuanceLedger = {
  from: string;
  to: string;
  site: { code: string; name: string };
  rows: IssuanceLedgerRow[];
  /** Distinct signed receipts the desk must hold for the period. */
  receiptsToHold: number;
  byOperator: OperatorTotals[];
};

export type LedgerPrintMeta = { printedAt?: string | null; printedBy?: string | null };

const C = T.columns;
const dash = (s: string | null | undefined): string => (s && s.trim() ? s : '-');
/** `12-07 10:30`: the year is in the period line. */
const shortTime = (iso: string): string => formatLocalTime(iso).slice(5);

/** What the 方式 column says: 本人 or 代领 at the counter, else the kind of hand-over. */
const howLabel = (r: IssuanceLedgerRow): string => (r.event === 'issue' ? r.receiverLabel : r.eventLabel);

/** The line under an entry that names the agent or the mailing, if any. */
function detailOf(r: IssuanceLedgerRow): string | null {
  if (r.mail) return T.mailDetail({ carrier: r.mail.carrier, trackingNo: r.mail.trackingNo, address: r.mail.address, code: r.mail.code });
  return r.agentName ? T.agentDetail(r.agentName) : null;
}

/** One line per entry (the ID numbers are in the CSV), and under it the agent or the mailing. */
function entryTable(rows: readonly IssuanceLedgerRow[], width: number): string[] {
  const table = textTable(
    [
      { header: C.at, min: 11 },
      { header: C.cardNo, min: maxOf(rows, (r) => r.cardNo.length) },
      { header: C.holder },
      { header: C.how },
      { header: C.readCheck },
      { header: C.receiptNo, min: maxOf(rows, (r) => r.receiptNo.length) },
      { header: C.operator },
    ],
    rows.map((r) => [shortTime(r.at), r.cardNo, dash(r.holderName), howLabel(r), T.readChecksShort[r.readCheck], r.receiptNo, r.operator.name]),
    width,
    1,
  );
  const out = table.slice(0, 2);
  rows.forEach((r, i) => {
    out.push(table[i + 2] ?? '');
    const detail = detailOf(r);
    if (detail) out.push(...wrapText(detail, width - 4).map((piece) => `    ${piece}`));
  });
  return out;
}

function totalsTable(byOperator: readonly OperatorTotals[], width: number): string[] {
  const t = T.totals;
  return textTable(
    [{ header: t.operator }, ...LEDGER_EVENTS.map((e) => ({ header: t[e], align: 'right' as const })), { header: t.total, align: 'right' as const }],
    byOperator.map((o) => [`${o.name}(${o.login})`, ...LEDGER_EVENTS.map((e) => String(o[e])), String(o.total)]),
    width,
  );
}

/** The ledger as printable text (80 columns) for the desk to reconcile the signed receipts against. */
export function formatIssuanceLedgerText(l: IssuanceLedger, meta: LedgerPrintMeta = {}, width = TEXT_WIDTH): string {
  const printed = [meta.printedAt, meta.printedBy].filter((s): s is string => Boolean(s)).join(' ');
  const unchecked = l.rows.filter((r) => r.readCheck === 'not_done').length;
  const lines = [
    T.title,
    '='.repeat(width),
    T.site(l.site),
    T.period(l),
    ...(printed ? [T.printed(printed)] : []),
    '-'.repeat(width),
    ...(l.rows.length === 0 ? [T.none] : entryTable(l.rows, width)),
    '-'.repeat(width),
    T.count({ rows: l.rows.length, receipts: l.receiptsToHold }),
    ...(unchecked > 0 ? [T.noReadCheck({ n: unchecked })] : []),
    ...(l.byOperator.length > 0 ? ['', T.byOperator, ...totalsTable(l.byOperator, width)] : []),
    '',
    ...wrapText(T.ruleQuote, width),
  ];
  return `${lines.join('\n')}\n`;
}

/** The same ledger as a CSV for Excel or WPS (BOM, CRLF), one line per entry with every field. */
export function formatIssuanceLedgerCsv(l: IssuanceLedger, meta: LedgerPrintMeta = {}): string {
  const { csv } = T;
  return spreadsheetCsv([
    [T.title],
    [csv.siteCode, l.site.code],
    [csv.site, l.site.name],
    [csv.from, l.from],
    [csv.to, l.to],
    [csv.receipts, l.receiptsToHold],
    ...(meta.printedAt ? [[T.printed(meta.printedAt)]] : []),
    [],
    [C.at, C.site, C.cardNo, C.holder, C.idNumber, C.event, C.receiver, C.agent, C.readCheck, C.receiptNo, C.signed, C.operator, C.carrier, C.trackingNo, C.address, C.code],
    ...l.rows.map((r) => [
      formatLocalTime(r.at),
      r.site.name,
      r.cardNo,
      r.holderName ?? '',
      r.holderIdMasked ?? '',
      r.eventLabel,
      r.receiverLabel,
      r.agentName ?? '',
      r.readCheckLabel,
      r.receiptNo,
      r.signed ? T.yes : T.no,
      r.operator.name,
      r.mail?.carrier ?? '',
      r.mail?.trackingNo ?? '',
      r.mail?.address ?? '',
      r.mail?.code ?? '',
    ]),
  ]);
}
