/**
 * The recall a card carries (cards.recalled_at). GD Art. 32 二: an office's recalled card goes
 * back to the city (回退到市卡管机构) and the physical card to the service bank; GD Art. 33 一(六):
 * 对已回收的社保卡应在6个月内进行二次发放. So the recall stays on the card through every shipment
 * and storage move, and the second-issuance window counts from it, until the card is issued.
 */
import type { MovementType } from './card-states.ts';

/** The recall time a card carries after movement `type` at `at`, given the one it carried before. */
export function recalledAfter(type: MovementType, at: string, before: string | null): string | null {
  if (type === 'recall') return at;
  // The second issuance reached the holder: the recall is over.
  if (type === 'issue') return null;
  return before;
}
