/**
 * What lies on each simulated reader: a demo ledger has no physical cards, so the operator puts
 * one of the ledger's cards "on the reader" (sbk devices insert, or the 设备 page) and takes it
 * off again. The state is a file beside the ledger (`<ledger>.devices-sim.json`), so a card put
 * there by one process is found by the next (`sbk devices insert` then `sbk issue --read-check`).
 *
 * A reader may also be set to "auto": the card being issued is put on it at each read-check, as
 * if the clerk always placed the right card (the demo's old behaviour, now asked for).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Ledger } from '../../db/open-ledger.ts';
import type { BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import { SbkError, isSbkError } from '../domain/errors.ts';
import { writeFileSafely } from '../security/safe-write.ts';
import { isDemoLedger } from '../../db/ledger-meta.ts';
import { simulatedChip } from './issue-desk.ts';

export type ReaderSlot = { card: string | null; auto: boolean };
type SlotFile = { version: 1; readers: Record<string, ReaderSlot> };

const EMPTY: ReaderSlot = { card: null, auto: false };
/** A demo ledger's readers start on auto, so `npm start` issues with a real read of the card being issued; O (remove) turns it off. */
const DEMO_DEFAULT: ReaderSlot = { card: null, auto: true };

function defaultSlot(ledger: Pick<Ledger, 'path'> & { db?: Ledger['db'] }): ReaderSlot {
  return ledger.db && isDemoLedger(ledger.db) ? DEMO_DEFAULT : EMPTY;
}

export function readerSlotsFile(ledger: Pick<Ledger, 'path'>): string {
  return `${ledger.path}.devices-sim.json`;
}

const keyOf = (siteCode: string, readerId: string): string => `${siteCode}/${readerId}`;

function isSlot(v: unknown): v is ReaderSlot {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (o.card === null || typeof o.card === 'string') && typeof o.auto === 'boolean';
}

function load(file: string): SlotFile {
  if (!existsSync(file)) return { version: 1, readers: {} };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new SbkError('SIM_READER_STATE', { file });
  }
  const readers = (json as { readers?: unknown } | null)?.readers;
  if (typeof readers !== 'object' || readers === null || !Object.values(readers).every(isSlot)) throw new SbkError('SIM_READER_STATE', { file });
  return { version: 1, readers: readers as Record<string, ReaderSlot> };
}

export function readerSlot(ledger: Pick<Ledger, 'path'> & { db?: Ledger['db'] }, siteCode: string, readerId: string): ReaderSlot {
  return load(readerSlotsFile(ledger)).readers[keyOf(siteCode, readerId)] ?? defaultSlot(ledger);
}

export function setReaderSlot(ledger: Pick<Ledger, 'path'>, siteCode: string, readerId: string, slot: ReaderSlot): void {
  const file = readerSlotsFile(ledger);
  const s = load(file);
  s.readers[keyOf(siteCode, readerId)] = slot;
  writeFileSafely(file, `${JSON.stringify(s, null, 2)}\n`);
}

/** The chip on a simulated reader now: the ledger's data of the card put there, or null (no card). */
export function chipOnReader(ledger: Ledger, siteCode: string, readerId: string): BasicCardInfo | null {
  const { card } = readerSlot(ledger, siteCode, readerId);
  if (!card) return null;
  try {
    return simulatedChip(ledger, card);
  } catch (e) {
    // A card no longer in the ledger (a demo rebuilt under it) is as good as no card.
    if (isSbkError(e) && e.code === 'CARD_NOT_FOUND') return null;
    throw e;
  }
}

/** Before a read-check: a reader set to auto gets the card being issued. */
export function autoPlace(ledger: Ledger, siteCode: string, readerId: string, cardNo: string): void {
  const slot = readerSlot(ledger, siteCode, readerId);
  if (slot.auto && slot.card !== cardNo) setReaderSlot(ledger, siteCode, readerId, { ...slot, card: cardNo });
}
