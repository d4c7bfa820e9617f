/**
 * `sbk remake order` and M on the console's 重制清单: records that the re-make of defective cards
 * was ordered (HB Art. 16: 读卡检测时如发现质量不合格…的卡，应重新制卡), so the list says which are
 * still to be ordered. All or nothing: a card that is not on the operator's re-make list refuses
 * the whole request. Ordering a card again adds a row (a re-order after a lost request) and says so.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { remakeCandidates } from '../../db/ways-back-queries.ts';
import { insertRemakeOrders, latestRemakeOrders } from '../../db/remake-orders-repo.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { SbkError } from '../domain/errors.ts';
import { remakeScope } from './remake-list.ts';
import type { Actor } from './authenticate.ts';

export type RemakeOrderInput = { cardNos: readonly string[]; ref?: string | null };
export type RemakeOrderResult = { ordered: string[]; orderedBefore: string[]; ref: string | null };

/** A request's reference as the province system or the maker gives it: short, no spaces or control characters. */
const REF = /^[\p{L}\p{N}\-_/.]{1,40}$/u;

export function orderRemakes(ledger: Ledger, actor: Actor, input: RemakeOrderInput): RemakeOrderResult {
  const cardNos = [...new Set(input.cardNos.map(normalizeCardInput).filter((n) => n !== ''))];
  if (cardNos.length === 0) throw new SbkError('SELECTION_EMPTY.remakeOrder');
  const ref = input.ref?.normalize('NFKC').trim() || null;
  if (ref !== null && !REF.test(ref)) throw new SbkError('REMAKE_REF_INVALID');
  return writeTx(ledger, (tx) => {
    const onList = new Map(remakeCandidates(tx, remakeScope(ledger, actor)).map((c) => [c.cardNo, c]));
    const missing = cardNos.filter((n) => !onList.has(n));
    if (missing.length > 0) throw new SbkError('REMAKE_NOT_ON_LIST', { cards: missing });
    const ids = cardNos.map((n) => onList.get(n)!.id);
    const before = latestRemakeOrders(tx, ids);
    const at = ledger.now().toISOString();
    insertRemakeOrders(
      tx,
      ids.map((cardId) => ({ cardId, siteId: actor.siteId, ref, operatorId: actor.id, at })),
    );
    return { ordered: cardNos, orderedBefore: cardNos.filter((_, i) => before.has(ids[i]!)), ref };
  });
}
