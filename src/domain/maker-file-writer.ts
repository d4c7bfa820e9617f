/**
 * Writes maker return files in the GD Annex 9 一(四) layout, and invents plausible rows for
 * them. Used by the fixture generator (fixtures/maker-files/generate.ts) and by tests; the
 * office never writes these files itself, the maker does. Pure: the caller chooses the
 * encoding, line ends and BOM and writes the bytes.
 */
import { SbkError } from './errors.ts';
import { luhnCheckDigit } from './luhn.ts';
import { MAKER_HEADER } from './maker-file-format.ts';
import type { MakerFileKind, MakerRow } from './maker-file.ts';
import { daysInMonth } from './china-dates.ts';
import { residentIdCheckChar } from './resident-id.ts';
import { seededRandom } from './seeded-random.ts';
import { GIVEN_NAMES, GUANGZHOU_AREAS, MIDDLE_DOT_NAME, RARE_CHARACTER_NAME, SURNAMES } from './synthetic-people.ts';

/** The parts of the file name other than the kind and the count. */
export type MakerFileFields = {
  bank: string;
  cityBody: string;
  batch: string;
  maker: string;
  bankCode: string;
  time: string;
};

/** A row as written: what the reader returns, less the parts it derives. */
export type MakerRowData = Omit<MakerRow, 'line' | 'boxLabel'>;

const PREFIX: Readonly<Record<MakerFileKind, string>> = { prefab: 'YZKCG', finished: 'CPKCG' };

/**
 * The file name and text: count line, header, one line per row, LF line ends and a final LF,
 * no BOM. Dates are written `YYYYMMDD`. The format has no quoting, so a value holding a
 * comma or a line break cannot be written and is refused (a bug in the caller), as is a
 * name part holding `_` or a path separator.
 */
export function writeMakerFile(
  kind: MakerFileKind,
  fields: MakerFileFields,
  rows: readonly MakerRowData[],
): { fileName: string; text: string } {
  const parts = [fields.bank, fields.cityBody, fields.batch, String(rows.length), fields.maker, fields.bankCode, fields.time];
  for (const p of parts) {
    if (p === '' || /[_/\\]/.test(p)) {
      throw new SbkError('MAKER_WRITE.nameParts', undefined, { part: p });
    }
  }
  const fileName = `${PREFIX[kind]}_${parts.join('_')}.txt`;
  const cell = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    if (/[,\r\n]/.test(s)) {
      throw new SbkError('MAKER_WRITE.fieldChars');
    }
    return s;
  };
  const compactDate = (d: string | null): string | null => (d === null ? null : d.replace(/-/g, ''));
  const lines = rows.map((r) =>
    [
      r.seq,
      r.cardNo,
      r.idNumber,
      r.name,
      compactDate(r.issueDate),
      compactDate(r.expiryDate),
      r.cardIdCode,
      r.resetCode,
      r.personalAccount,
      r.bankCardNo,
      r.bankAccount,
      r.boxPosition,
    ]
      .map(cell)
      .join(','),
  );
  return { fileName, text: [String(rows.length), MAKER_HEADER.join(','), ...lines].join('\n') + '\n' };
}

export type SyntheticRowOptions = {
  /** card number prefix; the rest of the 9 characters is the row number. Default F7 / P9. */
  cardPrefix?: string;
  /** cards per box; 装箱位置 is `箱号-位置`, e.g. `02-013`. Default 100. */
  boxSize?: number;
  /** 制卡日期 of finished cards, YYYY-MM-DD. Default 2026-11-18. */
  issueDate?: string;
  /** bank card BIN. Default 622202 (an ICBC debit BIN). */
  bin?: string;
};

/**
 * `n` valid rows, the same for the same arguments. Card numbers, card identification codes and
 * bank card numbers embed the row number, so they are unique within a file by construction.
 * Finished rows get Guangzhou resident IDs with correct check characters and names, including
 * `张[CHUI]` (GD Art. 34) on row 3 when n ≥ 3 and a minority name with a middle dot on row 8.
 * Prefab rows leave the holder columns and dates empty, as the Annex sample does.
 */
export function syntheticMakerRows(
  kind: MakerFileKind,
  n: number,
  seed: number,
  opts: SyntheticRowOptions = {},
): MakerRowData[] {
  const prefix = opts.cardPrefix ?? (kind === 'finished' ? 'F7' : 'P9');
  const boxSize = opts.boxSize ?? 100;
  const issueDate = opts.issueDate ?? '2026-11-18';
  const bin = opts.bin ?? '622202';
  if (!/^[A-Z0-9]{1,8}$/.test(prefix) || n > 10 ** (9 - prefix.length) - 1) {
    throw new SbkError('MAKER_WRITE.cardPrefix', undefined, { prefix, n });
  }
  if (!Number.isInteger(boxSize) || boxSize < 1 || !/^[0-9]{1,10}$/.test(bin)) {
    throw new SbkError('MAKER_WRITE.boxSize', undefined, { boxSize, bin });
  }
  const issueYear = Number(issueDate.slice(0, 4));
  const expiryYear = issueYear + 10; // HB Art. 2: cards are valid for 10 years
  const expiryDay = Math.min(Number(issueDate.slice(8, 10)), daysInMonth(expiryYear, Number(issueDate.slice(5, 7))));
  const expiryDate = `${expiryYear}-${issueDate.slice(5, 7)}-${String(expiryDay).padStart(2, '0')}`;

  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const digits = (k: number): string => Array.from({ length: k }, () => Math.floor(rnd() * 10)).join('');
  const hex = (k: number): string => Array.from({ length: k }, () => '0123456789ABCDEF'[Math.floor(rnd() * 16)]).join('');

  return Array.from({ length: n }, (_, i) => {
    const seq = i + 1;
    const idx8 = String(seq).padStart(8, '0');
    // Derived from the card number, so two generated files never share a bank account (the
    // ledger refuses that, as it should for real files).
    const cardNo = `${prefix}${String(seq).padStart(9 - prefix.length, '0')}`;
    const fromCardNo = [...cardNo].map((ch) => (/\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55))).join('');
    const partial = bin + fromCardNo.padStart(18 - bin.length, '0').slice(-(18 - bin.length));
    const bankCardNo = partial + luhnCheckDigit(partial);
    const box = String(Math.floor(i / boxSize) + 1).padStart(2, '0');
    const slot = String((i % boxSize) + 1).padStart(3, '0');
    let idNumber: string | null = null;
    let name: string | null = null;
    if (kind === 'finished') {
      const year = 1940 + Math.floor(rnd() * (issueYear - 1940));
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      const first17 = `${pick(GUANGZHOU_AREAS)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${digits(3)}`;
      idNumber = first17 + residentIdCheckChar(first17);
      name = i === 2 ? RARE_CHARACTER_NAME : i === 7 ? MIDDLE_DOT_NAME : pick(SURNAMES) + pick(GIVEN_NAMES);
    }
    return {
      seq,
      cardNo,
      idNumber,
      name,
      issueDate: kind === 'finished' ? issueDate : null,
      expiryDate: kind === 'finished' ? expiryDate : null,
      cardIdCode: `440100D15600${hex(12)}${idx8}`,
      resetCode: `3B6C0000${hex(18)}`,
      // The Annex 9 一(四) sample carries the same number in all three account columns.
      personalAccount: bankCardNo,
      bankCardNo,
      bankAccount: bankCardNo,
      boxPosition: `${box}-${slot}`,
    };
  });
}
