import { useMemo, useState } from 'react';
import { randomUUID } from 'node:crypto';
import { signInShipment, startSignIn, type SignInStart, type SignInSummary } from '../../workflows/shipment-sign-in.ts';
import { storagePlaces } from '../../workflows/check-in.ts';
import {
  boxProgress,
  checkInResult,
  confirmBoxCount,
  markDamaged,
  scanCard,
  startCheckIn,
  totals,
  type CheckInSession,
} from '../../domain/check-in-session.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Flag } from './use-check-in.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type SignInMode = 'scan' | 'box-count' | 'damage-reason' | 'leave' | 'result' | 'done' | 'failed';
export type ResultFocus = 'place' | 'signer' | 'custodian';

const O = zh.signIn.outcome;
const FOCUS_ORDER: readonly ResultFocus[] = ['place', 'signer', 'custodian'];

/** Cards of `box` counted so far (scanned one by one, or the whole box when its count matched). */
function countedIn(s: CheckInSession, box: string): number {
  return (s.boxes.get(box) ?? []).filter((c) => s.counted.has(c)).length;
}

/**
 * The operator's own tally, which reveals nothing of the list: listed cards counted, plus, for
 * each box the operator gave a count for, what that count adds beyond the box's cards already
 * counted (a box whose count did not match the list has none of its cards counted, but the
 * operator did count that many; a matching one has them all, so it adds nothing more). A box
 * count therefore adds exactly what was typed, match or not.
 */
export function blindTally(s: CheckInSession, declared: ReadonlyMap<string, number>): number {
  let n = s.counted.size;
  for (const [box, count] of declared) n += Math.max(0, count - countedIn(s, box));
  return n;
}

type Box = { box: string } | { ambiguous: string[] } | null;

/** A scanned box: `批次/箱号` as printed on the sheet, or a bare label naming exactly one of the shipment's boxes. */
function resolveBox(s: CheckInSession, value: string): Box {
  if (value !== '-' && s.boxes.has(value)) return { box: value };
  if (value.includes('/') || value === '') return null;
  const keys = [...s.boxes.keys()].filter((k) => k.endsWith(`/${value}`));
  if (keys.length === 1) return { box: keys[0]! };
  return keys.length > 1 ? { ambiguous: keys } : null;
}

type Started = { ok: SignInStart; error: null } | { ok: null; error: string };

/**
 * Signing a shipment in (逐级签收, GD Art. 12) by a blind count: the screen never shows how many
 * cards are expected until the operator submits the count (Ctrl+S); that first count is
 * recorded as `countedBlind`. A box scan asks for the box's count and only says it was
 * recorded. Then the result (应到 / 实到 / 缺少 / 多出 / 损坏), the signer, custodian and
 * storage place, and the choice: close the shipment (what is missing becomes discrepancies) or
 * sign in part of it (the rest stays in transit). The operation id is chosen when the sign-in
 * starts, so submitting twice acts once.
 */
export function useSignIn(actor: Actor, number: string) {
  const { ledger } = useServices();
  const places = useMemo(() => storagePlaces(ledger, actor), [ledger, actor]);
  const [started] = useState<Started>(() => {
    try {
      return { ok: startSignIn(ledger, actor, number), error: null };
    } catch (e) {
      return { ok: null, error: isSbkError(e) ? e.message : zh.errors.internal };
    }
  });
  const [operationId] = useState(() => randomUUID());
  const [session, setSession] = useState<CheckInSession>(() => startCheckIn(started.ok?.expected ?? []));
  // Every box the operator gave a count for, with that count (matched or not).
  const [declared, setDeclared] = useState<ReadonlyMap<string, number>>(() => new Map());
  // Cards scanned one by one: a repeat is flagged only against these, never against a box
  // counted whole (that would tell the operator the box's count matched the list).
  const [scanned, setScanned] = useState<ReadonlySet<string>>(() => new Set());
  const [repeats, setRepeats] = useState(0);
  const [mode, setMode] = useState<SignInMode>(started.ok ? 'scan' : 'failed');
  const [input, setInput] = useState('');
  const [pendingBox, setPendingBox] = useState<string | null>(null);
  const [lastCard, setLastCard] = useState<string | null>(null);
  const [flags, setFlags] = useState<Flag[]>([]);
  const [blindCount, setBlindCount] = useState<number | null>(null);
  const [focus, setFocus] = useState<ResultFocus>('place');
  const [signer, setSigner] = useState(actor.name);
  const [custodian, setCustodian] = useState('');
  const [placeIndex, setPlaceIndex] = useState(0);
  const [missingSel, setMissingSel] = useState(0);
  const [summary, setSummary] = useState<SignInSummary | null>(null);
  const flag = (f: Flag) => setFlags((fs) => [f, ...fs].slice(0, 6));

  const result = checkInResult(session);
  const t = totals(session);
  const tally = blindTally(session, declared);

  const scan = (raw: string) => {
    const value = raw.normalize('NFKC').trim();
    if (!value) return flag({ level: 'warn', text: O.submitHint });
    const cardNo = normalizeCardInput(value);
    if (!session.boxOf.has(cardNo)) {
      const box = resolveBox(session, value);
      if (box && 'box' in box) {
        setPendingBox(box.box);
        setMode('box-count');
        return;
      }
      if (box) return flag({ level: 'error', text: O.ambiguousBox(value, box.ambiguous.join('、')) });
      if (value.includes('/')) return flag({ level: 'error', text: O.unknownBox(value) });
    }
    setLastCard(cardNo);
    if (scanned.has(cardNo)) {
      setRepeats((n) => n + 1);
      return flag({ level: 'warn', text: O.duplicate(cardNo) });
    }
    setScanned((set) => new Set(set).add(cardNo));
    const r = scanCard(session, cardNo);
    setSession(r.session);
    // A listed card is ✓ even when a box count already took it in: the count stays blind.
    flag(session.boxOf.has(cardNo) ? { level: 'ok', text: O.counted(cardNo) } : { level: 'error', text: O.extra(cardNo) });
  };

  return {
    start: started.ok,
    startError: started.error,
    mode,
    input,
    flags,
    pendingBox,
    lastCard,
    /** Counted so far, as the operator sees it while counting (never the expected number). */
    tally,
    extras: t.extras,
    duplicates: repeats,
    damagedCount: t.damaged,
    blindCount,
    // Only meaningful after the count is submitted (mode 'result' and on).
    totals: t,
    result,
    progress: boxProgress(session),
    declared,
    focus,
    signer,
    custodian,
    place: places[placeIndex]?.name ?? '',
    places,
    missingSel,
    summary,
    operationId,
    setInput,
    setSigner,
    setCustodian,
    submit: (raw: string) => {
      setInput('');
      if (mode === 'box-count' && pendingBox) {
        const v = raw.normalize('NFKC').trim();
        if (!/^\d+$/.test(v)) return flag({ level: 'error', text: O.badCount });
        const n = Number(v);
        const r = confirmBoxCount(session, pendingBox, n);
        setSession(r.session);
        setDeclared((m) => new Map(m).set(pendingBox, n));
        // Blind: whatever the outcome, only that it was recorded.
        flag({ level: 'ok', text: O.boxRecorded(pendingBox, n) });
        setPendingBox(null);
        setMode('scan');
        return;
      }
      if (mode === 'damage-reason' && lastCard) {
        if (raw.trim()) {
          const r = markDamaged(session, lastCard, raw.trim());
          setSession(r.session);
          flag(r.outcome.kind === 'damaged' ? { level: 'warn', text: O.damaged(lastCard) } : { level: 'error', text: O.notCounted(lastCard) });
        }
        setMode('scan');
        return;
      }
      if (mode === 'scan') scan(raw);
    },
    damaged: () => {
      if (!lastCard) return flag({ level: 'error', text: O.noLastCard });
      if (!session.counted.has(lastCard)) return flag({ level: 'error', text: O.notCounted(lastCard) });
      setMode('damage-reason');
    },
    /** Ctrl+S: the count so far is the blind count (kept from the first submit, whatever follows). */
    submitCount: () => {
      if (mode !== 'scan') return;
      setBlindCount((b) => b ?? tally);
      setFocus('place');
      setMissingSel(0);
      setMode('result');
    },
    nextField: (delta: number) => setFocus((f) => FOCUS_ORDER[(FOCUS_ORDER.indexOf(f) + delta + FOCUS_ORDER.length) % FOCUS_ORDER.length]!),
    fieldDone: () => setFocus('place'),
    cyclePlace: (delta: number) => setPlaceIndex((i) => (places.length ? (i + delta + places.length) % places.length : 0)),
    moveMissing: (delta: number) => setMissingSel((i) => Math.max(0, Math.min(result.missing.length - 1, i + delta))),
    /** Enter (close: what is missing becomes discrepancies) or P (partial: the rest stays in transit). */
    sign: (close: boolean) => {
      if (mode !== 'result' || !started.ok) return;
      try {
        const s = signInShipment(ledger, actor, {
          number: started.ok.number,
          operationId,
          received: result.received,
          damaged: result.damaged,
          extras: result.extras,
          close,
          signer,
          custodian: custodian.trim() || signer,
          placeName: places[placeIndex]?.name ?? null,
          countedBlind: blindCount,
        });
        setSummary(s);
        setMode('done');
      } catch (e) {
        flag({ level: 'error', text: isSbkError(e) ? e.message : zh.errors.internal });
      }
    },
    cancelLeave: () => setMode('scan'),
    /** A scan arrived on the result: say how to go on counting (it is not counted). */
    strayScan: () => flag({ level: 'warn', text: O.strayScan }),
    /** Esc inside the screen: back to counting; false = leave the screen. */
    back: (): boolean => {
      if (mode === 'box-count' || mode === 'damage-reason' || mode === 'result' || mode === 'leave') {
        setMode('scan');
        setPendingBox(null);
        return true;
      }
      // Counted but not signed for: leaving would drop the count, so ask first.
      if (mode === 'scan' && (session.counted.size > 0 || session.extras.length > 0 || declared.size > 0)) {
        setMode('leave');
        return true;
      }
      return false;
    },
  };
}
