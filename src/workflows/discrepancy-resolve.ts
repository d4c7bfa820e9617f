/**
 * Ending a `missing` discrepancy the two ways the rules allow: the card turned up and is signed
 * into stock (找回), or it is declared lost with a supervisor's approval (GD Art. 12 责任到人;
 * DEVELOPERS.md: sensitive actions need a second operator). Either way a movement is appended
 * and the discrepancy closed in the same transaction. Other discrepancies (extra, damaged) are
 * closed by a supervisor with a reason (check-in.ts closeDiscrepancy).
 */
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { closeDiscrepancyRow, discrepancyById } from '../../db/discrepancies-repo.ts';
import { placesAt, subtreeIds } from '../../db/sites-repo.ts';
import { cardsByNumbers } from '../../db/shipments-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { checkApprover, type Actor } from './authenticate.ts';

function openMissing(tx: LedgerDb, actor: Actor, id: number) {
  const d = discrepancyById(tx, id);
  if (!d || !subtreeIds(tx, actor.siteId).includes(d.siteId)) throw new SbkError('DISCREPANCY_NOT_FOUND', `没有编号为 ${id} 的差异记录。`);
  if (d.closed != null) throw new SbkError('DISCREPANCY_CLOSED', `差异 ${id} 已经关闭。`);
  if (d.kind !== 'missing' || d.cardId == null) {
    throw new SbkError('DISCREPANCY_NOT_MISSING', `差异 ${id} 不是“缺少”类差异；多出或损坏的差异由主管核实后填写原因关闭。`);
  }
  const card = cardsByNumbers(tx, [d.cardNo])[0];
  // A blank missing at a daily count is still on hand by the ledger; one missing at a sign-in is still on its way.
  const stillOpen = d.refKind === 'count' ? ['in_stock', 'loaded'] : ['expected', 'in_transit'];
  if (!card || card.id !== d.cardId || card.siteId !== d.siteId || !stillOpen.includes(card.state)) {
    throw new SbkError('DISCREPANCY_CARD_MOVED', `卡 ${d.cardNo} 当前为“${stateLabel((card?.state ?? 'none') as StateOrNone)}”，已不在途，请核实后由主管关闭此差异。`);
  }
  return { d, card };
}

export type FoundInput = { placeName?: string | null; custodian?: string | null };

/** The missing card is here after all: it is signed into stock at the discrepancy's site. */
export function resolveFound(ledger: Ledger, actor: Actor, id: number, input: FoundInput = {}): { cardNo: string } {
  return writeTx(ledger, (tx) => {
    const { d, card } = openMissing(tx, actor, id);
    if (d.siteId !== actor.siteId) throw new SbkError('DISCREPANCY_OTHER_SITE', `差异 ${id} 属于另一网点，须由该网点找回签收。`);
    const storage = placesAt(tx, actor.siteId).filter((p) => p.kind !== 'hopper');
    const place = input.placeName ? storage.find((p) => p.name === input.placeName!.trim()) : storage[0];
    if (!place) throw new SbkError('PLACE_NOT_FOUND', `本网点没有保管地点“${input.placeName ?? ''}”。`);
    const custodian = input.custodian?.trim() || actor.name;
    if (d.refKind === 'count') {
      // The blank was there after all (miscounted): the ledger already has it in place.
      closeDiscrepancyRow(tx, { discrepancyId: id, closedBy: actor.id, closedAt: new Date().toISOString(), reason: `已找到，复点在${place.name}（${custodian}）` });
      return { cardNo: card.cardNo };
    }
    appendMovements(tx, { id: `found:${id}`, kind: 'found', operatorId: actor.id }, [
      {
        cardId: card.id,
        type: 'receive',
        toPlaceId: place.id,
        counterpartRole: 'custodian',
        counterpartName: custodian,
        method: '差异找回签收',
        refKind: 'discrepancy',
        refId: String(id),
      },
    ]);
    closeDiscrepancyRow(tx, { discrepancyId: id, closedBy: actor.id, closedAt: new Date().toISOString(), reason: `已找到，签收入${place.name}（保管人 ${custodian}）` });
    return { cardNo: card.cardNo };
  });
}

/** The missing card is declared lost: the actor and an approving supervisor (not the same person). */
export function declareLost(ledger: Ledger, actor: Actor, approver: Actor, id: number, reason: string): { cardNo: string } {
  if (!reason.trim()) throw new SbkError('REASON_REQUIRED', '确认丢失必须写明原因（经过、已查找的范围）。');
  checkApprover(ledger, actor, approver);
  return writeTx(ledger, (tx) => {
    const { card } = openMissing(tx, actor, id);
    appendMovements(tx, { id: `lost:${id}`, kind: 'declare_lost', operatorId: actor.id, secondOperatorId: approver.id }, [
      { cardId: card.id, type: 'declare_lost', reason: reason.trim(), refKind: 'discrepancy', refId: String(id) },
    ]);
    closeDiscrepancyRow(tx, { discrepancyId: id, closedBy: actor.id, closedAt: new Date().toISOString(), reason: `确认丢失：${reason.trim()}（复核：${approver.name}）` });
    return { cardNo: card.cardNo };
  });
}
