/**
 * 个人领取 (GD Art. 14; HB Art. 15-16): a card is handed only to its holder, or to an agent who
 * shows both IDs, after the holder's ID is checked against the ledger and, when a reader is at
 * hand, the chip is read and agrees with the ledger. A card that fails the read-check is marked
 * `defective` (it must be re-made, HB Art. 16) and is not issued.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { holderCardByNo, holderCardsByIdNumber, holderCardsByName, type HolderCardRow } from '../../db/issuance-queries.ts';
import { isRetryOf, movementsOfOperation } from '../../db/operations-repo.ts';
import { subtreeIds } from '../../db/sites-repo.ts';
import { getMeta } from '../../db/ledger-meta.ts';
import { SbkError } from '../domain/errors.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { normalizeIdNumber } from '../domain/resident-id.ts';
import { checkIdDocument, type IdDocType } from '../domain/id-documents.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { compareChip, mismatchText, type ReadCheckMismatch } from '../domain/read-check.ts';
import { stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { ruleProfile, type RuleProfile } from '../domain/rule-profiles.ts';
import { secondIssueDeadline } from '../domain/overdue.ts';
import { todayInChina } from '../domain/china-dates.ts';
import type { IssueReceipt } from '../domain/issue-receipt-format.ts';
import type { BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import type { Actor } from './authenticate.ts';

export function ledgerProfile(ledger: Pick<Ledger, 'db'>): RuleProfile {
  return ruleProfile(getMeta(ledger.db, 'rule_profile') ?? 'guangdong');
}

export type IssueCandidate = {
  cardNo: string;
  state: string;
  stateLabel: string;
  siteName: string;
  holderName: string | null;
  holderIdMasked: string | null;
  bank: string;
  batch: string | null;
  /** Why it cannot be handed over here and now, or null. */
  blocked: string | null;
};

const ISSUABLE = new Set(['in_stock', 'recalled']);

function blockedReason(c: HolderCardRow, actor: Actor, profile: RuleProfile, today: string): string | null {
  if (c.kind !== 'finished') return '预制卡不能直接发放，须即时制卡。';
  if (c.siteId !== actor.siteId) return `此卡在 ${c.siteName}（${stateLabel(c.state as StateOrNone)}），不在本网点。`;
  if (c.state === 'agent_held') return '此卡已由单位代领，请在“集体代领”中登记转交。';
  if (!ISSUABLE.has(c.state)) return `此卡当前为“${stateLabel(c.state as StateOrNone)}”，不能发放。`;
  if (c.deceasedAt) return '持卡人已登记死亡，此卡须回收注销，不能发放。';
  // GD Art. 33 一(六): an old card after a replacement is cancelled, not handed out.
  if (c.replaced) return '持卡人已领取更新的社保卡，此旧卡须回收注销，不能发放。';
  if (c.state === 'recalled') {
    const last = c.recalledAt ? secondIssueDeadline(todayInChina(new Date(c.recalledAt)), profile) : null;
    // GD Art. 33 一(六): a recalled card gets a second issuance within 6 months, then it is cancelled.
    // Hubei sets no window (HB Art. 17 only says cancel or seal): a holder who turns up before the
    // card is cancelled or sealed still gets it.
    if (last && today > last) return `此卡回收后已超过 ${profile.secondIssueMonths} 个月的二次发放期限（至 ${last}），须注销。`;
  }
  return null;
}

function candidate(c: HolderCardRow, actor: Actor, profile: RuleProfile, today: string): IssueCandidate {
  return {
    cardNo: c.cardNo,
    state: c.state,
    stateLabel: stateLabel(c.state as StateOrNone),
    siteName: c.siteName,
    holderName: c.holderName,
    holderIdMasked: c.holderIdNumber ? maskIdNumber(c.holderIdNumber) : null,
    bank: c.bank,
    batch: c.batchCode,
    blocked: blockedReason(c, actor, profile, today),
  };
}

/**
 * Finds the cards for a person at the counter: a scanned card number, the holder's ID number
 * (checked first, so a typo is caught before a search), or the name (within the operator's site
 * and below).
 */
export function findForIssue(ledger: Ledger, actor: Actor, query: string, now: Date = new Date()): IssueCandidate[] {
  const q = query.trim();
  if (!q) throw new SbkError('QUERY_EMPTY', '请扫描卡号，或输入持卡人身份证号码或姓名。');
  const profile = ledgerProfile(ledger);
  const today = todayInChina(now);
  const asCard = holderCardByNo(ledger.db, normalizeCardInput(q));
  if (asCard) return [candidate(asCard, actor, profile, today)];
  if (/^[0-9０-９]/.test(q)) {
    const id = checkIdDocument('resident_id', q);
    if (!id.ok) throw new SbkError(id.code, id.message);
    const found = holderCardsByIdNumber(ledger.db, id.value);
    if (found.length === 0) throw new SbkError('HOLDER_NOT_FOUND', '台账中没有此证件号码持卡人的卡。');
    return found.map((c) => candidate(c, actor, profile, today));
  }
  const found = holderCardsByName(ledger.db, subtreeIds(ledger.db, actor.siteId), q);
  if (found.length === 0) throw new SbkError('HOLDER_NOT_FOUND', `本网点及下级没有持卡人“${q}”的卡。`);
  return found.map((c) => candidate(c, actor, profile, today));
}

export type AgentInfo = { name: string; idType?: IdDocType; idNumber: string; relation: string };

export type IssueInput = {
  /** Chosen when the issuance started: a retry acts once. */
  operationId: string;
  cardNo: string;
  receiver: 'self' | 'agent';
  /** The holder's ID number as shown at the counter (GD Art. 14: 核验有效身份证件). */
  holderIdNumber: string;
  agent?: AgentInfo | null;
  /** What the reader returned for the card in the slot, or null when no read-check was done. */
  chip?: BasicCardInfo | null;
};

export type IssueResult =
  | { status: 'issued'; cardNo: string; secondIssue: boolean; replayed: boolean; receipt: IssueReceiptData }
  | { status: 'defective'; cardNo: string; mismatches: ReadCheckMismatch[]; message: string };

export type IssueReceiptData = IssueReceipt;

export function issueCard(ledger: Ledger, actor: Actor, input: IssueInput, now: Date = new Date()): IssueResult {
  const profile = ledgerProfile(ledger);
  return writeTx(ledger, (tx) => {
    const c = holderCardByNo(tx, normalizeCardInput(input.cardNo));
    if (!c) throw new SbkError('CARD_NOT_FOUND', `台账中没有卡号 ${input.cardNo}。`);
    const receiptOf = (at: string, secondIssue: boolean): IssueReceiptData => ({
      cardNo: c.cardNo,
      holderName: c.holderName ?? '',
      holderIdMasked: c.holderIdNumber ? maskIdNumber(c.holderIdNumber) : '',
      receiver: input.receiver,
      ...(input.agent ? { agentName: input.agent.name.trim(), agentIdMasked: maskIdNumber(input.agent.idNumber), agentRelation: input.agent.relation.trim() } : {}),
      bank: c.bank,
      siteName: actor.siteName,
      operatorName: actor.name,
      at,
      readCheck: input.chip ? 'passed' : 'not_done',
      secondIssue,
      rules: profile.code,
    });
    if (isRetryOf(tx, input.operationId, ['issue', 'read_check'], actor.id)) {
      if (!movementsOfOperation(tx, input.operationId).some((m) => m.cardId === c.id)) {
        throw new SbkError('OPERATION_ID_REUSED', '同一操作编号已用于另一张卡，未做任何更改。请重新发起操作。', { operationId: input.operationId });
      }
      // A retry: answer as the first submission did (a read-check failure stays a failure).
      if (c.state === 'defective') {
        return { status: 'defective', cardNo: c.cardNo, mismatches: [], message: '此卡已在读卡检测中登记为不合格，须重新制卡，不能发放。' };
      }
      return { status: 'issued', cardNo: c.cardNo, secondIssue: false, replayed: true, receipt: receiptOf(now.toISOString(), false) };
    }
    const blocked = blockedReason(c, actor, profile, todayInChina(now));
    if (blocked) throw new SbkError('CARD_NOT_ISSUABLE', blocked, { cardNo: c.cardNo });
    // GD Art. 14: the receiver's ID is checked; the holder's number must be this card's holder's.
    const shown = checkIdDocument((c.holderIdType as IdDocType | null) ?? 'resident_id', input.holderIdNumber);
    if (!shown.ok) throw new SbkError(shown.code, `持卡人${shown.message}`);
    if (normalizeIdNumber(input.holderIdNumber) !== normalizeIdNumber(c.holderIdNumber ?? '')) {
      throw new SbkError('HOLDER_ID_MISMATCH', '所出示的持卡人证件号码与此卡持卡人不符，不能发放。请核对证件。');
    }
    let agent: AgentInfo | null = null;
    if (input.receiver === 'agent') {
      if (!input.agent?.name.trim() || !input.agent.relation.trim()) {
        throw new SbkError('AGENT_REQUIRED', '代领须登记代领人姓名、证件号码及与持卡人的关系（GD 第三十三条：核验持卡人和代办人的有效身份证明）。');
      }
      const id = checkIdDocument(input.agent.idType ?? 'resident_id', input.agent.idNumber);
      if (!id.ok) throw new SbkError(id.code, `代领人${id.message}`);
      if (id.value === normalizeIdNumber(c.holderIdNumber ?? '')) {
        throw new SbkError('AGENT_IS_HOLDER', '代领人证件号码与持卡人相同：本人领取请选择“本人”。');
      }
      agent = { ...input.agent, idNumber: id.value };
    }
    const ref = { refKind: 'issue', refId: input.operationId };
    if (input.chip) {
      const mismatches = compareChip(input.chip, c);
      if (mismatches.length > 0) {
        // HB Art. 16: the card is re-made, never issued; the ledger says so at once.
        appendMovements(tx, { id: input.operationId, kind: 'read_check', operatorId: actor.id }, [
          { cardId: c.id, type: 'mark_defective', reason: `读卡检测：${mismatchText(mismatches)}`, ...ref },
        ]);
        return { status: 'defective', cardNo: c.cardNo, mismatches, message: `读卡检测不通过（${mismatchText(mismatches)}），此卡已登记为不合格，须重新制卡，不能发放。` };
      }
    }
    const secondIssue = c.state === 'recalled';
    appendMovements(tx, { id: input.operationId, kind: 'issue', operatorId: actor.id }, [
      {
        cardId: c.id,
        type: 'issue',
        toPlaceId: null,
        counterpartRole: agent ? 'agent' : 'receiver',
        counterpartName: agent ? agent.name.trim() : (c.holderName ?? ''),
        counterpartIdNumber: agent ? agent.idNumber : null,
        method: agent ? `代领（${agent.relation.trim()}）` : '本人领取',
        reason: [secondIssue ? '回收后二次发放' : null, input.chip ? '读卡检测通过' : '未做读卡检测'].filter(Boolean).join('；'),
        ...ref,
      },
    ]);
    return { status: 'issued', cardNo: c.cardNo, secondIssue, replayed: false, receipt: receiptOf(now.toISOString(), secondIssue) };
  });
}

/** Reader faults that mean the chip itself is bad (HB Art. 16: 芯片不能读取), not the reader. */
export const CHIP_FAULT_CODES = new Set(['READER_AUTH_FAILED', 'READER_WRONG_CARD']);

/** The chip could not be read: the card is defective (HB Art. 16), recorded with the reader's reason. */
export function markUnreadable(ledger: Ledger, actor: Actor, operationId: string, cardNo: string, readerMessage: string): void {
  writeTx(ledger, (tx) => {
    if (isRetryOf(tx, operationId, ['read_check'], actor.id)) return;
    const c = holderCardByNo(tx, normalizeCardInput(cardNo));
    if (!c) throw new SbkError('CARD_NOT_FOUND', `台账中没有卡号 ${cardNo}。`);
    if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE', `卡 ${c.cardNo} 不在本网点。`);
    appendMovements(tx, { id: operationId, kind: 'read_check', operatorId: actor.id }, [
      { cardId: c.id, type: 'mark_defective', reason: `读卡检测：芯片无法读取（${readerMessage}）`, refKind: 'issue', refId: operationId },
    ]);
  });
}
