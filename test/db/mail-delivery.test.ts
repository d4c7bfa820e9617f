import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { importMakerFile } from '../../src/workflows/import-maker-file.ts';
import { writeMakerFile, syntheticMakerRows } from '../../src/domain/maker-file-writer.ts';
import { dispatchShipment } from '../../src/workflows/shipment-dispatch.ts';
import { signInShipment } from '../../src/workflows/shipment-sign-in.ts';
import { mailCard, mailDelivered, mailList, mailReturned } from '../../src/workflows/mail-delivery.ts';
import { issueCard } from '../../src/workflows/issue-card.ts';
import { recalledList } from '../../src/workflows/recalled-list.ts';
import { recallStatistics } from '../../src/workflows/recall.ts';
import { issuanceLedger } from '../../src/workflows/issuance-ledger.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { todayInChina } from '../../src/domain/china-dates.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { holderCardByNo } from '../../db/issuance-queries.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { ledgerWithStaff } from '../helpers/temp-ledger.ts';
import { sbkCode } from '../helpers/error-code.ts';

const OFFICE = '420102-01';
const OTHER = '420103-01';
const BATCH = '2026110601';

/** A ledger with 6 cards of one batch in stock at an office (as test/db/issuance.test.ts). */
function setup() {
  const { ledger, add } = ledgerWithStaff({ ruleProfile: 'guangdong' });
  const city = add('lijuan', '李娟', 'supervisor', '420100', '246801');
  const clerk = add('zhangwei', '张伟', 'clerk', OFFICE, '357902');
  const other = add('liuyang', '刘洋', 'clerk', OTHER, '579024');
  const rows = syntheticMakerRows('finished', 6, 11, { cardPrefix: 'M8', boxSize: 20 });
  const f = writeMakerFile('finished', { bank: '中国建设银行', cityBody: '武汉市社保卡管理中心', batch: BATCH, maker: '东信和平', bankCode: '105521000011', time: '20261120093000' }, rows);
  importMakerFile(ledger, city, { fileName: f.fileName, bytes: new TextEncoder().encode(f.text) });
  const nos = rows.map((r) => r.cardNo);
  signInShipment(ledger, city, { number: `P-${BATCH}`, operationId: randomUUID(), received: nos, close: true, signer: '李娟' });
  const s = dispatchShipment(ledger, city, { toSiteCode: OFFICE, select: { batches: [BATCH] }, method: 'staff' });
  signInShipment(ledger, clerk, { number: s.number, operationId: randomUUID(), received: nos, close: true, signer: '张伟' });
  return { ledger, city, clerk, other, rows };
}

const state = (ledger: Ledger, no: string) => lookupCard(ledger, no).state;
const mail = (cardNo: string, over: Partial<Parameters<typeof mailCard>[2]> = {}) => ({
  operationId: randomUUID(),
  cardNo,
  address: '湖北省武汉市江岸区解放大道1号\u001b[2J',
  carrier: '中国邮政EMS',
  trackingNo: 'EMS1234567890',
  ...over,
});

describe('mail delivery (邮递上门, GD Art. 14; HB Art. 36)', () => {
  it('mails a card, lists it as out in the post, and the SMS code issues it; retries act once; verify is clean', () => {
    const { ledger, clerk, other, city, rows } = setup();
    const no = rows[0]!.cardNo;
    expect(sbkCode(() => mailCard(ledger, clerk, mail(no, { trackingNo: ' ' })))).toBe('MAIL_FIELDS');
    expect(sbkCode(() => mailCard(ledger, clerk, mail(no, { address: '址'.repeat(201) })))).toBe('MAIL_FIELD_TOO_LONG');
    expect(sbkCode(() => mailCard(ledger, other, mail(no)))).toBe('CARD_NOT_ISSUABLE');
    expect(sbkCode(() => mailCard(ledger, clerk, mail(no, { holderIdNumber: rows[1]!.idNumber! })))).toBe('HOLDER_ID_MISMATCH');
    expect(state(ledger, no)).toBe('in_stock');

    const input = mail(no, { holderIdNumber: rows[0]!.idNumber! });
    const sent = mailCard(ledger, clerk, input);
    expect(sent).toMatchObject({ cardNo: no, recipient: rows[0]!.name, carrier: '中国邮政EMS', trackingNo: 'EMS1234567890', secondIssue: false, replayed: false });
    expect(sent.holderIdMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(mailCard(ledger, clerk, input).replayed).toBe(true);
    expect(state(ledger, no)).toBe('mailed');
    expect(sbkCode(() => issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: no, receiver: 'self', holderIdNumber: rows[0]!.idNumber! }))).toBe('CARD_NOT_ISSUABLE');

    const out = mailList(ledger, clerk);
    expect(out).toEqual([expect.objectContaining({ cardNo: no, trackingNo: 'EMS1234567890', daysOut: 0, site: { code: OFFICE, name: expect.any(String) } })]);
    expect(mailList(ledger, city)).toHaveLength(1);
    expect(mailList(ledger, other)).toHaveLength(0);
    expect(sbkCode(() => mailList(ledger, clerk, { siteCode: OTHER }))).toBe('SITE_OUT_OF_SCOPE');

    expect(sbkCode(() => mailDelivered(ledger, clerk, { operationId: randomUUID(), cardNo: no, code: '  ' }))).toBe('MAIL_CODE_REQUIRED');
    expect(sbkCode(() => mailDelivered(ledger, other, { operationId: randomUUID(), cardNo: no, code: '5821' }))).toBe('CARD_NOT_HERE');
    expect(sbkCode(() => mailDelivered(ledger, clerk, { operationId: randomUUID(), cardNo: rows[1]!.cardNo, code: '5821' }))).toBe('CARD_NOT_MAILED');
    const op = randomUUID();
    expect(mailDelivered(ledger, clerk, { operationId: op, cardNo: no, code: '5821' })).toMatchObject({ outcome: 'delivered', state: 'issued', trackingNo: 'EMS1234567890' });
    expect(mailDelivered(ledger, clerk, { operationId: op, cardNo: no, code: '5821' }).replayed).toBe(true);
    expect(state(ledger, no)).toBe('issued');
    expect(mailList(ledger, clerk)).toHaveLength(0);
    expect(sbkCode(() => mailReturned(ledger, clerk, { operationId: randomUUID(), cardNo: no }))).toBe('CARD_NOT_MAILED');

    const today = todayInChina(ledger.now());
    const l = issuanceLedger(ledger, clerk, { from: today, to: today });
    expect(l.rows.map((r) => [r.event, r.receiverType, r.receiptNo, r.signed])).toEqual([
      ['mail_sent', 'mail', 'EMS1234567890', false],
      ['mail_delivered', 'mail', 'EMS1234567890', false],
    ]);
    expect(l.rows[1]!.mail).toMatchObject({ carrier: '中国邮政EMS', code: '5821', address: expect.stringContaining('解放大道') });
    expect(l.receiptsToHold).toBe(0);
    expect(l.byOperator).toEqual([expect.objectContaining({ login: 'zhangwei', mail_sent: 1, mail_delivered: 1, total: 2 })]);

    const v = verifyLedger(ledger);
    expect(v.ok, JSON.stringify(v)).toBe(true);
  });

  it('a returned card is back in stock carrying a recall (邮寄信息错误), on the recall list; mailed again and delivered, the recall ends; verify is clean', () => {
    const { ledger, clerk, rows } = setup();
    const no = rows[2]!.cardNo;
    mailCard(ledger, clerk, mail(no));
    expect(sbkCode(() => mailReturned(ledger, clerk, { operationId: randomUUID(), cardNo: no, placeName: '没有这个柜' }))).toBe('PLACE_NOT_FOUND');
    expect(mailReturned(ledger, clerk, { operationId: randomUUID(), cardNo: no, note: '查无此人' })).toMatchObject({ outcome: 'returned', state: 'in_stock' });
    expect(state(ledger, no)).toBe('in_stock');
    expect(holderCardByNo(ledger.db, no)!.recalledAt).not.toBeNull();
    const recalled = recalledList(ledger, clerk);
    expect(recalled).toEqual([expect.objectContaining({ cardNo: no, state: 'in_stock', reason: '邮寄信息错误等个人原因滞留：查无此人' })]);
    // Counted as a recall under its category (GD Art. 32 一(二): 分类统计).
    expect(recallStatistics(ledger, clerk).byCategory).toEqual([expect.objectContaining({ code: 'bad_address', n: 1 })]);
    expect(verifyLedger(ledger).ok).toBe(true);

    // Mailed again to the right address: a second issuance, delivered, the recall over.
    expect(mailCard(ledger, clerk, mail(no, { trackingNo: 'SF0000000001', carrier: '顺丰速运', address: '湖北省武汉市江岸区沿江大道2号' })).secondIssue).toBe(true);
    expect(recalledList(ledger, clerk).map((r) => r.cardNo)).toEqual([no]);
    mailDelivered(ledger, clerk, { operationId: randomUUID(), cardNo: no, code: 'SIGN-77' });
    expect(state(ledger, no)).toBe('issued');
    expect(holderCardByNo(ledger.db, no)!.recalledAt).toBeNull();
    expect(recalledList(ledger, clerk)).toEqual([]);
    const v = verifyLedger(ledger);
    expect(v.ok, JSON.stringify(v)).toBe(true);
  });

  it('mailings and their outcomes are append-only; a returned card fetched at the counter is a second issuance', () => {
    const { ledger, clerk, rows } = setup();
    mailCard(ledger, clerk, mail(rows[3]!.cardNo));
    mailReturned(ledger, clerk, { operationId: randomUUID(), cardNo: rows[3]!.cardNo });
    expect(() => ledger.sqlite.exec(`UPDATE mail_deliveries SET address = 'x'`)).toThrow(/SBK_APPEND_ONLY/);
    expect(() => ledger.sqlite.exec(`DELETE FROM mail_deliveries`)).toThrow(/SBK_APPEND_ONLY/);
    expect(() => ledger.sqlite.exec(`UPDATE mail_outcomes SET detail = 'x'`)).toThrow(/SBK_APPEND_ONLY/);
    expect(() => ledger.sqlite.exec(`DELETE FROM mail_outcomes`)).toThrow(/SBK_APPEND_ONLY/);
    // The holder fetches the returned card at the counter: its second issuance, and the recall ends.
    const r = issueCard(ledger, clerk, { operationId: randomUUID(), cardNo: rows[3]!.cardNo, receiver: 'self', holderIdNumber: rows[3]!.idNumber! });
    expect(r).toMatchObject({ status: 'issued', secondIssue: true });
    expect(holderCardByNo(ledger.db, rows[3]!.cardNo)!.recalledAt).toBeNull();
    expect(verifyLedger(ledger).ok).toBe(true);
  });
});
