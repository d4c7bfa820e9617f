/**
 * The destruction hand-over (`sbk destroy`, the console's 销毁移交): cancelled, sealed, defective
 * and old cards taken back, and spoiled blanks, handed to the service bank in one operation —
 * counted by the operator (the count must equal the cards), approved by a supervisor with their
 * own PIN, the bank's receiver named — ending each card in the terminal state `destroyed`, with a
 * 销毁移交单 for the three to sign.
 *
 * GD Art. 32 二: 对换发、已注销的废卡按银行借记卡规定处理. HB Art. 33: 合作银行回收社会保障卡并销毁.
 * GD Art. 36 (四): 预制卡为重要空白证件 — a spoiled blank is destroyed before two people.
 */
import { mkdirSync } from 'node:fs';
import { ledgerHeadOf } from '../../db/seal-chain.ts';
import { refuseSymlink, writeFileSafely } from '../security/safe-write.ts';
import { join } from 'node:path';
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { countRefsWithPrefix } from '../../db/issuance-queries.ts';
import { isRetryOf, movementsOfOperation } from '../../db/operations-repo.ts';
import { destroyableAtSite, handoverCardsByNo, type HandoverCard } from '../../db/ways-back-queries.ts';
import { SbkError } from '../domain/errors.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { maskName } from '../domain/mask.ts';
import { mayMove, stateLabel, type CardState, type StateOrNone } from '../domain/card-states.ts';
import { formatLocalTime, todayInChina } from '../domain/china-dates.ts';
import { formatDestructionSheet, type DestructionSheet } from '../domain/destruction-sheet-format.ts';
import { waysBackText } from '../i18n/workflows/ways-back.ts';
import { checkApprover, type Actor } from './authenticate.ts';
import { exportsDir } from './shipment-export.ts';

export type DestructionInput = {
  operationId: string;
  /** Card numbers (scanned or typed); with `allEnded`, every destroyable card at the site instead. */
  cardNos?: readonly string[];
  allEnded?: boolean;
  /** The operator's own count of the cards on the table: must equal the cards chosen. */
  counted: number;
  /** The service bank's person who takes the cards (HB Art. 33). */
  bankReceiver: string;
  reason: string;
};

export type DestructionResult = {
  ref: string;
  cards: number;
  bankReceiver: string;
  approver: string;
  /** The sheet to save and sign; null when this answers a retry of an operation already written. */
  sheet: DestructionSheet | null;
  replayed: boolean;
};

/** The hand-over's reference: site, day and sequence, e.g. `XH-420102-01-20261207-01`. */
function destructionRef(db: LedgerDb, actor: Actor, now: Date): string {
  const prefix = `XH-${actor.siteCode}-${todayInChina(now).replaceAll('-', '')}-`;
  return `${prefix}${String(countRefsWithPrefix(db, 'destroy', prefix) + 1).padStart(2, '0')}`;
}

/** The cards named, each once, all at the operator's site (their states the state machine judges). */
function chosenCards(tx: LedgerDb, actor: Actor, input: DestructionInput): HandoverCard[] {
  if (input.allEnded) {
    const all = destroyableAtSite(tx, actor.siteId);
    if (all.length === 0) throw new SbkError('SELECTION_EMPTY.destroyAllEnded');
    return all;
  }
  const wanted = [...new Set((input.cardNos ?? []).map(normalizeCardInput).filter(Boolean))];
  if (wanted.length === 0) throw new SbkError('SELECTION_EMPTY.destroyHandover');
  const rows = new Map(handoverCardsByNo(tx, wanted).map((c) => [c.cardNo, c]));
  return wanted.map((no) => {
    const c = rows.get(no);
    if (!c) throw new SbkError('CARD_NOT_FOUND.custody', { card: no }, { cardNo: no });
    if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.destroyHandover', { card: no, site: c.siteName }, { cardNo: no });
    return c;
  });
}

function sheetOf(actor: Actor, approver: Actor, ref: string, at: string, input: DestructionInput, cards: readonly HandoverCard[]): DestructionSheet {
  return {
    ref,
    site: { code: actor.siteCode, name: actor.siteName },
    at: formatLocalTime(at),
    reason: input.reason.trim(),
    operator: actor.name,
    approver: approver.name,
    bankReceiver: input.bankReceiver.trim(),
    counted: input.counted,
    cards: cards.map((c) => ({ cardNo: c.cardNo, kind: c.kind, stateLabel: stateLabel(c.state as StateOrNone), holder: c.holderName ? maskName(c.holderName) : null })),
  };
}

/**
 * Hands the chosen cards to the bank in one operation of `destroy` movements. Refused as a whole,
 * and nothing written, when the count differs, the approver may not approve, a card is elsewhere
 * or in a state the state machine does not let end in destruction (an issued card, one in stock).
 */
export function handOverForDestruction(ledger: Ledger, actor: Actor, approver: Actor, input: DestructionInput, now: Date = ledger.now()): DestructionResult {
  checkApprover(ledger, actor, approver);
  if (!input.reason.trim()) throw new SbkError('REASON_REQUIRED.destroyHandover');
  const receiver = input.bankReceiver.trim();
  if (!receiver) throw new SbkError('COUNTERPART_REQUIRED.bankReceiver');
  const result = writeTx(ledger, (tx): DestructionResult => {
    if (isRetryOf(tx, input.operationId, ['destroy'], actor.id)) {
      const moved = movementsOfOperation(tx, input.operationId);
      return { ref: moved[0]?.refId ?? '', cards: moved.length, bankReceiver: receiver, approver: approver.name, sheet: null, replayed: true };
    }
    const cards = chosenCards(tx, actor, input);
    // 清点: the operator's count is the check that the cards on the table are the cards listed.
    if (input.counted !== cards.length) throw new SbkError('DESTROY_COUNT_MISMATCH', { counted: input.counted, cards: cards.length });
    const ref = destructionRef(tx, actor, now);
    appendMovements(
      tx,
      { id: input.operationId, kind: 'destroy', operatorId: actor.id, secondOperatorId: approver.id },
      cards.map((c) => ({
        cardId: c.id,
        type: 'destroy' as const,
        toPlaceId: null,
        counterpartRole: 'receiver' as const,
        counterpartName: receiver,
        method: waysBackText.destroy.method({ receiver }),
        reason: input.reason.trim(),
        refKind: 'destroy',
        refId: ref,
      })),
    );
    return { ref, cards: cards.length, bankReceiver: receiver, approver: approver.name, sheet: sheetOf(actor, approver, ref, now.toISOString(), input, cards), replayed: false };
  });
  // Read once the hand-over and its seal are committed: the sheet's head vouches for it too.
  return result.sheet ? { ...result, sheet: { ...result.sheet, ledgerHead: ledgerHeadOf(ledger.sqlite) } } : result;
}

export type ScannedForDestruction = { cardNo: string; kind: HandoverCard['kind']; stateLabel: string };

/**
 * One card scanned onto the console's hand-over list: at the operator's site and in a state the
 * hand-over may end (the same refusals the hand-over itself gives, one card at a time).
 */
export function destroyableCard(ledger: Ledger, actor: Actor, raw: string): ScannedForDestruction {
  const no = normalizeCardInput(raw);
  if (!no) throw new SbkError('SELECTION_EMPTY.destroyHandover');
  const c = handoverCardsByNo(ledger.db, [no])[0];
  if (!c) throw new SbkError('CARD_NOT_FOUND.custody', { card: no }, { cardNo: no });
  if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.destroyHandover', { card: no, site: c.siteName }, { cardNo: no });
  if (!mayMove(c.kind, c.state, 'destroy')) throw new SbkError('TRANSITION_ILLEGAL', { cardNo: no, from: c.state as CardState, type: 'destroy' }, { kind: c.kind, from: c.state, type: 'destroy' });
  return { cardNo: c.cardNo, kind: c.kind, stateLabel: stateLabel(c.state as StateOrNone) };
}

/** Saves the 销毁移交单 beside the ledger in exports/ (owner-only: it names holders, masked; a planted link refused). */
export function saveDestructionSheet(ledger: Pick<Ledger, 'path'>, sheet: DestructionSheet, dir = exportsDir(ledger)): string {
  refuseSymlink(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, waysBackText.file({ ref: sheet.ref }));
  writeFileSafely(path, formatDestructionSheet(sheet));
  return path;
}
