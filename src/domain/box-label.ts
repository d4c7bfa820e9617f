/**
 * A box named by a scan or by hand: `批次/箱号` as printed on a hand-over sheet or a box label
 * (boxKey in shipment.ts), or the bare label when it names exactly one of the boxes in question.
 * Pure.
 */

export type BoxMatch =
  | { readonly box: string }
  /** The bare label names several boxes: the operator must scan `批次/箱号`. */
  | { readonly ambiguous: readonly string[] }
  /** A `批次/箱号` that is not one of the boxes. */
  | { readonly unknown: string };

/** The box `value` names among `keys` (`批次/箱号` each); null when it names none (it may be a card). */
export function resolveBox(keys: Iterable<string>, value: string): BoxMatch | null {
  const all = [...keys];
  // '-' stands for "no box" on a card without one: never a box to count.
  if (value !== '-' && all.includes(value)) return { box: value };
  if (value.includes('/')) return { unknown: value };
  if (value === '') return null;
  const matching = all.filter((k) => k.endsWith(`/${value}`));
  if (matching.length === 1) return { box: matching[0]! };
  return matching.length > 1 ? { ambiguous: matching } : null;
}
