import { useEffect, useMemo, useRef, useState } from 'react';
import { randomUUID } from 'node:crypto';
import { batchesAwaitingCheckIn, confirmCheckIn, expectedCards, storagePlaces, type CheckInBatch, type ConfirmSummary } from '../../workflows/check-in.ts';
import {
  boxProgress,
  checkInResult,
  confirmBoxCount,
  isBoxLabel,
  markDamaged,
  scanCard,
  startCheckIn,
  totals,
  type CheckInSession,
  type ScanOutcome,
} from '../../domain/check-in-session.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type CheckInMode = 'pick' | 'scan' | 'box-count' | 'damage-reason' | 'confirm' | 'leave' | 'done';
export type Flag = { level: 'ok' | 'warn' | 'error'; text: string };

const O = zh.checkin.outcome;

function describe(o: ScanOutcome): Flag {
  switch (o.kind) {
    case 'counted':
      return { level: 'ok', text: O.counted(o.cardNo, o.box) };
    case 'duplicate':
      return { level: 'warn', text: O.duplicate(o.cardNo) };
    case 'unlisted':
      return { level: 'error', text: O.unlisted(o.cardNo) };
    case 'box-complete':
      return { level: 'ok', text: O.boxComplete(o.box, o.count) };
    case 'box-short':
      return { level: 'error', text: O.boxShort(o.box, o.expected, o.count) };
    case 'box-over':
      return { level: 'error', text: O.boxOver(o.box, o.expected, o.count) };
    case 'unknown-box':
      return { level: 'error', text: O.unknownBox(o.box) };
    case 'damaged':
      return { level: 'warn', text: O.damaged(o.cardNo) };
    case 'not-counted':
      return { level: 'error', text: O.notCounted(o.cardNo) };
  }
}

/**
 * Counting one batch in. A scanner types a card number or a box label and Enter, all in one
 * burst; a box label asks for the box's count; Ctrl+D records the last card as damaged; an
 * empty Enter asks to confirm. Nothing is written until the operator confirms.
 */
export function useCheckIn(actor: Actor, initialBatch: string | null) {
  const { ledger } = useServices();
  const batches = useMemo<CheckInBatch[]>(() => batchesAwaitingCheckIn(ledger, actor), [ledger, actor]);
  const places = useMemo(() => storagePlaces(ledger, actor), [ledger, actor]);
  const [picked, setPicked] = useState(0);
  const [batch, setBatch] = useState<string | null>(null);
  const [session, setSession] = useState<CheckInSession | null>(null);
  const [mode, setMode] = useState<CheckInMode>('pick');
  const [input, setInput] = useState('');
  const [pendingBox, setPendingBox] = useState<string | null>(null);
  const [lastCard, setLastCard] = useState<string | null>(null);
  const [flags, setFlags] = useState<Flag[]>([]);
  const [placeIndex, setPlaceIndex] = useState(0);
  const [summary, setSummary] = useState<ConfirmSummary | null>(null);
  const operationId = useRef('');
  const flag = (f: Flag) => setFlags((fs) => [f, ...fs].slice(0, 4));

  const open = (code: string) => {
    try {
      setSession(startCheckIn(expectedCards(ledger, actor, code)));
      setBatch(code);
      setMode('scan');
      setFlags([]);
      operationId.current = randomUUID();
    } catch (e) {
      flag({ level: 'error', text: isSbkError(e) ? e.message : zh.errors.internal });
    }
  };
  useEffect(() => {
    if (initialBatch) open(initialBatch);
    // Only on arrival from the intake screen.
  }, []);

  const apply = (r: { session: CheckInSession; outcome: ScanOutcome }) => {
    setSession(r.session);
    flag(describe(r.outcome));
  };

  return {
    batches,
    picked,
    batch,
    session,
    mode,
    input,
    flags,
    pendingBox,
    lastCard,
    summary,
    place: places[placeIndex]?.name ?? '',
    progress: session ? boxProgress(session) : [],
    totals: session ? totals(session) : null,
    result: session ? checkInResult(session) : null,
    setInput,
    movePick: (d: number) => setPicked((i) => Math.max(0, Math.min(batches.length - 1, i + d))),
    pick: () => batches[picked] && open(batches[picked].code),
    nextPlace: () => setPlaceIndex((i) => (places.length ? (i + 1) % places.length : 0)),
    submit: (raw: string) => {
      if (!session) return;
      setInput('');
      if (mode === 'box-count' && pendingBox) {
        const n = Number(raw.trim());
        if (!/^\d+$/.test(raw.trim())) return flag({ level: 'error', text: O.badCount });
        apply(confirmBoxCount(session, pendingBox, n));
        setPendingBox(null);
        setMode('scan');
        return;
      }
      if (mode === 'damage-reason' && lastCard) {
        if (raw.trim()) apply(markDamaged(session, lastCard, raw.trim()));
        setMode('scan');
        return;
      }
      const value = raw.trim();
      if (!value) return setMode('confirm');
      if (isBoxLabel(session, value)) {
        setPendingBox(value);
        setMode('box-count');
        return;
      }
      const cardNo = normalizeCardInput(value);
      setLastCard(cardNo);
      apply(scanCard(session, cardNo));
    },
    damaged: () => {
      if (!lastCard) return flag({ level: 'error', text: O.noLastCard });
      setMode('damage-reason');
    },
    cancelConfirm: () => setMode('scan'),
    /** Esc inside a prompt returns to scanning; false = leave the screen. */
    back: () => {
      if (mode === 'box-count' || mode === 'damage-reason' || mode === 'confirm' || mode === 'leave') {
        setMode('scan');
        setPendingBox(null);
        return true;
      }
      // Counted but not confirmed: leaving would drop the count, so ask first.
      if (mode === 'scan' && session && (session.counted.size > 0 || session.extras.length > 0)) {
        setMode('leave');
        return true;
      }
      return false;
    },
    confirm: () => {
      if (!session || !batch) return;
      try {
        const s = confirmCheckIn(ledger, actor, { operationId: operationId.current, batchCode: batch, placeName: places[placeIndex]?.name, result: checkInResult(session) });
        setSummary(s);
        setMode('done');
      } catch (e) {
        flag({ level: 'error', text: isSbkError(e) ? e.message : zh.errors.internal });
        setMode('scan');
      }
    },
  };
}
