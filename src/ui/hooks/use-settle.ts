import { useMemo, useRef, useState } from 'react';
import { randomUUID } from 'node:crypto';
import { listOpenPickups, pickupCardList, settlePickup, type OpenPickup } from '../../workflows/agent-pickup.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type SettleStep = 'mark' | 'confirm' | 'leave' | 'done';
export type Mark = 'delivered' | 'returned';
type Card = ReturnType<typeof pickupCardList>[number];

const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);

/**
 * Settling a collective pickup (GD Art. 15): for each card the unit's agent still holds, the
 * operator marks whether the unit handed it to its holder (已转交, then issued) or the agent
 * brought it back (退回, into stock again); cards left unmarked stay with the agent. Nothing is
 * written until the operator confirms; the operation id is chosen when the screen opens.
 */
export function useSettle(actor: Actor, ref: string) {
  const { ledger } = useServices();
  const [version, setVersion] = useState(0);
  const data = useMemo<{ pickup: OpenPickup | null; cards: Card[]; error: string | null }>(() => {
    try {
      return { pickup: listOpenPickups(ledger, actor).find((p) => p.ref === ref) ?? null, cards: pickupCardList(ledger, actor, ref), error: null };
    } catch (e) {
      return { pickup: null, cards: [], error: errorText(e) };
    }
  }, [ledger, actor, ref, version]);
  const [index, setIndex] = useState(0);
  const [marks, setMarks] = useState<ReadonlyMap<string, Mark>>(() => new Map());
  const [step, setStep] = useState<SettleStep>('mark');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ delivered: number; returned: number; stillHeld: number } | null>(null);
  const operationId = useRef(randomUUID());
  const cards = data.cards;
  const at = Math.min(index, Math.max(0, cards.length - 1));
  const count = (m: Mark) => [...marks.values()].filter((x) => x === m).length;

  return {
    pickup: data.pickup,
    cards,
    loadError: data.error,
    index: at,
    marks,
    step,
    error,
    done,
    delivered: count('delivered'),
    returned: count('returned'),
    move: (delta: number) => setIndex(Math.max(0, Math.min(cards.length - 1, at + delta))),
    /** D / R: mark the card under the marker (again: unmark), then on to the next card. */
    mark: (m: Mark) => {
      const c = cards[at];
      if (!c) return;
      setMarks((prev) => {
        const next = new Map(prev);
        if (next.get(c.cardNo) === m) next.delete(c.cardNo);
        else next.set(c.cardNo, m);
        return next;
      });
      setError(null);
      setIndex(Math.min(cards.length - 1, at + 1));
    },
    toConfirm: () => {
      if (marks.size === 0) return setError(zh.settle.nothingMarked);
      setStep('confirm');
    },
    confirm: () => {
      const of = (m: Mark) => [...marks].filter(([, x]) => x === m).map(([no]) => no);
      try {
        const r = settlePickup(ledger, actor, { operationId: operationId.current, pickupRef: ref, delivered: of('delivered'), returned: of('returned') });
        setDone(r.replayed ? { delivered: of('delivered').length, returned: of('returned').length, stillHeld: r.stillHeld } : r);
        setStep('done');
        setVersion((v) => v + 1);
      } catch (e) {
        setError(errorText(e));
        setStep('mark');
      }
    },
    cancelConfirm: () => setStep('mark'),
    dropMarks: () => {
      setMarks(new Map());
      setStep('mark');
    },
    /** Esc: false = leave the screen. */
    back: (): boolean => {
      if (step === 'confirm' || step === 'leave') {
        setStep('mark');
        return true;
      }
      if (step === 'mark' && marks.size > 0) {
        setStep('leave');
        return true;
      }
      return false;
    },
  };
}
