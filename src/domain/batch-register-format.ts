/**
 * 登记造册 (GD Art. 12 一(三)) printed: a CSV for the spreadsheet a supervisor keeps and files,
 * and a compact text view for the terminal. Pure: no fs, no SQL, no Ink.
 */
import type { BatchRegister } from './batch-register.ts';
import { KIND_LABELS, STATE_LABELS } from './card-states.ts';
import { formatLocalTime } from './china-dates.ts';
import { itemLines, spreadsheetCsv, textTable, TEXT_WIDTH, wrapText } from '../text/text-table.ts';
import { maskIdNumber } from './mask.ts';
import { reportTexts } from '../i18n/domain/reports.ts';
import { maxOf } from '../text/max-of.ts';

const T = reportTexts.batchRegister;

/** The register as a CSV for Excel or WPS: details, counts by state and by site, then every card. */
export function formatBatchRegisterCsv(reg: BatchRegister): string {
  const c = T.csv;
  const rows: (string | number)[][] = [
    [c.batch, reg.batch.code],
    [c.kind, KIND_LABELS[reg.batch.kind]],
    [c.bank, reg.batch.bank],
    [c.maker, reg.batch.maker],
    [c.declared, reg.batch.declaredCount],
    [c.scope, `${reg.scope.code} ${reg.scope.name}`],
    [c.generatedAt, formatLocalTime(reg.generatedAt)],
    [c.generatedBy, reg.generatedBy],
    [c.outsideScope, reg.outsideScope],
    [],
    [c.byState],
    [c.state, c.count],
    ...reg.byState.map((s) => [s.label, s.n]),
    [],
    [c.bySite],
    [c.siteCode, c.site, c.state, c.count],
    ...reg.bySite.map((s) => [s.siteCode, s.siteName, s.label, s.n]),
    [],
    [...c.cardColumns],
    ...reg.rows.map((r) => [
      r.box ?? '',
      r.boxPosition ?? '',
      r.cardNo,
      r.holderName ?? '',
      r.idNumber ?? '',
      STATE_LABELS[r.state],
      r.siteName,
      r.placeName ?? '',
      r.heldBy ?? '',
      formatLocalTime(r.since),
    ]),
  ];
  return spreadsheetCsv(rows);
}

/** The card table for the terminal (ID numbers masked), or a note that the scope holds none. */
function cardTable(reg: BatchRegister): string[] {
  if (reg.rows.length === 0) return [T.empty];
  const c = T.columns;
  const idWidth = maxOf(reg.rows, (r) => (r.idNumber === null ? 0 : maskIdNumber(r.idNumber).length), 0);
  const cardNoWidth = maxOf(reg.rows, (r) => r.cardNo.length, 0);
  return textTable(
    [
      { header: c.box, min: 3 },
      { header: c.cardNo, min: cardNoWidth },
      { header: c.name, min: 6 },
      { header: c.idNumber, min: idWidth },
      { header: c.state },
      { header: c.site, min: 8 },
      { header: c.heldBy, min: 6 },
    ],
    reg.rows.map((r) => [
      r.box ?? '-',
      r.cardNo,
      r.holderName ?? '-',
      r.idNumber === null ? '-' : maskIdNumber(r.idNumber),
      STATE_LABELS[r.state],
      r.siteName,
      r.heldBy ?? '-',
    ]),
    TEXT_WIDTH,
    1,
  );
}

/**
 * The register for the terminal, every line at most 80 columns. ID numbers are masked here
 * whatever the caller passed: a screen is seen by whoever stands behind the operator.
 */
export function formatBatchRegisterText(reg: BatchRegister): string {
  const { batch } = reg;
  const total = reg.byState.reduce((a, s) => a + s.n, 0);

  // One line per site, in the order the workflow sorted them.
  const sites = new Map<string, { name: string; items: string[] }>();
  for (const s of reg.bySite) {
    const entry = sites.get(s.siteCode) ?? { name: s.siteName, items: [] };
    entry.items.push(T.count(s));
    sites.set(s.siteCode, entry);
  }

  const lines = [
    ...itemLines(T.title, [T.batch(batch.code), KIND_LABELS[batch.kind], T.declared(batch.declaredCount)]),
    ...itemLines('', [T.scope(reg.scope), T.inScope(total), T.outsideScope(reg.outsideScope)]),
    ...itemLines('', [T.bank(batch.bank), T.maker(batch.maker)]),
    ...wrapText(T.generated({ at: formatLocalTime(reg.generatedAt), by: reg.generatedBy }), TEXT_WIDTH),
    ...itemLines(T.byState, reg.byState.length === 0 ? ['-'] : reg.byState.map((s) => T.count(s))),
    T.bySite,
    ...[...sites].flatMap(([code, s]) => itemLines('  ', [T.siteHead({ code, name: s.name }), ...s.items])),
    '',
    ...cardTable(reg),
  ];
  return `${lines.join('\n')}\n`;
}
