/**
 * 批量领取清单 as printable text and as CSV: both parties (the office and the unit, its contact
 * and authorisation), one line per card with the holder's masked ID, the totals, and signature
 * lines for both sides — GD Art. 15 二: “卡经办网点对照《广东省社会保障卡批量业务申请表》，分拣并清点数量
 * ……双方清点数量并签字确认。” The holder's column is left blank for the unit's list to be signed,
 * or shows how the card was settled. Pure: no fs, no SQL, no Ink; values arrive masked.
 */
import { labeledLines, spreadsheetCsv, textTable, TEXT_WIDTH } from '../text/text-table.ts';
import { maxOf } from '../text/max-of.ts';
import { displayWidth } from '../text/display-width.ts';
import { pickupSheetText as t } from '../i18n/domain/pickup-sheet.ts';
import { ledgerHeadCsvRow, ledgerHeadLines, type LedgerHead } from './ledger-head.ts';
import type { SettleOutcome } from './pickup-paperwork.ts';

export type PickupSheetCard = { holderName: string | null; holderIdMasked: string | null; cardNo: string; bank: string; outcome: SettleOutcome | null };

export type PickupSheet = {
  ref: string;
  office: { code: string; name: string };
  /** China time, as printed. */
  at: string;
  operator: string;
  agent: string;
  agentIdMasked: string | null;
  /** The letter's number as the movement recorded it (always there). */
  authRef: string;
  papers: { unitCode: string; unitName: string; contactName: string; contactPhoneMasked: string; authFrom: string; authTo: string } | null;
  cards: readonly PickupSheetCard[];
  ledgerHead?: LedgerHead | null;
};

export type PickupSheetTotals = { cards: number; holder: number; unit: number; back: number; open: number };

export function pickupSheetTotals(cards: readonly PickupSheetCard[]): PickupSheetTotals {
  const n = (o: SettleOutcome | null) => cards.filter((c) => c.outcome === o).length;
  return { cards: cards.length, holder: n('holder_signed'), unit: n('unit_signed'), back: n('not_received'), open: n(null) };
}

/** The header as label–value pairs, shared by the text and the CSV. */
function headerPairs(s: PickupSheet): [string, string][] {
  const p = s.papers;
  return [
    [t.ref, s.ref],
    [t.office, `${s.office.code} ${s.office.name}`],
    [t.at, s.at],
    [t.operator, s.operator],
    [t.unit, p ? `${p.unitCode} ${p.unitName}` : t.noPapers],
    ...(p
      ? ([
          [t.contact, p.contactName],
          [t.phone, p.contactPhoneMasked],
        ] as [string, string][])
      : []),
    [t.authorisation, s.authRef],
    ...(p ? ([[t.period, t.periodValue({ from: p.authFrom, to: p.authTo })]] as [string, string][]) : []),
    [t.agent, s.agent],
    [t.agentId, s.agentIdMasked ?? t.none],
  ];
}

const cells = (c: PickupSheetCard, i: number): string[] => [String(i + 1), c.holderName ?? t.none, c.holderIdMasked ?? t.none, c.cardNo, c.bank, c.outcome ? t.outcomes[c.outcome] : ''];

export function formatPickupSheet(s: PickupSheet, width: number = TEXT_WIDTH): string {
  const c = t.columns;
  const labelWidth = maxOf(headerPairs(s), ([l]) => displayWidth(l), 0);
  const table = textTable(
    [
      { header: c.no, align: 'right' },
      { header: c.name },
      { header: c.idNumber, min: 18 },
      { header: c.cardNo, min: maxOf(s.cards, (x) => x.cardNo.length, 0) },
      { header: c.bank },
      { header: c.sign, min: 10 },
    ],
    s.cards.map(cells),
    width,
  );
  const totals = pickupSheetTotals(s.cards);
  return [
    t.title,
    '',
    ...headerPairs(s).flatMap(([label, value]) => labeledLines(label, value, width, labelWidth)),
    '',
    ...table,
    '',
    t.total({ cards: totals.cards }),
    ...(totals.open < totals.cards ? [t.settled(totals)] : []),
    '',
    ...labeledLines('', t.basis, width, 0),
    '',
    `${t.signOffice}  ${t.signDate}`,
    '',
    `${t.signUnit}  ${t.signDate}`,
    '',
    ...ledgerHeadLines(s.ledgerHead),
  ]
    .join('\n')
    .trimEnd();
}

export function pickupSheetCsv(s: PickupSheet): string {
  const c = t.columns;
  const totals = pickupSheetTotals(s.cards);
  return spreadsheetCsv([
    [t.title],
    ...headerPairs(s).map(([l, v]) => [t.csvLabel(l), v]),
    [],
    [c.no, c.name, c.idNumber, c.cardNo, c.bank, c.sign],
    ...s.cards.map(cells),
    [],
    [t.total({ cards: totals.cards })],
    ...(totals.open < totals.cards ? [[t.settled(totals)]] : []),
    [t.csv.signOffice, '', t.csv.date, ''],
    [t.csv.signUnit, '', t.csv.date, ''],
    ...ledgerHeadCsvRow(s.ledgerHead),
  ]);
}
