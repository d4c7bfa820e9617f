/**
 * Counting a delivery in, box by box (入库清点). Pure: the screen and the tests drive it, the
 * workflow writes its result. The operator either confirms a box's count (the box is counted
 * whole only when the count equals the list) or scans cards one by one; a card that is not on
 * the list, a card scanned twice and a box that comes up short are flagged at once.
 */

export type ExpectedCard = { readonly cardNo: string; readonly box: string };

export type BoxProgress = {
  readonly box: string;
  readonly expected: number;
  readonly counted: number;
  /** The count the operator confirmed for the whole box, when it did not match the list. */
  readonly shortBy: number | null;
};

export type ScanOutcome =
  | { kind: 'counted'; cardNo: string; box: string }
  | { kind: 'duplicate'; cardNo: string; box: string }
  | { kind: 'unlisted'; cardNo: string }
  | { kind: 'box-complete'; box: string; count: number }
  | { kind: 'box-short'; box: string; expected: number; count: number }
  | { kind: 'box-over'; box: string; expected: number; count: number }
  | { kind: 'unknown-box'; box: string }
  | { kind: 'damaged'; cardNo: string }
  | { kind: 'not-counted'; cardNo: string };

export type CheckInSession = {
  readonly boxOf: ReadonlyMap<string, string>;
  readonly boxes: ReadonlyMap<string, readonly string[]>;
  readonly counted: ReadonlySet<string>;
  /** Cards counted by scanning them one by one (a box's count never takes these back). */
  readonly scanned: ReadonlySet<string>;
  readonly damaged: ReadonlyMap<string, string>;
  readonly extras: readonly string[];
  readonly shortBoxes: ReadonlyMap<string, number>;
  readonly duplicates: number;
};

export function startCheckIn(cards: readonly ExpectedCard[]): CheckInSession {
  const boxOf = new Map<string, string>();
  const boxes = new Map<string, string[]>();
  for (const c of cards) {
    boxOf.set(c.cardNo, c.box);
    const list = boxes.get(c.box) ?? [];
    list.push(c.cardNo);
    boxes.set(c.box, list);
  }
  return { boxOf, boxes, counted: new Set(), scanned: new Set(), damaged: new Map(), extras: [], shortBoxes: new Map(), duplicates: 0 };
}

export function scanCard(s: CheckInSession, cardNo: string): { session: CheckInSession; outcome: ScanOutcome } {
  const box = s.boxOf.get(cardNo);
  if (box === undefined) {
    if (s.extras.includes(cardNo)) return { session: { ...s, duplicates: s.duplicates + 1 }, outcome: { kind: 'unlisted', cardNo } };
    return { session: { ...s, extras: [...s.extras, cardNo] }, outcome: { kind: 'unlisted', cardNo } };
  }
  if (s.counted.has(cardNo)) return { session: { ...s, duplicates: s.duplicates + 1 }, outcome: { kind: 'duplicate', cardNo, box } };
  const counted = new Set(s.counted);
  counted.add(cardNo);
  const scanned = new Set(s.scanned);
  scanned.add(cardNo);
  return { session: { ...s, counted, scanned }, outcome: { kind: 'counted', cardNo, box } };
}

export function isBoxLabel(s: CheckInSession, label: string): boolean {
  return s.boxes.has(label);
}

/** The operator counted a sealed box by hand and confirms `count`. */
export function confirmBoxCount(s: CheckInSession, box: string, count: number): { session: CheckInSession; outcome: ScanOutcome } {
  const list = s.boxes.get(box);
  if (!list) return { session: s, outcome: { kind: 'unknown-box', box } };
  if (count === list.length) {
    const counted = new Set(s.counted);
    for (const c of list) counted.add(c);
    const shortBoxes = new Map(s.shortBoxes);
    shortBoxes.delete(box);
    return { session: { ...s, counted, shortBoxes }, outcome: { kind: 'box-complete', box, count } };
  }
  // A recount that no longer matches takes back what an earlier matching count of this box
  // counted; only the cards scanned one by one stay counted.
  const counted = new Set(s.counted);
  for (const c of list) if (!s.scanned.has(c)) counted.delete(c);
  if (count > list.length) return { session: { ...s, counted }, outcome: { kind: 'box-over', box, expected: list.length, count } };
  // Which cards are missing is not known from a count: the box must be scanned card by card.
  const shortBoxes = new Map(s.shortBoxes);
  shortBoxes.set(box, list.length - count);
  return { session: { ...s, counted, shortBoxes }, outcome: { kind: 'box-short', box, expected: list.length, count } };
}

/** A counted card that arrived damaged: it goes to `defective`, not into stock (HB Art. 16). */
export function markDamaged(s: CheckInSession, cardNo: string, reason: string): { session: CheckInSession; outcome: ScanOutcome } {
  if (!s.counted.has(cardNo)) return { session: s, outcome: { kind: 'not-counted', cardNo } };
  const damaged = new Map(s.damaged);
  damaged.set(cardNo, reason);
  return { session: { ...s, damaged }, outcome: { kind: 'damaged', cardNo } };
}

export function boxProgress(s: CheckInSession): BoxProgress[] {
  return [...s.boxes.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([box, list]) => ({ box, expected: list.length, counted: list.filter((c) => s.counted.has(c)).length, shortBy: s.shortBoxes.get(box) ?? null }));
}

export type CheckInTotals = { expected: number; counted: number; missing: number; extras: number; damaged: number; duplicates: number };

export function totals(s: CheckInSession): CheckInTotals {
  const expected = s.boxOf.size;
  return {
    expected,
    counted: s.counted.size,
    missing: expected - s.counted.size,
    extras: s.extras.length,
    damaged: s.damaged.size,
    duplicates: s.duplicates,
  };
}

export type CheckInResult = {
  /** Into stock. */
  readonly received: readonly string[];
  readonly damaged: readonly { cardNo: string; reason: string }[];
  /** Listed, not counted: they stay `expected` and become open discrepancies with their box. */
  readonly missing: readonly { cardNo: string; box: string }[];
  readonly extras: readonly string[];
};

export function checkInResult(s: CheckInSession): CheckInResult {
  const received: string[] = [];
  const missing: { cardNo: string; box: string }[] = [];
  for (const [cardNo, box] of s.boxOf) {
    if (!s.counted.has(cardNo)) missing.push({ cardNo, box });
    else if (!s.damaged.has(cardNo)) received.push(cardNo);
  }
  return { received, damaged: [...s.damaged].map(([cardNo, reason]) => ({ cardNo, reason })), missing, extras: [...s.extras] };
}
