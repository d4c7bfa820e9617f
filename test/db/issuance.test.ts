import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { authenticate, authenticateApprover } from '../../src/workflows/authenticate.ts';
import { addOperator } from '../../src/workflows/operators.ts';
import { importMakerFile } from '../../src/workflows/import-maker-file.ts';
import { writeMakerFile, syntheticMakerRows, type MakerRowData } from '../../src/domain/maker-file-writer.ts';
import { dispatchShipment } from '../../src/workflows/shipment-dispatch.ts';
import { signInShipment } from '../../src/workflows/shipment-sign-in.ts';
import { findForIssue, issueCard, markUnreadable } from '../../src/workflows/issue-card.ts';
import { listOpenPickups, pickupCardList, pickupCards, settlePickup } from '../../src/workflows/agent-pickup.ts';
import { cancellationList, endCards, overdueList, recallCards, recallStatistics, reportDeceased } from '../../src/workflows/recall.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { formatIssueReceipt } from '../../src/domain/issue-receipt-format.ts';
import { addCalendarDays, addCalendarMonths } from '../../src/domain/calendar.ts';
import { todayInChina } from '../../src/domain/china-dates.ts';
import { SimulatedReader } from '../../drivers/reader/simulated-reader.ts';
import type { BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { holderCardByNo } from '../../db/issuance-queries.ts';
import { flagHolder, unflagHolder } from '../../src/workflows/holder-flags.ts';
import { homeAlerts } from '../../src/workflows/home-alerts.ts';
import { recallReasonForCategory } from '../../src/domain/recall-reasons.ts';
import { ledgerWithStaff } from '../helpers/temp-ledger.ts';
import { sbkCode } from '../helpers/error-code.ts';

const OFFICE = '420102-01';
const BATCH = '2026110601';
const calendar = loadCalendar();

/** A ledger with 12 cards of one batch in stock at an office, signed down the chain today. */
function setup(ruleProfile: 'guangdong' | 'hubei') {
  const { ledger, admin, add } = ledgerWithStaff({ ruleProfile });
  const city = add('lijuan', '李娟', 'supervisor', '420100', '246801');
  const clerk = add('zhangwei', '张伟', 'clerk', OFFICE, '357902');
  const sup = add('zhaomin', '赵敏', 'supervisor', OFFICE, '468013');
  const rows = syntheticMakerRows('finished', 12, 11, { cardPrefix: 'H8', boxSize: 20 });
  const f = writeMakerFile('finished', { bank: '中国建设银行', cityBody: '武汉市社保卡管理中心', batch: BATCH, maker: '东信和平', bankCode: '105521000011', time: '20261120093000' }, rows);
  importMakerFile(ledger, city, { fileName: f.fileName, bytes: new TextEncoder().encode(f.text) });
  const nos = rows.map((r) => r.cardNo);
  signInShipment(ledger, city, { number: `P-${BATCH}`, operationId: randomUUID(), received: nos, close: true, signer: '李娟' });
  const s = dispatchShipment(ledger, city, { toSiteCode: OFFICE, select: { batches: [BATCH] }, method: 'staff' });
  signInShipment(ledger, clerk, { number: s.number, operationId: randomUUID(), received: nos, close: true, signer: '张伟' });
  return { ledger, admin, city, clerk, sup, rows };
}

function chipOf(r: MakerRowData, over: Partial<BasicCardInfo> = {}): BasicCardInfo {
  return { regionCode: '420100', ssn: r.idNumber!, cardNo: r.cardNo, cardIdCode: r.cardIdCode, name: r.name!, resetCode: r.resetCode, specVersion: '3.00', issueDate: '20261118', expiryDate: '20361118', terminalNo: '', deviceNo: '', ...over };
}

const state = (ledger: Ledger, no: string) => lookupCard(ledger, no).state;
const today = () => todayInChina();

describe('issuance', () => {
  it('issues to the holder after the ID and chip checks, and prints a receipt', async () => {
    const { ledger, clerk, rows } = setup('guangdong');
    const r = rows[0]!;
    const found = findForIssue(ledger, clerk, r.idNumber!);
    expect(found).toMatchObject([{ cardNo: r.cardNo, state: 'in_stock', blocked: null }]);
    expect(found[0]!.holderIdMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(findForIssue(ledger, clerk, r.name!).map((c) => c.cardNo)).toContain(r.cardNo);
    expect(sbkCode(() => findForIssue(ledger, clerk, '420102199001011230'))).toMatch(/ID_/); // a bad check character is caught before a search

    const reader = new SimulatedReader();
    reader.insert(chipOf(r));
    const chip = await reader.readBasic();
    // The wrong person's ID: refused, nothing written.
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: r.cardNo, receiver: 'self', holderIdNumber: rows[1]!.idNumber!, chip }))).toBe('HOLDER_ID_MISMATCH');
    expect(state(ledger, r.cardNo)).toBe('in_stock');
    const op = randomUUID();
    const res = issueCard(ledger, clerk, { operationId: op, cardNo: r.cardNo, receiver: 'self', holderIdNumber: r.idNumber!, chip });
    expect(res).toMatchObject({ status: 'issued', secondIssue: false, replayed: false });
    expect(issueCard(ledger, clerk, { operationId: op, cardNo: r.cardNo, receiver: 'self', holderIdNumber: r.idNumber!, chip })).toMatchObject({ replayed: true });
    // The same id for another card, or by another operator, is not a retry: nothing is answered from it.
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: op, cardNo: rows[1]!.cardNo, receiver: 'self', holderIdNumber: rows[1]!.idNumber! }))).toBe('OPERATION_ID_REUSED');
    expect(state(ledger, rows[1]!.cardNo)).toBe('in_stock');
    expect(state(ledger, r.cardNo)).toBe('issued');
    const last = lookupCard(ledger, r.cardNo).history.at(-1)!;
    expect(last).toMatchObject({ type: 'issue', operator: '张伟', counterpart: r.name, method: '本人领取' });
    if (res.status !== 'issued') throw new Error('not issued');
    const text = formatIssueReceipt(res.receipt);
    expect(text).toContain(r.cardNo);
    expect(text).toContain('读卡检测');
    expect(text).not.toContain(r.idNumber!);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('issues to an agent with both IDs, and refuses an agent who is the holder', () => {
    const { ledger, clerk, rows } = setup('guangdong');
    const r = rows[1]!;
    const agentId = rows[5]!.idNumber!;
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: r.cardNo, receiver: 'agent', holderIdNumber: r.idNumber!, agent: { name: '李明', idNumber: r.idNumber!, relation: '配偶' } }))).toBe('AGENT_IS_HOLDER');
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: r.cardNo, receiver: 'agent', holderIdNumber: r.idNumber!, agent: { name: '李明', idNumber: agentId, relation: ' ' } }))).toBe('AGENT_REQUIRED');
    const res = issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: r.cardNo, receiver: 'agent', holderIdNumber: r.idNumber!, agent: { name: '李明', idNumber: agentId, relation: '配偶' } });
    expect(res.status).toBe('issued');
    const last = lookupCard(ledger, r.cardNo).history.at(-1)!;
    expect(last).toMatchObject({ counterpart: '李明', counterpartRole: 'agent', method: '代领（配偶）' });
    if (res.status === 'issued') expect(formatIssueReceipt(res.receipt)).toContain('李明');
  });

  it('a chip that disagrees with the ledger, or cannot be read, makes the card defective and it is never issued', async () => {
    const { ledger, clerk, rows } = setup('guangdong');
    const [a, b] = [rows[2]!, rows[3]!];
    const reader = new SimulatedReader();
    reader.insert(chipOf(a, { name: '王某' }));
    const res = issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: a.cardNo, receiver: 'self', holderIdNumber: a.idNumber!, chip: await reader.readBasic() });
    expect(res).toMatchObject({ status: 'defective', mismatches: [{ field: 'name' }] });
    expect(state(ledger, a.cardNo)).toBe('defective');
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: a.cardNo, receiver: 'self', holderIdNumber: a.idNumber! }))).toBe('CARD_NOT_ISSUABLE');
    reader.insert(chipOf(b));
    reader.failNext(-21);
    const err = await reader.readBasic().catch((e: unknown) => e as { code: string; message: string });
    expect(err).toMatchObject({ code: 'READER_AUTH_FAILED' });
    markUnreadable(ledger, clerk, randomUUID(), b.cardNo, (err as { message: string }).message);
    expect(state(ledger, b.cardNo)).toBe('defective');
    reader.insert(null);
    await expect(reader.readBasic()).rejects.toMatchObject({ code: 'READER_NO_CARD' });
    expect(verifyLedger(ledger).ok).toBe(true);
  });
});

describe('batch pickup by a unit agent', () => {
  it('holds the cards with the agent, then settles delivered and returned ones; the rest turn sleeping after 6 months', () => {
    const { ledger, clerk, rows } = setup('hubei');
    const nos = rows.slice(0, 6).map((r) => r.cardNo);
    expect(sbkCode(() => pickupCards(ledger, clerk, { operationId: randomUUID(), unit: '武汉钢铁有限公司', agentName: '周建华', agentIdNumber: rows[8]!.idNumber!, authorisationRef: ' ', cards: nos }))).toBe('PICKUP_FIELDS');
    const pickupOp = randomUUID();
    const pickupInput = { operationId: pickupOp, unit: '武汉钢铁有限公司', agentName: '周建华', agentIdNumber: rows[8]!.idNumber!, authorisationRef: 'WG-2026-17', cards: nos };
    const p = pickupCards(ledger, clerk, pickupInput);
    // A retry after a lost reply gets the same reference back.
    expect(pickupCards(ledger, clerk, pickupInput)).toEqual({ pickupRef: p.pickupRef, cards: 6, replayed: true });
    expect(p.cards).toBe(6);
    expect(p.pickupRef).toMatch(/^DL-420102-01-\d{8}-01$/);
    for (const n of nos) expect(state(ledger, n)).toBe('agent_held');
    expect(listOpenPickups(ledger, clerk)).toMatchObject([{ ref: p.pickupRef, held: 6 }]);
    expect(pickupCardList(ledger, clerk, p.pickupRef)).toHaveLength(6);
    // Issuing one of them over the counter is refused: the unit has it.
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: nos[0]!, receiver: 'self', holderIdNumber: rows[0]!.idNumber! }))).toBe('CARD_NOT_ISSUABLE');
    const s = settlePickup(ledger, clerk, { operationId: randomUUID(), pickupRef: p.pickupRef, delivered: nos.slice(0, 2), returned: [nos[2]!] });
    expect(s).toMatchObject({ delivered: 2, returned: 1, stillHeld: 3 });
    expect(nos.map((n) => state(ledger, n))).toEqual(['issued', 'issued', 'in_stock', 'agent_held', 'agent_held', 'agent_held']);
    // Hubei: six months after the card was made (HB Art. 17: 制卡超过6个月) they are sleeping
    // cards, though the agent took them less than six months before.
    const madeOn = holderCardByNo(ledger.db, nos[3]!)!.issueDate!;
    expect(madeOn < today()).toBe(true);
    const sixMonths = addCalendarMonths(madeOn, 6);
    const sleeping = (asOf: string) => overdueList(ledger, clerk, calendar, { asOf }).filter((o) => o.category === 'sleeping').map((o) => o.cardNo);
    expect(sleeping(sixMonths)).toEqual([]);
    expect(sleeping(addCalendarDays(sixMonths, 1))).toEqual(nos.slice(3));
    expect(overdueList(ledger, clerk, calendar, { asOf: addCalendarDays(sixMonths, 1) }).find((o) => o.cardNo === nos[3])).toMatchObject({ receivedOn: madeOn, overdueFrom: addCalendarDays(sixMonths, 1) });
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('in Guangdong a sleeping card counts from the pickup (GD Art. 15 一(三)), not from the making', () => {
    const { ledger, clerk, rows } = setup('guangdong');
    const nos = rows.slice(0, 2).map((r) => r.cardNo);
    pickupCards(ledger, clerk, { operationId: randomUUID(), unit: '广州钢铁有限公司', agentName: '周建华', agentIdNumber: rows[8]!.idNumber!, authorisationRef: 'GG-1', cards: nos });
    const sleeping = (asOf: string) => overdueList(ledger, clerk, calendar, { asOf }).filter((o) => o.category === 'sleeping').map((o) => o.cardNo);
    const madeOn = holderCardByNo(ledger.db, nos[0]!)!.issueDate!;
    expect(sleeping(addCalendarDays(addCalendarMonths(madeOn, 6), 1))).toEqual([]);
    const sixMonths = addCalendarMonths(today(), 6);
    expect(sleeping(sixMonths)).toEqual([]);
    expect(sleeping(addCalendarDays(sixMonths, 1))).toEqual(nos);
  });
});

describe('overdue, recall, second issuance and cancellation', () => {
  it('a card is overdue from the day after six calendar months, with a 10-working-day recall deadline', () => {
    const { ledger, clerk } = setup('guangdong');
    const lastOk = addCalendarMonths(today(), 6);
    expect(overdueList(ledger, clerk, calendar, { asOf: lastOk })).toEqual([]);
    const warned = overdueList(ledger, clerk, calendar, { asOf: lastOk, includeWarnings: true });
    expect(warned).toHaveLength(12);
    expect(warned[0]).toMatchObject({ phase: 'warning', category: 'unclaimed' });
    const first = addCalendarDays(lastOk, 1);
    const due = overdueList(ledger, clerk, calendar, { asOf: first });
    expect(due).toHaveLength(12);
    expect(due[0]).toMatchObject({ phase: 'overdue', overdueFrom: first, recallDueBy: calendar.addWorkingDays(first, 10).date, receivedOn: today(), late: false });
    expect(due[0]!.holderIdMasked).toMatch(/\*{10}/);
    const after = overdueList(ledger, clerk, calendar, { asOf: addCalendarDays(calendar.addWorkingDays(first, 10).date, 1) });
    expect(after[0]!.late).toBe(true);
  });

  it('recalls with a reason, counts by category, issues again within the window, then cancels with a second operator (Guangdong)', () => {
    const { ledger, clerk, sup, rows, city } = setup('guangdong');
    const [a, b, c, d] = rows;
    expect(sbkCode(() => recallCards(ledger, clerk, { operationId: randomUUID(), cardNos: [a!.cardNo], reason: 'other' }))).toBe('REASON_REQUIRED');
    recallCards(ledger, clerk, { operationId: randomUUID(), cardNos: [a!.cardNo, b!.cardNo], reason: 'unclaimed' });
    recallCards(ledger, clerk, { operationId: randomUUID(), cardNos: [c!.cardNo], reason: 'bad_address' });
    recallCards(ledger, clerk, { operationId: randomUUID(), cardNos: [d!.cardNo], reason: 'other', note: '持卡人拒领' });
    expect(state(ledger, a!.cardNo)).toBe('recalled');
    const stats = recallStatistics(ledger, city);
    expect(stats.total).toBe(4);
    expect(stats.byCategory.map((x) => [x.code, x.n])).toEqual([
      ['unclaimed', 2],
      ['bad_address', 1],
      ['other', 1],
    ]);
    expect(stats.bySite.every((x) => x.siteCode === OFFICE)).toBe(true);

    // Second issuance within six months of the recall (GD Art. 33 一(六)).
    const second = issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: a!.cardNo, receiver: 'self', holderIdNumber: a!.idNumber! });
    expect(second).toMatchObject({ status: 'issued', secondIssue: true });
    // After the window: refused, and on the cancellation list.
    const past = new Date(Date.parse(`${addCalendarDays(addCalendarMonths(today(), 6), 1)}T10:00:00+08:00`));
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: b!.cardNo, receiver: 'self', holderIdNumber: b!.idNumber! }, past))).toBe('CARD_NOT_ISSUABLE');
    expect(cancellationList(ledger, clerk, {}, new Date())).toEqual([]);
    const list = cancellationList(ledger, clerk, { asOf: todayInChina(past) });
    expect(list.map((x) => [x.cardNo, x.reason])).toEqual([
      [b!.cardNo, 'second_issue_window_passed'],
      [c!.cardNo, 'second_issue_window_passed'],
      [d!.cardNo, 'second_issue_window_passed'],
    ]);
    // Cancelling needs another supervisor; sealing is not in the Guangdong rules.
    expect(sbkCode(() => endCards(ledger, sup, sup, { operationId: randomUUID(), cardNos: [b!.cardNo], reason: '二次发放失败', action: 'cancel' }))).toBe('SECOND_OPERATOR_SAME');
    expect(sbkCode(() => endCards(ledger, sup, clerk, { operationId: randomUUID(), cardNos: [b!.cardNo], reason: '二次发放失败', action: 'cancel' }))).toBe('APPROVER_NOT_SUPERVISOR');
    expect(sbkCode(() => endCards(ledger, clerk, sup, { operationId: randomUUID(), cardNos: [b!.cardNo], reason: 'x', action: 'seal' }))).toBe('ACTION_NOT_IN_PROFILE');
    const approver = authenticateApprover(ledger, clerk, 'zhaomin', '468013');
    endCards(ledger, clerk, approver, { operationId: randomUUID(), cardNos: [b!.cardNo, c!.cardNo], reason: '回收后6个月内二次发放失败', action: 'cancel' });
    expect(state(ledger, b!.cardNo)).toBe('cancelled');
    expect(lookupCard(ledger, b!.cardNo).history.at(-1)).toMatchObject({ type: 'cancel', secondOperator: '赵敏' });
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: b!.cardNo, receiver: 'self', holderIdNumber: b!.idNumber! }))).toBe('CARD_NOT_ISSUABLE');
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('Hubei: no second-issuance window; recalled cards are cancelled or sealed by category', () => {
    const { ledger, clerk, sup, rows } = setup('hubei');
    const [a, b] = rows;
    recallCards(ledger, clerk, { operationId: randomUUID(), cardNos: [a!.cardNo, b!.cardNo], reason: 'unclaimed' });
    expect(cancellationList(ledger, clerk).map((x) => x.cardNo)).toEqual([a!.cardNo, b!.cardNo]);
    const approver = authenticateApprover(ledger, clerk, 'zhaomin', '468013');
    endCards(ledger, clerk, approver, { operationId: randomUUID(), cardNos: [a!.cardNo], reason: '库存超过6个月，按类封存', action: 'seal' });
    endCards(ledger, clerk, approver, { operationId: randomUUID(), cardNos: [b!.cardNo], reason: '库存超过6个月，注销', action: 'cancel' });
    expect([state(ledger, a!.cardNo), state(ledger, b!.cardNo)]).toEqual(['sealed', 'cancelled']);
    void sup;
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('a holder reported dead: the card is due for recall at once and cannot be issued', () => {
    const { ledger, clerk, sup, rows } = setup('guangdong');
    const r = rows[4]!;
    expect(sbkCode(() => reportDeceased(ledger, clerk, r.idNumber!, today()))).toBe('ROLE_REQUIRED');
    reportDeceased(ledger, sup, r.idNumber!, today());
    const due = overdueList(ledger, clerk, calendar, {});
    expect(due.map((x) => [x.cardNo, x.category, x.phase])).toEqual([[r.cardNo, 'deceased', 'overdue']]);
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: r.cardNo, receiver: 'self', holderIdNumber: r.idNumber! }))).toBe('CARD_NOT_ISSUABLE');
    recallCards(ledger, clerk, { operationId: randomUUID(), cardNos: [r.cardNo], reason: 'dead' });
    expect(cancellationList(ledger, clerk).map((x) => [x.cardNo, x.reason])).toEqual([[r.cardNo, 'holder_deceased']]);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('only a supervisor over a site holding the card marks a holder dead, never for a later day, and it is undone with a reason', () => {
    const { ledger, admin, city, clerk, sup, rows } = setup('guangdong');
    const r = rows[5]!;
    addOperator(ledger, admin, { login: 'liuyang', name: '刘洋', role: 'supervisor', siteCode: '420103-01', pin: '579024' });
    const other = authenticate(ledger, 'liuyang', '579024');
    // 江汉's supervisor holds none of this holder's cards (they are at 江岸).
    expect(sbkCode(() => reportDeceased(ledger, other, r.idNumber!, today()))).toBe('HOLDER_OUT_OF_SCOPE');
    expect(sbkCode(() => reportDeceased(ledger, sup, r.idNumber!, addCalendarDays(today(), 1)))).toBe('DATE_IN_FUTURE');
    expect(overdueList(ledger, clerk, calendar, {})).toEqual([]);
    // The city centre is over 江岸: its supervisor may.
    reportDeceased(ledger, city, r.idNumber!, today(), '民政比对');
    expect(sbkCode(() => reportDeceased(ledger, sup, r.idNumber!, today()))).toBe('HOLDER_FLAG_ALREADY_SET');
    expect(overdueList(ledger, clerk, calendar, {}).map((x) => [x.cardNo, x.category])).toEqual([[r.cardNo, 'deceased']]);
    expect(sbkCode(() => unflagHolder(ledger, other, { idNumber: r.idNumber!, kind: 'deceased', reason: '比对有误' }))).toBe('HOLDER_OUT_OF_SCOPE');
    expect(sbkCode(() => unflagHolder(ledger, sup, { idNumber: r.idNumber!, kind: 'deceased', reason: ' ' }))).toBe('REASON_REQUIRED');
    expect(sbkCode(() => unflagHolder(ledger, clerk, { idNumber: r.idNumber!, kind: 'deceased', reason: '比对有误' }))).toBe('ROLE_REQUIRED');
    unflagHolder(ledger, sup, { idNumber: r.idNumber!, kind: 'deceased', reason: '比对有误' });
    expect(overdueList(ledger, clerk, calendar, {})).toEqual([]);
    expect(lookupCard(ledger, r.cardNo).state).toBe('in_stock');
    expect(sbkCode(() => unflagHolder(ledger, sup, { idNumber: r.idNumber!, kind: 'deceased', reason: '比对有误' }))).toBe('HOLDER_FLAG_NOT_SET');
    // Append-only: both rows stay, and the table refuses to lose them.
    const flagRows = ledger.sqlite.prepare('SELECT kind, action, "on", source, reason FROM holder_flags ORDER BY id').all();
    expect(flagRows).toEqual([
      { kind: 'deceased', action: 'set', on: today(), source: '民政比对', reason: null },
      { kind: 'deceased', action: 'clear', on: null, source: null, reason: '比对有误' },
    ]);
    expect(() => ledger.sqlite.exec('DELETE FROM holder_flags')).toThrow(/append-only/);
    expect(() => ledger.sqlite.exec("UPDATE holder_flags SET reason = 'x'")).toThrow(/append-only/);
    expect(verifyLedger(ledger).ok).toBe(true);
    // Verify holds the holder's death date to its flag rows.
    ledger.sqlite.prepare('UPDATE holders SET deceased_at = ? WHERE id_number = ?').run(today(), r.idNumber!);
    // ...and the holders table no longer adds up to its seal (the change had no write of the program's).
    expect(verifyLedger(ledger).problems.map((p) => p.code)).toEqual(['HOLDER_DEATH_MISMATCH', 'TABLE_OFF_SEAL']);
  });

  it('an emigrated holder\'s card is due for recall at once, recalled under 出国（境）定居; a flag needs its source', () => {
    const { ledger, clerk, sup, rows } = setup('hubei');
    const r = rows[6]!;
    expect(sbkCode(() => flagHolder(ledger, sup, { idNumber: r.idNumber!, kind: 'emigrated', on: today(), source: ' ' }))).toBe('SOURCE_REQUIRED');
    flagHolder(ledger, sup, { idNumber: r.idNumber!, kind: 'emigrated', on: today(), source: '公安通报' });
    expect(overdueList(ledger, clerk, calendar, {}).map((x) => [x.cardNo, x.category, x.phase])).toEqual([[r.cardNo, 'emigrated', 'overdue']]);
    expect(homeAlerts(ledger, clerk, calendar).find((a) => a.code === 'recall')?.text).toContain('1 张卡应回收（出境定居 1）');
    recallCards(ledger, clerk, { operationId: randomUUID(), cardNos: [r.cardNo], reason: recallReasonForCategory('emigrated') });
    expect(recallStatistics(ledger, clerk).byCategory).toMatchObject([{ code: 'emigrated', n: 1 }]);
    expect(overdueList(ledger, clerk, calendar, {})).toEqual([]);
    expect(verifyLedger(ledger).ok).toBe(true);
  });
});


