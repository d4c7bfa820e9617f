import { useMemo, useRef, useState } from 'react';
import { dispatchDestinations, dispatchShipment, selectCards, type CardSelection, type Destination } from '../../workflows/shipment-dispatch.ts';
import { saveHandoverSheet } from '../../workflows/shipment-export.ts';
import { CHOOSABLE_METHODS, METHOD_LABELS, type ShipmentMethod } from '../../domain/shipment.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import { isSbkError, type SbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Flag } from './use-check-in.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type DispatchStep = 'dest' | 'scan' | 'details' | 'confirm' | 'leave' | 'done';
export type DetailsFocus = 'method' | 'tracking' | 'sender';
type Kind = 'card' | 'box' | 'batch';
type Card = ReturnType<typeof selectCards>[number];

/** One scan or typed entry and the cards it added that were not on the list already. */
export type Addition = { label: string; kind: Kind; cards: Card[] };
export type Group = { batch: string; box: string; cards: number };

const D = zh.dispatch;
const FOCUS_ORDER: readonly DetailsFocus[] = ['method', 'tracking', 'sender'];
// A code that only says "nothing by this name": another reading of the scan may explain more.
const NOT_THIS_KIND: Record<Kind, string> = { card: 'CARD_NOT_FOUND', box: 'BOX_NOT_HERE', batch: '' };

function selection(kind: Kind, value: string): CardSelection {
  return kind === 'card' ? { cards: [value] } : kind === 'box' ? { boxes: [value] } : { batches: [value] };
}

/** The additions as the selection the workflow takes: the same cards, named as they were scanned. */
function toSelection(additions: readonly Addition[]): CardSelection {
  const of = (k: Kind) => additions.filter((a) => a.kind === k).map((a) => a.label);
  return { cards: of('card'), boxes: of('box'), batches: of('batch') };
}

function groupsOf(additions: readonly Addition[]): Group[] {
  const by = new Map<string, Group>();
  for (const c of additions.flatMap((a) => a.cards)) {
    const batch = c.batchCode ?? '—';
    const box = c.boxLabel ?? '-';
    const key = `${batch}\u0000${box}`;
    const g = by.get(key) ?? { batch, box, cards: 0 };
    g.cards += 1;
    by.set(key, g);
  }
  return [...by.values()].sort((a, b) => a.batch.localeCompare(b.batch) || a.box.localeCompare(b.box));
}

/**
 * A new shipment from the operator's site: choose where it goes (down the hierarchy, or back
 * up: 回退), scan what goes in it (cards, boxes, batches: a running list without repeats),
 * fill in the method, waybill and sender, confirm. Nothing is written before the confirmation;
 * then the shipment is created and sent in one transaction and its hand-over sheet saved.
 */
export function useDispatch(actor: Actor) {
  const { ledger } = useServices();
  const destinations = useMemo<Destination[]>(() => dispatchDestinations(ledger, actor), [ledger, actor]);
  const [step, setStep] = useState<DispatchStep>('dest');
  const [destIndex, setDestIndex] = useState(0);
  const [dest, setDest] = useState<Destination | null>(null);
  const [input, setInput] = useState('');
  const [additions, setAdditions] = useState<Addition[]>([]);
  const [flags, setFlags] = useState<Flag[]>([]);
  const [methodIndex, setMethodIndex] = useState(0);
  const [trackingNo, setTrackingNo] = useState('');
  const [senderName, setSenderName] = useState(actor.name);
  const [focus, setFocus] = useState<DetailsFocus>('method');
  const [done, setDone] = useState<{ number: string; cards: number; sheet: string[]; sheetError: string | null } | null>(null);
  const sending = useRef(false);
  const flag = (f: Flag) => setFlags((fs) => [f, ...fs].slice(0, 3));
  const method: ShipmentMethod = CHOOSABLE_METHODS[methodIndex] ?? 'staff';
  const total = additions.reduce((n, a) => n + a.cards.length, 0);

  /** Cards, then a box, then a batch: the first reading that names dispatchable cards wins. */
  const add = (raw: string) => {
    const value = raw.normalize('NFKC').trim();
    const have = new Set(additions.flatMap((a) => a.cards.map((c) => c.id)));
    const errors: { kind: Kind; error: unknown }[] = [];
    for (const kind of ['card', 'box', 'batch'] as const) {
      const label = kind === 'card' ? normalizeCardInput(value) : value;
      try {
        const fresh = selectCards(ledger, actor, selection(kind, label)).filter((c) => !have.has(c.id));
        if (fresh.length === 0) return flag({ level: 'warn', text: D.already(label) });
        setAdditions((as) => [...as, { label, kind, cards: fresh }]);
        return flag({ level: 'ok', text: D.added(D.kinds[kind], label, fresh.length) });
      } catch (e) {
        errors.push({ kind, error: e });
      }
    }
    const telling = errors.find((x) => isSbkError(x.error) && x.error.code !== NOT_THIS_KIND[x.kind]) ?? errors.at(-1);
    const e = telling?.error;
    flag({ level: 'error', text: isSbkError(e) ? (e as SbkError).message : zh.errors.internal });
  };

  return {
    step,
    destinations,
    destIndex,
    dest,
    input,
    additions,
    groups: groupsOf(additions),
    total,
    flags,
    method,
    methodLabel: METHOD_LABELS[method],
    methods: CHOOSABLE_METHODS.map((m) => ({ id: m, label: METHOD_LABELS[m] })),
    trackingNo,
    senderName,
    focus,
    done,
    setInput,
    setTrackingNo,
    setSenderName,
    moveDest: (delta: number) => setDestIndex((i) => Math.max(0, Math.min(destinations.length - 1, i + delta))),
    pickDest: () => {
      const d = destinations[destIndex];
      if (!d) return;
      setDest(d);
      setStep('scan');
    },
    submitScan: (raw: string) => {
      setInput('');
      if (raw.trim()) return add(raw);
      if (additions.length === 0) return flag({ level: 'error', text: D.empty });
      setFocus('method');
      setStep('details');
    },
    undo: () => {
      const last = additions.at(-1);
      if (!last) return flag({ level: 'warn', text: D.nothingToUndo });
      setAdditions((as) => as.slice(0, -1));
      flag({ level: 'warn', text: D.removed(last.label, last.cards.length) });
    },
    cycleMethod: (delta: number) => setMethodIndex((i) => (i + delta + CHOOSABLE_METHODS.length) % CHOOSABLE_METHODS.length),
    nextField: (delta: number) => setFocus((f) => FOCUS_ORDER[(FOCUS_ORDER.indexOf(f) + delta + FOCUS_ORDER.length) % FOCUS_ORDER.length]!),
    toConfirm: () => setStep('confirm'),
    confirm: () => {
      if (!dest || sending.current) return;
      sending.current = true;
      try {
        const r = dispatchShipment(ledger, actor, { toSiteCode: dest.code, select: toSelection(additions), method, trackingNo, senderName });
        let sheet: string[] = [];
        let sheetError: string | null = null;
        try {
          const saved = saveHandoverSheet(ledger, actor, r.number);
          sheet = [saved.textPath, saved.csvPath];
        } catch (e) {
          sheetError = isSbkError(e) ? e.message : zh.shipments.saveFailed(e instanceof Error ? e.message : String(e));
        }
        setDone({ number: r.number, cards: r.cards, sheet, sheetError });
        setStep('done');
      } catch (e) {
        flag({ level: 'error', text: isSbkError(e) ? e.message : zh.errors.internal });
        setStep('scan');
      } finally {
        sending.current = false;
      }
    },
    /** Drop the scanned list (after the operator agreed) and choose the destination again. */
    dropList: () => {
      setAdditions([]);
      setFlags([]);
      setStep('dest');
    },
    /** Esc: one step back; false = leave the screen. */
    back: (): boolean => {
      switch (step) {
        case 'dest':
        case 'done':
          return false;
        case 'scan':
          setStep(additions.length > 0 ? 'leave' : 'dest');
          return true;
        case 'leave':
          setStep('scan');
          return true;
        case 'details':
          setStep('scan');
          return true;
        case 'confirm':
          setStep('details');
          return true;
      }
    },
  };
}
