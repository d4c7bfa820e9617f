import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { writeTx } from '../../db/write-tx.ts';
import { insertBatch, registerCards, type NewCard } from '../../db/register-cards.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { addOperator } from '../../src/workflows/operators.ts';
import { batchesAwaitingCheckIn, closeDiscrepancy, confirmCheckIn, expectedCards, openDiscrepancies } from '../../src/workflows/check-in.ts';
import { confirmBoxCount, markDamaged, scanCard, startCheckIn, checkInResult } from '../../src/domain/check-in-session.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { ADMIN, freshLedger } from '../helpers/temp-ledger.ts';

const card = (n: number, box: string): NewCard => ({ kind: 'prefab', cardNo: `K${String(n).padStart(8, '0')}`, bank: '中国工商银行', maker: '东信和平', boxLabel: box, boxPosition: `${box}-${n}` });

function setup() {
  const f = freshLedger();
  const admin = authenticate(f.ledger, ADMIN.login, ADMIN.pin);
  addOperator(f.ledger, admin, { login: 'clerk', name: '张伟', role: 'clerk', siteCode: '420100', pin: '357902' });
  addOperator(f.ledger, admin, { login: 'sup', name: '李娟', role: 'supervisor', siteCode: '420100', pin: '246801' });
  writeTx(f.ledger, (tx) => {
    const b = insertBatch(tx, { code: 'YZ-1', kind: 'prefab', bank: '中国工商银行', maker: '东信和平', declaredCount: 6 });
    registerCards(tx, { id: randomUUID(), kind: 'import', operatorId: admin.id }, b, f.rootSiteId, [1, 2, 3].map((n) => card(n, '01')).concat([4, 5, 6].map((n) => card(n, '02'))), { refKind: 'import', refId: 't' });
  });
  return { ...f, clerk: authenticate(f.ledger, 'clerk', '357902'), sup: authenticate(f.ledger, 'sup', '246801'), admin };
}

describe('check-in', () => {
  it('receives counted cards, records a damaged one and leaves the missing and the extra open', () => {
    const { ledger, clerk, sup } = setup();
    expect(batchesAwaitingCheckIn(ledger, clerk)).toEqual([{ code: 'YZ-1', kind: 'prefab', bank: '中国工商银行', expected: 6 }]);
    let s = startCheckIn(expectedCards(ledger, clerk, 'YZ-1'));
    s = confirmBoxCount(s, '01', 3).session;
    s = confirmBoxCount(s, '02', 2).session; // short: scan the box card by card
    s = scanCard(s, 'K00000004').session;
    s = scanCard(s, 'K00000005').session;
    s = scanCard(s, 'Z99999999').session; // not on the list
    s = markDamaged(s, 'K00000002', '卡面断裂').session;
    const op = randomUUID();
    const summary = confirmCheckIn(ledger, clerk, { operationId: op, batchCode: 'YZ-1', result: checkInResult(s) });
    expect(summary).toEqual({ received: 4, damaged: 1, missing: 1, extras: 1, replayed: false });
    expect(lookupCard(ledger, 'K00000001')).toMatchObject({ state: 'in_stock', place: '保险柜1' });
    expect(lookupCard(ledger, 'K00000002').state).toBe('spoiled'); // a blank that arrived damaged
    expect(lookupCard(ledger, 'K00000006').state).toBe('expected');
    const open = openDiscrepancies(ledger, clerk);
    expect(open.map((d) => [d.kind, d.cardNo, d.box])).toEqual([
      ['missing', 'K00000006', '02'],
      ['damaged', 'K00000002', '01'],
      ['extra', 'Z99999999', null],
    ]);
    // A retry of the same confirmation changes nothing.
    expect(confirmCheckIn(ledger, clerk, { operationId: op, batchCode: 'YZ-1', result: checkInResult(s) }).replayed).toBe(true);
    // The same id from another operator is not a retry.
    expect(() => confirmCheckIn(ledger, sup, { operationId: op, batchCode: 'YZ-1', result: checkInResult(s) })).toThrow(/操作编号/);
    expect(openDiscrepancies(ledger, clerk)).toHaveLength(3);

    // Only a supervisor closes, with a reason; closed ones leave the open list.
    expect(() => closeDiscrepancy(ledger, clerk, open[0]!.id, '找到了')).toThrow(/权限/);
    expect(() => closeDiscrepancy(ledger, sup, open[0]!.id, ' ')).toThrow(/原因/);
    closeDiscrepancy(ledger, sup, open[0]!.id, '卡商补发确认：此卡未生产');
    expect(() => closeDiscrepancy(ledger, sup, open[0]!.id, '再关一次')).toThrow(/已经关闭/);
    expect(openDiscrepancies(ledger, clerk)).toHaveLength(2);
    expect(openDiscrepancies(ledger, clerk, true)).toHaveLength(3);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('the custodian is one of the site’s operators (工号 or name): a free-text name is refused and nothing is written', () => {
    const { ledger, clerk } = setup();
    const s = confirmBoxCount(startCheckIn(expectedCards(ledger, clerk, 'YZ-1')), '01', 3).session;
    const input = { batchCode: 'YZ-1', result: checkInResult(s) };
    let code = '';
    try {
      confirmCheckIn(ledger, clerk, { ...input, operationId: randomUUID(), custodian: '张' });
    } catch (e) {
      code = (e as { code?: string }).code ?? '';
    }
    expect(code).toBe('NOT_SITE_OPERATOR');
    expect(lookupCard(ledger, 'K00000001').state).toBe('expected');
    confirmCheckIn(ledger, clerk, { ...input, operationId: randomUUID(), custodian: 'sup' });
    expect(lookupCard(ledger, 'K00000001').history.at(-1)).toMatchObject({ counterpart: '李娟', counterpartRole: 'custodian' });
  });

  it('a second session confirmed after the first is refused instead of recording false missing cards', () => {
    const { ledger, clerk, sup } = setup();
    const one = startCheckIn(expectedCards(ledger, clerk, 'YZ-1'));
    const two = startCheckIn(expectedCards(ledger, sup, 'YZ-1'));
    confirmCheckIn(ledger, clerk, { operationId: randomUUID(), batchCode: 'YZ-1', result: checkInResult(confirmBoxCount(confirmBoxCount(one, '01', 3).session, '02', 3).session) });
    expect(() => confirmCheckIn(ledger, sup, { operationId: randomUUID(), batchCode: 'YZ-1', result: checkInResult(two) })).toThrow(/CHECKIN_STALE|已不在本批待入库清单/);
    expect(openDiscrepancies(ledger, clerk)).toHaveLength(0);
  });

  it('discrepancies cannot be edited behind the program', () => {
    const { ledger, clerk } = setup();
    const s = startCheckIn(expectedCards(ledger, clerk, 'YZ-1'));
    confirmCheckIn(ledger, clerk, { operationId: randomUUID(), batchCode: 'YZ-1', result: checkInResult(s) });
    expect(() => ledger.sqlite.prepare("UPDATE discrepancies SET note = 'x'").run()).toThrow(/append-only/);
    expect(verifyLedger(ledger).ok).toBe(true);
  });
});
