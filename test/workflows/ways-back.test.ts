/**
 * The ways back on the demo ledger: the re-make list (HB Art. 16), taking back an old card at the
 * counter (GD Art. 32 一(一)), the destruction hand-over to the service bank (GD Art. 32 二; HB
 * Art. 33), and `verify` clean after each. 江岸 (420102-01) has a defective card A10000018, issued
 * cards A10000001…, cards in stock A10000019…; 张伟 is its clerk, 赵敏 its supervisor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoLedger } from '../../src/workflows/demo-ledger.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { remakeCsv, remakeList } from '../../src/workflows/remake-list.ts';
import { takeBackCard } from '../../src/workflows/take-back.ts';
import { handOverForDestruction, saveDestructionSheet } from '../../src/workflows/destruction-handover.ts';
import { dispatchShipment } from '../../src/workflows/shipment-dispatch.ts';
import { signInShipment } from '../../src/workflows/shipment-sign-in.ts';
import { endCards } from '../../src/workflows/recall.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { registerCards } from '../../db/register-cards.ts';
import { closeLedger, type Ledger } from '../../db/open-ledger.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { sbkCode } from '../helpers/error-code.ts';

const EVENING = new Date('2026-12-07T19:00:00+08:00');

let ledger: Ledger;
let zhangwei: Actor;
let zhaomin: Actor;
let admin: Actor;
let lijuan: Actor;
let sunli: Actor;
let n = 0;
const opId = () => `ways-back-test-${++n}`;

const stateOf = (cardNo: string): { state: string; site: string; place: string | null } =>
  ledger.sqlite
    .prepare('SELECT c.state, s.code AS site, p.name AS place FROM cards c JOIN sites s ON s.id = c.site_id LEFT JOIN places p ON p.id = c.place_id WHERE c.card_no = ?')
    .get(cardNo) as { state: string; site: string; place: string | null };
const counts = () => ledger.sqlite.prepare('SELECT (SELECT count(*) FROM movements) m, (SELECT count(*) FROM operations) o, (SELECT count(*) FROM cards) c, (SELECT count(*) FROM holders) h').get();
function expectVerified(): void {
  const v = verifyLedger(ledger);
  expect(v.problems).toEqual([]);
  expect(v.ok).toBe(true);
}
const ID = (first17: string) => first17 + residentIdCheckChar(first17);

beforeAll(() => {
  ({ ledger } = createDemoLedger(join(tempDir(), 'demo.db'), EVENING));
  zhangwei = authenticate(ledger, 'zhangwei', '357902');
  zhaomin = authenticate(ledger, 'zhaomin', '468013');
  admin = authenticate(ledger, 'admin', '135790');
  lijuan = authenticate(ledger, 'lijuan', '246801');
  sunli = authenticate(ledger, 'sunli', '680135');
}, 120_000);
afterAll(() => closeLedger(ledger));

describe('the re-make list (HB Art. 16)', () => {
  it('lists a defective card at its office, with the reason, masked holder and no newer card; scoped to the subtree', () => {
    const rows = remakeList(ledger, zhangwei);
    expect(rows.map((r) => r.cardNo)).toEqual(['A10000018']);
    expect(rows[0]).toMatchObject({ state: 'defective', site: { code: '420102-01' }, newerCardNo: null });
    expect(rows[0]!.reason).toBeTruthy();
    expect(rows[0]!.holderIdMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(remakeList(ledger, admin).map((r) => r.cardNo)).toContain('A10000018');
    expect(remakeList(ledger, admin, { siteCode: '420103-01' })).toEqual([]);
    expect(sbkCode(() => remakeList(ledger, zhangwei, { siteCode: '420103-01' }))).toBe('SITE_OUT_OF_SCOPE');
    expect(remakeCsv(rows).split('\n')[1]).toContain('A10000018');
  });

  it('follows the card up the chain: returning on its way, defective again at the city, still on the list', () => {
    const s = dispatchShipment(ledger, zhangwei, { toSiteCode: '420100', select: { cards: ['A10000018'] }, method: 'staff' });
    expect(stateOf('A10000018')).toMatchObject({ state: 'returning', site: '420100' });
    expect(remakeList(ledger, admin).find((r) => r.cardNo === 'A10000018')?.state).toBe('returning');
    signInShipment(ledger, admin, { number: s.number, operationId: opId(), received: ['A10000018'], close: true, signer: admin.name, placeName: '成品卡库A架' });
    expect(stateOf('A10000018')).toMatchObject({ state: 'defective', site: '420100', place: '成品卡库A架' });
    const row = remakeList(ledger, admin).find((r) => r.cardNo === 'A10000018');
    expect(row).toMatchObject({ state: 'defective', site: { code: '420100' }, place: '成品卡库A架' });
    // No longer at 江岸: its own list no longer has it.
    expect(remakeList(ledger, zhangwei)).toEqual([]);
    // The re-made card registered for the same holder shows as the newer card.
    const h = ledger.sqlite.prepare("SELECT h.id_type AS idType, h.id_number AS idNumber, h.name FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.card_no = 'A10000018'").get() as { idType: string; idNumber: string; name: string };
    writeTx(ledger, (tx) => registerCards(tx, { id: opId(), kind: 'register', operatorId: admin.id }, null, admin.siteId, [{ kind: 'finished', cardNo: 'R10000018', bank: '中国工商银行', maker: '金邦达', holder: h }], { refKind: 'register', refId: 'remake-test' }));
    expect(remakeList(ledger, admin).find((r) => r.cardNo === 'A10000018')?.newerCardNo).toBe('R10000018');
    expectVerified();
  });
});

describe('taking back an old card at the counter (GD Art. 32 一(一))', () => {
  it('takes back an issued card into a storage place; a retry of the same operation writes nothing', () => {
    const op = opId();
    const r = takeBackCard(ledger, zhangwei, { operationId: op, cardNo: 'a10000001', reason: 'replacement', from: '王小红' });
    expect(r).toMatchObject({ cardNo: 'A10000001', fromState: 'issued', unknown: false, place: '保险柜1', replayed: false });
    expect(stateOf('A10000001')).toMatchObject({ state: 'taken_back', site: '420102-01', place: '保险柜1' });
    const before = counts();
    expect(takeBackCard(ledger, zhangwei, { operationId: op, cardNo: 'A10000001', reason: 'replacement', from: '王小红' })).toMatchObject({ replayed: true, cardNo: 'A10000001', fromState: 'issued' });
    expect(counts()).toEqual(before);
    expectVerified();
  });

  it('records a card the ledger never had with its number (found), take_back its first movement; idempotent', () => {
    const op = opId();
    const holderId = ID('42010219700101002');
    const r = takeBackCard(ledger, zhangwei, { operationId: op, cardNo: 'Z99000001', reason: 'found', from: '路人甲', idNumber: holderId, holderName: '钱多多', placeName: '发卡柜' });
    expect(r).toMatchObject({ cardNo: 'Z99000001', fromState: 'none', unknown: true, place: '发卡柜' });
    const row = ledger.sqlite.prepare('SELECT c.kind, c.bank, c.maker, c.state, h.name FROM cards c LEFT JOIN holders h ON h.id = c.holder_id WHERE card_no = ?').get('Z99000001');
    expect(row).toEqual({ kind: 'finished', bank: '未知', maker: '未知', state: 'taken_back', name: '钱多多' });
    const first = ledger.sqlite.prepare("SELECT m.type, m.from_state AS f FROM movements m JOIN cards c ON c.id = m.card_id WHERE c.card_no = 'Z99000001'").all();
    expect(first).toEqual([{ type: 'take_back', f: 'none' }]);
    const before = counts();
    expect(takeBackCard(ledger, zhangwei, { operationId: op, cardNo: 'Z99000001', reason: 'found', from: '路人甲', idNumber: holderId })).toMatchObject({ replayed: true, unknown: true });
    expect(counts()).toEqual(before);
    expectVerified();
  });

  it('registers a found card of a holder on any accepted document: typed, or guessed from the number (HB Art. 5)', () => {
    const permit = ID('81000019900101001');
    takeBackCard(ledger, zhangwei, { operationId: opId(), cardNo: 'Z99000002', reason: 'found', from: '路人乙', idNumber: permit, holderName: '陈港生' });
    takeBackCard(ledger, zhangwei, { operationId: opId(), cardNo: 'Z99000003', reason: 'found', from: '路人丙', idNumber: 'E12345678', idType: '外国人护照', holderName: 'SMITH JOHN' });
    const types = ledger.sqlite.prepare("SELECT c.card_no AS no, h.id_type AS t FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.card_no IN ('Z99000002', 'Z99000003') ORDER BY 1").all();
    expect(types).toEqual([{ no: 'Z99000002', t: 'hmt_residence_permit' }, { no: 'Z99000003', t: 'foreign_passport' }]);
    const before = counts();
    // A residence permit number with a wrong check character is still refused, as the permit it is.
    const bad = permit.slice(0, 17) + (permit[17] === '1' ? '2' : '1');
    expect(sbkCode(() => takeBackCard(ledger, zhangwei, { operationId: opId(), cardNo: 'Z99000004', reason: 'found', from: '某人', idNumber: bad }))).toBe('ID_CHECKSUM');
    expect(sbkCode(() => takeBackCard(ledger, zhangwei, { operationId: opId(), cardNo: 'Z99000004', reason: 'found', from: '某人', idNumber: 'E87654321', idType: '驾驶证' }))).toBe('ID_DOC_TYPE');
    expect(counts()).toEqual(before);
    expectVerified();
  });

  it('refuses a card in stock (the state machine), a wrong holder ID, no giver; nothing written', () => {
    const before = counts();
    expect(sbkCode(() => takeBackCard(ledger, zhangwei, { operationId: opId(), cardNo: 'A10000019', reason: 'found', from: '某人' }))).toBe('TRANSITION_ILLEGAL');
    expect(sbkCode(() => takeBackCard(ledger, zhangwei, { operationId: opId(), cardNo: 'A10000002', reason: 'cancellation', from: '某人', idNumber: ID('42010219700101003') }))).toBe('HOLDER_ID_MISMATCH');
    expect(sbkCode(() => takeBackCard(ledger, zhangwei, { operationId: opId(), cardNo: 'A10000002', reason: 'cancellation', from: '  ' }))).toBe('COUNTERPART_REQUIRED');
    // A number the ledger never had must still be a card number.
    expect(sbkCode(() => takeBackCard(ledger, zhangwei, { operationId: opId(), cardNo: 'XYZ', reason: 'found', from: '某人' }))).toBe('CARD_NUMBER');
    expect(counts()).toEqual(before);
  });
});

describe('the destruction hand-over (GD Art. 32 二; HB Art. 33; GD Art. 36)', () => {
  it('refuses a count that differs, a missing or self approver, an issued card, a card elsewhere; nothing written', () => {
    const before = counts();
    const base = { cardNos: ['A10000001', 'Z99000001'], counted: 2, bankReceiver: '银行孙丽', reason: '换发旧卡' };
    expect(sbkCode(() => handOverForDestruction(ledger, zhangwei, zhaomin, { ...base, operationId: opId(), counted: 3 }))).toBe('DESTROY_COUNT_MISMATCH');
    expect(sbkCode(() => handOverForDestruction(ledger, zhaomin, zhaomin, { ...base, operationId: opId() }))).toBe('SECOND_OPERATOR_SAME');
    expect(sbkCode(() => handOverForDestruction(ledger, zhangwei, zhangwei, { ...base, operationId: opId() }))).toBe('SECOND_OPERATOR_SAME');
    expect(sbkCode(() => handOverForDestruction(ledger, zhangwei, zhaomin, { ...base, operationId: opId(), bankReceiver: ' ' }))).toBe('COUNTERPART_REQUIRED');
    expect(sbkCode(() => handOverForDestruction(ledger, zhangwei, zhaomin, { ...base, operationId: opId(), cardNos: ['A10000001', 'A10000003'] }))).toBe('TRANSITION_ILLEGAL');
    expect(sbkCode(() => handOverForDestruction(ledger, zhangwei, zhaomin, { ...base, operationId: opId(), cardNos: ['A10000018'], counted: 1 }))).toBe('CARD_NOT_HERE');
    expect(counts()).toEqual(before);
    expect(stateOf('A10000001').state).toBe('taken_back');
  });

  it('hands over counted cards in one operation with a reference and a sheet; a retry writes nothing; verify is clean', () => {
    // A cancelled card joins the old ones (GD Art. 32 二: 注销的卡).
    endCards(ledger, zhangwei, zhaomin, { operationId: opId(), cardNos: ['A10000019'], reason: '持卡人死亡', action: 'cancel' });
    const op = opId();
    const r = handOverForDestruction(ledger, zhangwei, zhaomin, { operationId: op, cardNos: ['A10000001', 'Z99000001', 'A10000019'], counted: 3, bankReceiver: '银行孙丽', reason: '换发、注销废卡' });
    expect(r).toMatchObject({ cards: 3, bankReceiver: '银行孙丽', approver: '赵敏', replayed: false });
    expect(r.ref).toMatch(/^XH-420102-01-\d{8}-01$/);
    for (const no of ['A10000001', 'Z99000001', 'A10000019']) expect(stateOf(no)).toMatchObject({ state: 'destroyed', place: null });
    const moves = ledger.sqlite.prepare('SELECT DISTINCT ref_kind AS k, ref_id AS id, counterpart_name AS who, second_operator_id AS second FROM movements WHERE operation_id = ?').all(op);
    expect(moves).toEqual([{ k: 'destroy', id: r.ref, who: '银行孙丽', second: zhaomin.id }]);
    const path = saveDestructionSheet(ledger, r.sheet!);
    const text = readFileSync(path, 'utf8');
    expect(path).toContain(`销毁移交单-${r.ref}.txt`);
    expect(text).toContain('社会保障卡销毁移交单');
    expect(text).toContain('共 3 张（经办人清点 3 张）');
    expect(text).toContain('成品卡 · 已收回旧卡：2 张');
    expect(text).toContain('服务银行接收人签字');
    expect(text).not.toMatch(/\d{17}[\dX]/);
    const before = counts();
    expect(handOverForDestruction(ledger, zhangwei, zhaomin, { operationId: op, cardNos: ['A10000001', 'Z99000001', 'A10000019'], counted: 3, bankReceiver: '银行孙丽', reason: '换发、注销废卡' })).toMatchObject({ replayed: true, cards: 3, ref: r.ref, sheet: null });
    expect(counts()).toEqual(before);
    expectVerified();
  });

  it('--all-ended takes every destroyable card at the site, spoiled blanks included, and numbers the next sheet', () => {
    const blanks = ledger.sqlite.prepare("SELECT count(*) AS n FROM cards c JOIN sites s ON s.id = c.site_id WHERE s.code = '420102-B01' AND c.state = 'spoiled'").get() as { n: number };
    expect(blanks.n).toBeGreaterThan(0);
    expect(sbkCode(() => handOverForDestruction(ledger, sunli, lijuan, { operationId: opId(), allEnded: true, counted: blanks.n + 1, bankReceiver: '银行孙丽', reason: '作废预制卡' }))).toBe('DESTROY_COUNT_MISMATCH');
    const r = handOverForDestruction(ledger, sunli, lijuan, { operationId: opId(), allEnded: true, counted: blanks.n, bankReceiver: '银行孙丽', reason: '作废预制卡' });
    expect(r.cards).toBe(blanks.n);
    expect(r.sheet?.cards.every((c) => c.kind === 'prefab')).toBe(true);
    expect(sbkCode(() => handOverForDestruction(ledger, sunli, lijuan, { operationId: opId(), allEnded: true, counted: 0, bankReceiver: '银行孙丽', reason: '作废预制卡' }))).toBe('SELECTION_EMPTY');
    expectVerified();
  });
});
