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
  let inQuotes = false;
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
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (field.length > 0 || wasQuoted) {
        throw new SbkError('CSV_INVALID', `CSV 第 ${line} 行：引号只能出现在字段开头（字段内的引号须写成两个引号 ""）。`, { line });
      }
      inQuotes = true;
      wasQuoted = true;
      i += 1;
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line += 1;
      continue;
    }
    if (wasQuoted) {
      throw new SbkError('CSV_INVALID', `CSV 第 ${line} 行：引号字段结束后只能跟逗号或换行。`, { line });
    }
    field += ch;
    i += 1;
  }
  if (inQuotes) {
    throw new SbkError('CSV_INVALID', `CSV 第 ${line} 行：引号没有闭合，文件可能被截断。`, { line });
  }
  // Text after the last line break is a final record; a trailing line break adds nothing.
  if (field.length > 0 || wasQuoted || record.length > 0) endRecord();
  return records;
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
    throw new SbkError(
      'CSV_INVALID',
      `${fileLabel} 的表头应为「${expectedHeader.join(',')}」，实际为「${header?.join(',') ?? '（空文件）'}」。`,
      { file: fileLabel, expected: expectedHeader, actual: header ?? null },
    );
  }
  return rows.map((row, idx) => {
    if (row.length !== expectedHeader.length) {
      // +2: one for the header, one because people count lines from 1.
      throw new SbkError(
        'CSV_INVALID',
        `${fileLabel} 第 ${idx + 2} 条记录有 ${row.length} 个字段，应为 ${expectedHeader.length} 个。`,
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
