/**
 * The hand-over sheet (交接单, GD Art. 12) as printed paper and as a spreadsheet file. The paper
 * copy is what the sender and the receiver sign; GD Art. 12 wants it to match the electronic
 * record, so both are produced from the same HandoverSheet. Pure: no fs, no SQL, no Ink.
 */
import { displayWidth, fitWidth } from '../text/display-width.ts';
import { TEXT_WIDTH, labeledLines, spreadsheetCsv, textTable, wrapText } from '../text/text-table.ts';
import { formatLocalTime } from './china-dates.ts';
import { METHOD_LABELS } from './shipment.ts';
import type { HandoverCard, HandoverSheet } from './shipment.ts';


export const RULE_QUOTE = '依据《广东省社会保障卡业务经办规程》第十二条：纸质交接记录须与系统电子记录一致，至少保管5年。';

// ---------------------------------------------------------------------------------------------
// The hand-over sheet

const DRAFT_TIME = '未发出（草稿）';
const NO_TRACKING = '—';

function site(s: { code: string; name: string }): string {
  return `${s.code} ${s.name}`;
}

function sentTime(sheet: HandoverSheet): string {
  return sheet.sentAt === null ? DRAFT_TIME : formatLocalTime(sheet.sentAt);
}

function nameCell(c: HandoverCard): string {
  if (c.holderName !== null && c.holderName !== '') return c.holderName;
  return c.kind === 'prefab' ? '（预制卡）' : '-';
}

const SIGNATURES = ['发出人签字：', '接收单位签收人签字：', '保管人（责任人）签字：'] as const;
const SIGN_BLANK = '________________';
const DATE_BLANK = '日期：____年__月__日';

/** Lines a pen can fill in: labels padded to one width so the blanks line up on paper. */
function signatureLines(labels: readonly string[]): string[] {
  const lw = Math.max(...labels.map(displayWidth));
  return labels.flatMap((l, i) => [...(i > 0 ? [''] : []), `${fitWidth(l, lw)}${SIGN_BLANK}  ${DATE_BLANK}`]);
}

function countList(items: readonly { label: string; count: number }[]): string[] {
  const cw = Math.max(1, ...items.map((i) => String(i.count).length));
  const unit = ' 张';
  const lw = Math.min(Math.max(0, ...items.map((i) => displayWidth(i.label))), TEXT_WIDTH - 2 - 2 - cw - displayWidth(unit));
  return items.map((i) => `  ${fitWidth(i.label, lw)}  ${String(i.count).padStart(cw)}${unit}`);
}

/** The sheet as plain text for printing and signing; every line at most 80 columns. */
export function formatHandoverText(sheet: HandoverSheet): string {
  const heavy = '='.repeat(TEXT_WIDTH);
  const light = '-'.repeat(TEXT_WIDTH);
  const fields: [string, string][] = [
    ['交接单号：', sheet.number],
    ['发出单位：', site(sheet.from)],
    ['接收单位：', site(sheet.to)],
    ['发放方式：', METHOD_LABELS[sheet.method]],
    ['运单号：', sheet.trackingNo ?? NO_TRACKING],
    ['发出人：', sheet.senderName],
    ['制单人：', sheet.createdBy],
    ['发出时间：', sentTime(sheet)],
  ];
  const labelWidth = Math.max(...fields.map(([l]) => displayWidth(l)));
  const cardRows = sheet.cards.map((c, i) => [String(i + 1), c.cardNo, c.batch, c.box ?? '-', nameCell(c)]);
  const cardNoWidth = Math.max(0, ...sheet.cards.map((c) => displayWidth(c.cardNo)));
  const lines = [
    fitWidth('社会保障卡交接单', TEXT_WIDTH, 'center').trimEnd(),
    heavy,
    ...fields.flatMap(([l, v]) => labeledLines(l, v, TEXT_WIDTH, labelWidth)),
    light,
    `批次（共 ${sheet.batches.length} 个）：`,
    ...countList(sheet.batches.map((b) => ({ label: b.code, count: b.count }))),
    `箱（共 ${sheet.boxes.length} 个）：`,
    ...countList(sheet.boxes.map((b) => ({ label: b.key, count: b.count }))),
    `卡片总数：${sheet.cards.length} 张`,
    light,
    '卡片清单：',
    ...textTable(
      [{ header: '序号', align: 'right' }, { header: '社保卡号', min: cardNoWidth }, { header: '批次', min: 8 }, { header: '箱号' }, { header: '姓名' }],
      cardRows,
    ),
    light,
    ...(sheet.note !== null && sheet.note.trim() !== '' ? [...labeledLines('备注：', sheet.note.trim()), light] : []),
    '',
    ...signatureLines(SIGNATURES),
    '',
    light,
    ...wrapText(RULE_QUOTE, TEXT_WIDTH),
  ];
  return `${lines.join('\n')}\n`;
}

/** `420100-2026-1120×24；420100-2026-1121×1`: one cell a spreadsheet keeps as text. */
function countCell(items: readonly { label: string; count: number }[]): string {
  return items.map((i) => `${i.label}×${i.count}`).join('；');
}

/** The sheet as a CSV for Excel or WPS: details, the card list, then signature cells. */
export function formatHandoverCsv(sheet: HandoverSheet): string {
  const rows: (string | number)[][] = [
    ['交接单号', sheet.number],
    ['发出单位', site(sheet.from)],
    ['接收单位', site(sheet.to)],
    ['发放方式', METHOD_LABELS[sheet.method]],
    ['运单号', sheet.trackingNo ?? ''],
    ['发出人', sheet.senderName],
    ['制单人', sheet.createdBy],
    ['发出时间', sentTime(sheet)],
    ['批次', countCell(sheet.batches.map((b) => ({ label: b.code, count: b.count })))],
    ['箱', countCell(sheet.boxes.map((b) => ({ label: b.key, count: b.count })))],
    ['卡片总数', sheet.cards.length],
    ...(sheet.note !== null && sheet.note.trim() !== '' ? [['备注', sheet.note.trim()]] : []),
    [],
    ['序号', '社保卡号', '批次', '箱号', '姓名'],
    ...sheet.cards.map((c, i) => [i + 1, c.cardNo, c.batch, c.box ?? '', c.holderName ?? '']),
    [],
    ['发出人签字', ''],
    ['签收人签字', ''],
    ['保管人签字', ''],
    ['签收日期', ''],
  ];
  return spreadsheetCsv(rows);
}
