/**
 * The recall a card carries (cards.recalled_at). GD Art. 32 二: an office's recalled card goes
 * back to the city (回退到市卡管机构) and the physical card to the service bank; GD Art. 33 一(六):
 * 对已回收的社保卡应在6个月内进行二次发放. So the recall stays on the card through every shipment
 * and storage move, and the second-issuance window counts from it, until the card is issued.
 */
import type { MovementType } from './card-states.ts';

/** Movements that end a recall: the card reached its holder, at the counter or by mail. */
export function endsRecall(type: MovementType): boolean {
  return type === 'issue' || type === 'mail_delivered';
}

/** The recall time a card carries after movement `type` at `at`, given the one it carried before. */
export function recalledAfter(type: MovementType, at: string, before: string | null): string | null {
  // GD Art. 32 一(一): a card the post brings back (邮递信息错误) was not issued and is recalled.
  if (type === 'recall' || type === 'mail_returned') return at;
  // The second issuance reached the holder: the recall is over.
  if (endsRecall(type)) return null;
  return before;
}
