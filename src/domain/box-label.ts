/**
 * The one grammar of what a scanner or an operator types for a box, and for the daily count's
 * typed forms. A box is `批次/箱号` as printed on a hand-over sheet or a box label (boxKey in
 * shipment.ts), or the bare label when it names exactly one of the boxes in question. Every scan
 * screen and the CLI read boxes through here. Pure.
 *
 * Grammar (after NFKC, so an IME's full-width ／ ＝ ＠ and digits read as half-width, and with
 * spaces dropped, as a keyboard-wedge scanner never sends them):
 *   box      = [batch "/"] label          batch, label: one or more of any character but / = @ and space
 *   count    = digit{1,6}                 a box's or hopper's number of cards: digits only
 *   entry    = card | box "=" count | "@" hopper "=" count     (the count's typed forms)
 */
import { SbkError } from './errors.ts';
import { normalizeCardInput } from './card-input.ts';

export type BoxLabel = { readonly batch: string | null; readonly label: string };

export type BoxMatch =
  | { readonly box: string }
  /** The bare label names several boxes: the operator must scan `批次/箱号`. */
  | { readonly ambiguous: readonly string[] }
  /** A `批次/箱号` that is not one of the boxes. */
  | { readonly unknown: string };

/** Most cards a box or a hopper holds, as a count may say it (six digits: no box holds a million). */
const COUNT = /^\d{1,6}$/;
const PART = /^[^/=@\s]+$/;

/** What a scan or a typed entry is read as: NFKC, no spaces. */
export function normalizeLabelInput(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '');
}

/** `批次/箱号` or a bare `箱号`; null when `raw` cannot be a box label (empty, `-` for "no box", a malformed part). */
export function parseBoxLabel(raw: string): BoxLabel | null {
  const s = normalizeLabelInput(raw);
  if (s === '-') return null;
  const parts = s.split('/');
  if (parts.length === 1) return PART.test(s) ? { batch: null, label: s } : null;
  if (parts.length !== 2 || !PART.test(parts[0]!) || !PART.test(parts[1]!)) return null;
  return { batch: parts[0]!, label: parts[1]! };
}

/** The label as written on sheets: `批次/箱号`, or the bare label. */
export function formatBoxLabel(b: BoxLabel): string {
  return b.batch === null ? b.label : `${b.batch}/${b.label}`;
}

/** A box's or hopper's count: digits only (no sign, no letters, no decimals); null otherwise. */
export function parseBoxCount(raw: string): number | null {
  const s = normalizeLabelInput(raw);
  return COUNT.test(s) ? Number(s) : null;
}

/** Labels compare without regard to case: a scanner in lower-case mode names the same box. */
const fold = (s: string): string => s.toUpperCase();

function sameBox(key: BoxLabel, value: BoxLabel): boolean {
  if (fold(key.label) !== fold(value.label)) return false;
  return value.batch === null || (key.batch !== null && fold(key.batch) === fold(value.batch));
}

/**
 * The box `value` names among `keys` (each `批次/箱号`, or bare labels of one batch, named by
 * `batch`); null when it names none and may be a card. A `批次/箱号` naming no box is unknown.
 */
export function resolveBox(keys: Iterable<string>, value: string, batch: string | null = null): BoxMatch | null {
  const all = [...keys];
  // As written (a scanned label): '-' stands for "no box" on a card without one, never a box to count.
  const exact = normalizeLabelInput(value);
  if (exact !== '-' && all.includes(exact)) return { box: exact };
  const wanted = parseBoxLabel(value);
  if (!wanted) return normalizeLabelInput(value).includes('/') ? { unknown: value.trim() } : null;
  const matching = all.filter((k) => {
    const key = parseBoxLabel(k);
    return key !== null && sameBox(key.batch === null ? { batch, label: key.label } : key, wanted);
  });
  if (matching.length === 1) return { box: matching[0]! };
  if (matching.length > 1) return { ambiguous: matching };
  return wanted.batch === null ? null : { unknown: formatBoxLabel(wanted) };
}

export type ScanCode = { kind: 'card' | 'box' | 'hopper'; code: string; quantity: number | null };

/**
 * One entry of the daily count, as the CLI takes it and the console builds it: `P00000001` a
 * card; `批次/箱号=500` or `箱号=500` a box counted whole; `@卡盒名=10` the blanks in a printer
 * hopper. Anything with `=` is a count and must be one: `01=abc` or `01=-5` is refused, never
 * recorded as a card that is not on the list.
 */
export function parseScanCode(raw: string): ScanCode {
  const s = raw.normalize('NFKC').trim();
  if (!s) throw new SbkError('SCAN_EMPTY');
  const eq = s.lastIndexOf('=');
  if (eq < 0) return { kind: 'card', code: normalizeCardInput(s), quantity: null };
  const left = s.slice(0, eq).trim();
  const count = s.slice(eq + 1).trim();
  const quantity = parseBoxCount(count);
  if (quantity === null) throw new SbkError('BOX_COUNT_INVALID', { entry: s, count });
  if (left.startsWith('@')) {
    const hopper = left.slice(1).trim();
    if (!hopper || hopper.includes('=')) throw new SbkError('BOX_LABEL_INVALID.hopper', { entry: s });
    return { kind: 'hopper', code: hopper, quantity };
  }
  const box = parseBoxLabel(left);
  if (!box) throw new SbkError('BOX_LABEL_INVALID', { entry: s });
  return { kind: 'box', code: formatBoxLabel(box), quantity };
}
