/**
 * The one state machine every workflow goes through. A movement type names what happened to a
 * card; the table below says, per card kind, from which states it may happen and which state it
 * leaves the card in. Nothing else in the code decides whether a card may move.
 */
import { cardLabels } from '../i18n/domain/card-labels.ts';
import { SbkError } from './errors.ts';

export const CARD_KINDS = ['finished', 'prefab'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const FINISHED_STATES = [
  'expected', // listed in a maker's file or a shipment, not yet counted in
  'in_transit', // dispatched, not yet signed for (GD Art. 12 逐级签收)
  'in_stock', // in a storage place under a custodian (HB Art. 14: uncollected cards are kept in stock)
  'agent_held', // picked up by a unit's authorised agent, not yet handed to the holder (GD Art. 15)
  'issued', // handed to the holder or the holder's agent (GD Art. 14)
  'recalled', // taken back as overdue, sleeping or undeliverable (GD Art. 32)
  'cancelled', // 注销 (GD Art. 33)
  'sealed', // 封存 (HB Art. 17)
  'defective', // failed the read-check or damaged; never issued (HB Art. 16)
  'lost', // declared lost by a supervisor after a discrepancy stayed open
  // A defective card on its way up the chain to be re-made (HB Art. 16: 应重新制卡); signed in
  // above it is defective again, on the city's re-make list, and never issuable.
  'returning',
  // An old card handed in at the counter (GD Art. 32 一(一): 换发的旧卡、注销的卡…回收), kept
  // until the destruction hand-over.
  'taken_back',
  // Handed to the service bank in a destruction hand-over (GD Art. 32 二: 对换发、已注销的废卡按银行
  // 借记卡规定处理; HB Art. 33: 合作银行回收社会保障卡并销毁). Terminal.
  'destroyed',
  // 邮递上门 (GD Art. 14 一(一); HB Art. 36: 生僻字人员的社会保障卡…以邮寄方式送达申领人): handed to a
  // carrier for the holder, not yet signed for with the SMS pick-up code. The office still answers for it.
  'mailed',
] as const;

export const PREFAB_STATES = [
  'expected',
  'in_transit',
  'in_stock',
  'loaded', // in a printer hopper (GD Annex 9 二(二) iLoadCard)
  'consumed', // became a finished card by instant issuance
  'spoiled', // print or chip failure; kept until destroyed
  'destroyed', // a spoiled blank destroyed before two operators (GD Art. 36 (四): important blank certificates)
  'lost',
] as const;

export type FinishedState = (typeof FINISHED_STATES)[number];
export type PrefabState = (typeof PREFAB_STATES)[number];
export type CardState = FinishedState | PrefabState;

/** Before its first movement a card has no state; `register` is the only way in. */
export type StateOrNone = CardState | 'none';

export const MOVEMENT_TYPES = [
  'register',
  'receive',
  'dispatch',
  'transfer',
  'agent_pickup',
  'agent_return',
  'issue',
  'recall',
  'cancel',
  'seal',
  'mark_defective',
  'declare_lost',
  'found',
  'load',
  'unload',
  'consume',
  'spoil',
  'destroy',
  'take_back',
  'mail',
  'mail_delivered',
  'mail_returned',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

type Rule = {
  readonly from: readonly StateOrNone[];
  readonly to: CardState;
  /**
   * Where a move from one of these states leads elsewhere than `to`: a defective card is
   * dispatched and received like any other, but travels as `returning` and arrives defective.
   */
  readonly toByFrom?: Partial<Record<StateOrNone, CardState>>;
  /** Sensitive: a second operator must approve (DEVELOPERS.md; GD Art. 33 cancellation is irreversible). */
  readonly secondOperator?: boolean;
  /** The person on the other side of the hand-over must be recorded (GD Art. 12: 签收人; Art. 14-15). */
  readonly counterpart?: boolean;
  /** A reason must be recorded (GD Art. 32 (二): 回收原因; HB Art. 16 for defects). */
  readonly reason?: boolean;
};

const FINISHED_RULES: Partial<Record<MovementType, Rule>> = {
  register: { from: ['none'], to: 'expected' },
  receive: { from: ['expected', 'in_transit', 'returning'], to: 'in_stock', toByFrom: { returning: 'defective' }, counterpart: true },
  // A recalled card goes back to the city (GD Art. 32 二: 回退到市卡管机构) or to the service bank
  // that keeps the physical cards; a defective one goes up to be re-made (HB Art. 16).
  dispatch: { from: ['in_stock', 'recalled', 'defective'], to: 'in_transit', toByFrom: { defective: 'returning' } },
  transfer: { from: ['in_stock'], to: 'in_stock' },
  agent_pickup: { from: ['in_stock'], to: 'agent_held', counterpart: true },
  agent_return: { from: ['agent_held'], to: 'in_stock', counterpart: true },
  // GD Art. 33 (六): a recalled card gets a second issuance within 6 months.
  issue: { from: ['in_stock', 'agent_held', 'recalled'], to: 'issued', counterpart: true },
  recall: { from: ['in_stock', 'agent_held'], to: 'recalled', reason: true },
  cancel: { from: ['recalled', 'in_stock', 'defective', 'taken_back'], to: 'cancelled', secondOperator: true, reason: true },
  seal: { from: ['in_stock', 'recalled'], to: 'sealed', secondOperator: true, reason: true },
  mark_defective: {
    from: ['expected', 'in_transit', 'in_stock', 'agent_held', 'recalled'],
    to: 'defective',
    reason: true,
  },
  declare_lost: { from: ['expected', 'in_transit', 'in_stock'], to: 'lost', secondOperator: true, reason: true },
  found: { from: ['lost'], to: 'in_stock', reason: true },
  // An old card handed in at replacement or cancellation, or found (GD Art. 32 一(一); Art. 33 一(四)):
  // taken in even when the ledger has it as issued or lost, or never had it (its first movement).
  take_back: { from: ['issued', 'lost', 'none'], to: 'taken_back', counterpart: true, reason: true },
  // The destruction hand-over to the service bank: counted, two people, the bank's receiver named.
  destroy: { from: ['cancelled', 'sealed', 'defective', 'taken_back'], to: 'destroyed', secondOperator: true, counterpart: true, reason: true },
  // GD Art. 14 一(一): 个人领取的方式有网点领取和邮递上门两种; HB Art. 36 mails every rare-character
  // card. Handed to the carrier (named) from stock, or as the second issuance of a recalled card (GD Art. 33 一(六)).
  mail: { from: ['in_stock', 'recalled'], to: 'mailed', counterpart: true },
  // GD Art. 14 一(三): 持卡人须凭短信取件码签收社保卡; the code (or the carrier's signature reference) is recorded.
  mail_delivered: { from: ['mailed'], to: 'issued', counterpart: true, reason: true },
  // GD Art. 32 一(一): 因邮递信息错误等个人原因造成发放不成功…的成品卡 is a card not issued and to be
  // recalled: back in the office's stock carrying a recall (recall-marker.ts), with its reason.
  mail_returned: { from: ['mailed'], to: 'in_stock', reason: true },
};

const PREFAB_RULES: Partial<Record<MovementType, Rule>> = {
  register: { from: ['none'], to: 'expected' },
  receive: { from: ['expected', 'in_transit'], to: 'in_stock', counterpart: true },
  dispatch: { from: ['in_stock'], to: 'in_transit' },
  transfer: { from: ['in_stock'], to: 'in_stock' },
  load: { from: ['in_stock'], to: 'loaded' },
  unload: { from: ['loaded'], to: 'in_stock' },
  consume: { from: ['loaded'], to: 'consumed' },
  // GD Annex 9 二(二): a failed print ejects to the bad bin; the blank is still accounted for.
  // A blank that arrives damaged is spoiled straight from the delivery.
  spoil: { from: ['expected', 'in_transit', 'in_stock', 'loaded'], to: 'spoiled', reason: true },
  // A spoiled blank is kept until it is destroyed, and destroying it takes two people.
  destroy: { from: ['spoiled'], to: 'destroyed', secondOperator: true, reason: true },
  declare_lost: { from: ['expected', 'in_transit', 'in_stock', 'loaded'], to: 'lost', secondOperator: true, reason: true },
  found: { from: ['lost'], to: 'in_stock', reason: true },
};

const RULES: Record<CardKind, Partial<Record<MovementType, Rule>>> = {
  finished: FINISHED_RULES,
  prefab: PREFAB_RULES,
};

export function statesOf(kind: CardKind): readonly CardState[] {
  return kind === 'finished' ? FINISHED_STATES : PREFAB_STATES;
}

export function ruleFor(kind: CardKind, type: MovementType): Rule | undefined {
  // A kind the ledger should never hold (a row edited behind the program) has no rules: verify
  // reports the movement as illegal rather than failing.
  return Object.hasOwn(RULES, kind) ? RULES[kind][type] : undefined;
}

/** Every state movement `type` can leave a card in (its `to` and any `toByFrom`), for one kind or either. */
export function statesAfter(type: MovementType, kind?: CardKind): CardState[] {
  const kinds = kind ? [kind] : CARD_KINDS;
  const out = new Set<CardState>();
  for (const k of kinds) {
    const rule = RULES[k][type];
    if (!rule) continue;
    out.add(rule.to);
    for (const s of Object.values(rule.toByFrom ?? {})) out.add(s);
  }
  return [...out];
}

/**
 * The states from which movement `type` may happen, for one kind or for either: what a
 * pre-check and a query ask instead of restating the table (`inArray(cards.state, …)`).
 */
export function statesAllowing(type: MovementType, kind?: CardKind): CardState[] {
  const kinds = kind ? [kind] : CARD_KINDS;
  const out = new Set<CardState>();
  for (const k of kinds) for (const s of RULES[k][type]?.from ?? []) if (s !== 'none') out.add(s);
  return [...out];
}

/**
 * The state movement `type` leaves a card in, e.g. `stateAfter('register')` is where newly
 * listed cards wait. Without `kind`, the kind that has the movement (where both have it, they
 * agree: a finished and a prefab card both end up in stock after `receive`).
 */
export function stateAfter(type: MovementType, kind?: CardKind): CardState {
  const rule = kind ? RULES[kind][type] : (FINISHED_RULES[type] ?? PREFAB_RULES[type]);
  // Every movement type has a rule for at least one kind (a test walks the table).
  if (!rule) throw new Error(`card-states: no ${kind ?? ''} rule for ${type}`);
  return rule.to;
}

/** Whether a card of `kind` in state `from` may undergo movement `type`: the pre-check's question. */
export function mayMove(kind: string, from: string, type: MovementType): boolean {
  if (!(CARD_KINDS as readonly string[]).includes(kind)) return false;
  return (RULES[kind as CardKind][type]?.from as readonly string[] | undefined)?.includes(from) ?? false;
}

// The questions queries and pre-checks ask, answered from the table above. A caller lists
// cards with `inArray(cards.state, ISSUABLE_FINISHED_STATES)` or asks `isLoaded(c.state)`
// rather than spelling out states, so a change to the table reaches every query.

/** Finished cards that may be handed to the holder: in stock, with an agent, or recalled (second issuance). */
export const ISSUABLE_FINISHED_STATES: readonly CardState[] = statesAllowing('issue', 'finished');
/** Cards a site may send on (dispatch): in stock, recalled and going back, or defective and going up to be re-made. */
export const DISPATCHABLE_STATES: readonly CardState[] = statesAllowing('dispatch');
/** Cards on their way to a site and not yet signed in: listed in a maker's file, or in transit. */
export const AWAITING_ARRIVAL_STATES: readonly CardState[] = statesAllowing('receive');
/** Finished cards a unit's authorised agent has picked up and not yet handed over or returned. */
export const AGENT_HELD_STATES: readonly CardState[] = statesAllowing('agent_return', 'finished');
/** Finished cards the recall rules watch (at an office or with an agent): the overdue list's cards. */
export const RECALLABLE_STATES: readonly CardState[] = statesAllowing('recall', 'finished');
/** Finished cards that may be cancelled (注销, GD Art. 33): recalled, in stock or defective. */
export const CANCELLABLE_STATES: readonly CardState[] = statesAllowing('cancel', 'finished');
/**
 * A card in one of these states sits in a named storage place at its site (HB Art. 14): in
 * stock (safe, cabinet, shelf, the service bank's keeping) or loaded in a printer's hopper (GD Annex 9 二(二)).
 */
export const IN_STORAGE_STATES: readonly CardState[] = ['in_stock', 'loaded'];
/**
 * Finished cards whose recall is still open (cards.recalled_at set): back at the office, on their
 * way to the city or the service bank, in stock there, out for a second issuance with an agent,
 * or found defective meanwhile. Issued, cancelled, sealed, destroyed or lost cards are off the lists.
 */
export const RECALL_OPEN_STATES: readonly CardState[] = ['recalled', 'in_transit', 'in_stock', 'agent_held', 'defective', 'returning', 'mailed'];
/** Finished cards handed to a carrier and not yet delivered or returned (GD Art. 14 邮递上门). */
export const MAILED_STATES: readonly CardState[] = statesAllowing('mail_delivered', 'finished');
/** Finished cards that may be mailed to the holder: in stock, or recalled (a second issuance). */
export const MAILABLE_STATES: readonly CardState[] = statesAllowing('mail', 'finished');
/** Prefab blanks on hand at a site, the ones the daily count counts (GD Art. 36 一(四)). */
export const PREFAB_ON_HAND_STATES: readonly CardState[] = IN_STORAGE_STATES.filter((s) => isCardState('prefab', s));

/**
 * States in which a card has left its site's keeping for good: handed to the holder, turned
 * into a finished card, destroyed or written off. Any other state at a site (on its way there
 * included: an in-transit card's site is where it goes) means the site still answers for it, so
 * the site or place cannot be retired (GD Art. 12: 保管地点、责任人).
 */
export const NO_LONGER_HELD_STATES: readonly CardState[] = ['issued', 'consumed', 'destroyed', 'lost'];
/** Cards the destruction hand-over takes to the service bank: ended, defective, old or spoiled. */
export const DESTROYABLE_STATES: readonly CardState[] = statesAllowing('destroy');

// What a workflow asks of one card (“is this card in stock?”); `s` may be any stored state text.
export const isInStock = (s: string): boolean => s === 'in_stock';
export const isInTransit = (s: string): boolean => s === 'in_transit';
export const isExpected = (s: string): boolean => s === 'expected';
export const isLoaded = (s: string): boolean => s === 'loaded';
export const isRecalled = (s: string): boolean => s === 'recalled';
export const isDefective = (s: string): boolean => s === 'defective';
export const isMailed = (s: string): boolean => (MAILED_STATES as readonly string[]).includes(s);
export const isAgentHeld = (s: string): boolean => (AGENT_HELD_STATES as readonly string[]).includes(s);
export const isInStorage = (s: string): boolean => (IN_STORAGE_STATES as readonly string[]).includes(s);
export const isRecallable = (s: string): boolean => (RECALLABLE_STATES as readonly string[]).includes(s);
export const isCancellable = (s: string): boolean => (CANCELLABLE_STATES as readonly string[]).includes(s);

/** Every (kind, from, type, to) that the machine allows, for tests, docs and `verify`. */
export function allowedTransitions(): { kind: CardKind; from: StateOrNone; type: MovementType; to: CardState }[] {
  const out: { kind: CardKind; from: StateOrNone; type: MovementType; to: CardState }[] = [];
  for (const kind of CARD_KINDS) {
    for (const type of MOVEMENT_TYPES) {
      const rule = RULES[kind][type];
      if (!rule) continue;
      for (const from of rule.from) out.push({ kind, from, type, to: rule.toByFrom?.[from] ?? rule.to });
    }
  }
  return out;
}

export type TransitionInput = {
  kind: CardKind;
  from: StateOrNone;
  type: MovementType;
  cardNo?: string;
  secondOperatorId?: number | null;
  operatorId?: number;
  counterpartName?: string | null;
  reason?: string | null;
};

/**
 * Checks one movement against the machine and returns the state it leads to. Throws an
 * SbkError (and the caller writes nothing) when the movement is not allowed.
 */
export function nextState(input: TransitionInput): CardState {
  const { kind, from, type } = input;
  const rule = RULES[kind][type];
  const cardNo = input.cardNo ?? null;
  if (!rule) throw new SbkError('TRANSITION_NOT_FOR_KIND', { cardNo, kind, type }, { kind, from, type });
  if (!rule.from.includes(from)) throw new SbkError('TRANSITION_ILLEGAL', { cardNo, from, type }, { kind, from, type });
  if (rule.secondOperator) {
    if (input.secondOperatorId == null) throw new SbkError('SECOND_OPERATOR_REQUIRED', { type });
    if (input.operatorId != null && input.secondOperatorId === input.operatorId) {
      throw new SbkError('SECOND_OPERATOR_SAME', undefined, { type });
    }
  }
  if (rule.counterpart && !input.counterpartName?.trim()) throw new SbkError('COUNTERPART_REQUIRED', { type });
  if (rule.reason && !input.reason?.trim()) throw new SbkError('REASON_REQUIRED.movement', { type });
  return rule.toByFrom?.[from] ?? rule.to;
}

/** What operators call each state (the words live in the catalogue, src/i18n/domain/card-labels.ts). */
export const STATE_LABELS: Readonly<Record<CardState, string>> = cardLabels.states;

export function stateLabel(s: StateOrNone): string {
  return s === 'none' ? cardLabels.noState : STATE_LABELS[s];
}

export const MOVEMENT_LABELS: Readonly<Record<MovementType, string>> = cardLabels.movements;

export const KIND_LABELS: Readonly<Record<CardKind, string>> = cardLabels.kinds;

export function isCardState(kind: CardKind, s: string): s is CardState {
  return (statesOf(kind) as readonly string[]).includes(s);
}

export function isMovementType(s: string): s is MovementType {
  return (MOVEMENT_TYPES as readonly string[]).includes(s);
}
