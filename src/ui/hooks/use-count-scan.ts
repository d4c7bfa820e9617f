import { useRef, useState } from 'react';
import { countProgress, countView, parseScanCode, recordScans, submitCount, type ScanCode, type SubmitResult } from '../../workflows/stock-count.ts';
import { boxLabelsAt, hoppersAt } from '../../workflows/prefab-stock.ts';
import { countEntries } from '../../workflows/stock-count.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Flag } from './use-check-in.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type CountScanMode = 'scan' | 'qty' | 'hopper' | 'submit' | 'leave' | 'closed';
/** One line of the running progress: a box or hopper with the quantity the operator gave (the last one given). */
export type ProgressRow = { kind: 'box' | 'hopper'; code: string; counted: number };
type Pending = { kind: 'box' | 'hopper'; code: string };

const O = zh.count.outcome;
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);

type Loaded = {
  bank: string | null;
  status: string | null;
  boxes: string[];
  hoppers: string[];
  progress: ProgressRow[];
  cards: Set<string>;
  scans: number;
  counted: number;
  error: string | null;
};

type Resolved = { box: string } | { ambiguous: string[] } | { unknown: string } | null;

/** A scanned box: `批次/箱号` as printed, or a bare label naming exactly one box at the site. */
function resolveBox(boxes: readonly string[], value: string): Resolved {
  if (boxes.includes(value)) return { box: value };
  if (value.includes('/')) return { unknown: value };
  const keys = boxes.filter((k) => k.endsWith(`/${value}`));
  if (keys.length === 1) return { box: keys[0]! };
  return keys.length > 1 ? { ambiguous: keys } : null;
}

function withEntry(rows: readonly ProgressRow[], kind: ProgressRow['kind'], code: string, counted: number): ProgressRow[] {
  const at = rows.findIndex((r) => r.kind === kind && r.code === code);
  if (at < 0) return [...rows, { kind, code, counted }];
  return rows.map((r, i) => (i === at ? { ...r, counted } : r));
}

function load(ledger: Parameters<typeof countView>[0], actor: Actor, id: number): Loaded {
  try {
    const view = countView(ledger, actor, id);
    const boxes = boxLabelsAt(ledger, actor, view.bank);
    const hoppers = hoppersAt(ledger, actor);
    let progress: ProgressRow[] = [];
    const cards = new Set<string>();
    // A resumed count: what was entered before the link dropped is in the ledger.
    for (const e of countEntries(ledger, actor, id)) {
      if (e.kind === 'card') cards.add(e.code);
      else {
        const r = e.kind === 'box' ? resolveBox(boxes, e.code) : null;
        progress = withEntry(progress, e.kind, r && 'box' in r ? r.box : e.code, e.quantity ?? 0);
      }
    }
    // Recording nothing returns the blind running total (the units counted so far) without a write.
    const counted = view.status === 'counting' ? countProgress(ledger, actor, id) : 0;
    return { bank: view.bank, status: view.status, boxes, hoppers, progress, cards, scans: view.scans, counted, error: null };
  } catch (e) {
    return { bank: null, status: null, boxes: [], hoppers: [], progress: [], cards: new Set(), scans: 0, counted: 0, error: errorText(e) };
  }
}

/**
 * Counting the prefab blanks (预制卡盘点), blind: the screen shows only what the operator has
 * counted — each box's and hopper's quantity as entered, the cards scanned one by one, the
 * running total — never what the ledger expects. Every Enter is written at once
 * (recordScans), so a crash or a lost SSH link loses nothing: the count is resumed with its
 * scans. A box label asks for the number counted in the box; H (or a hopper's name) for the
 * blanks in a printer hopper. Ctrl+S submits after a confirmation.
 */
export function useCountScan(actor: Actor, countId: number, onSubmitted: (result: SubmitResult) => void) {
  const { ledger } = useServices();
  const [loaded] = useState<Loaded>(() => load(ledger, actor, countId));
  const [mode, setModeState] = useState<CountScanMode>(loaded.error ? 'closed' : loaded.status === 'counting' ? 'scan' : 'closed');
  const [input, setInputState] = useState('');
  const [pending, setPendingState] = useState<Pending | null>(null);
  // Ahead of React's re-render: the next scan may arrive before the box's quantity is committed.
  const modeRef = useRef(mode);
  const pendingRef = useRef(pending);
  const inputRef = useRef('');
  const setMode = (m: CountScanMode) => {
    modeRef.current = m;
    setModeState(m);
  };
  const setPending = (p: Pending | null) => {
    pendingRef.current = p;
    setPendingState(p);
  };
  const setInput = (v: string) => {
    inputRef.current = v;
    setInputState(v);
  };
  const [hopperIndex, setHopperIndex] = useState(0);
  const [flags, setFlags] = useState<Flag[]>(() => (loaded.scans > 0 && loaded.status === 'counting' ? [{ level: 'ok', text: O.resumed(loaded.scans) }] : []));
  const [progress, setProgress] = useState<ProgressRow[]>(loaded.progress);
  const [scans, setScans] = useState(loaded.scans);
  const [counted, setCounted] = useState(loaded.counted);
  const [leaveBack, setLeaveBack] = useState<{ back: CountScanMode; run: () => void } | null>(null);
  // Cards scanned one by one, ahead of React's re-render (a scanner sends several in one read).
  const cardsRef = useRef(loaded.cards);
  const [cardCount, setCardCount] = useState(loaded.cards.size);
  const progressRef = useRef(loaded.progress);
  const flag = (f: Flag) => setFlags((fs) => [f, ...fs].slice(0, 6));

  /** Writes one scan; true when the ledger has it. */
  const record = (scan: ScanCode): boolean => {
    try {
      const r = recordScans(ledger, actor, countId, [scan]);
      setScans((n) => n + r.scans);
      setCounted(r.countedSoFar);
      return true;
    } catch (e) {
      flag({ level: 'error', text: errorText(e) });
      return false;
    }
  };

  const recordQuantity = (p: Pending, n: number) => {
    const before = progressRef.current.find((r) => r.kind === p.kind && r.code === p.code);
    if (!record({ kind: p.kind, code: p.code, quantity: n })) return;
    progressRef.current = withEntry(progressRef.current, p.kind, p.code, n);
    setProgress(progressRef.current);
    if (p.kind === 'hopper') flag({ level: 'ok', text: O.hopper(p.code, n) });
    else flag({ level: 'ok', text: before ? O.boxAgain(p.code, n, before.counted) : O.box(p.code, n) });
  };

  const askQuantity = (p: Pending) => {
    setPending(p);
    setMode('qty');
  };

  const scan = (raw: string) => {
    const value = raw.normalize('NFKC').trim();
    if (!value) return flag({ level: 'warn', text: O.submitHint });
    const hopperName = value.startsWith('@') && !value.includes('=') ? value.slice(1).trim() : value;
    if (loaded.hoppers.includes(hopperName)) return askQuantity({ kind: 'hopper', code: hopperName });
    if (value.includes('=')) {
      // The command line's forms, typed by hand: `箱号=张数`, `@卡盒名=张数`.
      let code: ScanCode;
      try {
        code = parseScanCode(value);
      } catch (e) {
        return flag({ level: 'error', text: errorText(e) });
      }
      if (code.kind === 'hopper') {
        if (!loaded.hoppers.includes(code.code)) return flag({ level: 'error', text: O.unknownHopper(code.code) });
        return recordQuantity({ kind: 'hopper', code: code.code }, code.quantity ?? 0);
      }
      if (code.kind === 'box') {
        const r = resolveBox(loaded.boxes, code.code);
        if (r && 'box' in r) return recordQuantity({ kind: 'box', code: r.box }, code.quantity ?? 0);
        if (r && 'ambiguous' in r) return flag({ level: 'error', text: O.ambiguousBox(code.code, r.ambiguous.join('、')) });
        return flag({ level: 'error', text: O.unknownBox(code.code) });
      }
    }
    const box = resolveBox(loaded.boxes, value);
    if (box && 'box' in box) return askQuantity({ kind: 'box', code: box.box });
    if (box && 'ambiguous' in box) return flag({ level: 'error', text: O.ambiguousBox(value, box.ambiguous.join('、')) });
    if (box && 'unknown' in box) return flag({ level: 'error', text: O.unknownBox(value) });
    const cardNo = normalizeCardInput(value);
    if (cardsRef.current.has(cardNo)) return flag({ level: 'warn', text: O.duplicate(cardNo) });
    if (!record({ kind: 'card', code: cardNo, quantity: null })) return;
    cardsRef.current = new Set(cardsRef.current).add(cardNo);
    setCardCount(cardsRef.current.size);
    // Blind: a card is "recorded", whatever the ledger says of it.
    flag({ level: 'ok', text: O.card(cardNo) });
  };

  const ask = (back: CountScanMode, run: () => void) => {
    setLeaveBack({ back, run });
    setMode('leave');
  };

  return {
    bank: loaded.bank,
    status: loaded.status,
    error: loaded.error,
    mode,
    input,
    pending,
    hoppers: loaded.hoppers,
    hopperIndex,
    flags,
    progress,
    cardCount,
    scans,
    counted,
    setInput,
    /** Enter in the field: a scan, or the quantity asked for. */
    submit: (raw: string) => {
      setInput('');
      const pending = pendingRef.current;
      if (modeRef.current === 'qty' && pending) {
        const v = raw.normalize('NFKC').trim();
        if (!/^\d{1,6}$/.test(v)) return flag({ level: 'error', text: O.badQuantity });
        recordQuantity(pending, Number(v));
        setPending(null);
        setMode('scan');
        return;
      }
      if (modeRef.current === 'scan') scan(raw);
    },
    /** H on an empty field: the hopper to count (straight to its quantity when there is one). */
    openHopper: () => {
      if (loaded.hoppers.length === 0) return flag({ level: 'error', text: O.noHopper });
      if (loaded.hoppers.length === 1) return askQuantity({ kind: 'hopper', code: loaded.hoppers[0]! });
      setHopperIndex(0);
      setMode('hopper');
    },
    moveHopper: (delta: number) => setHopperIndex((i) => Math.max(0, Math.min(loaded.hoppers.length - 1, i + delta))),
    pickHopper: () => {
      const name = loaded.hoppers[hopperIndex];
      if (name) askQuantity({ kind: 'hopper', code: name });
    },
    /** Ctrl+S: ask first (nothing can be scanned after). */
    askSubmit: () => {
      if (modeRef.current !== 'scan') return;
      if (inputRef.current.trim()) return flag({ level: 'warn', text: O.pendingInput });
      setMode('submit');
    },
    confirmSubmit: () => {
      try {
        onSubmitted(submitCount(ledger, actor, countId));
      } catch (e) {
        setMode('scan');
        flag({ level: 'error', text: errorText(e) });
      }
    },
    cancelQuestion: () => {
      setMode(leaveBack?.back ?? 'scan');
      setLeaveBack(null);
    },
    confirmLeave: () => {
      const run = leaveBack?.run;
      setLeaveBack(null);
      run?.();
    },
    /** Esc: one level back; asks before dropping what was typed. False = leave the screen (nothing to lose). */
    back: (leave: () => void): boolean => {
      const typed = inputRef.current.trim() !== '';
      const mode = modeRef.current;
      if (mode === 'qty') {
        const cancel = () => {
          setInput('');
          setPending(null);
          setMode('scan');
        };
        if (typed) ask('qty', cancel);
        else cancel();
        return true;
      }
      if (mode === 'hopper' || mode === 'submit') {
        setMode('scan');
        return true;
      }
      if (mode === 'scan' && typed) {
        ask('scan', leave);
        return true;
      }
      return false;
    },
  };
}
