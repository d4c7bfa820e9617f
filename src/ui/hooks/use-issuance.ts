import { randomUUID } from 'node:crypto';
import type { Ledger } from '../../../db/open-ledger.ts';
import { findForIssue, issueCard, markUnreadable, type IssueCandidate, type IssueResult } from '../../workflows/issue-card.ts';
import { mailCard } from '../../workflows/mail-delivery.ts';
import { readCheck } from '../../workflows/read-check.ts';
import { saveIssueReceipt } from '../../workflows/shipment-export.ts';
import { lookupCard } from '../../workflows/card-lookup.ts';
import { stateLabel, type StateOrNone } from '../../domain/card-states.ts';
import { isSbkError } from '../../domain/errors.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import type { BasicCardInfo } from '../../../drivers/reader/basic-info.ts';
import type { CardReader } from '../../../drivers/reader/card-reader.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { initialIssuanceState, issuanceLeavesOnBack, issuanceReducer, issueFieldOf, missingIssueField, nextEmptyField, settledRead, type IssuanceAction, type IssuanceState, type IssueTextField, type ReadState, type Receiver } from '../state/issuance.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { useSiteReader } from './use-site-reader.ts';
import { autoPlace } from '../../workflows/reader-slots.ts';

export type { IssueDone, IssueField, IssueStep, ReadState, Receiver } from '../state/issuance.ts';

type Ctx = {
  ledger: Ledger;
  actor: Actor;
  now: () => Date;
  reader: CardReader | undefined;
  insertSimulatedCard: ((chip: BasicCardInfo) => void) | undefined;
  /** Before a read: a simulated site reader set to auto gets the card being issued. */
  beforeRead: ((cardNo: string) => void) | undefined;
  dispatch: (a: IssuanceAction) => void;
  latest: () => IssuanceState;
};

const I = zh.issuance;
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);

/** A scanned number, an ID number or a name: the cards found, or why none. */
function search(c: Ctx, raw: string): void {
  // The field is cleared, as in 查卡: the next scan must not be appended to this one.
  c.dispatch({ type: 'query', value: '' });
  if (!raw.trim()) return c.dispatch({ type: 'message', message: { level: 'warn', text: I.queryEmpty } });
  // An ID number typed at the counter is not echoed back whole (PIPL Art. 28).
  const shown = /^[0-9\uff10-\uff19]{6}/.test(raw.trim()) ? maskIdNumber(raw.trim()) : raw.trim();
  let found: IssueCandidate[];
  try {
    found = findForIssue(c.ledger, c.actor, raw, c.now());
  } catch (e) {
    return c.dispatch({ type: 'search-failed', text: I.notFound(shown, errorText(e)) });
  }
  c.dispatch({ type: 'found', candidates: found, shown });
  // A scanned card that may be issued goes straight to the form: one scan, one Enter.
  if (found.length === 1 && !found[0]!.blocked) c.dispatch({ type: 'open', card: found[0]!, operationId: randomUUID() });
}

/** Reads the card in the slot and compares it with the ledger. Writes nothing. */
async function readCard(c: Ctx, cardNo: string): Promise<ReadState> {
  if (!c.reader) return { kind: 'fault', message: I.noReader };
  c.dispatch({ type: 'read', read: { kind: 'reading' } });
  try {
    c.beforeRead?.(cardNo);
    return await readCheck(c.ledger, c.reader, cardNo, c.insertSimulatedCard);
  } catch (e) {
    return { kind: 'fault', message: errorText(e) };
  }
}

/** The issued card's view: how it was handed over, its state now, and where its receipt was saved. */
function issued(c: Ctx, r: Extract<IssueResult, { status: 'issued' }>): IssuanceAction {
  let receiptPath: string | null = null;
  let receiptError: string | null = null;
  try {
    receiptPath = saveIssueReceipt(c.ledger, r.receipt);
  } catch (e) {
    receiptError = I.receiptFailed(e instanceof Error ? e.message : String(e));
  }
  let label = '';
  try {
    label = stateLabel(lookupCard(c.ledger, r.cardNo).state as StateOrNone);
  } catch {
    label = '';
  }
  const x = r.receipt;
  const how = x.receiver === 'agent' ? I.howAgent(x.agentName ?? '', x.agentRelation ?? '') : I.howSelf;
  return { type: 'issued', done: { cardNo: r.cardNo, holderName: x.holderName, how, readCheck: x.readCheck, secondIssue: r.secondIssue, replayed: r.replayed, stateLabel: label, receiptPath, receiptError } };
}

/** With a reader: the chip read (or the read R made) decides first; null when the card is not to be issued now. */
async function chipFor(c: Ctx, s: IssuanceState, card: IssueCandidate): Promise<{ chip: BasicCardInfo | null } | null> {
  if (!c.reader) return { chip: null };
  const r = settledRead(s.read) ?? (await readCard(c, card.cardNo));
  c.dispatch({ type: 'read', read: r });
  if (r.kind === 'chip-fault') {
    // HB Art. 16: recorded as defective, never issued.
    markUnreadable(c.ledger, c.actor, s.operationId, card.cardNo, r.message);
    c.dispatch({ type: 'condemned', text: I.unreadable(r.message) });
    return null;
  }
  if (r.kind !== 'passed' && r.kind !== 'mismatch') {
    c.dispatch({ type: 'message', message: { level: 'error', text: I.readFailed(r.kind === 'fault' ? r.message : '') } });
    return null;
  }
  return { chip: r.chip };
}

/** 邮递上门 (GD Art. 14 一(一)): the card goes to the carrier; no read-check, no receipt at the counter. */
function mail(c: Ctx, s: IssuanceState, card: IssueCandidate): void {
  const f = s.fields;
  const r = mailCard(c.ledger, c.actor, { operationId: s.operationId, cardNo: card.cardNo, address: f.address, carrier: f.carrier, trackingNo: f.tracking }, c.now());
  const how = I.howMail(r.carrier.trim(), r.trackingNo);
  const label = stateLabel('mailed');
  c.dispatch({ type: 'issued', done: { cardNo: r.cardNo, holderName: r.recipient, how, readCheck: 'not_done', secondIssue: r.secondIssue, replayed: r.replayed, stateLabel: label, receiptPath: null, receiptError: null, mailed: true } });
}

/** Enter with the form complete: read-check, then issue (or record the card as defective). */
async function issue(c: Ctx): Promise<void> {
  const s = c.latest();
  const card = s.card;
  if (!card || s.busy) return;
  const missing = missingIssueField(s);
  if (missing) return c.dispatch({ type: 'refused', focus: missing, text: I.required(I.fields[missing]) });
  c.dispatch({ type: 'busy', busy: true });
  c.dispatch({ type: 'message', message: null });
  try {
    if (s.receiver === 'mail') return mail(c, s, card);
    const read = await chipFor(c, s, card);
    if (!read) return;
    const f = s.fields;
    const agent = s.receiver === 'agent' ? { name: f.agentName, idType: s.agentIdType, idNumber: f.agentId, relation: f.relation } : null;
    const result = issueCard(c.ledger, c.actor, { operationId: s.operationId, cardNo: card.cardNo, receiver: s.receiver === 'agent' ? 'agent' : 'self', holderIdNumber: f.holderId, agent, chip: read.chip }, c.now());
    c.dispatch(result.status === 'defective' ? { type: 'condemned', text: result.message } : issued(c, result));
  } catch (e) {
    // The row to correct: the holder's ID, or the agent's (the only ID the workflow checks for form).
    c.dispatch({ type: 'refused', focus: issueFieldOf(isSbkError(e) ? e.code : ''), text: errorText(e) });
  } finally {
    c.dispatch({ type: 'busy', busy: false });
  }
}

/** R: read the card in the slot now and show the result; the issue uses it. */
async function readNow(c: Ctx): Promise<void> {
  const s = c.latest();
  if (!s.card || s.busy) return;
  if (!c.reader) return c.dispatch({ type: 'message', message: { level: 'warn', text: I.noReader } });
  c.dispatch({ type: 'busy', busy: true });
  c.dispatch({ type: 'message', message: null });
  try {
    c.dispatch({ type: 'read', read: await readCard(c, s.card.cardNo) });
  } finally {
    c.dispatch({ type: 'busy', busy: false });
  }
}

/**
 * 个人领取 at the counter (GD Art. 14; HB Art. 15-16): find the card (a scanned number, the
 * holder's ID number or name), choose it, record who receives it (the holder, or an agent with
 * both IDs), read-check it, issue it and save the receipt for signing. Nothing is written until
 * Enter issues; the operation id is chosen when the card is chosen, so a repeated Enter acts once.
 *
 * With a reader, Enter reads the card first (or uses what R just read): a chip that cannot be
 * read or disagrees with the ledger makes the card defective and it is not issued. Without one
 * the card is issued and the receipt says 读卡检测：未做.
 */
export function useIssuance(actor: Actor) {
  const services = useServices();
  const { ledger, now, insertSimulatedCard } = services;
  const siteReader = useSiteReader(actor, services.reader || !services.readerFromDevices ? undefined : services.devicesFor);
  const reader = services.reader ?? siteReader?.reader;
  const beforeRead = siteReader?.simulator ? (cardNo: string) => autoPlace(ledger, actor.siteCode, siteReader.id, cardNo) : undefined;
  const { state, dispatch, latest } = useLatestReducer(issuanceReducer, initialIssuanceState);
  const c: Ctx = { ledger, actor, now, reader, insertSimulatedCard, beforeRead, dispatch, latest };
  return {
    ...state,
    hasReader: reader !== undefined,
    readerLabel: reader?.label ?? null,
    setQuery: (value: string) => dispatch({ type: 'query', value }),
    search: (raw: string) => search(c, raw),
    movePick: (delta: number) => dispatch({ type: 'move-pick', delta }),
    choose: () => {
      const card = latest().candidates[latest().pickIndex];
      if (card) dispatch({ type: 'open', card, operationId: randomUUID() });
    },
    setField: (field: IssueTextField, value: string) => dispatch({ type: 'set-field', field, value }),
    setReceiver: (receiver: Receiver) => dispatch({ type: 'set-receiver', receiver }),
    moveFocus: (delta: number) => dispatch({ type: 'move-focus', delta }),
    cycleAgentIdType: () => dispatch({ type: 'cycle-agent-id-type' }),
    /** Enter in a text row: on to the next empty row; when none is left, issue. */
    fieldDone: (field: IssueTextField, value: string) => {
      dispatch({ type: 'set-field', field, value });
      const next = nextEmptyField(latest(), field);
      if (next) dispatch({ type: 'focus', field: next });
      else void issue(c);
    },
    issue: () => void issue(c),
    readCheck: () => readNow(c),
    dropForm: () => dispatch({ type: 'drop-form' }),
    cancelLeave: () => dispatch({ type: 'cancel-leave' }),
    /** Esc inside the screen; false = leave the screen. */
    back: (): boolean => {
      if (issuanceLeavesOnBack(latest())) return false;
      dispatch({ type: 'back' });
      return true;
    },
  };
}
