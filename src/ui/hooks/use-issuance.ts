import { useRef, useState } from 'react';
import { randomUUID } from 'node:crypto';
import { CHIP_FAULT_CODES, findForIssue, issueCard, markUnreadable, type IssueCandidate, type IssueResult } from '../../workflows/issue-card.ts';
import { checkChip, simulatedChip } from '../../workflows/issue-desk.ts';
import { saveIssueReceipt } from '../../workflows/shipment-export.ts';
import { lookupCard } from '../../workflows/card-lookup.ts';
import { stateLabel, type StateOrNone } from '../../domain/card-states.ts';
import { isSbkError } from '../../domain/errors.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import type { BasicCardInfo } from '../../../drivers/reader/basic-info.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type IssueStep = 'query' | 'pick' | 'form' | 'leave' | 'done' | 'defective';
export type Receiver = 'self' | 'agent';
export type IssueField = 'receiver' | 'holderId' | 'agentName' | 'agentId' | 'relation';
type TextField = Exclude<IssueField, 'receiver'>;

/** What the last read of the card in the slot found (R, or the read before issuing). */
export type ReadState =
  | { kind: 'none' }
  | { kind: 'reading' }
  | { kind: 'passed'; chip: BasicCardInfo }
  | { kind: 'mismatch'; chip: BasicCardInfo; text: string }
  /** The chip itself cannot be read (HB Art. 16): the card is defective. */
  | { kind: 'chip-fault'; message: string }
  /** The reader, not the card: no card in the slot, a device fault. Nothing is concluded. */
  | { kind: 'fault'; message: string };

export type Message = { level: 'ok' | 'warn' | 'error'; text: string };
export type IssueDone = {
  cardNo: string;
  holderName: string;
  how: string;
  readCheck: 'passed' | 'not_done';
  secondIssue: boolean;
  replayed: boolean;
  stateLabel: string;
  receiptPath: string | null;
  receiptError: string | null;
};

const I = zh.issuance;
const TEXT_FIELDS: Record<Receiver, readonly TextField[]> = { self: ['holderId'], agent: ['holderId', 'agentName', 'agentId', 'relation'] };
const EMPTY_FIELDS: Record<TextField, string> = { holderId: '', agentName: '', agentId: '', relation: '' };

const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);

/**
 * 个人领取 at the counter (GD Art. 14; HB Art. 15-16): find the card (a scanned number, the
 * holder's ID number or name), choose it, record who receives it (the holder, or an agent with
 * both IDs), read-check it, issue it and save the receipt for signing. Nothing is written until
 * Enter issues; the operation id is chosen when the card is chosen, so a repeated Enter acts once.
 *
 * With a reader, Enter reads the card first (or uses what R just read): a chip that cannot be
 * read or disagrees with the ledger makes the card defective and it is not issued. Without one
 * the card is issued and the receipt says 读卡检测：未做.
 */
export function useIssuance(actor: Actor) {
  const { ledger, now, reader, insertSimulatedCard } = useServices();
  const [step, setStep] = useState<IssueStep>('query');
  const [query, setQuery] = useState('');
  const [candidates, setCandidates] = useState<IssueCandidate[]>([]);
  const [pickIndex, setPickIndex] = useState(0);
  const [card, setCard] = useState<IssueCandidate | null>(null);
  const [receiver, setReceiverState] = useState<Receiver>('self');
  const [fields, setFieldsState] = useState<Record<TextField, string>>(EMPTY_FIELDS);
  const [focus, setFocus] = useState<IssueField>('holderId');
  const [read, setRead] = useState<ReadState>({ kind: 'none' });
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<IssueDone | null>(null);
  const [defect, setDefect] = useState<string | null>(null);
  // Values as typed, ahead of React's re-render: a scanned ID arrives with its Enter in one read.
  const fieldsRef = useRef<Record<TextField, string>>(EMPTY_FIELDS);
  const receiverRef = useRef<Receiver>('self');
  const readRef = useRef<ReadState>({ kind: 'none' });
  const operationId = useRef('');
  const busyRef = useRef(false);
  const cardRef = useRef<IssueCandidate | null>(null);

  const setField = (f: TextField, v: string) => {
    fieldsRef.current = { ...fieldsRef.current, [f]: v };
    setFieldsState(fieldsRef.current);
    setMessage(null);
  };
  const setReadState = (r: ReadState) => {
    readRef.current = r;
    setRead(r);
  };
  const setBusyState = (b: boolean) => {
    busyRef.current = b;
    setBusy(b);
  };

  const open = (c: IssueCandidate) => {
    if (c.blocked) {
      setMessage({ level: 'error', text: I.blocked(c.cardNo, c.blocked) });
      return;
    }
    cardRef.current = c;
    setCard(c);
    operationId.current = randomUUID();
    fieldsRef.current = EMPTY_FIELDS;
    setFieldsState(EMPTY_FIELDS);
    receiverRef.current = 'self';
    setReceiverState('self');
    setReadState({ kind: 'none' });
    setFocus('holderId');
    setMessage(null);
    setStep('form');
  };

  const search = (raw: string) => {
    // The field is cleared, as in 查卡: the next scan must not be appended to this one.
    setQuery('');
    if (!raw.trim()) return setMessage({ level: 'warn', text: I.queryEmpty });
    // An ID number typed at the counter is not echoed back whole (PIPL Art. 28).
    const shown = /^[0-9０-９]{6}/.test(raw.trim()) ? maskIdNumber(raw.trim()) : raw.trim();
    try {
      const found = findForIssue(ledger, actor, raw, now());
      setCandidates(found);
      const first = Math.max(0, found.findIndex((c) => !c.blocked));
      setPickIndex(first);
      // A scanned card that may be issued goes straight to the form: one scan, one Enter.
      if (found.length === 1 && !found[0]!.blocked) return open(found[0]!);
      setMessage(found.every((c) => c.blocked) ? { level: 'error', text: I.noneIssuable(shown, found.length) } : { level: 'ok', text: I.found(shown, found.length) });
      setStep('pick');
    } catch (e) {
      setCandidates([]);
      setMessage({ level: 'error', text: I.notFound(shown, errorText(e)) });
    }
  };

  /** Reads the card in the slot and compares it with the ledger. Writes nothing. */
  const readCard = async (c: IssueCandidate): Promise<ReadState> => {
    if (!reader) return { kind: 'fault', message: I.noReader };
    setReadState({ kind: 'reading' });
    try {
      if (insertSimulatedCard) insertSimulatedCard(simulatedChip(ledger, c.cardNo));
      const chip = await reader.readBasic();
      const check = checkChip(ledger, c.cardNo, chip);
      return check.text ? { kind: 'mismatch', chip, text: check.text } : { kind: 'passed', chip };
    } catch (e) {
      if (isSbkError(e) && CHIP_FAULT_CODES.has(e.code)) return { kind: 'chip-fault', message: e.message };
      return { kind: 'fault', message: errorText(e) };
    }
  };

  const finishIssued = (r: Extract<IssueResult, { status: 'issued' }>) => {
    let receiptPath: string | null = null;
    let receiptError: string | null = null;
    try {
      receiptPath = saveIssueReceipt(ledger, r.receipt);
    } catch (e) {
      receiptError = I.receiptFailed(e instanceof Error ? e.message : String(e));
    }
    let label = '';
    try {
      label = stateLabel(lookupCard(ledger, r.cardNo).state as StateOrNone);
    } catch {
      label = '';
    }
    const x = r.receipt;
    setDone({
      cardNo: r.cardNo,
      holderName: x.holderName,
      how: x.receiver === 'agent' ? I.howAgent(x.agentName ?? '', x.agentRelation ?? '') : I.howSelf,
      readCheck: x.readCheck,
      secondIssue: r.secondIssue,
      replayed: r.replayed,
      stateLabel: label,
      receiptPath,
      receiptError,
    });
    setStep('done');
  };

  const issue = async () => {
    const c = cardRef.current;
    if (!c || busyRef.current) return;
    const f = fieldsRef.current;
    const who = receiverRef.current;
    const before = readRef.current;
    // A chip that cannot be read condemns the card whoever is at the counter: no form needed.
    const missing = before.kind === 'chip-fault' ? undefined : TEXT_FIELDS[who].find((k) => !f[k].trim());
    if (missing) {
      setFocus(missing);
      setMessage({ level: 'error', text: I.required(I.fields[missing]) });
      return;
    }
    setBusyState(true);
    setMessage(null);
    try {
      let chip: BasicCardInfo | null = null;
      if (reader) {
        const r = before.kind === 'passed' || before.kind === 'mismatch' || before.kind === 'chip-fault' ? before : await readCard(c);
        setReadState(r);
        if (r.kind === 'chip-fault') {
          // HB Art. 16: recorded as defective, never issued.
          markUnreadable(ledger, actor, operationId.current, c.cardNo, r.message);
          setDefect(I.unreadable(r.message));
          setStep('defective');
          return;
        }
        if (r.kind !== 'passed' && r.kind !== 'mismatch') {
          setMessage({ level: 'error', text: I.readFailed(r.kind === 'fault' ? r.message : '') });
          return;
        }
        chip = r.chip;
      }
      const result = issueCard(
        ledger,
        actor,
        {
          operationId: operationId.current,
          cardNo: c.cardNo,
          receiver: who,
          holderIdNumber: f.holderId,
          agent: who === 'agent' ? { name: f.agentName, idNumber: f.agentId, relation: f.relation } : null,
          chip,
        },
        now(),
      );
      if (result.status === 'defective') {
        setDefect(result.message);
        setStep('defective');
        return;
      }
      finishIssued(result);
    } catch (e) {
      setMessage({ level: 'error', text: errorText(e) });
      // The row to correct: the holder's ID, or the agent's (the only ID the workflow checks for form).
      const code = isSbkError(e) ? e.code : '';
      if (code === 'HOLDER_ID_MISMATCH') setFocus('holderId');
      else if (code === 'AGENT_IS_HOLDER' || code.startsWith('ID_')) setFocus('agentId');
      else if (code === 'AGENT_REQUIRED') setFocus('agentName');
    } finally {
      setBusyState(false);
    }
  };

  const toQuery = () => {
    setStep('query');
    setMessage(null);
  };
  const formTouched = () => Object.values(fieldsRef.current).some((v) => v.trim() !== '') || receiverRef.current === 'agent';
  const fieldOrder = (): IssueField[] => ['receiver', ...TEXT_FIELDS[receiverRef.current]];

  return {
    step,
    query,
    candidates,
    pickIndex,
    card,
    receiver,
    fields,
    focus,
    read,
    message,
    busy,
    done,
    defect,
    hasReader: reader !== undefined,
    readerLabel: reader?.label ?? null,
    setQuery: (v: string) => {
      setQuery(v);
      setMessage(null);
    },
    clearQuery: () => {
      setQuery('');
      setCandidates([]);
      setMessage(null);
    },
    search,
    movePick: (delta: number) => setPickIndex((i) => Math.max(0, Math.min(candidates.length - 1, i + delta))),
    choose: () => {
      const c = candidates[pickIndex];
      if (c) open(c);
    },
    setField,
    setReceiver: (r: Receiver) => {
      receiverRef.current = r;
      setReceiverState(r);
      setMessage(null);
    },
    moveFocus: (delta: number) => {
      const order = fieldOrder();
      setFocus((f) => order[(Math.max(0, order.indexOf(f)) + delta + order.length) % order.length]!);
    },
    /** Enter in a text row: on to the next empty row; when none is left, issue. */
    fieldDone: (field: TextField, value: string) => {
      setField(field, value);
      const order = TEXT_FIELDS[receiverRef.current];
      const at = order.indexOf(field);
      const next = [...order.slice(at + 1), ...order.slice(0, at)].find((k) => !fieldsRef.current[k].trim());
      if (next) return setFocus(next);
      void issue();
    },
    issue: () => void issue(),
    /** R: read the card in the slot now and show the result; the issue uses it. */
    readCheck: async () => {
      const c = cardRef.current;
      if (!c || busyRef.current) return;
      if (!reader) return setMessage({ level: 'warn', text: I.noReader });
      setBusyState(true);
      setMessage(null);
      try {
        setReadState(await readCard(c));
      } finally {
        setBusyState(false);
      }
    },
    dropForm: () => {
      setStep(candidates.length > 1 ? 'pick' : 'query');
      setMessage(null);
    },
    cancelLeave: () => setStep('form'),
    /** Esc inside the screen; false = leave the screen. */
    back: (): boolean => {
      if (busyRef.current) return true;
      switch (step) {
        case 'query':
          return false;
        case 'pick':
          toQuery();
          return true;
        case 'form':
          if (formTouched()) setStep('leave');
          else setStep(candidates.length > 1 ? 'pick' : 'query');
          return true;
        case 'leave':
          setStep('form');
          return true;
        case 'done':
        case 'defective':
          // On to the next person at the counter.
          setQuery('');
          setCandidates([]);
          setDone(null);
          setDefect(null);
          toQuery();
          return true;
      }
    },
  };
}
