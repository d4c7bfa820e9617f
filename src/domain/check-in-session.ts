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

/**
 * What one scan changed, kept so that it can be taken back (the console's undo): the card it
 * counted, the extra or repeat it added, what a box's count replaced, or the damage reason it
 * replaced. Taken back strictly last first, each step restores exactly the state before it.
 */
export type ScanStep =
  | { readonly kind: 'card'; readonly cardNo: string }
  | { readonly kind: 'extra'; readonly cardNo: string }
  | { readonly kind: 'repeat'; readonly cardNo: string }
  | { readonly kind: 'box'; readonly box: string; readonly counted: readonly string[]; readonly short: number | null }
  | { readonly kind: 'damage'; readonly cardNo: string; readonly reason: string | null };

/** A scan's result: the session after it, what the operator is told, and how to take it back (null: nothing changed). */
export type ScanResult = { session: CheckInSession; outcome: ScanOutcome; step: ScanStep | null };

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

export function scanCard(s: CheckInSession, cardNo: string): ScanResult {
  const box = s.boxOf.get(cardNo);
  const repeat = { kind: 'repeat', cardNo } as const;
  if (box === undefined) {
    if (s.extras.includes(cardNo)) return { session: { ...s, duplicates: s.duplicates + 1 }, outcome: { kind: 'unlisted', cardNo }, step: repeat };
    return { session: { ...s, extras: [...s.extras, cardNo] }, outcome: { kind: 'unlisted', cardNo }, step: { kind: 'extra', cardNo } };
  }
  if (s.counted.has(cardNo)) return { session: { ...s, duplicates: s.duplicates + 1 }, outcome: { kind: 'duplicate', cardNo, box }, step: repeat };
  const counted = new Set(s.counted);
  counted.add(cardNo);
  const scanned = new Set(s.scanned);
  scanned.add(cardNo);
  return { session: { ...s, counted, scanned }, outcome: { kind: 'counted', cardNo, box }, step: { kind: 'card', cardNo } };
}

export function isBoxLabel(s: CheckInSession, label: string): boolean {
  return s.boxes.has(label);
}

/** The operator counted a sealed box by hand and confirms `count`. */
export function confirmBoxCount(s: CheckInSession, box: string, count: number): ScanResult {
  const list = s.boxes.get(box);
  if (!list) return { session: s, outcome: { kind: 'unknown-box', box }, step: null };
  const step: ScanStep = { kind: 'box', box, counted: list.filter((c) => s.counted.has(c)), short: s.shortBoxes.get(box) ?? null };
  return { ...boxCounted(s, box, list, count), step };
}

function boxCounted(s: CheckInSession, box: string, list: readonly string[], count: number): { session: CheckInSession; outcome: ScanOutcome } {
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
export function markDamaged(s: CheckInSession, cardNo: string, reason: string): ScanResult {
  if (!s.counted.has(cardNo)) return { session: s, outcome: { kind: 'not-counted', cardNo }, step: null };
  const damaged = new Map(s.damaged);
  damaged.set(cardNo, reason);
  return { session: { ...s, damaged }, outcome: { kind: 'damaged', cardNo }, step: { kind: 'damage', cardNo, reason: s.damaged.get(cardNo) ?? null } };
}

/** The session as it was before `step` (the last step taken: steps are taken back last first). */
export function undoStep(s: CheckInSession, step: ScanStep): CheckInSession {
  switch (step.kind) {
    case 'card': {
      const counted = new Set(s.counted);
      counted.delete(step.cardNo);
      const scanned = new Set(s.scanned);
      scanned.delete(step.cardNo);
      return { ...s, counted, scanned };
    }
    case 'extra': {
      const at = s.extras.lastIndexOf(step.cardNo);
      return at < 0 ? s : { ...s, extras: [...s.extras.slice(0, at), ...s.extras.slice(at + 1)] };
    }
    case 'repeat':
      return { ...s, duplicates: Math.max(0, s.duplicates - 1) };
    case 'box': {
      const counted = new Set(s.counted);
      for (const c of s.boxes.get(step.box) ?? []) counted.delete(c);
      for (const c of step.counted) counted.add(c);
      const shortBoxes = new Map(s.shortBoxes);
      if (step.short === null) shortBoxes.delete(step.box);
      else shortBoxes.set(step.box, step.short);
      return { ...s, counted, shortBoxes };
    }
    case 'damage': {
      const damaged = new Map(s.damaged);
      if (step.reason === null) damaged.delete(step.cardNo);
      else damaged.set(step.cardNo, step.reason);
      return { ...s, damaged };
    }
  }
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
