import { useEffect, useRef, useState } from 'react';
import { randomUUID } from 'node:crypto';
import { checkSameKind, loadableBlank, loadHopperAtCounter, storagePlacesAt, unloadHopperAtCounter, type BlankKind, type LoadableBlank } from '../../workflows/hopper-loading.ts';
import { instantStations, type StationChoice } from '../../workflows/instant-stations.ts';
import { interruptedJobs } from '../../workflows/instant-recovery.ts';
import type { SiteDevices } from '../../workflows/site-devices.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

/**
 * The steps of 装入卡盒:
 *   loading – the counter's devices are being opened;
 *   off     – no printer hopper to load (the page says why);
 *   pick    – choose the hopper (←→); Enter or the first scan starts; U unloads it;
 *   scan    – the numbered list grows scan by scan, each blank checked at once;
 *   leave   – Esc with cards scanned: drop them?
 *   unload  – take every blank out of the hopper: where to, and Y/N;
 *   done    – recorded: put them in in the same order.
 */
export type HopperLoadStep = 'loading' | 'off' | 'pick' | 'scan' | 'leave' | 'unload' | 'done';
export type HopperMessage = { level: 'ok' | 'warn' | 'error'; text: string };
export type DoneView = { count: number; hopper: string; prior: number; cards: readonly LoadableBlank[] };

const H = zh.hopperLoad;
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);

/** What the hopper holds in the ledger, as a bank and maker; null when it is empty. */
export function kindOf(s: StationChoice): BlankKind | null {
  return s.bank && s.remaining > 0 ? { bank: s.bank, maker: s.maker ?? '' } : null;
}

/**
 * 装入卡盒 at the counter (GD Annex 9 二(二)): the blanks are scanned in the order the hopper
 * will feed them and listed as 第 n 张; each is checked as it is scanned (a prefab blank in stock
 * here, not already in the list, the same bank and maker as the hopper or the first card), and
 * Ctrl+S records them all in one transaction (loadHopperAtCounter). U unloads the hopper into a
 * storage place (unloadHopperAtCounter). The ledger is written only by those workflows.
 */
export function useHopperLoad(actor: Actor) {
  const { ledger, devicesFor } = useServices();
  const [step, setStepState] = useState<HopperLoadStep>('loading');
  const [offReason, setOffReason] = useState<string | null>(null);
  const [stations, setStations] = useState<StationChoice[]>([]);
  const [index, setIndexState] = useState(0);
  const [input, setInputState] = useState('');
  const [cards, setCardsState] = useState<LoadableBlank[]>([]);
  const [message, setMessage] = useState<HopperMessage | null>(null);
  const [places, setPlaces] = useState<string[]>([]);
  const [placeIndex, setPlaceIndex] = useState(0);
  const [done, setDone] = useState<DoneView | null>(null);

  // Ahead of React's re-render: a scanner sends the next card before this one's render commits.
  const stepRef = useRef(step);
  const stationsRef = useRef<StationChoice[]>([]);
  const indexRef = useRef(0);
  const inputRef = useRef('');
  const cardsRef = useRef<LoadableBlank[]>([]);
  const devicesRef = useRef<SiteDevices | null>(null);
  const setStep = (s: HopperLoadStep) => {
    stepRef.current = s;
    setStepState(s);
  };
  const setIndex = (i: number) => {
    indexRef.current = i;
    setIndexState(i);
  };
  const setInput = (v: string) => {
    inputRef.current = v;
    setInputState(v);
  };
  const setCards = (c: LoadableBlank[]) => {
    cardsRef.current = c;
    setCardsState(c);
  };
  const site = { id: actor.siteId, code: actor.siteCode };

  const refresh = (): StationChoice[] => {
    const d = devicesRef.current;
    const list = d ? instantStations(ledger, actor, d) : [];
    stationsRef.current = list;
    setStations(list);
    if (indexRef.current >= list.length) setIndex(0);
    return list;
  };

  useEffect(() => {
    let live = true;
    void (async () => {
      if (!devicesFor) {
        setOffReason(zh.instant.noService);
        return setStep('off');
      }
      let d: SiteDevices;
      try {
        d = await devicesFor(site);
      } catch (e) {
        if (!live) return;
        setOffReason(errorText(e));
        return setStep('off');
      }
      if (!live) return;
      devicesRef.current = d;
      if (d.printers.length === 0) {
        const problem = d.problems.find((p) => p.kind === 'printer');
        setOffReason(problem ? zh.instant.printerProblem(problem.message) : zh.instant.noPrinter);
        return setStep('off');
      }
      if (refresh().length === 0) {
        setOffReason(H.noHoppers);
        return setStep('off');
      }
      setStep('pick');
    })();
    return () => {
      live = false;
    };
  }, []);

  const station = (): StationChoice | undefined => stationsRef.current[indexRef.current];

  /** Enter (or the first scan) on the chosen hopper: to the scan field. */
  const startScan = (): boolean => {
    const s = station();
    if (!s || stepRef.current !== 'pick') return false;
    if (!s.inLedger) {
      setMessage({ level: 'error', text: H.hopperMissing(s.hopperName) });
      return false;
    }
    setMessage(null);
    setInput('');
    setStep('scan');
    return true;
  };

  /** One scanned or typed card number: checked and added to the end of the list, or refused. */
  const add = (raw: string) => {
    const s = station();
    if (!s) return;
    const no = normalizeCardInput(raw);
    if (!no) return setMessage({ level: 'warn', text: H.emptyEnter });
    const list = cardsRef.current;
    const at = list.findIndex((c) => c.cardNo === no);
    if (at >= 0) return setMessage({ level: 'error', text: H.duplicate(no, at + 1) });
    try {
      const blank = loadableBlank(ledger, actor, no);
      checkSameKind(blank, kindOf(s) ?? list[0] ?? null);
      setCards([...list, blank]);
      setMessage({ level: 'ok', text: H.added(list.length + 1, blank.cardNo) });
    } catch (e) {
      setMessage({ level: 'error', text: H.refused(errorText(e)) });
    }
  };

  const record = () => {
    const s = station();
    const list = cardsRef.current;
    if (!s || stepRef.current !== 'scan') return;
    if (inputRef.current.trim()) return setMessage({ level: 'warn', text: H.pendingInput });
    if (list.length === 0) return setMessage({ level: 'warn', text: H.nothingScanned });
    try {
      const r = loadHopperAtCounter(ledger, actor, devicesRef.current, { operationId: randomUUID(), hopper: s.hopperName, cardNos: list.map((c) => c.cardNo) });
      setDone({ count: r.loaded, hopper: s.hopperName, prior: s.remaining, cards: list });
      setCards([]);
      setMessage(null);
      refresh();
      setStep('done');
    } catch (e) {
      // One transaction: nothing was recorded. The list stays to be corrected.
      setMessage({ level: 'error', text: H.refused(errorText(e)) });
    }
  };

  const askUnload = () => {
    const s = station();
    if (!s || stepRef.current !== 'pick') return;
    if (!s.inLedger) return setMessage({ level: 'error', text: H.hopperMissing(s.hopperName) });
    if (s.remaining === 0) return setMessage({ level: 'warn', text: H.unloadEmpty(s.hopperName) });
    // A card an interrupted job left at the reader is still this hopper's in the ledger.
    if (interruptedJobs(ledger, actor).some((j) => j.printerId === s.printerId)) return setMessage({ level: 'error', text: H.jobPending(s.printerId) });
    const options = storagePlacesAt(ledger, actor);
    if (options.length === 0) return setMessage({ level: 'error', text: H.noPlaces });
    // The place that keeps most of the blanks first (where they came from, most likely).
    const most = options.reduce((best, p, i) => (p.blanks > options[best]!.blanks ? i : best), 0);
    setPlaces(options.map((p) => p.name));
    setPlaceIndex(most);
    setMessage(null);
    setStep('unload');
  };

  const confirmUnload = () => {
    const s = station();
    const place = places[placeIndex];
    if (!s || !place || stepRef.current !== 'unload') return;
    try {
      const r = unloadHopperAtCounter(ledger, actor, devicesRef.current, { operationId: randomUUID(), hopper: s.hopperName, toPlace: place });
      setMessage({ level: 'ok', text: H.unloaded(r.unloaded, s.hopperName, place) });
    } catch (e) {
      setMessage({ level: 'error', text: H.refused(errorText(e)) });
    }
    refresh();
    setStep('pick');
  };

  return {
    step,
    offReason,
    stations,
    index,
    station: stations[index],
    input,
    cards,
    message,
    places,
    placeIndex,
    done,
    setInput: (v: string) => {
      setInput(v);
      if (v) setMessage(null);
    },
    // ---- pick
    move: (delta: number) => {
      const n = stationsRef.current.length;
      if (n === 0) return;
      setIndex((indexRef.current + delta + n) % n);
      setMessage(null);
    },
    startScan: () => void startScan(),
    /** A scan while the hopper is being chosen: the chosen hopper, and this card first. */
    scanFromPick: (code: string) => {
      if (startScan()) add(code);
    },
    askUnload,
    // ---- scan
    /** Enter in the scan field. */
    submit: (raw: string) => {
      setInput('');
      if (stepRef.current === 'scan') add(raw);
    },
    /** Ctrl+D: the last card off the list. */
    undo: () => {
      const list = cardsRef.current;
      const last = list.at(-1);
      if (!last) return setMessage({ level: 'warn', text: H.nothingToRemove });
      setCards(list.slice(0, -1));
      setMessage({ level: 'warn', text: H.removed(list.length, last.cardNo) });
    },
    record,
    /** Esc while scanning: back to the hoppers, asking first when cards would be dropped. */
    backFromScan: () => {
      if (cardsRef.current.length > 0 || inputRef.current.trim()) return setStep('leave');
      setInput('');
      setMessage(null);
      setStep('pick');
    },
    confirmLeave: () => {
      setCards([]);
      setInput('');
      setMessage(null);
      setStep('pick');
    },
    cancelLeave: () => setStep('scan'),
    // ---- unload
    movePlace: (delta: number) => setPlaceIndex((i) => (places.length ? (i + delta + places.length) % places.length : 0)),
    confirmUnload,
    cancelUnload: () => {
      setMessage(null);
      setStep('pick');
    },
  };
}
