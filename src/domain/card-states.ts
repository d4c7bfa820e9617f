/**
 * The one state machine every workflow goes through. A movement type names what happened to a
 * card; the table below says, per card kind, from which states it may happen and which state it
 * leaves the card in. Nothing else in the code decides whether a card may move.
 */
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
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

type Rule = {
  readonly from: readonly StateOrNone[];
  readonly to: CardState;
  /** Sensitive: a second operator must approve (DEVELOPERS.md; GD Art. 33 cancellation is irreversible). */
  readonly secondOperator?: boolean;
  /** The person on the other side of the hand-over must be recorded (GD Art. 12: 签收人; Art. 14-15). */
  readonly counterpart?: boolean;
  /** A reason must be recorded (GD Art. 32 (二): 回收原因; HB Art. 16 for defects). */
  readonly reason?: boolean;
};

const FINISHED_RULES: Partial<Record<MovementType, Rule>> = {
  register: { from: ['none'], to: 'expected' },
  receive: { from: ['expected', 'in_transit'], to: 'in_stock', counterpart: true },
  dispatch: { from: ['in_stock', 'recalled'], to: 'in_transit' },
  transfer: { from: ['in_stock'], to: 'in_stock' },
  agent_pickup: { from: ['in_stock'], to: 'agent_held', counterpart: true },
  agent_return: { from: ['agent_held'], to: 'in_stock', counterpart: true },
  // GD Art. 33 (六): a recalled card gets a second issuance within 6 months.
  issue: { from: ['in_stock', 'agent_held', 'recalled'], to: 'issued', counterpart: true },
  recall: { from: ['in_stock', 'agent_held'], to: 'recalled', reason: true },
  cancel: { from: ['recalled', 'in_stock', 'defective'], to: 'cancelled', secondOperator: true, reason: true },
  seal: { from: ['in_stock', 'recalled'], to: 'sealed', secondOperator: true, reason: true },
  mark_defective: {
    from: ['expected', 'in_transit', 'in_stock', 'agent_held', 'recalled'],
    to: 'defective',
    reason: true,
  },
  declare_lost: { from: ['expected', 'in_transit', 'in_stock'], to: 'lost', secondOperator: true, reason: true },
  found: { from: ['lost'], to: 'in_stock', reason: true },
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
  return RULES[kind][type];
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

/** Every (kind, from, type, to) that the machine allows, for tests, docs and `verify`. */
export function allowedTransitions(): { kind: CardKind; from: StateOrNone; type: MovementType; to: CardState }[] {
  const out: { kind: CardKind; from: StateOrNone; type: MovementType; to: CardState }[] = [];
  for (const kind of CARD_KINDS) {
    for (const type of MOVEMENT_TYPES) {
      const rule = RULES[kind][type];
      if (!rule) continue;
      for (const from of rule.from) out.push({ kind, from, type, to: rule.to });
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
  const card = input.cardNo ? `卡 ${input.cardNo}` : '该卡';
  if (!rule) {
    throw new SbkError(
      'TRANSITION_NOT_FOR_KIND',
      `${card}是${kind === 'finished' ? '成品卡' : '预制卡'}，不能做“${MOVEMENT_LABELS[type]}”操作。`,
      { kind, from, type },
    );
  }
  if (!rule.from.includes(from)) {
    throw new SbkError(
      'TRANSITION_ILLEGAL',
      `${card}当前状态为“${stateLabel(from)}”，不能做“${MOVEMENT_LABELS[type]}”。请先查询该卡的流转记录。`,
      { kind, from, type },
    );
  }
  if (rule.secondOperator) {
    if (input.secondOperatorId == null) {
      throw new SbkError('SECOND_OPERATOR_REQUIRED', `“${MOVEMENT_LABELS[type]}”需要另一名主管复核确认。`, { type });
    }
    if (input.operatorId != null && input.secondOperatorId === input.operatorId) {
      throw new SbkError('SECOND_OPERATOR_SAME', '复核人不能是经办人本人，请换另一名主管复核。', { type });
    }
  }
  if (rule.counterpart && !input.counterpartName?.trim()) {
    throw new SbkError('COUNTERPART_REQUIRED', `“${MOVEMENT_LABELS[type]}”必须登记对方姓名（签收人/领取人/代领人）。`, {
      type,
    });
  }
  if (rule.reason && !input.reason?.trim()) {
    throw new SbkError('REASON_REQUIRED', `“${MOVEMENT_LABELS[type]}”必须填写原因。`, { type });
  }
  return rule.to;
}

export const STATE_LABELS: Record<CardState, string> = {
  expected: '待入库',
  in_transit: '在途',
  in_stock: '在库',
  agent_held: '代领中',
  issued: '已发放',
  recalled: '已回收',
  cancelled: '已注销',
  sealed: '已封存',
  defective: '不合格',
  lost: '已确认丢失',
  loaded: '已装入卡盒',
  consumed: '已制卡',
  spoiled: '已作废',
  destroyed: '已销毁',
};

export function stateLabel(s: StateOrNone): string {
  return s === 'none' ? '未登记' : STATE_LABELS[s];
}

export const MOVEMENT_LABELS: Record<MovementType, string> = {
  register: '登记',
  receive: '签收入库',
  dispatch: '发出',
  transfer: '库内移位',
  agent_pickup: '集体代领',
  agent_return: '代领退回',
  issue: '发放',
  recall: '回收',
  cancel: '注销',
  seal: '封存',
  mark_defective: '判定不合格',
  declare_lost: '确认丢失',
  found: '找回',
  load: '装入卡盒',
  unload: '退出卡盒',
  consume: '即时制卡使用',
  spoil: '作废',
  destroy: '销毁',
};

export function isCardState(kind: CardKind, s: string): s is CardState {
  return (statesOf(kind) as readonly string[]).includes(s);
}

export function isMovementType(s: string): s is MovementType {
  return (MOVEMENT_TYPES as readonly string[]).includes(s);
}

// --- asked by db ---

/**
 * The state movement `type` leaves a card of `kind` in, for a query that looks for the cards a
 * movement put somewhere (`stateAfter('agent_pickup', 'finished')`: the cards an agent holds).
 * A movement the kind does not have is a programming error.
 */
export function stateAfter(type: MovementType, kind: CardKind): CardState {
  const rule = RULES[kind][type];
  if (!rule) throw new Error(`card-states: ${kind} cards have no ${type} movement`);
  return rule.to;
}

/**
 * The finished cards the overdue list and a recall deal with (GD Art. 32): those that may be
 * recalled. Their order is the one the partial index cards_overdue_list_ix was made with
 * (db/migrations/0013), which a query repeats to use it.
 */
export const RECALLABLE_STATES: readonly CardState[] = statesAllowing('recall', 'finished');

/** A card the site holds and may send on: in stock, or recalled and kept (GD Art. 32 (二)). */
export const SENDABLE_STATES: readonly CardState[] = statesAllowing('dispatch');

/** A card on its way to a site: listed but not yet counted in, or dispatched and not yet signed for. */
export const ON_THE_WAY_STATES: readonly CardState[] = statesAllowing('receive');

/**
 * A card lying in a named place at its site: a safe, a cabinet or a shelf, or a printer's hopper
 * (HB Art. 14). It must have a place, and a stock count finds it there. These are the states from
 * which a card can be moved between the site's places (transfer) or taken out of a hopper (unload).
 */
export const PLACED_STATES: readonly CardState[] = [...new Set([...statesAllowing('transfer'), ...statesAllowing('unload')])];
