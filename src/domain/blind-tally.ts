/**
 * The tally a blind count shows while counting (签收盲点): how many cards the operator has counted,
 * which reveals nothing of the list. Pure.
 */
import type { CheckInSession } from './check-in-session.ts';

/** Cards of `box` counted so far (scanned one by one, or the whole box when its count matched). */
function countedIn(s: CheckInSession, box: string): number {
  return (s.boxes.get(box) ?? []).filter((c) => s.counted.has(c)).length;
}

/**
 * Listed cards counted, plus, for each box the operator gave a count for, what that count adds
 * beyond the box's cards already counted (a box whose count did not match the list has none of
 * its cards counted, but the operator did count that many; a matching one has them all, so it
 * adds nothing more). A box count therefore adds exactly what was typed, match or not.
 */
export function blindTally(s: CheckInSession, declared: ReadonlyMap<string, number>): number {
  let n = s.counted.size;
  for (const [box, count] of declared) n += Math.max(0, count - countedIn(s, box));
  return n;
}
