import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { authenticate, authenticateApprover } from '../../src/workflows/authenticate.ts';
import { type Actor } from '../../src/domain/actor.ts';
import { addOperator } from '../../src/workflows/operators.ts';
import { importMakerFile } from '../../src/workflows/import-maker-file.ts';
import { writeMakerFile, syntheticMakerRows } from '../../src/domain/maker-file-writer.ts';
import { cancelShipment, createShipment, dispatchDestinations, dispatchShipment, sendShipment } from '../../src/workflows/shipment-dispatch.ts';
import { listShipments, shipmentDetail, shipmentSummary, handoverSheet } from '../../src/workflows/shipment-list.ts';
import { signInShipment, startSignIn } from '../../src/workflows/shipment-sign-in.ts';
import { batchRegister } from '../../src/workflows/batch-register.ts';
import { declareLost, resolveFound } from '../../src/workflows/discrepancy-resolve.ts';
import { openDiscrepancies } from '../../src/workflows/check-in.ts';
import { saveHandoverSheet } from '../../src/workflows/shipment-export.ts';
import { changeSetting } from '../../src/workflows/settings.ts';
import { formatHandoverText } from '../../src/domain/handover-sheet-format.ts';
import { WorkingCalendar } from '../../src/domain/calendar.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { ADMIN, freshLedger, tempDir } from '../helpers/temp-ledger.ts';
import { sbkCode } from '../helpers/error-code.ts';

const BATCH = '2026110501';
const COUNTY = '420102';
const OFFICE = '420102-01';

function makerFile(batch: string, n: number, prefix: string, seed: number) {
  const f = writeMakerFile(
    'finished',
    { bank: '中国建设银行', cityBody: '武汉市社保卡管理中心', batch, maker: '东信和平', bankCode: '105521000011', time: '20261120093000' },
    syntheticMakerRows('finished', n, seed, { cardPrefix: prefix, boxSize: 20 }),
  );
  return { fileName: f.fileName, bytes: new TextEncoder().encode(f.text) };
}

function setup() {
  const f = freshLedger();
  const admin = authenticate(f.ledger, ADMIN.login, ADMIN.pin);
  const add = (login: string, name: string, role: 'clerk' | 'supervisor', siteCode: string, pin: string) => {
    addOperator(f.ledger, admin, { login, name, role, siteCode, pin });
    return authenticate(f.ledger, login, pin);
  };
  return {
    ...f,
    admin,
    city: add('lijuan', '李娟', 'supervisor', '420100', '246801'),
    county: add('wangfang', '王芳', 'clerk', COUNTY, '357902'),
    countySup: add('zhaomin', '赵敏', 'supervisor', COUNTY, '468013'),
    office: add('zhangwei', '张伟', 'clerk', OFFICE, '579024'),
    // Custodians: operators of their sites (a custodian is chosen from them, never typed freely).
    cityKeeper: add('chengang', '陈刚', 'clerk', '420100', '680135'),
    officeKeeper: add('liumin', '刘敏', 'clerk', OFFICE, '791246'),
  };
}

/** Every card of the batch as the register sees it from the city: state, site, place, custodian. */
function where(ledger: Ledger, actor: Actor) {
  return new Map(batchRegister(ledger, actor, BATCH).rows.map((r) => [r.cardNo, { state: r.state, site: r.siteCode, place: r.placeName, heldBy: r.heldBy }]));
}

function snapshot(ledger: Ledger) {
  return ledger.sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM movements) m, (SELECT count(*) FROM shipment_events) e, (SELECT count(*) FROM discrepancies) d,
              (SELECT count(*) FROM operations) o, (SELECT group_concat(state || site_id, ',') FROM cards) s`,
    )
    .get();
}

const cal = (): WorkingCalendar => loadCalendar();

describe('signers and custodians are operators of the receiving site', () => {
  it('refuses a free-text name, someone of another site and a locked account, writing nothing; takes a 工号 or a name', () => {
    const { ledger, city } = setup();
    const cards = syntheticMakerRows('finished', 4, 9, { cardPrefix: 'W7', boxSize: 20 }).map((r) => r.cardNo);
    importMakerFile(ledger, city, makerFile(BATCH, 4, 'W7', 9));
    const input = { number: `P-${BATCH}`, received: cards, close: true, placeName: '保险柜1' };
    const before = snapshot(ledger);
    // "张" was accepted once and is in a card's history as its custodian: no more.
    expect(sbkCode(() => signInShipment(ledger, city, { ...input, operationId: randomUUID(), signer: '李娟', custodian: '张' }))).toBe('NOT_SITE_OPERATOR');
    expect(() => signInShipment(ledger, city, { ...input, operationId: randomUUID(), signer: '李娟', custodian: '张' })).toThrow(/保管人“张”不是本网点的操作员[\s\S]*陈刚（chengang）/);
    expect(sbkCode(() => signInShipment(ledger, city, { ...input, operationId: randomUUID(), signer: '快递员' }))).toBe('NOT_SITE_OPERATOR');
    // 张伟 is an operator, but of the office, not of the city.
    expect(sbkCode(() => signInShipment(ledger, city, { ...input, operationId: randomUUID(), signer: '李娟', custodian: 'zhangwei' }))).toBe('NOT_SITE_OPERATOR');
    for (let i = 0; i < 5; i++) expect(() => authenticate(ledger, 'chengang', '000000')).toThrow();
    expect(sbkCode(() => signInShipment(ledger, city, { ...input, operationId: randomUUID(), signer: '李娟', custodian: 'chengang' }))).toBe('NOT_SITE_OPERATOR');
    expect(snapshot(ledger)).toEqual(before);
    // A 工号 names the operator; the history records the name.
    signInShipment(ledger, city, { ...input, operationId: randomUUID(), signer: 'LIJUAN', custodian: 'lijuan' });
    expect([...where(ledger, city).values()].map((c) => c.heldBy)).toEqual(cards.map(() => '李娟'));
  });
});

describe('shipments: one batch through four levels', () => {
  it('province → city → county → office and back to the city, with a short box, an extra and a damaged card', () => {
    const { ledger, city, county, countySup, office } = setup();
    const cards = syntheticMakerRows('finished', 40, 7, { cardPrefix: 'W5', boxSize: 20 }).map((r) => r.cardNo);
    const box1 = cards.slice(0, 20);
    const box2 = cards.slice(20);

    // 1. The province step: the maker's file arriving at the city is the province's shipment.
    const imported = importMakerFile(ledger, city, makerFile(BATCH, 40, 'W5', 7));
    expect(imported).toMatchObject({ status: 'imported', registered: 40, shipment: `P-${BATCH}` });
    // Another batch, in stock at the city: one of its cards will turn up in the wrong box.
    importMakerFile(ledger, city, { ...makerFile('2026110502', 5, 'X6', 8), bytes: makerFile('2026110502', 5, 'X6', 8).bytes });
    const stray = syntheticMakerRows('finished', 5, 8, { cardPrefix: 'X6', boxSize: 20 })[0]!.cardNo;
    const inbound = listShipments(ledger, city, { direction: 'inbound' }, cal());
    expect(inbound.map((s) => [s.number, s.from.code, s.status, s.cards, s.outstanding])).toEqual([
      ['P-2026110502', '420000', 'in_transit', 5, 5],
      [`P-${BATCH}`, '420000', 'in_transit', 40, 40],
    ]);
    const prov = startSignIn(ledger, city, `P-${BATCH}`);
    expect(prov.expected).toHaveLength(40);
    expect(prov.expected[0]).toEqual({ cardNo: cards[0], box: `${BATCH}/01` });
    const r1 = signInShipment(ledger, city, { number: `P-${BATCH}`, operationId: randomUUID(), received: cards, close: true, signer: '李娟', custodian: '陈刚', placeName: '保险柜1', countedBlind: 40 });
    expect(r1).toMatchObject({ expected: 40, received: 40, missing: 0, extras: 0, damaged: 0, outstanding: 0 });
    signInShipment(ledger, city, { number: 'P-2026110502', operationId: randomUUID(), received: syntheticMakerRows('finished', 5, 8, { cardPrefix: 'X6', boxSize: 20 }).map((r) => r.cardNo), close: true, signer: '李娟', placeName: '保险柜1' });
    let w = where(ledger, city);
    for (const c of cards) expect(w.get(c)).toEqual({ state: 'in_stock', site: '420100', place: '保险柜1', heldBy: '陈刚' });
    expect(shipmentSummary(ledger, city, `P-${BATCH}`, cal()).status).toBe('received');

    // 2. City → county, the whole batch, by courier.
    expect(dispatchDestinations(ledger, city).find((d) => d.code === COUNTY)).toMatchObject({ direction: 'down' });
    const s2 = dispatchShipment(ledger, city, { toSiteCode: COUNTY, select: { batches: [BATCH] }, method: 'courier', trackingNo: 'SF1234567890', senderName: '李娟' });
    expect(s2.cards).toBe(40);
    w = where(ledger, city);
    for (const c of cards) expect(w.get(c)).toEqual({ state: 'in_transit', site: COUNTY, place: null, heldBy: '在途（发出人 李娟）' });
    const sheet = handoverSheet(ledger, city, s2.number, cal());
    expect(sheet).toMatchObject({ number: s2.number, from: { code: '420100' }, to: { code: COUNTY }, method: 'courier', trackingNo: 'SF1234567890', senderName: '李娟' });
    expect(sheet.batches).toEqual([{ code: BATCH, count: 40 }]);
    expect(sheet.boxes).toEqual([{ key: `${BATCH}/01`, count: 20 }, { key: `${BATCH}/02`, count: 20 }]);
    const text = formatHandoverText(sheet);
    expect(text).toContain(s2.number);
    expect(text).toContain('快递');
    expect(text).toMatch(/签字/);
    expect(text).toContain(box2[19]);
    const saved = saveHandoverSheet(ledger, city, s2.number, cal(), tempDir());
    expect(readFileSync(saved.csvPath, 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(readFileSync(saved.textPath, 'utf8')).toBe(text);

    // 3. A sign-in at the wrong site is refused and writes nothing.
    const before = snapshot(ledger);
    expect(sbkCode(() => startSignIn(ledger, office, s2.number))).toBe('SHIPMENT_WRONG_SITE');
    expect(
      sbkCode(() => signInShipment(ledger, office, { number: s2.number, operationId: randomUUID(), received: cards, close: true, signer: '张伟' })),
    ).toBe('SHIPMENT_WRONG_SITE');
    expect(sbkCode(() => signInShipment(ledger, city, { number: s2.number, operationId: randomUUID(), received: cards, close: true, signer: '李娟' }))).toBe('SHIPMENT_WRONG_SITE');
    expect(snapshot(ledger)).toEqual(before);
    expect(listShipments(ledger, county, { direction: 'inbound' }, cal()).map((s) => s.number)).toEqual([s2.number]);
    expect(listShipments(ledger, office, { direction: 'inbound' }, cal())).toEqual([]);

    // Before its own count the county is told neither the count nor the cards (blind sign-in).
    expect(shipmentSummary(ledger, county, s2.number, cal())).toMatchObject({ cards: null, outstanding: null });
    expect(shipmentDetail(ledger, county, s2.number, cal())).toBeNull();
    expect(sbkCode(() => handoverSheet(ledger, county, s2.number, cal()))).toBe('SHIPMENT_BLIND');
    expect(shipmentDetail(ledger, city, s2.number, cal())).toHaveLength(40);

    // 4. The county counts: box 02 is two short, one card of box 01 is cracked, a stray card was in the box.
    const damagedCard = box1[4]!;
    const missing = [box2[18]!, box2[19]!];
    const counted = cards.filter((c) => !missing.includes(c));
    const r2 = signInShipment(ledger, county, {
      number: s2.number,
      operationId: randomUUID(),
      received: counted,
      damaged: [{ cardNo: damagedCard, reason: '卡面断裂' }],
      extras: [stray],
      close: true,
      signer: '王芳',
      placeName: '保险柜1',
      countedBlind: 39,
    });
    expect(r2).toMatchObject({ expected: 40, received: 37, damaged: 1, missing: 2, extras: 1, outstanding: 0, closed: true });
    expect(shipmentDetail(ledger, county, s2.number, cal())).toHaveLength(40);
    expect(handoverSheet(ledger, county, s2.number, cal()).cards).toHaveLength(40);
    w = where(ledger, city);
    for (const c of counted.filter((c) => c !== damagedCard)) expect(w.get(c)).toEqual({ state: 'in_stock', site: COUNTY, place: '保险柜1', heldBy: '王芳' });
    expect(w.get(damagedCard)).toMatchObject({ state: 'defective', site: COUNTY, place: '保险柜1' });
    for (const c of missing) expect(w.get(c)).toMatchObject({ state: 'in_transit', site: COUNTY, place: null });
    const open = openDiscrepancies(ledger, county);
    expect(open.map((d) => [d.kind, d.cardNo, d.box])).toEqual([
      ['missing', missing[0], '02'],
      ['missing', missing[1], '02'],
      ['damaged', damagedCard, '01'],
      ['extra', stray, null],
    ]);
    expect(open.find((d) => d.kind === 'extra')!.note).toContain('武汉市'); // where the ledger thinks it is
    expect(shipmentSummary(ledger, county, s2.number, cal())).toMatchObject({ status: 'closed', outstanding: 2 });
    // Closed: no further sign-in on it.
    expect(sbkCode(() => signInShipment(ledger, county, { number: s2.number, operationId: randomUUID(), received: missing, close: true, signer: '王芳' }))).toBe('SHIPMENT_NOT_OPEN');

    // 5. One missing card turns up; the other is declared lost with a supervisor's approval.
    const [lostD, foundD] = [open[1]!, open[0]!];
    resolveFound(ledger, county, foundD.id, { placeName: '保险柜1', custodian: '王芳' });
    expect(sbkCode(() => declareLost(ledger, county, county, lostD.id, '快递途中遗失'))).toBe('SECOND_OPERATOR_SAME');
    expect(sbkCode(() => authenticateApprover(ledger, countySup, 'zhaomin', '468013'))).toBe('SECOND_OPERATOR_SAME');
    const approver = authenticateApprover(ledger, county, 'zhaomin', '468013');
    declareLost(ledger, county, approver, lostD.id, '快递途中遗失，已向快递公司索赔');
    w = where(ledger, city);
    expect(w.get(missing[0]!)).toEqual({ state: 'in_stock', site: COUNTY, place: '保险柜1', heldBy: '王芳' });
    expect(w.get(missing[1]!)).toMatchObject({ state: 'lost', site: COUNTY });
    expect(openDiscrepancies(ledger, county).map((d) => d.kind)).toEqual(['damaged', 'extra']);

    // 6. County → office: box 01 (the cracked card stays behind: it is not in stock). Signed in over two visits.
    const s3 = createShipment(ledger, county, { toSiteCode: OFFICE, select: { boxes: ['01'] }, method: 'staff' });
    expect(s3.cards).toBe(19);
    expect(shipmentSummary(ledger, county, s3.number, cal()).status).toBe('draft');
    expect(sbkCode(() => createShipment(ledger, county, { toSiteCode: OFFICE, select: { cards: [box1[0]!] }, method: 'staff' }))).toBe('CARD_IN_DRAFT');
    sendShipment(ledger, county, s3.number);
    expect(sendShipment(ledger, county, s3.number).replayed).toBe(true);
    const officeCards = box1.filter((c) => c !== damagedCard);
    const firstInput = { number: s3.number, operationId: randomUUID(), received: officeCards.slice(0, 10), close: false, signer: '张伟', placeName: '保险柜1' };
    const first = signInShipment(ledger, office, firstInput);
    expect(first).toMatchObject({ received: 10, missing: 0, outstanding: 9, closed: false });
    // A retry answers with the first figures; the id used for another shipment is refused.
    expect(signInShipment(ledger, office, firstInput)).toMatchObject({ received: 10, outstanding: 9, closed: false, replayed: true });
    expect(sbkCode(() => signInShipment(ledger, office, { ...firstInput, number: s2.number }))).toMatch(/SHIPMENT_NOT_OPEN|OPERATION_ID_REUSED/);
    expect(shipmentSummary(ledger, office, s3.number, cal())).toMatchObject({ status: 'partial', outstanding: 9 });
    expect(startSignIn(ledger, office, s3.number).expected.map((e) => e.cardNo)).toEqual(officeCards.slice(10));
    signInShipment(ledger, office, { number: s3.number, operationId: randomUUID(), received: officeCards.slice(10), close: true, signer: '张伟', custodian: 'liumin', placeName: '保险柜1' });
    expect(shipmentSummary(ledger, office, s3.number, cal())).toMatchObject({ status: 'received', outstanding: 0 });
    w = where(ledger, city);
    for (const c of officeCards.slice(0, 10)) expect(w.get(c)).toEqual({ state: 'in_stock', site: OFFICE, place: '保险柜1', heldBy: '张伟' });
    for (const c of officeCards.slice(10)) expect(w.get(c)).toEqual({ state: 'in_stock', site: OFFICE, place: '保险柜1', heldBy: '刘敏' });

    // 7. A return: two cards go from the office back up to the city (not sideways to another office).
    expect(sbkCode(() => createShipment(ledger, office, { toSiteCode: '420103-01', select: { cards: [officeCards[0]!] }, method: 'staff' }))).toBe('SHIPMENT_NOT_IN_CHAIN');
    const s4 = dispatchShipment(ledger, office, { toSiteCode: '420100', select: { cards: officeCards.slice(0, 2) }, method: 'staff', senderName: '张伟' });
    expect(shipmentSummary(ledger, office, s4.number, cal()).direction).toBe('up');
    signInShipment(ledger, city, { number: s4.number, operationId: randomUUID(), received: officeCards.slice(0, 2), close: true, signer: '李娟', placeName: '保险柜1' });
    w = where(ledger, city);
    for (const c of officeCards.slice(0, 2)) expect(w.get(c)).toEqual({ state: 'in_stock', site: '420100', place: '保险柜1', heldBy: '李娟' });

    // The register from the city: counts per state and per site add up to the batch.
    const reg = batchRegister(ledger, city, BATCH);
    expect(reg.byState.map((s) => [s.state, s.n])).toEqual([
      ['in_stock', 38],
      ['defective', 1],
      ['lost', 1],
    ]);
    expect(reg.bySite.map((s) => [s.siteCode, s.state, s.n])).toEqual([
      ['420100', 'in_stock', 2],
      [COUNTY, 'in_stock', 19],
      [COUNTY, 'defective', 1],
      [COUNTY, 'lost', 1],
      [OFFICE, 'in_stock', 17],
    ]);
    expect(reg.rows.every((r) => r.idNumber === null || /^\d{4}\*{10}[\dX]{4}$/.test(r.idNumber))).toBe(true);
    // The office sees only its own part of the batch.
    expect(batchRegister(ledger, office, BATCH)).toMatchObject({ outsideScope: 23 });

    expect(verifyLedger(ledger)).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses a sign-in of a card not on the shipment and a retry acts once', () => {
    const { ledger, city, county } = setup();
    importMakerFile(ledger, city, makerFile(BATCH, 10, 'W5', 7));
    const cards = syntheticMakerRows('finished', 10, 7, { cardPrefix: 'W5', boxSize: 20 }).map((r) => r.cardNo);
    signInShipment(ledger, city, { number: `P-${BATCH}`, operationId: randomUUID(), received: cards, close: true, signer: '李娟' });
    const s = dispatchShipment(ledger, city, { toSiteCode: COUNTY, select: { cards: cards.slice(0, 5) }, method: 'post' });
    const before = snapshot(ledger);
    expect(sbkCode(() => signInShipment(ledger, county, { number: s.number, operationId: randomUUID(), received: [cards[7]!], close: false, signer: '王芳' }))).toBe('CARD_NOT_IN_SHIPMENT');
    expect(snapshot(ledger)).toEqual(before);
    const op = randomUUID();
    const input = { number: s.number, operationId: op, received: cards.slice(0, 5), close: true, signer: '王芳' };
    expect(signInShipment(ledger, county, input).replayed).toBe(false);
    const after = snapshot(ledger);
    expect(signInShipment(ledger, county, input)).toMatchObject({ replayed: true, received: 5 });
    expect(snapshot(ledger)).toEqual(after);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('cancels a draft (its cards never moved) and refuses to cancel a sent shipment', () => {
    const { ledger, city } = setup();
    importMakerFile(ledger, city, makerFile(BATCH, 6, 'W5', 7));
    const cards = syntheticMakerRows('finished', 6, 7, { cardPrefix: 'W5', boxSize: 20 }).map((r) => r.cardNo);
    signInShipment(ledger, city, { number: `P-${BATCH}`, operationId: randomUUID(), received: cards, close: true, signer: '李娟' });
    const draft = createShipment(ledger, city, { toSiteCode: COUNTY, select: { batches: [BATCH] }, method: 'staff' });
    cancelShipment(ledger, city, draft.number, '目的地选错');
    expect(shipmentSummary(ledger, city, draft.number, cal()).status).toBe('cancelled');
    expect(sbkCode(() => sendShipment(ledger, city, draft.number))).toBe('SHIPMENT_CANCELLED');
    // The cards are free for a new shipment.
    const sent = dispatchShipment(ledger, city, { toSiteCode: COUNTY, select: { batches: [BATCH] }, method: 'staff' });
    expect(sent.number).not.toBe(draft.number);
    expect(sbkCode(() => cancelShipment(ledger, city, sent.number, 'x'))).toBe('SHIPMENT_ALREADY_SENT');
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('warns about a shipment on the way longer than the configured working days', () => {
    const { ledger, city, county, admin } = setup();
    importMakerFile(ledger, city, makerFile(BATCH, 3, 'W5', 7));
    const cards = syntheticMakerRows('finished', 3, 7, { cardPrefix: 'W5', boxSize: 20 }).map((r) => r.cardNo);
    signInShipment(ledger, city, { number: `P-${BATCH}`, operationId: randomUUID(), received: cards, close: true, signer: '李娟' });
    const s = dispatchShipment(ledger, city, { toSiteCode: COUNTY, select: { batches: [BATCH] }, method: 'post' });
    // Read eight calendar days after sending: at least four working days whatever the holidays.
    const later = new Date(Date.now() + 8 * 86_400_000);
    const sentMonday = (d: Date) => listShipments(ledger, county, { direction: 'inbound' }, cal(), d)[0]!;
    const age = sentMonday(later).ageWorkingDays!;
    expect(age).toBeGreaterThan(0);
    changeSetting(ledger, admin, 'transit-warning-days', String(age));
    expect(sentMonday(later).late).toBe(false);
    changeSetting(ledger, admin, 'transit-warning-days', String(age - 1));
    expect(sentMonday(later).late).toBe(true);
    expect(sbkCode(() => changeSetting(ledger, city, 'transit-warning-days', '3'))).toBe('ROLE_REQUIRED');
    expect(sbkCode(() => changeSetting(ledger, admin, 'transit-warning-days', '0'))).toBe('SETTING_INVALID');
    void s;
  });

  it('keeps shipments append-only, and verify catches a hand-over taken off its list behind the program', () => {
    const { ledger, city } = setup();
    importMakerFile(ledger, city, makerFile(BATCH, 4, 'W5', 7));
    const cards = syntheticMakerRows('finished', 4, 7, { cardPrefix: 'W5', boxSize: 20 }).map((r) => r.cardNo);
    signInShipment(ledger, city, { number: `P-${BATCH}`, operationId: randomUUID(), received: cards, close: true, signer: '李娟' });
    const s = dispatchShipment(ledger, city, { toSiteCode: COUNTY, select: { batches: [BATCH] }, method: 'staff' });
    expect(() => ledger.sqlite.prepare("UPDATE shipments SET to_site_id = 1 WHERE number = ?").run(s.number)).toThrow(/SBK_APPEND_ONLY/);
    expect(() => ledger.sqlite.prepare('DELETE FROM shipment_items').run()).toThrow(/SBK_APPEND_ONLY/);
    expect(() => ledger.sqlite.prepare('DELETE FROM shipment_events').run()).toThrow(/SBK_APPEND_ONLY/);
    expect(verifyLedger(ledger).ok).toBe(true);
    ledger.sqlite.exec('DROP TRIGGER shipment_items_no_delete');
    ledger.sqlite.prepare('DELETE FROM shipment_items WHERE card_id = (SELECT id FROM cards WHERE card_no = ?)').run(cards[0]);
    const codes = verifyLedger(ledger).problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['GUARD_MISSING', 'DISPATCH_WITHOUT_SHIPMENT']));
  });
});
