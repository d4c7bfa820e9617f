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
import { checkIdDocument, idDocTypeForTyped, type IdDocType } from '../domain/id-documents.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { compareChip, mismatchText, type ReadCheckMismatch } from '../domain/read-check.ts';
import { isAgentHeld, isDefective, isRecalled, mayMove, stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { ruleProfile, type RuleProfile } from '../domain/rule-profiles.ts';
import { secondIssueDeadline } from '../domain/overdue.ts';
import { todayInChina } from '../domain/china-dates.ts';
import type { IssueReceipt } from '../domain/issue-receipt-format.ts';
import type { BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import { issuanceText } from '../i18n/workflows/issuance.ts';
import type { Actor } from './authenticate.ts';
import { idCheckError, idDocTypeOrThrow } from './id-check-error.ts';

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

/**
 * Why card `c` cannot be handed over here and now, as the error issueCard throws; null if it can.
 * `type` is how: at the counter (`issue`) or by post (`mail`, mail-delivery.ts), which the same holds for.
 */
export function blockedReason(c: HolderCardRow, actor: Actor, profile: RuleProfile, today: string, type: 'issue' | 'mail' = 'issue'): SbkError | null {
  const details = { cardNo: c.cardNo };
  const state = stateLabel(c.state as StateOrNone);
  if (c.kind !== 'finished') return new SbkError('CARD_NOT_ISSUABLE.prefab', undefined, details);
  if (c.siteId !== actor.siteId) return new SbkError('CARD_NOT_ISSUABLE.elsewhere', { site: c.siteName, state }, details);
  if (isAgentHeld(c.state)) return new SbkError('CARD_NOT_ISSUABLE.agentHeld', undefined, details);
  if (!mayMove(c.kind, c.state, type)) return new SbkError('CARD_NOT_ISSUABLE.state', { state }, details);
  if (c.deceasedAt) return new SbkError('CARD_NOT_ISSUABLE.deceased', undefined, details);
  // GD Art. 33 一(六): an old card after a replacement is cancelled, not handed out.
  if (c.replaced) return new SbkError('CARD_NOT_ISSUABLE.replaced', undefined, details);
  // Recalled here, or back in stock carrying the recall (signed in at the city, or returned by the post).
  if (isRecalled(c.state) || c.recalledAt) {
    const last = c.recalledAt ? secondIssueDeadline(todayInChina(new Date(c.recalledAt)), profile) : null;
    // GD Art. 33 一(六): a recalled card gets a second issuance within 6 months, then it is cancelled.
    // Hubei sets no window (HB Art. 17 only says cancel or seal): a holder who turns up before the
    // card is cancelled or sealed still gets it.
    if (last && today > last) return new SbkError('CARD_NOT_ISSUABLE.secondIssueExpired', { months: profile.secondIssueMonths ?? 0, until: last }, details);
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
    blocked: blockedReason(c, actor, profile, today)?.message ?? null,
  };
}

/**
 * Finds the cards for a person at the counter: a scanned card number, the holder's ID number
 * (checked first, so a typo is caught before a search), or the name (within the operator's site
 * and below).
 */
export function findForIssue(ledger: Ledger, actor: Actor, query: string, now: Date = ledger.now(), opts: { idType?: IdDocType } = {}): IssueCandidate[] {
  const q = query.trim();
  if (!q) throw new SbkError('QUERY_EMPTY');
  const profile = ledgerProfile(ledger);
  const today = todayInChina(now);
  const asCard = holderCardByNo(ledger.db, normalizeCardInput(q));
  if (asCard) return [candidate(asCard, actor, profile, today)];
  // A number, in half- or full-width digits (typed with a Chinese input method), or letters and
  // digits (a permit or passport): an ID number of the document given or its layout suggests.
  const idType = opts.idType ?? idDocTypeForTyped(q);
  if (idType !== null) {
    const id = checkIdDocument(idType, q);
    if (!id.ok) throw idCheckError(null, id);
    const found = holderCardsByIdNumber(ledger.db, id.value);
    if (found.length === 0) throw new SbkError('HOLDER_NOT_FOUND.issueById');
    return found.map((c) => candidate(c, actor, profile, today));
  }
  const found = holderCardsByName(ledger.db, subtreeIds(ledger.db, actor.siteId), q);
  if (found.length === 0) throw new SbkError('HOLDER_NOT_FOUND.issueByName', { name: q });
  return found.map((c) => candidate(c, actor, profile, today));
}

/** `idType`: the agent's document (HB Art. 5), a code or a Chinese name; resident ID when not given. */
export type AgentInfo = { name: string; idType?: string; idNumber: string; relation: string };

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

export function issueCard(ledger: Ledger, actor: Actor, input: IssueInput, now: Date = ledger.now()): IssueResult {
  const profile = ledgerProfile(ledger);
  return writeTx(ledger, (tx) => {
    const c = holderCardByNo(tx, normalizeCardInput(input.cardNo));
    if (!c) throw new SbkError('CARD_NOT_FOUND.counter', { cardNo: input.cardNo });
    const receiptOf = (secondIssue: boolean): IssueReceiptData => receipt(c, actor, input, profile, now.toISOString(), secondIssue);
    if (isRetryOf(tx, input.operationId, ['issue', 'read_check'], actor.id)) {
      if (!movementsOfOperation(tx, input.operationId).some((m) => m.cardId === c.id)) {
        throw new SbkError('OPERATION_ID_REUSED.issue', undefined, { operationId: input.operationId });
      }
      // A retry: answer as the first submission did (a read-check failure stays a failure).
      if (isDefective(c.state)) return { status: 'defective', cardNo: c.cardNo, mismatches: [], message: issuanceText.readCheck.alreadyDefective };
      return { status: 'issued', cardNo: c.cardNo, secondIssue: false, replayed: true, receipt: receiptOf(false) };
    }
    const blocked = blockedReason(c, actor, profile, todayInChina(now));
    if (blocked) throw blocked;
    const agent = checkReceiver(c, input);
    const ref = { refKind: 'issue', refId: input.operationId };
    const mismatches = input.chip ? compareChip(input.chip, c) : [];
    if (mismatches.length > 0) {
      // HB Art. 16: the card is re-made, never issued; the ledger says so at once.
      const text = mismatchText(mismatches);
      appendMovements(tx, { id: input.operationId, kind: 'read_check', operatorId: actor.id }, [
        { cardId: c.id, type: 'mark_defective', reason: issuanceText.readCheck.mismatch({ mismatches: text }), ...ref },
      ]);
      return { status: 'defective', cardNo: c.cardNo, mismatches, message: issuanceText.readCheck.failed({ mismatches: text }) };
    }
    const secondIssue = isRecalled(c.state) || c.recalledAt !== null;
    const reason = issuanceText.issue.reason([
      ...(secondIssue ? [issuanceText.issue.secondIssue] : []),
      input.chip ? issuanceText.issue.readCheckPassed : issuanceText.issue.readCheckSkipped,
    ]);
    appendMovements(tx, { id: input.operationId, kind: 'issue', operatorId: actor.id }, [
      {
        cardId: c.id,
        type: 'issue',
        toPlaceId: null,
        counterpartRole: agent ? 'agent' : 'receiver',
        counterpartName: agent ? agent.name.trim() : (c.holderName ?? ''),
        counterpartIdNumber: agent ? agent.idNumber : null,
        method: agent ? issuanceText.issue.agentMethod({ relation: agent.relation.trim() }) : issuanceText.issue.selfMethod,
        reason,
        ...ref,
      },
    ]);
    return { status: 'issued', cardNo: c.cardNo, secondIssue, replayed: false, receipt: receiptOf(secondIssue) };
  });
}

/**
 * GD Art. 14: the receiver's ID is checked, and the holder's number shown must be this card's
 * holder's; an agent (GD Art. 33) is recorded with name, document and relation. The checked
 * agent, or null when the holder takes the card.
 */
function checkReceiver(c: HolderCardRow, input: IssueInput): AgentInfo | null {
  const shown = checkIdDocument((c.holderIdType as IdDocType | null) ?? 'resident_id', input.holderIdNumber);
  if (!shown.ok) throw idCheckError('holder', shown);
  if (normalizeIdNumber(input.holderIdNumber) !== normalizeIdNumber(c.holderIdNumber ?? '')) throw new SbkError('HOLDER_ID_MISMATCH');
  if (input.receiver !== 'agent') return null;
  if (!input.agent?.name.trim() || !input.agent.relation.trim()) throw new SbkError('AGENT_REQUIRED');
  const idType = idDocTypeOrThrow('agent', input.agent.idType);
  const id = checkIdDocument(idType, input.agent.idNumber);
  if (!id.ok) throw idCheckError('agent', id);
  if (id.value === normalizeIdNumber(c.holderIdNumber ?? '')) throw new SbkError('AGENT_IS_HOLDER');
  return { ...input.agent, idType, idNumber: id.value };
}

/** The hand-over receipt (GD Art. 14), masked: the holder signs it at the counter. */
function receipt(c: HolderCardRow, actor: Actor, input: IssueInput, profile: RuleProfile, at: string, secondIssue: boolean): IssueReceiptData {
  return {
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
  };
}

/** Reader faults that mean the chip itself is bad (HB Art. 16: 芯片不能读取), not the reader. */
export const CHIP_FAULT_CODES = new Set(['READER_AUTH_FAILED', 'READER_WRONG_CARD']);

/** The chip could not be read: the card is defective (HB Art. 16), recorded with the reader's reason. */
export function markUnreadable(ledger: Ledger, actor: Actor, operationId: string, cardNo: string, readerMessage: string): void {
  writeTx(ledger, (tx) => {
    if (isRetryOf(tx, operationId, ['read_check'], actor.id)) return;
    const c = holderCardByNo(tx, normalizeCardInput(cardNo));
    if (!c) throw new SbkError('CARD_NOT_FOUND.counter', { cardNo });
    if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.counter', { cardNo: c.cardNo });
    appendMovements(tx, { id: operationId, kind: 'read_check', operatorId: actor.id }, [
      { cardId: c.id, type: 'mark_defective', reason: issuanceText.readCheck.unreadable({ reader: readerMessage }), refKind: 'issue', refId: operationId },
    ]);
  });
}
