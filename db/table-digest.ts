/**
 * A table's whole content as one value that a write can bring up to date without reading the
 * table: the sum, lane by lane (eight 32-bit lanes, each mod 2^32), of sha256(table, row) over
 * every row, and the row count. Adding a row adds its hash, deleting subtracts it, an update
 * does both; the order rows were written in does not matter, so `sbk verify` can recompute the
 * digest from the table as it stands and compare. A row changed, added or removed behind the
 * program's back changes the sum (finding another set of rows with the same sum is a
 * generalised-birthday search over 256 bits; the keyed seal chain is what stops a forger who
 * instead rewrites the recorded digest).
 */
import { hash } from 'node:crypto';

const LANES = 8;

export type TableDigest = { sum: Uint32Array; rows: number };

export function emptyDigest(): TableDigest {
  return { sum: new Uint32Array(LANES), rows: 0 };
}

/** `row` is SQLite's json_array() of the row's columns in table order (db/sealed-tables.ts). */
export function addRow(d: TableDigest, table: string, row: string, sign: 1 | -1): void {
  const h = hash('sha256', `${table}\n${row}`, 'buffer') as unknown as Buffer;
  const s = d.sum;
  for (let i = 0; i < LANES; i++) s[i] = s[i]! + sign * h.readUInt32LE(i * 4);
  d.rows += sign;
}

/** "<64 hex>:<rows>": how a digest is stored in a seal. */
export function encodeDigest(d: TableDigest): string {
  const b = Buffer.alloc(LANES * 4);
  for (let i = 0; i < LANES; i++) b.writeUInt32LE(d.sum[i]!, i * 4);
  return `${b.toString('hex')}:${d.rows}`;
}

export function decodeDigest(text: string): TableDigest {
  const [hex, rows] = text.split(':');
  const d = emptyDigest();
  const b = Buffer.from(hex ?? '', 'hex');
  if (b.length === LANES * 4) for (let i = 0; i < LANES; i++) d.sum[i] = b.readUInt32LE(i * 4);
  d.rows = Number(rows ?? 0);
  return d;
}

/** `base` moved on by `delta` (both as encoded digests / a delta from addRow). */
export function combine(base: TableDigest, delta: TableDigest): TableDigest {
  const out = emptyDigest();
  for (let i = 0; i < LANES; i++) out.sum[i] = base.sum[i]! + delta.sum[i]!;
  out.rows = base.rows + delta.rows;
  return out;
}
