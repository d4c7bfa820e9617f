/**
 * The hand-over sheet (交接单, GD Art. 12) as printed paper and as a spreadsheet file. The paper
 * copy is what the sender and the receiver sign; GD Art. 12 wants it to match the electronic
 * record, so both are produced from the same HandoverSheet. Pure: no fs, no SQL, no Ink.
 */
import { displayWidth, fitWidth } from '../text/display-width.ts';
import { TEXT_WIDTH, labeledLines, spreadsheetCsv, textTable, wrapText } from '../text/text-table.ts';
import { formatLocalTime } from './china-dates.ts';
import { signatureLines } from './paper-form.ts';
import { METHOD_LABELS } from './shipment.ts';
import type { HandoverCard, HandoverSheet } from './shipment.ts';
import { reportTexts } from '../i18n/domain/reports.ts';
import { maxOf } from '../text/max-of.ts';
import { ledgerHeadCsvRow, ledgerHeadLines } from './ledger-head.ts';

const T = reportTexts.handover;

export const RULE_QUOTE = T.ruleQuote;

// ---------------------------------------------------------------------------------------------
// The hand-over sheet

function site(s: { code: string; name: string }): string {
  return `${s.code} ${s.name}`;
}

function sentTime(sheet: HandoverSheet): string {
  return sheet.sentAt === null ? T.draftTime : formatLocalTime(sheet.sentAt);
}

function nameCell(c: HandoverCard): string {
  if (c.holderName !== null && c.holderName !== '') return c.holderName;
  return c.kind === 'prefab' ? T.prefabName : '-';
}

function countList(items: readonly { label: string; count: number }[]): string[] {
  const cw = maxOf(items, (i) => String(i.count).length, 1);
  const unit = T.unit;
  const lw = Math.min(maxOf(items, (i) => displayWidth(i.label), 0), TEXT_WIDTH - 2 - 2 - cw - displayWidth(unit));
  return items.map((i) => `  ${fitWidth(i.label, lw)}  ${String(i.count).padStart(cw)}${unit}`);
}

/** The header fields, label and value, as printed and as written to the CSV. */
function headerFields(sheet: HandoverSheet, labels: typeof T.fields | typeof T.csv, noTracking: string): [string, string][] {
  return [
    [labels.number, sheet.number],
    [labels.from, site(sheet.from)],
    [labels.to, site(sheet.to)],
    [labels.method, METHOD_LABELS[sheet.method]],
    [labels.tracking, sheet.trackingNo ?? noTracking],
    [labels.sender, sheet.senderName],
    [labels.createdBy, sheet.createdBy],
    [labels.sentAt, sentTime(sheet)],
  ];
}

function hasNote(sheet: HandoverSheet): sheet is HandoverSheet & { note: string } {
  return sheet.note !== null && sheet.note.trim() !== '';
}

/** The sheet as plain text for printing and signing; every line at most 80 columns. */
export function formatHandoverText(sheet: HandoverSheet): string {
  const heavy = '='.repeat(TEXT_WIDTH);
  const light = '-'.repeat(TEXT_WIDTH);
  const fields = headerFields(sheet, T.fields, T.noTracking);
  const labelWidth = Math.max(...fields.map(([l]) => displayWidth(l)));
  const cardRows = sheet.cards.map((c, i) => [String(i + 1), c.cardNo, c.batch, c.box ?? '-', nameCell(c)]);
  const cardNoWidth = maxOf(sheet.cards, (c) => displayWidth(c.cardNo), 0);
  const col = T.columns;
  const lines = [
    fitWidth(T.title, TEXT_WIDTH, 'center').trimEnd(),
    heavy,
    ...fields.flatMap(([l, v]) => labeledLines(l, v, TEXT_WIDTH, labelWidth)),
    light,
    T.batches(sheet.batches.length),
    ...countList(sheet.batches.map((b) => ({ label: b.code, count: b.count }))),
    T.boxes(sheet.boxes.length),
    ...countList(sheet.boxes.map((b) => ({ label: b.key, count: b.count }))),
    T.total(sheet.cards.length),
    light,
    T.cardList,
    ...textTable(
      [{ header: col.seq, align: 'right' }, { header: col.cardNo, min: cardNoWidth }, { header: col.batch, min: 8 }, { header: col.box }, { header: col.name }],
      cardRows,
    ),
    light,
    ...(hasNote(sheet) ? [...labeledLines(T.note, sheet.note.trim()), light] : []),
    '',
    ...signatureLines(T.signatures),
    '',
    light,
    ...wrapText(RULE_QUOTE, TEXT_WIDTH),
    ...ledgerHeadLines(sheet.ledgerHead),
  ];
  return `${lines.join('\n')}\n`;
}

/** The sheet as a CSV for Excel or WPS: details, the card list, then signature cells. */
export function formatHandoverCsv(sheet: HandoverSheet): string {
  const csv = T.csv;
  const col = T.columns;
  const rows: (string | number)[][] = [
    ...headerFields(sheet, csv, ''),
    [csv.batches, T.countCell(sheet.batches.map((b) => ({ label: b.code, count: b.count })))],
    [csv.boxes, T.countCell(sheet.boxes.map((b) => ({ label: b.key, count: b.count })))],
    [csv.total, sheet.cards.length],
    ...(hasNote(sheet) ? [[csv.note, sheet.note.trim()]] : []),
    [],
    [col.seq, col.cardNo, col.batch, col.box, col.name],
    ...sheet.cards.map((c, i) => [i + 1, c.cardNo, c.batch, c.box ?? '', c.holderName ?? '']),
    [],
    ...csv.signatures.map((label) => [label, '']),
    ...ledgerHeadCsvRow(sheet.ledgerHead),
  ];
  return spreadsheetCsv(rows);
}
