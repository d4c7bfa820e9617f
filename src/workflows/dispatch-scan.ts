/**
 * One scan or typed entry on the dispatch screen's running list (新建发运): a card number, a box
 * (`批次/箱号` or a label) or a batch number. Writes nothing.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { isSbkError } from '../domain/errors.ts';
import type { Actor } from '../domain/actor.ts';
import { selectCards, type CardSelection } from './shipment-dispatch.ts';

export type ScanKind = 'card' | 'box' | 'batch';
export type ScannedCard = ReturnType<typeof selectCards>[number];

/** What an entry named, and which of its cards are not on the list yet (none: all were). */
export type DispatchScan = { readonly kind: ScanKind; readonly label: string; readonly cards: ScannedCard[] };

const KINDS: readonly ScanKind[] = ['card', 'box', 'batch'];
// A code that only says "nothing by this name": another reading of the scan may explain more.
const NOT_THIS_KIND: Record<ScanKind, string> = { card: 'CARD_NOT_FOUND', box: 'BOX_NOT_HERE', batch: '' };

function selection(kind: ScanKind, label: string): CardSelection {
  return kind === 'card' ? { cards: [label] } : kind === 'box' ? { boxes: [label] } : { batches: [label] };
}

/**
 * Cards, then a box, then a batch: the first reading that names dispatchable cards wins. When
 * none does, throws the error that says most (a refusal rather than "no such card").
 */
export function readDispatchScan(ledger: Ledger, actor: Actor, raw: string, onList: ReadonlySet<number>): DispatchScan {
  const value = raw.normalize('NFKC').trim();
  const errors: { kind: ScanKind; error: unknown }[] = [];
  for (const kind of KINDS) {
    const label = kind === 'card' ? normalizeCardInput(value) : value;
    try {
      return { kind, label, cards: selectCards(ledger, actor, selection(kind, label)).filter((c) => !onList.has(c.id)) };
    } catch (e) {
      errors.push({ kind, error: e });
    }
  }
  const telling = errors.find((x) => isSbkError(x.error) && x.error.code !== NOT_THIS_KIND[x.kind]) ?? errors.at(-1);
  throw telling?.error;
}

/** The list as the selection the dispatch takes: the same cards, named as they were scanned. */
export function scannedSelection(entries: readonly { kind: ScanKind; label: string }[]): CardSelection {
  const of = (k: ScanKind) => entries.filter((a) => a.kind === k).map((a) => a.label);
  return { cards: of('card'), boxes: of('box'), batches: of('batch') };
}
