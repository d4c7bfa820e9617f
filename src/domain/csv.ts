/**
 * A small RFC 4180 reader and writer for the fixture CSVs (and any other comma-separated
 * text we produce ourselves). Deliberately tiny: no type coercion, no dialect sniffing.
 * The maker and bank files of GD Annex 6/9 have their own line-1-is-a-count layout and
 * encodings; they are not read with this.
 */
import { SbkError } from './errors.ts';

/**
 * Parses CSV text into records of fields.
 * - Fields may be quoted with `"`; a doubled `""` inside quotes is one quote; quoted fields may
 *   hold commas and line breaks (RFC 4180 §2.5-2.7).
 * - Records end at CRLF, LF or a lone CR, so files edited on any system read the same.
 * - A leading UTF-8 BOM is dropped; a final line break does not make an empty record.
 * - A blank line in the middle is kept as a record with one empty field, so callers that
 *   check the field count notice it instead of silently skipping data.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  // True once the current field was opened with a quote: text after the closing quote
  // other than a separator is malformed and must not be glued on silently.
  let wasQuoted = false;
  let line = 1;
  let i = 0;
  const endField = (): void => {
    record.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    record = [];
  };

  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"') {
      if (field.length > 0 || wasQuoted) throw new SbkError('CSV_INVALID.quoteInField', { line });
      const quoted = readQuoted(src, i + 1, line);
      field = quoted.text;
      line = quoted.line;
      i = quoted.next;
      wasQuoted = true;
    } else if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line += 1;
    } else {
      if (wasQuoted) throw new SbkError('CSV_INVALID.afterQuote', { line });
      field += ch;
      i += 1;
    }
  }
  // Text after the last line break is a final record; a trailing line break adds nothing.
  if (field.length > 0 || wasQuoted || record.length > 0) endRecord();
  return records;
}

/**
 * The text of a quoted field, read from just after its opening quote: a doubled `""` is one
 * quote, line breaks are kept (and counted). Returns where reading goes on, after the closing quote.
 */
function readQuoted(src: string, from: number, startLine: number): { text: string; next: number; line: number } {
  let text = '';
  let line = startLine;
  let i = from;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"') {
      if (src[i + 1] !== '"') return { text, next: i + 1, line };
      text += '"';
      i += 2;
      continue;
    }
    if (ch === '\n') line += 1;
    text += ch;
    i += 1;
  }
  throw new SbkError('CSV_INVALID.unclosedQuote', { line });
}

/** Quotes a field only when RFC 4180 requires it (comma, quote, CR or LF inside). */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes records as CSV with LF line ends and a final LF. LF rather than the RFC's CRLF keeps
 * committed fixtures diff-friendly; `parseCsv` reads both.
 */
export function formatCsv(records: readonly (readonly string[])[]): string {
  return records.map((r) => r.map(formatCsvField).join(',')).join('\n') + '\n';
}

/**
 * Parses CSV whose first record is a header and returns one object per data record, keyed by
 * header name. The header must be exactly `expectedHeader` (same names, same order) and every
 * record must have that many fields: fixture files are ours, so any drift is a bug to report.
 */
export function parseCsvWithHeader<K extends string>(
  text: string,
  expectedHeader: readonly K[],
  fileLabel = 'CSV',
): Record<K, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.join(',') !== expectedHeader.join(',')) {
    throw new SbkError('CSV_INVALID.header', { file: fileLabel, expected: expectedHeader, actual: header ?? null });
  }
  return rows.map((row, idx) => {
    if (row.length !== expectedHeader.length) {
      // +2: one for the header, one because people count lines from 1.
      throw new SbkError(
        'CSV_INVALID.fieldCount',
        { file: fileLabel, record: idx + 2, fields: row.length, expected: expectedHeader.length },
        { file: fileLabel, record: idx + 2, fields: row.length },
      );
    }
    const obj = {} as Record<K, string>;
    expectedHeader.forEach((name, col) => {
      obj[name] = row[col]!;
    });
    return obj;
  });
}
