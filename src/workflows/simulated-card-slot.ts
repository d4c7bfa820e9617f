/**
 * Putting a simulated card on a simulated reader and taking it off (`sbk devices insert/remove`,
 * the 设备 page's keys): the reader must be one of the operator's site's simulated readers, and
 * the card one of the ledger's cards at the operator's site or below. Writes the reader state
 * file only, never the ledger.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { holderCardByNo } from '../../db/issuance-queries.ts';
import { subtreeIds } from '../../db/sites-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import type { Actor } from './authenticate.ts';
import { siteDeviceConfig } from './site-devices.ts';
import { readerSlot, setReaderSlot, type ReaderSlot } from './reader-slots.ts';

export type SlotResult = { reader: string; card: string | null; auto: boolean; removed?: string | null };

type Site = Pick<Actor, 'siteId' | 'siteCode'>;

/** The site's simulated reader by id (the first simulated one when none is named). */
function simulatedReaderId(ledger: Ledger, actor: Site, readerId: string | undefined): string {
  const { config } = siteDeviceConfig(ledger, { id: actor.siteId, code: actor.siteCode });
  const sims = config.readers.filter((r) => r.transport === 'simulator');
  if (readerId === undefined) {
    if (!sims[0]) throw new SbkError('SIM_READER_NONE');
    return sims[0].id;
  }
  const r = config.readers.find((x) => x.id === readerId);
  if (!r) throw new SbkError('READER_NOT_CONFIGURED.named', { device: readerId });
  if (r.transport !== 'simulator') throw new SbkError('SIM_READER_REAL', { reader: readerId });
  return r.id;
}

/** Puts card `cardNo` on the reader (replacing what was there); `auto` keeps putting the card being issued there. */
export function insertSimulatedCard(ledger: Ledger, actor: Site, readerId: string | undefined, cardNo: string | null, auto?: boolean): SlotResult {
  const reader = simulatedReaderId(ledger, actor, readerId);
  const old = readerSlot(ledger, actor.siteCode, reader);
  let card: string | null = old.card;
  if (cardNo !== null) {
    const no = normalizeCardInput(cardNo);
    const c = holderCardByNo(ledger.db, no);
    if (!c) throw new SbkError('CARD_NOT_FOUND.counter', { cardNo: no });
    // A card of another site is not at this counter to be put on its reader.
    if (!subtreeIds(ledger.db, actor.siteId).includes(c.siteId)) throw new SbkError('CARD_NOT_HERE.counter', { cardNo: no });
    card = c.cardNo;
  }
  const slot: ReaderSlot = { card, auto: auto ?? old.auto };
  setReaderSlot(ledger, actor.siteCode, reader, slot);
  return { reader, ...slot };
}

/** Takes the card off the reader and stops putting cards there by itself. */
export function removeSimulatedCard(ledger: Ledger, actor: Site, readerId: string | undefined): SlotResult {
  const reader = simulatedReaderId(ledger, actor, readerId);
  const old = readerSlot(ledger, actor.siteCode, reader);
  setReaderSlot(ledger, actor.siteCode, reader, { card: null, auto: false });
  return { reader, card: null, auto: false, removed: old.card };
}
