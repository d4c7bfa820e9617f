import { useRef, useState } from 'react';
import { randomUUID } from 'node:crypto';
import { pickupCards } from '../../workflows/agent-pickup.ts';
import { pickupEntry, type PickupEntry } from '../../workflows/issue-desk.ts';
import { checkIdDocument } from '../../domain/id-documents.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Flag } from './use-check-in.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type PickupStep = 'details' | 'scan' | 'confirm' | 'leave' | 'done';
export type PickupField = 'unit' | 'agentName' | 'agentId' | 'authRef';

const P = zh.pickup;
export const PICKUP_FIELDS: readonly PickupField[] = ['unit', 'agentName', 'agentId', 'authRef'];
const EMPTY: Record<PickupField, string> = { unit: '', agentName: '', agentId: '', authRef: '' };
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);

/**
 * A collective pickup (批量领取, GD Art. 15; HB Art. 17): a unit's authorised agent takes its
 * members' cards. The unit, the agent and the authorisation are recorded first, then the cards
 * are scanned (card numbers, or a batch code for all of the batch's cards in stock here) with a
 * running count, counted together with the agent; an empty Enter asks to confirm. Nothing is
 * written before the confirmation; the cards are then held by the agent until settled.
 */
export function useNewPickup(actor: Actor) {
  const { ledger } = useServices();
  const [step, setStep] = useState<PickupStep>('details');
  const [fields, setFieldsState] = useState<Record<PickupField, string>>(EMPTY);
  const [focus, setFocus] = useState<PickupField>('unit');
  const [input, setInput] = useState('');
  const [entries, setEntries] = useState<PickupEntry[]>([]);
  const [flags, setFlags] = useState<Flag[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ ref: string; cards: number } | null>(null);
  const fieldsRef = useRef<Record<PickupField, string>>(EMPTY);
  const operationId = useRef(randomUUID());
  const flag = (f: Flag) => setFlags((fs) => [f, ...fs].slice(0, 4));
  const cards = entries.flatMap((e) => e.cards);

  const toScan = () => {
    const f = fieldsRef.current;
    const missing = PICKUP_FIELDS.find((k) => !f[k].trim());
    if (missing) {
      setFocus(missing);
      return setError(P.required(P.fields[missing]));
    }
    const id = checkIdDocument('resident_id', f.agentId);
    if (!id.ok) {
      setFocus('agentId');
      return setError(`${P.fields.agentId}：${id.message}`);
    }
    setError(null);
    setStep('scan');
  };

  return {
    step,
    fields,
    focus,
    input,
    entries,
    flags,
    error,
    done,
    total: cards.length,
    setInput,
    setField: (f: PickupField, v: string) => {
      fieldsRef.current = { ...fieldsRef.current, [f]: v };
      setFieldsState(fieldsRef.current);
      setError(null);
    },
    moveFocus: (delta: number) => setFocus((f) => PICKUP_FIELDS[(PICKUP_FIELDS.indexOf(f) + delta + PICKUP_FIELDS.length) % PICKUP_FIELDS.length]!),
    /** Enter in a field: on to the next empty one; with all filled, on to the cards. */
    fieldDone: (field: PickupField, value: string) => {
      fieldsRef.current = { ...fieldsRef.current, [field]: value };
      setFieldsState(fieldsRef.current);
      const at = PICKUP_FIELDS.indexOf(field);
      const next = [...PICKUP_FIELDS.slice(at + 1), ...PICKUP_FIELDS.slice(0, at)].find((k) => !fieldsRef.current[k].trim());
      if (next) return setFocus(next);
      toScan();
    },
    submitScan: (raw: string) => {
      setInput('');
      if (!raw.trim()) {
        if (cards.length === 0) return flag({ level: 'error', text: P.empty });
        return setStep('confirm');
      }
      try {
        const e = pickupEntry(ledger, actor, raw);
        const have = new Set(cards);
        const fresh = e.cards.filter((c) => !have.has(c));
        if (fresh.length === 0) return flag({ level: 'warn', text: P.already(e.label) });
        setEntries((es) => [...es, { ...e, cards: fresh }]);
        flag({ level: 'ok', text: P.added(P.kinds[e.kind], e.label, fresh.length) });
      } catch (e) {
        flag({ level: 'error', text: errorText(e) });
      }
    },
    undo: () => {
      const last = entries.at(-1);
      if (!last) return flag({ level: 'warn', text: P.nothingToUndo });
      setEntries((es) => es.slice(0, -1));
      flag({ level: 'warn', text: P.removed(last.label, last.cards.length) });
    },
    confirm: () => {
      const f = fieldsRef.current;
      try {
        const r = pickupCards(ledger, actor, { operationId: operationId.current, unit: f.unit, agentName: f.agentName, agentIdNumber: f.agentId, authorisationRef: f.authRef, cards });
        setDone({ ref: r.pickupRef, cards: r.replayed ? cards.length : r.cards });
        setStep('done');
      } catch (e) {
        flag({ level: 'error', text: errorText(e) });
        setStep('scan');
      }
    },
    cancelConfirm: () => setStep('scan'),
    /** Esc: one step back; false = leave the screen. */
    back: (): boolean => {
      switch (step) {
        case 'done':
          return false;
        case 'confirm':
        case 'leave':
          setStep(step === 'confirm' ? 'scan' : 'details');
          return true;
        case 'scan':
          setStep('details');
          return true;
        case 'details':
          // Typed or scanned but not recorded: ask before dropping it.
          if (cards.length > 0 || Object.values(fieldsRef.current).some((v) => v.trim())) {
            setStep('leave');
            return true;
          }
          return false;
      }
    },
  };
}
