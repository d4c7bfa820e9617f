/**
 * Moves inside a site (src/workflows/transfer.ts) on the demo ledger's 江岸 office (420102-01),
 * which has a vault 保险柜1 and a counter 发卡柜 holding six cards in stock under 张伟.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoLedger } from '../../src/workflows/demo-ledger.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { counterCardsAfterClosing, transferCards } from '../../src/workflows/transfer.ts';
import { homeAlerts } from '../../src/workflows/home-alerts.ts';
import { saveTransferSheet } from '../../src/workflows/shipment-export.ts';
import { changeSetting } from '../../src/workflows/settings.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { placedCards } from '../../db/transfer-queries.ts';
import { closeLedger, type Ledger } from '../../db/open-ledger.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { sbkCode } from '../helpers/error-code.ts';

const calendar = loadCalendar();
/** 19:00 China time on a Monday: after the counter's default closing time 17:30. */
const EVENING = new Date('2026-12-07T19:00:00+08:00');
const MORNING = new Date('2026-12-08T09:00:00+08:00');
const BOX = '420100-2026-0301/02';

let ledger: Ledger;
let zhangwei: Actor;
let zhaomin: Actor;
let liuyang: Actor;
let admin: Actor;
let n = 0;
const opId = () => `transfer-test-${++n}`;

/** Where each of 江岸's movable cards lies and who holds it. */
function jiangan(): { cardNo: string; place: string | null; custodian: string | null }[] {
  return placedCards(ledger.db, zhangwei.siteId).map((c) => ({ cardNo: c.cardNo, place: c.placeName, custodian: c.custodian }));
}

function sql<T>(q: string, ...p: unknown[]): T {
  return ledger.sqlite.prepare(q).get(...p) as T;
}

beforeAll(() => {
  ({ ledger } = createDemoLedger(join(tempDir(), 'demo.db'), EVENING));
  zhangwei = authenticate(ledger, 'zhangwei', '357902');
  zhaomin = authenticate(ledger, 'zhaomin', '468013');
  // 江汉's clerk and the admin; logged in here, while the ledger's directory (and its key file) exists.
  liuyang = authenticate(ledger, 'liuyang', '579024');
  admin = authenticate(ledger, 'admin', '135790');
}, 120_000);
afterAll(() => closeLedger(ledger));

describe('transfer inside a site', () => {
  it('flags the counter after closing and puts its cards back in the vault in one step (HB Art. 14)', () => {
    expect(jiangan()).toHaveLength(6);
    expect(jiangan().every((c) => c.place === '发卡柜' && c.custodian === '张伟')).toBe(true);
    expect(counterCardsAfterClosing(ledger.db, [zhangwei.siteId], '17:30', MORNING)).toBe(0);
    expect(counterCardsAfterClosing(ledger.db, [zhangwei.siteId], '17:30', EVENING)).toBe(6);
    const alert = homeAlerts(ledger, zhangwei, calendar, EVENING).find((a) => a.code === 'counterNotReturned');
    expect(alert?.text).toBe('6 张卡仍在柜台，当日未发放应入库（已过 17:30）');
    expect(homeAlerts(ledger, zhangwei, calendar, MORNING).some((a) => a.code === 'counterNotReturned')).toBe(false);

    const r = transferCards(ledger, zhangwei, { operationId: opId(), backToVault: true });
    expect(r).toMatchObject({ mode: 'backToVault', cards: 6, giver: '张伟', receiver: '张伟', toPlace: '保险柜1', replayed: false });
    expect(r.ref).toMatch(/^YJ-420102-01-\d{8}-01$/);
    expect(jiangan().every((c) => c.place === '保险柜1')).toBe(true);
    expect(homeAlerts(ledger, zhangwei, calendar, EVENING).some((a) => a.code === 'counterNotReturned')).toBe(false);
    expect(sbkCode(() => transferCards(ledger, zhangwei, { operationId: opId(), backToVault: true }))).toBe('SELECTION_EMPTY');
  });

  it('moves by card number, by box label and everything in a place, one operation each', () => {
    const before = sql<{ n: number }>('SELECT count(*) AS n FROM movements').n;
    const one = transferCards(ledger, zhangwei, { operationId: opId(), cards: ['A10000019', 'a10000020'], toPlace: '发卡柜' });
    expect(one).toMatchObject({ mode: 'places', cards: 2, toPlace: '发卡柜' });
    const box = transferCards(ledger, zhangwei, { operationId: opId(), boxes: [BOX], toPlace: '发卡柜' });
    expect(box.cards).toBe(4);
    expect(jiangan().every((c) => c.place === '发卡柜')).toBe(true);
    const back = transferCards(ledger, zhangwei, { operationId: opId(), fromPlaces: ['发卡柜'], toPlace: '保险柜1' });
    expect(back.cards).toBe(6);
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM movements').n - before).toBe(12);
    // A bare box label names the one batch at the site that has it (src/domain/box-label.ts).
    expect(transferCards(ledger, zhangwei, { operationId: opId(), boxes: ['02'], toPlace: '发卡柜' }).sheet!.cards.map((c) => c.cardNo)).toEqual(['A10000021', 'A10000022', 'A10000023', 'A10000024']);
    expect(transferCards(ledger, zhangwei, { operationId: opId(), boxes: ['02'], toPlace: '保险柜1' }).cards).toBe(4);
    // Each move is a `transfer` with the place before and after and the custodian by name (GD Art. 12).
    const m = sql<Record<string, unknown>>("SELECT * FROM movements WHERE ref_id = ? AND type = 'transfer' LIMIT 1", back.ref);
    expect(m).toMatchObject({ from_state: 'in_stock', to_state: 'in_stock', counterpart_role: 'custodian', counterpart_name: '张伟', ref_kind: 'transfer' });
    expect(m.from_place_id).not.toBe(m.to_place_id);
    expect(sql<{ n: number }>('SELECT count(DISTINCT operation_id) AS n FROM movements WHERE ref_id IN (?, ?, ?)', one.ref, box.ref, back.ref).n).toBe(3);
  });

  it('hands over everything one custodian holds to another with both PINs (交接班)', () => {
    const r = transferCards(ledger, zhangwei, { operationId: opId(), handOver: true }, zhaomin);
    expect(r).toMatchObject({ mode: 'handOver', cards: 6, giver: '张伟', receiver: '赵敏', toPlace: null });
    expect(jiangan().every((c) => c.custodian === '赵敏' && c.place === '保险柜1')).toBe(true);
    const ops = sql<{ operator_id: number; second_operator_id: number }>('SELECT operator_id, second_operator_id FROM movements WHERE ref_id = ? LIMIT 1', r.ref);
    expect(ops).toEqual({ operator_id: zhangwei.id, second_operator_id: zhaomin.id });
    // Nothing is left under 张伟; the sheet lists each card with its former custodian.
    expect(sbkCode(() => transferCards(ledger, zhangwei, { operationId: opId(), handOver: true }, zhaomin))).toBe('SELECTION_EMPTY');
    const path = saveTransferSheet(ledger, r.sheet!, join(tempDir(), 'exports'));
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('社会保障卡库内移交单');
    expect(text).toContain('交出人：张伟    接收人：赵敏');
    expect(text).toContain('共 6 张');
    expect(text.match(/A100000(19|2[0-4])/g)).toHaveLength(6);
    // A move between places without a receiver keeps the custodian; 张伟 cannot give away 赵敏's cards.
    const moved = transferCards(ledger, zhangwei, { operationId: opId(), cards: ['A10000019'], toPlace: '发卡柜' });
    expect(moved.sheet!.cards[0]).toMatchObject({ fromPlace: '保险柜1', toPlace: '发卡柜', fromCustodian: '赵敏', toCustodian: '赵敏' });
    expect(sbkCode(() => transferCards(ledger, zhangwei, { operationId: opId(), cards: ['A10000019'], toPlace: '保险柜1' }, zhaomin))).toBe('CARD_HELD_BY_OTHER');
    // And back at the next shift, wherever the cards lie.
    expect(transferCards(ledger, zhaomin, { operationId: opId(), handOver: true }, zhangwei).cards).toBe(6);
    expect(jiangan().every((c) => c.custodian === '张伟')).toBe(true);
  });

  it('refuses what is not a move inside this site', () => {
    const refuse = (input: Parameters<typeof transferCards>[2], receiver: Actor | null = null) => sbkCode(() => transferCards(ledger, zhangwei, input, receiver));
    expect(refuse({ operationId: opId(), handOver: true }, zhangwei)).toBe('SECOND_OPERATOR_SAME');
    expect(refuse({ operationId: opId(), handOver: true }, liuyang)).toBe('RECEIVER_NOT_HERE');
    expect(refuse({ operationId: opId(), handOver: true })).toBe('RECEIVER_REQUIRED');
    expect(refuse({ operationId: opId(), cards: ['A10000001'], toPlace: '发卡柜' })).toBe('CARD_NOT_TRANSFERABLE');
    expect(refuse({ operationId: opId(), cards: ['A10000037'], toPlace: '发卡柜' })).toBe('CARD_NOT_HERE');
    expect(refuse({ operationId: opId(), cards: ['A99999999'], toPlace: '发卡柜' })).toBe('CARD_NOT_FOUND');
    expect(refuse({ operationId: opId(), cards: ['A10000019'], toPlace: '发卡柜' })).toBe('TRANSFER_NOTHING_CHANGES');
    expect(refuse({ operationId: opId(), cards: ['A10000019'], toPlace: '柜台9' })).toBe('PLACE_NOT_FOUND');
    expect(refuse({ operationId: opId(), boxes: ['420100-2026-0301/99'], toPlace: '发卡柜' })).toBe('BOX_NOT_HERE');
    expect(refuse({ operationId: opId() })).toBe('SELECTION_EMPTY');
  });

  it('answers a retry with the first result, and verify replays every transfer', () => {
    const id = opId();
    const first = transferCards(ledger, zhangwei, { operationId: id, cards: ['A10000021'], toPlace: '发卡柜' });
    const again = transferCards(ledger, zhangwei, { operationId: id, cards: ['A10000021'], toPlace: '发卡柜' });
    expect(again).toMatchObject({ ref: first.ref, cards: 1, replayed: true, sheet: null });
    const report = verifyLedger(ledger);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('takes the closing time from the settings', () => {
    changeSetting(ledger, admin, 'counter-closing-time', '20:00');
    expect(homeAlerts(ledger, zhangwei, calendar, EVENING).some((a) => a.code === 'counterNotReturned')).toBe(false);
    expect(sbkCode(() => changeSetting(ledger, admin, 'counter-closing-time', '25:00'))).toBe('SETTING_INVALID');
    const late = new Date('2026-12-07T20:30:00+08:00');
    expect(homeAlerts(ledger, zhangwei, calendar, late).find((a) => a.code === 'counterNotReturned')?.text).toBe('2 张卡仍在柜台，当日未发放应入库（已过 20:00）');
  });
});
