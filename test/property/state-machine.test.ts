/**
 * Model-based test of the card state machine on a real ledger file (ENGINEERING.md §2): a model
 * card → {state, site, in a hopper?, shipment, pickup}, and commands that call the real
 * workflows (sign-in, dispatch, issue, pickup and settlement, recall, cancel, seal, read-check,
 * hopper load/unload, consume, spoil, destroy, the ways back: a defective card sent up as
 * returning, an old card taken back at the counter — known or never in the ledger — and the
 * destruction hand-over to the service bank) or `appendMovements` where the product has no
 * workflow of its own for a single card (receiving a prefab delivery, declare lost, found,
 * transfer). Each command's precondition comes from the model. Other commands must be refused:
 * illegal transitions through appendMovements and through the workflows, a second operator who
 * is the first, a holder's ID that is not the card's — the ledger refuses them with an SbkError
 * and writes nothing. After every command the ledger's card states equal the model's; every few
 * commands, and at the end of each run, `verifyLedger` finds no problem.
 *
 * Short by default; SBK_LONG_TESTS=1 runs many more and longer sequences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { closeLedger, openLedger, type Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements, type MovementInput } from '../../db/append-movements.ts';
import { addPlace, placesAt, requireSite } from '../../db/sites-repo.ts';
import { operatorByLogin } from '../../db/operators-repo.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { isSbkError } from '../../src/domain/errors.ts';
import { MOVEMENT_TYPES, allowedTransitions, ruleFor, type CardKind, type CardState, type MovementType, type StateOrNone } from '../../src/domain/card-states.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { syntheticMakerRows, writeMakerFile } from '../../src/domain/maker-file-writer.ts';
import { addCalendarDays } from '../../src/domain/calendar.ts';
import { todayInChina } from '../../src/domain/china-dates.ts';
import { initLedger } from '../../src/workflows/init-ledger.ts';
import { authenticate, toActor } from '../../src/workflows/authenticate.ts';
import { type Actor } from '../../src/domain/actor.ts';
import { addOperator } from '../../src/workflows/operators.ts';
import { importMakerFile } from '../../src/workflows/import-maker-file.ts';
import { ledgerProfile, issueCard } from '../../src/workflows/issue-card.ts';
import { dispatchShipment } from '../../src/workflows/shipment-dispatch.ts';
import { signInShipment } from '../../src/workflows/shipment-sign-in.ts';
import { pickupCards, settlePickup } from '../../src/workflows/agent-pickup.ts';
import { endCards, recallCards } from '../../src/workflows/recall.ts';
import { markUnreadable } from '../../src/workflows/issue-card.ts';
import { consumeBlank, loadHopper, spoilBlank, unloadHopper } from '../../src/workflows/prefab-stock.ts';
import { destroySpoiled } from '../../src/workflows/stock-count.ts';
import { mailCard, mailDelivered, mailReturned } from '../../src/workflows/mail-delivery.ts';
import { takeBackCard } from '../../src/workflows/take-back.ts';
import { handOverForDestruction } from '../../src/workflows/destruction-handover.ts';
import { ADMIN } from '../helpers/temp-ledger.ts';

const LONG = process.env.SBK_LONG_TESTS === '1';
const NUM_RUNS = LONG ? 300 : 30;
const MAX_COMMANDS = LONG ? 150 : 60;
/** verifyLedger every this many commands (and at the end of every run). */
const VERIFY_EVERY = 5;

// ---- The world: two sites, four operators, finished and prefab cards ------------------------

type SiteKey = 'root' | 'office';
const SITE_CODE: Record<SiteKey, string> = { root: '420100', office: '420102-01' };
const OTHER: Record<SiteKey, SiteKey> = { root: 'office', office: 'root' };
const HOPPER: Record<SiteKey, string> = { root: '制卡机1-卡盒1', office: '制卡机2-卡盒1' };
const SAFE = '保险柜1';
const CABINET = '卡柜2';
const STAFF = [
  { login: 'rootsup', name: '李娟', role: 'supervisor' as const, siteCode: SITE_CODE.root, pin: '246801' },
  { login: 'clerk', name: '张伟', role: 'clerk' as const, siteCode: SITE_CODE.office, pin: '357902' },
  { login: 'offsup', name: '赵敏', role: 'supervisor' as const, siteCode: SITE_CODE.office, pin: '468013' },
];
const N_FINISHED = 6;
const N_PREFAB = 6;

type ModelCard = {
  no: string;
  kind: CardKind;
  state: CardState;
  site: SiteKey;
  /** In the site's printer hopper (loaded, or lost from it). */
  inHopper: boolean;
  /** The shipment a card `expected` or `in_transit` is on (the province's for an imported finished card). */
  shipment: string | null;
  pickup: string | null;
  holderId: string | null;
};
type Model = { cards: ModelCard[]; steps: number };

type Real = {
  ledger: Ledger;
  /** The operator who acts at a site, and the supervisor there who approves (never the same person). */
  actor: Record<SiteKey, Actor>;
  approver: Record<SiteKey, Actor>;
  siteId: Record<SiteKey, number>;
  placeId: Record<SiteKey, { safe: number; cabinet: number; hopper: number }>;
  cardId: Map<string, number>;
};

let templateDir = '';
let template = '';
let initialCards: ModelCard[] = [];

beforeAll(() => {
  templateDir = mkdtempSync(join(tmpdir(), 'sbk-model-'));
  template = join(templateDir, 'template.db');
  const { ledger } = initLedger({ path: template, siteCode: SITE_CODE.root, admin: ADMIN });
  try {
    const admin = authenticate(ledger, ADMIN.login, ADMIN.pin);
    for (const s of STAFF) addOperator(ledger, admin, s);
    writeTx(ledger, (tx) => {
      for (const key of ['root', 'office'] as const) {
        const id = requireSite(tx, SITE_CODE[key]).id;
        addPlace(tx, id, CABINET, 'cabinet');
        addPlace(tx, id, HOPPER[key], 'hopper');
      }
    });
    expect(ledgerProfile(ledger).endActions).toEqual(expect.arrayContaining(['cancel', 'seal']));
    // The cards come in as they do in real life: a maker's file of each kind, imported at the city centre.
    const fields = { bank: '中国工商银行', cityBody: '武汉市社保卡管理中心', maker: '金邦达', bankCode: '102521000013', time: '20261120093000' };
    const issueDate = addCalendarDays(todayInChina(), -3);
    const finishedRows = syntheticMakerRows('finished', N_FINISHED, 7, { cardPrefix: 'M1', boxSize: 3, issueDate });
    const f = writeMakerFile('finished', { ...fields, batch: 'SM-F' }, finishedRows);
    const fr = importMakerFile(ledger, admin, { fileName: f.fileName, bytes: Buffer.from(f.text) });
    expect(fr.status, JSON.stringify(fr.errors)).toBe('imported');
    const p = writeMakerFile('prefab', { ...fields, batch: 'SM-P' }, syntheticMakerRows('prefab', N_PREFAB, 8, { cardPrefix: 'M2', boxSize: 3 }));
    const pr = importMakerFile(ledger, admin, { fileName: p.fileName, bytes: Buffer.from(p.text) });
    expect(pr.status, JSON.stringify(pr.errors)).toBe('imported');
    initialCards = [
      ...finishedRows.map((r): ModelCard => ({ no: r.cardNo, kind: 'finished', state: 'expected', site: 'root', inHopper: false, shipment: fr.shipment ?? null, pickup: null, holderId: r.idNumber })),
      ...syntheticMakerRows('prefab', N_PREFAB, 8, { cardPrefix: 'M2' }).map((r): ModelCard => ({ no: r.cardNo, kind: 'prefab', state: 'expected', site: 'root', inHopper: false, shipment: null, pickup: null, holderId: null })),
    ];
    expect(fr.shipment).toBeTruthy();
    expect(verifyLedger(ledger).ok).toBe(true);
  } finally {
    closeLedger(ledger);
  }
});

afterAll(() => {
  closeRun();
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
});

let runDir = '';
let current: Ledger | null = null;
function closeRun(): void {
  if (current) closeLedger(current);
  current = null;
  if (runDir) rmSync(runDir, { recursive: true, force: true });
  runDir = '';
}

/** A fresh copy of the template ledger (with its key) for one run. */
function setup(): { model: Model; real: Real } {
  closeRun();
  runDir = mkdtempSync(join(tmpdir(), 'sbk-model-run-'));
  const path = join(runDir, 'ledger.db');
  copyFileSync(template, path);
  copyFileSync(`${template}.key`, `${path}.key`);
  const ledger = openLedger(path, { mustExist: true });
  current = ledger;
  const actorOf = (login: string) => toActor(ledger, operatorByLogin(ledger.db, login)!);
  const siteId = { root: requireSite(ledger.db, SITE_CODE.root).id, office: requireSite(ledger.db, SITE_CODE.office).id };
  const placesOf = (key: SiteKey) => {
    const ps = placesAt(ledger.db, siteId[key]);
    const id = (name: string) => ps.find((p) => p.name === name)!.id;
    return { safe: id(SAFE), cabinet: id(CABINET), hopper: id(HOPPER[key]) };
  };
  const cardId = new Map((ledger.sqlite.prepare('SELECT id, card_no AS no FROM cards').all() as { id: number; no: string }[]).map((c) => [c.no, c.id]));
  return {
    model: { cards: initialCards.map((c) => ({ ...c })), steps: 0 },
    real: {
      ledger,
      actor: { root: actorOf(ADMIN.login), office: actorOf('clerk') },
      approver: { root: actorOf('rootsup'), office: actorOf('offsup') },
      siteId,
      placeId: { root: placesOf('root'), office: placesOf('office') },
      cardId,
    },
  };
}

// ---- Checks after every command -------------------------------------------------------------

function tableCounts(ledger: Ledger): Record<string, number> {
  const tables = (ledger.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, (ledger.sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

/** The ledger's cards equal the model's: state, site, and a loaded blank in its site's hopper. */
function agree(m: Model, r: Real): void {
  const rows = r.ledger.sqlite
    .prepare('SELECT c.card_no AS no, c.state, s.code AS site, p.kind AS placeKind FROM cards c JOIN sites s ON s.id = c.site_id LEFT JOIN places p ON p.id = c.place_id ORDER BY c.card_no')
    .all() as { no: string; state: string; site: string; placeKind: string | null }[];
  const real = rows.map((c) => ({ no: c.no, state: c.state, site: c.site, inHopper: c.placeKind === 'hopper' }));
  const model = [...m.cards].sort((a, b) => (a.no < b.no ? -1 : 1)).map((c) => ({ no: c.no, state: c.state, site: SITE_CODE[c.site], inHopper: c.inHopper }));
  expect(real).toEqual(model);
  m.steps += 1;
  if (m.steps % VERIFY_EVERY === 0) expectVerified(r.ledger);
}

function expectVerified(ledger: Ledger): void {
  const v = verifyLedger(ledger);
  expect(v.problems).toEqual([]);
  expect(v.ok).toBe(true);
}

/** What a write would change first: cheap enough to take around every refused attempt. */
function quickCounts(ledger: Ledger): unknown {
  return ledger.sqlite.prepare('SELECT (SELECT count(*) FROM movements) m, (SELECT count(*) FROM operations) o, (SELECT count(*) FROM shipments) s, (SELECT count(*) FROM shipment_events) e, (SELECT count(*) FROM audit_events) a').get();
}

/** Several refusals in a row: each writes nothing that quickCounts sees, and all together nothing at all. */
function allRefused(r: Real, attempts: readonly (() => void)[]): void {
  const before = tableCounts(r.ledger);
  for (const a of attempts) a();
  expect(tableCounts(r.ledger)).toEqual(before);
}

/** The command must be refused with an SbkError (one of `codes`, when given) and write nothing. */
function refused(r: Real, codes: readonly string[] | null, fn: () => unknown, counts: (l: Ledger) => unknown = tableCounts): void {
  const before = counts(r.ledger);
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, 'the ledger accepted a command the model refuses').toBeDefined();
  if (!isSbkError(error)) throw error;
  if (codes) expect(codes, error.message).toContain(error.code);
  expect(counts(r.ledger)).toEqual(before);
}

const op = () => randomUUID();

/**
 * The model's own transition table, written from the rules (README "The ledger"; DOMAIN.md;
 * GD Art. 12-15, 32-33, 36; HB Art. 16-17), not read from src/domain/card-states.ts: the model
 * must be able to disagree with the code. The first test below pins the code's table to it.
 */
type ModelRule = { from: readonly StateOrNone[]; to: CardState; toByFrom?: Partial<Record<CardState, CardState>> };
const MODEL_RULES: Record<CardKind, Partial<Record<MovementType, ModelRule>>> = {
  finished: {
    // HB Art. 16: a defective card goes up to be re-made, travelling as returning, and arrives defective.
    receive: { from: ['expected', 'in_transit', 'returning'], to: 'in_stock', toByFrom: { returning: 'defective' } },
    dispatch: { from: ['in_stock', 'recalled', 'defective'], to: 'in_transit', toByFrom: { defective: 'returning' } },
    transfer: { from: ['in_stock'], to: 'in_stock' },
    agent_pickup: { from: ['in_stock'], to: 'agent_held' },
    agent_return: { from: ['agent_held'], to: 'in_stock' },
    issue: { from: ['in_stock', 'agent_held', 'recalled'], to: 'issued' },
    recall: { from: ['in_stock', 'agent_held'], to: 'recalled' },
    cancel: { from: ['recalled', 'in_stock', 'defective', 'taken_back'], to: 'cancelled' },
    seal: { from: ['in_stock', 'recalled'], to: 'sealed' },
    mark_defective: { from: ['expected', 'in_transit', 'in_stock', 'agent_held', 'recalled'], to: 'defective' },
    declare_lost: { from: ['expected', 'in_transit', 'in_stock'], to: 'lost' },
    found: { from: ['lost'], to: 'in_stock' },
    // GD Art. 32 一(一): an old card handed in, even one the ledger has as issued or lost, or never had.
    take_back: { from: ['issued', 'lost', 'none'], to: 'taken_back' },
    // GD Art. 32 二; HB Art. 33: the destruction hand-over to the service bank ends a card.
    destroy: { from: ['cancelled', 'sealed', 'defective', 'taken_back'], to: 'destroyed' },
    // GD Art. 14 邮递上门: out by post (a recalled card as its second issuance); delivered, or
    // back as undeliverable into stock (GD Art. 32 一(一): 邮递信息错误).
    mail: { from: ['in_stock', 'recalled'], to: 'mailed' },
    mail_delivered: { from: ['mailed'], to: 'issued' },
    mail_returned: { from: ['mailed'], to: 'in_stock' },
  },
  prefab: {
    receive: { from: ['expected', 'in_transit'], to: 'in_stock' },
    dispatch: { from: ['in_stock'], to: 'in_transit' },
    transfer: { from: ['in_stock'], to: 'in_stock' },
    load: { from: ['in_stock'], to: 'loaded' },
    unload: { from: ['loaded'], to: 'in_stock' },
    consume: { from: ['loaded'], to: 'consumed' },
    spoil: { from: ['expected', 'in_transit', 'in_stock', 'loaded'], to: 'spoiled' },
    destroy: { from: ['spoiled'], to: 'destroyed' },
    declare_lost: { from: ['expected', 'in_transit', 'in_stock', 'loaded'], to: 'lost' },
    found: { from: ['lost'], to: 'in_stock' },
  },
};
// `register` (none → expected) is how a card enters; every card here already has.
const modelRule = (kind: CardKind, type: MovementType): ModelRule | undefined => (type === 'register' ? { from: [], to: 'expected' } : MODEL_RULES[kind][type]);
const legal = (c: Pick<ModelCard, 'kind' | 'state'>, type: MovementType): boolean => modelRule(c.kind, type)?.from.includes(c.state) ?? false;
/** Where a legal movement leaves the card. */
const after = (c: Pick<ModelCard, 'kind' | 'state'>, type: MovementType): CardState => {
  const rule = modelRule(c.kind, type)!;
  return rule.toByFrom?.[c.state] ?? rule.to;
};

// ---- Legal commands ---------------------------------------------------------------------------

type Cmd = fc.Command<Model, Real>;

/**
 * A command on one card: the i-th (modulo) of the cards it applies to in the model, so that a
 * generated command almost always has a card to act on.
 */
abstract class OnCard implements Cmd {
  constructor(readonly i: number) {}
  abstract ok(c: ModelCard, m: Readonly<Model>): boolean;
  abstract act(c: ModelCard, r: Real, m: Model): void;
  private target(m: Readonly<Model>): ModelCard | undefined {
    const candidates = m.cards.filter((c) => this.ok(c, m));
    return candidates[this.i % Math.max(1, candidates.length)];
  }
  check(m: Readonly<Model>): boolean {
    return this.target(m) !== undefined;
  }
  run(m: Model, r: Real): void {
    this.act(this.target(m)!, r, m);
    agree(m, r);
  }
  toString(): string {
    return `${this.constructor.name}(${this.i})`;
  }
}

/** A maker's delivery counted in: a finished card signed in from the province shipment, a blank checked in. */
class ReceiveDelivery extends OnCard {
  ok(c: ModelCard) {
    return c.state === 'expected';
  }
  act(c: ModelCard, r: Real) {
    if (c.kind === 'finished') {
      signInShipment(r.ledger, r.actor[c.site], { number: c.shipment!, operationId: op(), received: [c.no], close: false, signer: r.actor[c.site].name, placeName: SAFE });
    } else {
      writeTx(r.ledger, (tx) =>
        appendMovements(tx, { id: op(), kind: 'receive', operatorId: r.actor[c.site].id }, [
          { cardId: r.cardId.get(c.no)!, type: 'receive', toPlaceId: r.placeId[c.site].safe, counterpartRole: 'custodian', counterpartName: '王建国', method: '按箱清点入库' },
        ]),
      );
    }
    Object.assign(c, { state: 'in_stock', shipment: null, inHopper: false });
  }
}

class Dispatch extends OnCard {
  ok(c: ModelCard) {
    // A defective card goes up the chain only (HB Art. 16: re-made above the office).
    return legal(c, 'dispatch') && !(c.state === 'defective' && c.site === 'root');
  }
  act(c: ModelCard, r: Real) {
    const to = OTHER[c.site];
    const s = dispatchShipment(r.ledger, r.actor[c.site], { toSiteCode: SITE_CODE[to], select: { cards: [c.no] }, method: 'staff' });
    expect(s.cards).toBe(1);
    Object.assign(c, { state: after(c, 'dispatch'), site: to, shipment: s.number, inHopper: false });
  }
}

class SignIn extends OnCard {
  ok(c: ModelCard) {
    return c.state === 'in_transit' || c.state === 'returning';
  }
  act(c: ModelCard, r: Real) {
    const s = signInShipment(r.ledger, r.actor[c.site], { number: c.shipment!, operationId: op(), received: [c.no], close: false, signer: r.actor[c.site].name, placeName: CABINET });
    expect(s.received).toBe(1);
    Object.assign(c, { state: after(c, 'receive'), shipment: null });
  }
}

class Issue extends OnCard {
  ok(c: ModelCard) {
    return c.kind === 'finished' && (c.state === 'in_stock' || c.state === 'recalled');
  }
  act(c: ModelCard, r: Real) {
    const res = issueCard(r.ledger, r.actor[c.site], { operationId: op(), cardNo: c.no, receiver: 'self', holderIdNumber: c.holderId!, chip: null });
    expect(res.status).toBe('issued');
    c.state = 'issued';
  }
}

const AGENT_ID = (() => {
  const first17 = '42010219800101001';
  return first17 + residentIdCheckChar(first17);
})();

class Pickup extends OnCard {
  ok(c: ModelCard) {
    return c.kind === 'finished' && c.state === 'in_stock';
  }
  act(c: ModelCard, r: Real) {
    const p = pickupCards(r.ledger, r.actor[c.site], { operationId: op(), unit: '武汉钢铁', agentName: '王芳', agentIdNumber: AGENT_ID, authorisationRef: 'SQ-1', cards: [c.no] });
    Object.assign(c, { state: 'agent_held', pickup: p.pickupRef });
  }
}

class Settle extends OnCard {
  constructor(
    i: number,
    readonly delivered: boolean,
  ) {
    super(i);
  }
  ok(c: ModelCard) {
    return c.state === 'agent_held';
  }
  act(c: ModelCard, r: Real) {
    settlePickup(r.ledger, r.actor[c.site], { operationId: op(), pickupRef: c.pickup!, ...(this.delivered ? { delivered: [c.no] } : { returned: [c.no] }) });
    Object.assign(c, { state: this.delivered ? 'issued' : 'in_stock', pickup: null });
  }
  override toString() {
    return `Settle(${this.i}, ${this.delivered ? 'delivered' : 'returned'})`;
  }
}

class MailOut extends OnCard {
  ok(c: ModelCard) {
    return legal(c, 'mail');
  }
  act(c: ModelCard, r: Real) {
    const res = mailCard(r.ledger, r.actor[c.site], { operationId: op(), cardNo: c.no, address: '武汉市江岸区解放大道1号', carrier: 'EMS', trackingNo: `EMS${c.no}` });
    expect(res.cardNo).toBe(c.no);
    Object.assign(c, { state: 'mailed', pickup: null });
  }
}

class MailBack extends OnCard {
  constructor(
    i: number,
    readonly delivered: boolean,
  ) {
    super(i);
  }
  ok(c: ModelCard) {
    return c.state === 'mailed';
  }
  act(c: ModelCard, r: Real) {
    const a = r.actor[c.site];
    if (this.delivered) mailDelivered(r.ledger, a, { operationId: op(), cardNo: c.no, code: '5821' });
    else mailReturned(r.ledger, a, { operationId: op(), cardNo: c.no, note: '查无此人' });
    c.state = this.delivered ? 'issued' : 'in_stock';
  }
  override toString() {
    return `${super.toString()}(${this.delivered ? 'delivered' : 'returned'})`;
  }
}

class Recall extends OnCard {
  ok(c: ModelCard) {
    return legal(c, 'recall');
  }
  act(c: ModelCard, r: Real) {
    recallCards(r.ledger, r.actor[c.site], { operationId: op(), cardNos: [c.no], reason: 'unclaimed' });
    Object.assign(c, { state: 'recalled', pickup: null });
  }
}

class End extends OnCard {
  constructor(
    i: number,
    readonly action: 'cancel' | 'seal',
  ) {
    super(i);
  }
  ok(c: ModelCard) {
    return legal(c, this.action);
  }
  act(c: ModelCard, r: Real) {
    endCards(r.ledger, r.actor[c.site], r.approver[c.site], { operationId: op(), cardNos: [c.no], reason: '逾期处理', action: this.action });
    c.state = this.action === 'cancel' ? 'cancelled' : 'sealed';
  }
  override toString() {
    return `${this.action}(${this.i})`;
  }
}

/** The read-check at the counter found the chip unreadable: the card is defective (HB Art. 16). */
class MarkDefective extends OnCard {
  ok(c: ModelCard) {
    return legal(c, 'mark_defective');
  }
  act(c: ModelCard, r: Real) {
    markUnreadable(r.ledger, r.actor[c.site], op(), c.no, '内部认证失败');
    Object.assign(c, { state: 'defective', pickup: null });
  }
}

/** Declared lost before two operators (the movement a closed discrepancy appends). */
class DeclareLost extends OnCard {
  ok(c: ModelCard) {
    return legal(c, 'declare_lost');
  }
  act(c: ModelCard, r: Real) {
    writeTx(r.ledger, (tx) =>
      appendMovements(tx, { id: op(), kind: 'declare_lost', operatorId: r.actor[c.site].id, secondOperatorId: r.approver[c.site].id }, [
        { cardId: r.cardId.get(c.no)!, type: 'declare_lost', reason: '清点缺少，查找无果' },
      ]),
    );
    c.state = 'lost';
  }
}

class Found extends OnCard {
  ok(c: ModelCard) {
    return c.state === 'lost';
  }
  act(c: ModelCard, r: Real) {
    writeTx(r.ledger, (tx) =>
      appendMovements(tx, { id: op(), kind: 'found', operatorId: r.actor[c.site].id }, [
        { cardId: r.cardId.get(c.no)!, type: 'found', toPlaceId: r.placeId[c.site].safe, reason: '在柜底找到', counterpartRole: 'custodian', counterpartName: '王建国' },
      ]),
    );
    Object.assign(c, { state: 'in_stock', inHopper: false, shipment: null });
  }
}

class Transfer extends OnCard {
  ok(c: ModelCard) {
    return legal(c, 'transfer');
  }
  act(c: ModelCard, r: Real) {
    const current = r.ledger.sqlite.prepare('SELECT place_id AS p FROM cards WHERE card_no = ?').get(c.no) as { p: number };
    const to = current.p === r.placeId[c.site].safe ? r.placeId[c.site].cabinet : r.placeId[c.site].safe;
    writeTx(r.ledger, (tx) => appendMovements(tx, { id: op(), kind: 'transfer', operatorId: r.actor[c.site].id }, [{ cardId: r.cardId.get(c.no)!, type: 'transfer', toPlaceId: to }]));
  }
}

class Load extends OnCard {
  ok(c: ModelCard) {
    return legal(c, 'load');
  }
  act(c: ModelCard, r: Real) {
    expect(loadHopper(r.ledger, r.actor[c.site], { operationId: op(), hopper: HOPPER[c.site], cardNos: [c.no] }).loaded).toBe(1);
    Object.assign(c, { state: 'loaded', inHopper: true });
  }
}

/** Every blank in a site's hopper back into its safe. */
class Unload implements Cmd {
  constructor(readonly site: SiteKey) {}
  check(m: Readonly<Model>) {
    return m.cards.some((c) => c.state === 'loaded' && c.site === this.site);
  }
  run(m: Model, r: Real) {
    const inHopper = m.cards.filter((c) => c.state === 'loaded' && c.site === this.site);
    expect(unloadHopper(r.ledger, r.actor[this.site], { operationId: op(), hopper: HOPPER[this.site], toPlace: SAFE }).unloaded).toBe(inHopper.length);
    for (const c of inHopper) Object.assign(c, { state: 'in_stock', inHopper: false });
    agree(m, r);
  }
  toString() {
    return `Unload(${this.site})`;
  }
}

class Consume extends OnCard {
  ok(c: ModelCard) {
    return legal(c, 'consume');
  }
  act(c: ModelCard, r: Real) {
    consumeBlank(r.ledger, r.actor[c.site], { operationId: op(), blankNo: c.no, becameCardNo: `T${c.no.slice(2)}`, holderName: '王小明', holderIdNumber: AGENT_ID });
    c.state = 'consumed';
  }
}

class Spoil extends OnCard {
  ok(c: ModelCard) {
    return legal(c, 'spoil');
  }
  act(c: ModelCard, r: Real) {
    spoilBlank(r.ledger, r.actor[c.site], { operationId: op(), cardNo: c.no, reason: '打印失败' });
    c.state = 'spoiled';
  }
}

/** A spoiled blank destroyed before two people (`sbk prefab destroy`), any other card in the hand-over to the bank. */
class Destroy extends OnCard {
  ok(c: ModelCard) {
    return legal(c, 'destroy');
  }
  act(c: ModelCard, r: Real) {
    if (c.kind === 'prefab' && this.i % 2 === 0) {
      // `sbk prefab destroy` leaves the blank's place as it was (a hopper's bad bin included).
      expect(destroySpoiled(r.ledger, r.actor[c.site], r.approver[c.site], { operationId: op(), cardNos: [c.no], reason: '剪角后碎卡' }).destroyed).toBe(1);
      c.state = 'destroyed';
      return;
    }
    // The hand-over: the card leaves the site's places for the bank.
    const h = handOverForDestruction(r.ledger, r.actor[c.site], r.approver[c.site], { operationId: op(), cardNos: [c.no], counted: 1, bankReceiver: '银行孙丽', reason: '换发、注销废卡' });
    expect(h.cards).toBe(1);
    Object.assign(c, { state: 'destroyed', inHopper: false, shipment: null, pickup: null });
  }
}

/** An old card handed in at the counter of the card's site (GD Art. 32 一(一)). */
class TakeBack extends OnCard {
  ok(c: ModelCard) {
    return legal(c, 'take_back');
  }
  act(c: ModelCard, r: Real) {
    const t = takeBackCard(r.ledger, r.actor[c.site], { operationId: op(), cardNo: c.no, reason: c.state === 'lost' ? 'found' : 'replacement', from: '王小红' });
    expect(t.unknown).toBe(false);
    Object.assign(c, { state: 'taken_back', inHopper: false, shipment: null, pickup: null });
  }
}

let unknownCards = 0;
/** A card the ledger never had, handed in: recorded with its number, take_back its first movement. */
class TakeBackUnknown implements Cmd {
  constructor(readonly site: SiteKey) {}
  check() {
    return true;
  }
  run(m: Model, r: Real) {
    const no = `U${String(++unknownCards).padStart(8, '0')}`;
    const t = takeBackCard(r.ledger, r.actor[this.site], { operationId: op(), cardNo: no, reason: 'found', from: '路人甲' });
    expect(t).toMatchObject({ unknown: true, fromState: 'none' });
    r.cardId.set(no, (r.ledger.sqlite.prepare('SELECT id FROM cards WHERE card_no = ?').get(no) as { id: number }).id);
    m.cards.push({ no, kind: 'finished', state: 'taken_back', site: this.site, inHopper: false, shipment: null, pickup: null, holderId: null });
    agree(m, r);
  }
  toString() {
    return `TakeBackUnknown(${this.site})`;
  }
}

// ---- Commands the ledger must refuse ---------------------------------------------------------

/**
 * Every movement type the model does not allow from the card's state (or for its kind), each
 * straight to appendMovements with everything else the movement needs: only the transition is wrong.
 */
class IllegalMovements extends OnCard {
  ok(c: ModelCard) {
    return MOVEMENT_TYPES.some((t) => !legal(c, t));
  }
  act(c: ModelCard, r: Real) {
    allRefused(r, MOVEMENT_TYPES.filter((t) => !legal(c, t)).map((type) => () => {
      const rule = modelRule(c.kind, type);
      const site = c.site;
      const to = type === 'dispatch' ? OTHER[site] : site;
      const move: MovementInput = {
        cardId: r.cardId.get(c.no)!,
        type,
        toSiteId: r.siteId[to],
        toPlaceId: type === 'dispatch' ? null : rule?.to === 'loaded' ? r.placeId[to].hopper : r.placeId[to].safe,
        counterpartRole: 'receiver',
        counterpartName: '某人',
        reason: '测试',
      };
      refused(
        r,
        [rule ? 'TRANSITION_ILLEGAL' : 'TRANSITION_NOT_FOR_KIND'],
        () => writeTx(r.ledger, (tx) => appendMovements(tx, { id: op(), kind: type, operatorId: r.actor[site].id, secondOperatorId: r.approver[site].id }, [move])),
        quickCounts,
      );
    }));
  }
}

type WorkflowAction = 'issue' | 'recall' | 'dispatch' | 'pickup' | 'load' | 'spoil' | 'consume' | 'cancel' | 'seal' | 'destroy' | 'defective' | 'take_back' | 'handover';
const WORKFLOW_ACTIONS: WorkflowAction[] = ['issue', 'recall', 'dispatch', 'pickup', 'load', 'spoil', 'consume', 'cancel', 'seal', 'destroy', 'defective', 'take_back', 'handover'];

/** The workflows behind the screens and commands, asked for everything the card's state does not allow. */
class IllegalViaWorkflows extends OnCard {
  private static allowed(c: ModelCard, action: WorkflowAction): boolean {
    switch (action) {
      case 'issue':
        return new Issue(0).ok(c);
      case 'pickup':
        return new Pickup(0).ok(c);
      case 'defective':
        return legal(c, 'mark_defective');
      case 'handover':
        return legal(c, 'destroy');
      default:
        return legal(c, action);
    }
  }
  ok(c: ModelCard) {
    return WORKFLOW_ACTIONS.some((a) => !IllegalViaWorkflows.allowed(c, a));
  }
  act(c: ModelCard, r: Real) {
    const a = r.actor[c.site];
    const run: Record<WorkflowAction, () => unknown> = {
      issue: () => issueCard(r.ledger, a, { operationId: op(), cardNo: c.no, receiver: 'self', holderIdNumber: c.holderId ?? AGENT_ID, chip: null }),
      recall: () => recallCards(r.ledger, a, { operationId: op(), cardNos: [c.no], reason: 'unclaimed' }),
      dispatch: () => dispatchShipment(r.ledger, a, { toSiteCode: SITE_CODE[OTHER[c.site]], select: { cards: [c.no] }, method: 'staff' }),
      pickup: () => pickupCards(r.ledger, a, { operationId: op(), unit: '武汉钢铁', agentName: '王芳', agentIdNumber: AGENT_ID, authorisationRef: 'SQ-1', cards: [c.no] }),
      load: () => loadHopper(r.ledger, a, { operationId: op(), hopper: HOPPER[c.site], cardNos: [c.no] }),
      spoil: () => spoilBlank(r.ledger, a, { operationId: op(), cardNo: c.no, reason: '打印失败' }),
      consume: () => consumeBlank(r.ledger, a, { operationId: op(), blankNo: c.no, becameCardNo: 'T99999999', holderName: '王小明', holderIdNumber: AGENT_ID }),
      cancel: () => endCards(r.ledger, a, r.approver[c.site], { operationId: op(), cardNos: [c.no], reason: '逾期', action: 'cancel' }),
      seal: () => endCards(r.ledger, a, r.approver[c.site], { operationId: op(), cardNos: [c.no], reason: '逾期', action: 'seal' }),
      destroy: () => destroySpoiled(r.ledger, a, r.approver[c.site], { operationId: op(), cardNos: [c.no], reason: '碎卡' }),
      defective: () => markUnreadable(r.ledger, a, op(), c.no, '内部认证失败'),
      take_back: () => takeBackCard(r.ledger, a, { operationId: op(), cardNo: c.no, reason: 'found', from: '王小红' }),
      handover: () => handOverForDestruction(r.ledger, a, r.approver[c.site], { operationId: op(), cardNos: [c.no], counted: 1, bankReceiver: '银行孙丽', reason: '碎卡' }),
    };
    allRefused(r, WORKFLOW_ACTIONS.filter((x) => !IllegalViaWorkflows.allowed(c, x)).map((action) => () => refused(r, null, run[action], quickCounts)));
  }
}

const SENSITIVE = ['cancel', 'seal', 'destroy', 'declare_lost'] as const;

/**
 * Every sensitive action the state allows, approved by the operator themself or by no one:
 * through the workflow (cancel, seal, destroy) and straight to appendMovements, so the state
 * machine's own check is tested as well as the workflows'.
 */
class SelfApproved extends OnCard {
  ok(c: ModelCard) {
    return SENSITIVE.some((a) => legal(c, a));
  }
  act(c: ModelCard, r: Real) {
    // The supervisor acts and approves (or nobody approves) their own action.
    const sup = r.approver[c.site];
    const attempts: (() => void)[] = [];
    for (const action of SENSITIVE.filter((a) => legal(c, a))) {
      for (const noApprover of [false, true]) {
        attempts.push(() =>
          refused(
            r,
            [noApprover ? 'SECOND_OPERATOR_REQUIRED' : 'SECOND_OPERATOR_SAME'],
            () =>
              writeTx(r.ledger, (tx) =>
                appendMovements(tx, { id: op(), kind: action, operatorId: sup.id, secondOperatorId: noApprover ? null : sup.id }, [{ cardId: r.cardId.get(c.no)!, type: action, reason: '找不到' }]),
              ),
            quickCounts,
          ),
        );
      }
      if (action === 'destroy') attempts.push(() => refused(r, ['SECOND_OPERATOR_SAME'], () => destroySpoiled(r.ledger, sup, sup, { operationId: op(), cardNos: [c.no], reason: '碎卡' }), quickCounts));
      if (action === 'destroy') {
        attempts.push(() =>
          refused(r, ['SECOND_OPERATOR_SAME'], () => handOverForDestruction(r.ledger, sup, sup, { operationId: op(), cardNos: [c.no], counted: 1, bankReceiver: '银行孙丽', reason: '碎卡' }), quickCounts),
        );
      }
      if (action === 'cancel' || action === 'seal') attempts.push(() => refused(r, ['SECOND_OPERATOR_SAME'], () => endCards(r.ledger, sup, sup, { operationId: op(), cardNos: [c.no], reason: '逾期', action }), quickCounts));
    }
    allRefused(r, attempts);
  }
}

/** Someone else's ID card shown at the counter. */
class WrongHolder extends OnCard {
  ok(c: ModelCard, m: Readonly<Model>) {
    return new Issue(0).ok(c) && m.cards.some((o) => o.holderId && o.holderId !== c.holderId);
  }
  act(c: ModelCard, r: Real, m: Model) {
    const other = m.cards.find((o) => o.holderId && o.holderId !== c.holderId)!;
    refused(r, ['HOLDER_ID_MISMATCH'], () => issueCard(r.ledger, r.actor[c.site], { operationId: op(), cardNo: c.no, receiver: 'self', holderIdNumber: other.holderId!, chip: null }));
  }
}

// ---- The property -------------------------------------------------------------------------------

const N = N_FINISHED + N_PREFAB;
const idx = fc.nat({ max: N - 1 });
const commands = [
  idx.map((i) => new ReceiveDelivery(i)),
  idx.map((i) => new Dispatch(i)),
  idx.map((i) => new SignIn(i)),
  idx.map((i) => new Issue(i)),
  idx.map((i) => new Pickup(i)),
  fc.tuple(idx, fc.boolean()).map(([i, d]) => new Settle(i, d)),
  idx.map((i) => new Recall(i)),
  idx.map((i) => new MailOut(i)),
  fc.tuple(idx, fc.boolean()).map(([i, d]) => new MailBack(i, d)),
  fc.tuple(idx, fc.constantFrom('cancel' as const, 'seal' as const)).map(([i, a]) => new End(i, a)),
  idx.map((i) => new MarkDefective(i)),
  idx.map((i) => new DeclareLost(i)),
  idx.map((i) => new Found(i)),
  idx.map((i) => new Transfer(i)),
  idx.map((i) => new Load(i)),
  fc.constantFrom<SiteKey>('root', 'office').map((s) => new Unload(s)),
  idx.map((i) => new Consume(i)),
  idx.map((i) => new Spoil(i)),
  idx.map((i) => new Destroy(i)),
  idx.map((i) => new TakeBack(i)),
  fc.constantFrom<SiteKey>('root', 'office').map((s) => new TakeBackUnknown(s)),
  idx.map((i) => new IllegalMovements(i)),
  idx.map((i) => new IllegalViaWorkflows(i)),
  idx.map((i) => new SelfApproved(i)),
  idx.map((i) => new WrongHolder(i)),
];

describe('the card state machine, model-based on a real ledger', () => {
  it('the code’s transition table is the model’s (a change to either must be made in both, on purpose)', () => {
    type T = { kind: string; from: string; type: string; to: string };
    const model: T[] = (['finished', 'prefab'] as const).flatMap((kind) =>
      MOVEMENT_TYPES.flatMap((type): T[] => {
        const r = modelRule(kind, type);
        return type === 'register' ? [{ kind, from: 'none', type, to: 'expected' }] : (r?.from ?? []).map((from) => ({ kind, from, type, to: (from === 'none' ? undefined : r!.toByFrom?.[from]) ?? r!.to }));
      }),
    );
    const key = (t: T) => `${t.kind} ${t.from} -${t.type}-> ${t.to}`;
    expect(allowedTransitions().map(key).sort()).toEqual(model.map(key).sort());
    // The sensitive ones need a second operator.
    const second = (['finished', 'prefab'] as const).flatMap((k) => MOVEMENT_TYPES.filter((t) => ruleFor(k, t)?.secondOperator).map((t) => `${k}:${t}`));
    expect(second.sort()).toEqual(['finished:cancel', 'finished:declare_lost', 'finished:destroy', 'finished:seal', 'prefab:declare_lost', 'prefab:destroy']);
  });

  it(
    'random operation sequences: the ledger agrees with the model after every command, refuses what the model refuses, and verifies',
    () => {
      let commandsRun = 0;
      fc.assert(
        fc.property(fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max' }), (cmds) => {
          const s = setup();
          fc.modelRun(() => s, cmds);
          commandsRun += s.model.steps;
          expectVerified(s.real.ledger);
        }),
        { numRuns: NUM_RUNS },
      );
      expect(commandsRun).toBeGreaterThan(NUM_RUNS * 5);
    },
    LONG ? 1_800_000 : 60_000,
  );

  it('every state of both kinds is reachable by the commands above (the model covers the machine)', () => {
    // Replays one fixed path through every state, so a command that silently stopped applying would show.
    const s = setup();
    const { model: m, real: r } = s;
    const run = (c: Cmd) => {
      expect(c.check(m), c.toString()).toBe(true);
      c.run(m, r);
    };
    /** The command on the card at index i of the model (finished f0-f5, prefab p0-p5). */
    const on = (c: OnCard, i: number) => {
      const target = m.cards[i]!;
      expect(c.ok(target, m), `${c.toString()} on ${target.no} (${target.state})`).toBe(true);
      c.act(target, r, m);
      agree(m, r);
    };
    const seen = new Set<string>();
    const note = () => m.cards.forEach((c) => seen.add(`${c.kind}:${c.state}`));
    note();
    const [f0, f1, f2, f3, f4, f5] = [0, 1, 2, 3, 4, 5];
    const [p0, p1, p2, p3, p4] = [6, 7, 8, 9, 10];
    for (const i of [f0, f1, f2, f3, f4, p0, p1, p2, p3, p4]) on(new ReceiveDelivery(0), i);
    on(new Dispatch(0), f0);
    note();
    on(new SignIn(0), f0);
    on(new Issue(0), f0);
    on(new Pickup(0), f1);
    note();
    on(new Settle(0, false), f1);
    on(new Recall(0), f1);
    note();
    on(new End(0, 'cancel'), f1);
    on(new End(0, 'seal'), f2);
    // A card found defective at the office goes up to be re-made (HB Art. 16): returning on the
    // way, defective again at the city.
    on(new Dispatch(0), f3);
    on(new SignIn(0), f3);
    on(new MarkDefective(0), f3);
    on(new Dispatch(0), f3);
    note();
    expect(m.cards[f3]!.state).toBe('returning');
    on(new SignIn(0), f3);
    expect(m.cards[f3]).toMatchObject({ state: 'defective', site: 'root' });
    on(new DeclareLost(0), f4);
    note();
    on(new Found(0), f4);
    on(new Transfer(0), f4);
    // By post (GD Art. 14), and back undeliverable into stock.
    on(new MailOut(0), f4);
    note();
    on(new MailBack(0, false), f4);
    on(new DeclareLost(0), f5);
    note();
    // The ways back: an issued card and a lost one handed in, one the ledger never had, and the
    // hand-over of old, cancelled and defective cards to the bank (GD Art. 32; HB Art. 33).
    on(new TakeBack(0), f0);
    note();
    on(new TakeBack(0), f5);
    run(new TakeBackUnknown('office'));
    on(new SelfApproved(0), f0);
    on(new Destroy(1), f0);
    on(new Destroy(1), f1);
    on(new Destroy(1), f3);
    note();
    on(new Load(0), p0);
    on(new Load(0), p1);
    note();
    on(new Consume(0), p0);
    run(new Unload('root'));
    on(new Spoil(0), p2);
    note();
    on(new SelfApproved(0), p2); // destroy, by oneself or no one
    on(new Destroy(0), p2);
    on(new Dispatch(0), p3);
    note();
    on(new DeclareLost(0), p4);
    note();
    for (const i of [f0, f1, f2, f3, f4, f5, p0, p1, p2, p3, p4]) {
      on(new IllegalMovements(0), i);
      on(new IllegalViaWorkflows(0), i);
    }
    for (const i of [f4, p1]) on(new SelfApproved(0), i);
    on(new WrongHolder(0), f4);
    const finished = ['expected', 'in_transit', 'in_stock', 'agent_held', 'issued', 'recalled', 'cancelled', 'sealed', 'defective', 'lost', 'returning', 'taken_back', 'destroyed', 'mailed'];
    const all = [...finished.map((x) => `finished:${x}`), ...['expected', 'in_transit', 'in_stock', 'loaded', 'consumed', 'spoiled', 'destroyed', 'lost'].map((x) => `prefab:${x}`)];
    expect([...seen].sort()).toEqual(all.sort());
    expectVerified(r.ledger);
  });
});
