/**
 * An old card handed in at the counter (`sbk card take-back`, the console's 收回旧卡): at a
 * replacement, a cancellation, or found and handed in. GD Art. 32 一(一): 未发放成功的卡、换发的旧卡、
 * 注销的卡，由人社部门、服务银行通过各自渠道回收. The card is taken in even when the ledger has it as
 * issued or lost, or never had it (an old card from before the ledger): then it is recorded with
 * its number, its bank and maker unknown, and take_back is its first movement. It waits at the
 * site in a storage place for the destruction hand-over (destruction-handover.ts).
 */
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements, type CardSnapshot } from '../../db/append-movements.ts';
import { isRetryOf } from '../../db/operations-repo.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { upsertHolder } from '../../db/register-cards.ts';
import { handoverCardsByNo, holderByIdNumber, holderOfCard, insertFoundCard, takeBackOfOperation } from '../../db/ways-back-queries.ts';
import { SbkError } from '../domain/errors.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { checkIdDocument, idDocTypeForTyped } from '../domain/id-documents.ts';
import { checkSocialSecurityCardNumber } from '../domain/card-codes.ts';
import { normalizeIdNumber } from '../domain/resident-id.ts';
import type { StateOrNone } from '../domain/card-states.ts';
import { waysBackText, type TakeBackReason } from '../i18n/workflows/ways-back.ts';
import { idCheckError, idDocTypeOrThrow } from './id-check-error.ts';
import type { Actor } from './authenticate.ts';

export const TAKE_BACK_REASONS: readonly TakeBackReason[] = ['replacement', 'cancellation', 'found'];
export type { TakeBackReason };

export type TakeBackInput = {
  operationId: string;
  cardNo: string;
  reason: TakeBackReason;
  /** Who handed the card in (the holder, their agent, the finder). */
  from: string;
  /** The holder's ID number: checked against a card the ledger knows; links an unknown card to its holder. */
  idNumber?: string | null;
  /** The document that number is on (a code or its Chinese name); guessed from the number when blank (GD Art. 35). */
  idType?: string | null;
  /** The holder's name for an unknown card whose holder the ledger does not know either (default: `from`). */
  holderName?: string | null;
  /** The storage place it goes to; default the site's first one that is not a hopper. */
  placeName?: string | null;
};

export type TakeBackResult = {
  cardNo: string;
  /** The state the ledger had it in: issued, lost, or none (never had it: recorded as found, with its number). */
  fromState: StateOrNone;
  unknown: boolean;
  reason: TakeBackReason;
  from: string;
  place: string | null;
  replayed: boolean;
};

const isReason = (r: string): r is TakeBackReason => (TAKE_BACK_REASONS as readonly string[]).includes(r);

/** The holder of a card the ledger never had: found by ID number, or created (as a resident ID's). */
function holderFor(tx: LedgerDb, input: TakeBackInput): number | null {
  if (!input.idNumber?.trim()) return null;
  const known = holderByIdNumber(tx, normalizeIdNumber(input.idNumber));
  if (known) return known.id;
  const idType = input.idType?.trim() ? idDocTypeOrThrow('holder', input.idType) : (idDocTypeForTyped(input.idNumber) ?? 'resident_id');
  const checked = checkIdDocument(idType, input.idNumber);
  if (!checked.ok) throw idCheckError('holder', checked);
  return upsertHolder(tx, { idType, idNumber: checked.value, name: (input.holderName?.trim() || input.from).trim() });
}

function checkInput(input: TakeBackInput): string {
  const no = normalizeCardInput(input.cardNo);
  if (!no) throw new SbkError('CARD_NO_EMPTY.takeBack');
  if (!isReason(input.reason)) throw new SbkError('TAKE_BACK_REASON_UNKNOWN', { reason: String(input.reason) });
  if (!input.from.trim()) throw new SbkError('COUNTERPART_REQUIRED.takeBack');
  return no;
}

export function takeBackCard(ledger: Ledger, actor: Actor, input: TakeBackInput): TakeBackResult {
  const no = checkInput(input);
  const from = input.from.trim();
  return writeTx(ledger, (tx) => {
    if (isRetryOf(tx, input.operationId, ['take_back'], actor.id)) {
      const m = takeBackOfOperation(tx, input.operationId);
      const fromState = (m?.fromState ?? 'none') as StateOrNone;
      return { cardNo: m?.cardNo ?? no, fromState, unknown: fromState === 'none', reason: input.reason, from: m?.counterpart ?? from, place: m?.placeName ?? null, replayed: true };
    }
    const storage = placesAt(tx, actor.siteId).filter((p) => p.kind !== 'hopper');
    const place = input.placeName?.trim() ? storage.find((p) => p.name === input.placeName!.trim()) : storage[0];
    if (!place) throw new SbkError('PLACE_NOT_FOUND.custody', { name: input.placeName ?? '' });
    const card = handoverCardsByNo(tx, [no])[0];
    let known: Map<number, CardSnapshot> | undefined;
    let cardId: number;
    if (card) {
      const holder = holderOfCard(tx, card.id);
      if (holder && input.idNumber?.trim() && normalizeIdNumber(input.idNumber) !== holder.idNumber) throw new SbkError('HOLDER_ID_MISMATCH.takeBack');
      cardId = card.id;
    } else {
      // A number the ledger never had is recorded as it is: it must at least be a card number.
      const checked = checkSocialSecurityCardNumber(no);
      if (!checked.ok) throw idCheckError(null, checked);
      const snapshot = insertFoundCard(tx, { cardNo: no, bank: waysBackText.unknown, maker: waysBackText.unknown, siteId: actor.siteId, holderId: holderFor(tx, input) });
      known = new Map([[snapshot.id, snapshot]]);
      cardId = snapshot.id;
    }
    const t = waysBackText.takeBack;
    appendMovements(
      tx,
      { id: input.operationId, kind: 'take_back', operatorId: actor.id },
      [
        {
          cardId,
          type: 'take_back',
          toSiteId: actor.siteId,
          toPlaceId: place.id,
          counterpartRole: 'sender',
          counterpartName: from,
          method: card ? t.method : t.methodUnknown,
          reason: t.reasons[input.reason],
          refKind: 'take_back',
          refId: input.operationId,
        },
      ],
      known,
    );
    const fromState = (card?.state ?? 'none') as StateOrNone;
    return { cardNo: no, fromState, unknown: !card, reason: input.reason, from, place: place.name, replayed: false };
  });
}
