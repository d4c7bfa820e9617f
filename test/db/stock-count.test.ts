import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { addOperator } from '../../src/workflows/operators.ts';
import { initLedger } from '../../src/workflows/init-ledger.ts';
import { importMakerFile } from '../../src/workflows/import-maker-file.ts';
import { writeMakerFile, syntheticMakerRows } from '../../src/domain/maker-file-writer.ts';
import { abandonCount, closeCount, countStatusToday, countView, destroySpoiled, missedCountDays, reconciliationReport, recordScans, startCount, submitCount, undoLastScan, countEntries } from '../../src/workflows/stock-count.ts';
import { consumeBlank, loadHopper, prefabStock, spoilBlank } from '../../src/workflows/prefab-stock.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { openDiscrepancies } from '../../src/workflows/check-in.ts';
import { declareLost } from '../../src/workflows/discrepancy-resolve.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { homeAlerts } from '../../src/workflows/home-alerts.ts';
import { writeTx } from '../../db/write-tx.ts';
import { addPlace, requireSite } from '../../db/sites-repo.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { ADMIN, tempDir, track } from '../helpers/temp-ledger.ts';
import { sbkCode } from '../helpers/error-code.ts';

const SITE = '420102-01';
const BATCH = 'YZ2026120101';
const calendar = loadCalendar();
const blank = (i: number) => `PB${String(i).padStart(7, '0')}`;

afterEach(() => {
  vi.useRealTimers();
});

/** 40 ICBC blanks (two boxes of 20) received at an office today, 5 of them loaded into a hopper. */
function setup() {
  const { ledger } = initLedger({ path: join(tempDir(), 'ledger.db'), siteCode: '420100', admin: ADMIN });
  track(ledger);
  const admin = authenticate(ledger, ADMIN.login, ADMIN.pin);
  const add = (login: string, name: string, role: 'clerk' | 'supervisor', pin: string) => {
    addOperator(ledger, admin, { login, name, role, siteCode: SITE, pin });
    return authenticate(ledger, login, pin);
  };
  const clerk = add('sunli', '孙丽', 'clerk', '680135');
  const clerk2 = add('zhoujie', '周洁', 'clerk', '791246');
  const sup = add('zhaomin', '赵敏', 'supervisor', '468013');
  writeTx(ledger, (tx) => addPlace(tx, requireSite(tx, SITE).id, '制卡机1-卡盒1', 'hopper'));
  const f = writeMakerFile('prefab', { bank: '中国工商银行', cityBody: '武汉市社保卡管理中心', batch: BATCH, maker: '东信和平', bankCode: '102521000011', time: '20261120093000' }, syntheticMakerRows('prefab', 40, 3, { cardPrefix: 'PB', boxSize: 20 }));
  importMakerFile(ledger, clerk, { fileName: f.fileName, bytes: new TextEncoder().encode(f.text), receive: true });
  loadHopper(ledger, clerk, { operationId: randomUUID(), hopper: '制卡机1-卡盒1', cardNos: [1, 2, 3, 4, 5].map(blank) });
  return { ledger, admin, clerk, clerk2, sup };
}

const consume = (ledger: Ledger, actor: Actor, cardNo: string, becameCardNo: string) =>
  consumeBlank(ledger, actor, { operationId: randomUUID(), blankNo: cardNo, becameCardNo, holderName: '张[CHUI]', holderIdNumber: '11010519491231002X' });

describe('prefab stock', () => {
  it('shows blanks by bank, maker, batch and box or hopper, and never mixes banks in a hopper', () => {
    const { ledger, clerk } = setup();
    expect(prefabStock(ledger, clerk)).toEqual([
      { bank: '中国工商银行', maker: '东信和平', batch: BATCH, where: '卡盒 制卡机1-卡盒1', inStock: 0, loaded: 5 },
      { bank: '中国工商银行', maker: '东信和平', batch: BATCH, where: '箱 01（保险柜1）', inStock: 15, loaded: 0 },
      { bank: '中国工商银行', maker: '东信和平', batch: BATCH, where: '箱 02（保险柜1）', inStock: 20, loaded: 0 },
    ]);
    const g = writeMakerFile('prefab', { bank: '中国建设银行', cityBody: '武汉市社保卡管理中心', batch: 'YZ2026120102', maker: '金邦达', bankCode: '105521000011', time: '20261120093000' }, syntheticMakerRows('prefab', 3, 4, { cardPrefix: 'PC', boxSize: 20 }));
    importMakerFile(ledger, clerk, { fileName: g.fileName, bytes: new TextEncoder().encode(g.text), receive: true });
    expect(sbkCode(() => loadHopper(ledger, clerk, { operationId: randomUUID(), hopper: '制卡机1-卡盒1', cardNos: ['PC0000001'] }))).toBe('HOPPER_MIXED');
  });
});

describe('the daily count', () => {
  it('a clean count: blind until submitted, balanced, closed with a second person', () => {
    const { ledger, clerk, clerk2 } = setup();
    const { id } = startCount(ledger, clerk);
    expect(sbkCode(() => startCount(ledger, clerk))).toBe('COUNT_OPEN');
    const progress = recordScans(ledger, clerk, id, [`${BATCH}/01=15`, '02=20', '@制卡机1-卡盒1=5']);
    expect(progress).toMatchObject({ scans: 3, countedSoFar: 40 });
    const blind = countView(ledger, clerk, id);
    expect(blind).toMatchObject({ status: 'counting', lines: null, variances: null, scans: 3 });
    const r = submitCount(ledger, clerk, id);
    expect(r.clean).toBe(true);
    expect(r.lines).toEqual([
      expect.objectContaining({ bank: '中国工商银行', opening: 0, received: 40, consumed: 0, spoiled: 0, movedOut: 0, closing: 40, counted: 40, missing: 0, unexpected: 0 }),
    ]);
    expect(r.boxes).toEqual([
      { box: `${BATCH}/01`, expected: 15, counted: 15 },
      { box: `${BATCH}/02`, expected: 20, counted: 20 },
      { box: '卡盒:制卡机1-卡盒1', expected: 5, counted: 5 },
    ]);
    expect(sbkCode(() => recordScans(ledger, clerk, id, [blank(9)]))).toBe('COUNT_NOT_OPEN');
    expect(sbkCode(() => closeCount(ledger, clerk, id, {}))).toBe('COUNT_CONFIRM_REQUIRED');
    expect(sbkCode(() => closeCount(ledger, clerk, id, { confirmer: clerk }))).toBe('SECOND_OPERATOR_SAME');
    expect(closeCount(ledger, clerk, id, { confirmer: clerk2 })).toEqual({ closed: true, variances: 0 });
    expect(countStatusToday(ledger, clerk)).toMatchObject([{ site: { code: SITE }, onHand: 40, today: { id, status: 'closed' } }]);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('one missing and one unexpected card: reasons and a supervisor are required to close', async () => {
    const { ledger, clerk, clerk2, sup } = setup();
    const { id } = startCount(ledger, clerk);
    // Box 01 comes up one short: counted card by card, one is not there. A stray card turns up.
    const box1 = Array.from({ length: 15 }, (_, i) => blank(i + 6)).filter((c) => c !== blank(12));
    recordScans(ledger, clerk, id, [`${BATCH}/01=14`, ...box1, '02=20', '@制卡机1-卡盒1=5', 'ZZ9999999']);
    const r = submitCount(ledger, clerk, id);
    expect(r.clean).toBe(false);
    expect(r.missing).toEqual([{ cardNo: blank(12), bank: '中国工商银行', box: `${BATCH}/01` }]);
    expect(r.unexpected).toEqual([{ cardNo: 'ZZ9999999', bank: null, where: null }]);
    // The stray card's bank is unknown: it is listed, and the line's books still balance.
    expect(r.lines[0]).toMatchObject({ closing: 40, counted: 39, missing: 1, unexpected: 0 });
    expect(sbkCode(() => closeCount(ledger, clerk, id, { approver: sup }))).toBe('COUNT_REASON_REQUIRED');
    expect(sbkCode(() => closeCount(ledger, clerk, id, { reasons: { [blank(12)]: '未找到' }, approver: sup }))).toBe('COUNT_REASON_REQUIRED');
    const reasons = { [blank(12)]: '未找到，已报主管', ZZ9999999: '不属本网点，待查来源' };
    expect(sbkCode(() => closeCount(ledger, clerk, id, { reasons, approver: clerk2 }))).toBe('COUNT_APPROVAL_REQUIRED');
    expect(closeCount(ledger, clerk, id, { reasons, approver: sup })).toEqual({ closed: true, variances: 2 });
    const view = countView(ledger, clerk, id);
    expect(view.variances).toEqual([
      { cardNo: blank(12), kind: 'missing', bank: '中国工商银行', box: `${BATCH}/01`, reason: '未找到，已报主管' },
      { cardNo: 'ZZ9999999', kind: 'unexpected', bank: null, box: null, reason: '不属本网点，待查来源' },
    ]);
    // The missing blank stays an open discrepancy until found or declared lost (with a supervisor).
    const open = openDiscrepancies(ledger, clerk);
    expect(open.map((d) => [d.kind, d.cardNo])).toEqual([
      ['missing', blank(12)],
      ['extra', 'ZZ9999999'],
    ]);
    // The blank turns up and is sent up to the county: the office can no longer declare it lost.
    const { dispatchShipment } = await import('../../src/workflows/shipment-dispatch.ts');
    const sent = dispatchShipment(ledger, clerk, { toSiteCode: '420102', select: { cards: [blank(12)] }, method: 'staff' });
    expect(sbkCode(() => declareLost(ledger, clerk, sup, open[0]!.id, '盘点缺少'))).toBe('DISCREPANCY_CARD_MOVED');
    expect(sent.cards).toBe(1);
    expect(lookupCard(ledger, blank(12)).state).toBe('in_transit');
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('the ledger refuses to close a count whose books do not balance', () => {
    const { ledger, clerk, clerk2 } = setup();
    const { id } = startCount(ledger, clerk);
    recordScans(ledger, clerk, id, [`${BATCH}/01=15`, '02=20', '@制卡机1-卡盒1=5']);
    submitCount(ledger, clerk, id);
    // Someone edits the stored balance behind the program.
    ledger.sqlite.exec('DROP TRIGGER stock_count_lines_no_update');
    ledger.sqlite.prepare('UPDATE stock_count_lines SET received = received - 1 WHERE count_id = ?').run(id);
    expect(sbkCode(() => closeCount(ledger, clerk, id, { confirmer: clerk2 }))).toBe('COUNT_ARITHMETIC');
    expect(countView(ledger, clerk, id).status).toBe('submitted');
    expect(verifyLedger(ledger).problems.map((p) => p.code)).toContain('GUARD_MISSING');
  });

  it('a week: spoiled and used blanks, a hopper, a day without a count, and the reconciliation report', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // Monday 7 December 2026 to Friday 11 December, 10:00 China time; Wednesday is skipped.
    const at = (d: string, h = 10) => vi.setSystemTime(new Date(`${d}T${String(h).padStart(2, '0')}:00:00+08:00`));
    at('2026-12-07', 9);
    const { ledger, clerk, clerk2, sup } = setup();
    const dayCount = (d: string, scans: string[], close: Parameters<typeof closeCount>[3] = { confirmer: clerk2 }) => {
      at(d, 17);
      const { id } = startCount(ledger, clerk);
      recordScans(ledger, clerk, id, scans);
      const r = submitCount(ledger, clerk, id);
      closeCount(ledger, clerk, id, close);
      return r;
    };
    dayCount('2026-12-07', [`${BATCH}/01=15`, '02=20', '@制卡机1-卡盒1=5']);
    // Tuesday: two blanks used by instant issuance, one spoiled at the printer.
    at('2026-12-08', 11);
    consume(ledger, clerk, blank(1), 'K70000001');
    consume(ledger, clerk, blank(2), 'K70000002');
    spoilBlank(ledger, clerk, { operationId: randomUUID(), cardNo: blank(3), reason: '打印失败，出至废卡箱' });
    // The blank is linked to the card and holder it became; the ID number is masked on the record.
    const used = lookupCard(ledger, blank(1)).history.at(-1)!;
    expect(used).toMatchObject({ type: 'consume', counterpart: '张[CHUI]', ref: expect.stringContaining('K70000001') });
    expect(used.reason).toContain('1101**********002X');
    expect(used.reason).not.toContain('11010519491231002X');
    const tue = dayCount('2026-12-08', [`${BATCH}/01=15`, '02=20', '@制卡机1-卡盒1=2']);
    expect(tue.lines[0]).toMatchObject({ opening: 40, received: 0, consumed: 2, spoiled: 1, movedOut: 0, closing: 37, counted: 37 });
    // Wednesday: nobody counts. Thursday: the spoiled blank is destroyed before two people.
    at('2026-12-10', 9);
    expect(sbkCode(() => destroySpoiled(ledger, clerk, clerk, { operationId: randomUUID(), cardNos: [blank(3)], reason: '剪角碎卡' }))).toBe('SECOND_OPERATOR_SAME');
    destroySpoiled(ledger, clerk, sup, { operationId: randomUUID(), cardNos: [blank(3)], reason: '剪角碎卡' });
    expect(lookupCard(ledger, blank(3)).state).toBe('destroyed');
    const thu = dayCount('2026-12-10', [`${BATCH}/01=15`, '02=20', '@制卡机1-卡盒1=2']);
    expect(thu.lines[0]).toMatchObject({ opening: 37, received: 0, consumed: 0, spoiled: 0, closing: 37 });
    dayCount('2026-12-11', [`${BATCH}/01=15`, '02=20', '@制卡机1-卡盒1=2']);

    at('2026-12-12', 9);
    const report = reconciliationReport(ledger, clerk, calendar, { from: '2026-12-07', to: '2026-12-11' });
    expect(report.map((r) => [r.date, r.opening, r.received, r.consumed, r.spoiled, r.movedOut, r.closing, r.counted, r.warning])).toEqual([
      ['2026-12-07', 0, 40, 0, 0, 0, 40, 40, null],
      ['2026-12-08', 40, 0, 2, 1, 0, 37, 37, null],
      ['2026-12-09', null, null, null, null, null, null, null, '当日无已结束的盘点'],
      ['2026-12-10', 37, 0, 0, 0, 0, 37, 37, null],
      ['2026-12-11', 37, 0, 0, 0, 0, 37, 37, null],
    ]);
    // Every closed day chains: opening = the previous closing.
    expect(report[0]).toMatchObject({ countedBy: '孙丽', approvedBy: '周洁' });
    expect(missedCountDays(ledger, clerk, calendar)).toEqual([{ site: '江岸社会保险管理处', dates: ['2026-12-09'] }]);
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('the home alert and the report agree: days before the first blanks arrived are not missed, a day without a count is', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const at = (d: string, h = 10) => vi.setSystemTime(new Date(`${d}T${String(h).padStart(2, '0')}:00:00+08:00`));
    // The office gets its first blanks on Thursday 10 December and counts them that afternoon.
    at('2026-12-10', 9);
    const { ledger, clerk, clerk2 } = setup();
    at('2026-12-10', 17);
    const { id } = startCount(ledger, clerk);
    recordScans(ledger, clerk, id, [`${BATCH}/01=15`, '02=20', '@制卡机1-卡盒1=5']);
    submitCount(ledger, clerk, id);
    closeCount(ledger, clerk, id, { confirmer: clerk2 });
    const countAlerts = () => homeAlerts(ledger, clerk, calendar).filter((a) => a.code.startsWith('missedCounts'));
    const warned = (from: string, to: string) => reconciliationReport(ledger, clerk, calendar, { from, to }).filter((r) => r.warning !== null).map((r) => r.date);

    // Friday morning: the week before Thursday had no blanks here, so nothing was missed.
    at('2026-12-11', 9);
    expect(countAlerts()).toEqual([]);
    expect(missedCountDays(ledger, clerk, calendar)).toEqual([]);
    expect(warned('2026-12-04', '2026-12-10')).toEqual([]);

    // Monday: Friday went without a count; both say so, and only that day.
    at('2026-12-14', 9);
    expect(missedCountDays(ledger, clerk, calendar)).toEqual([{ site: '江岸社会保险管理处', dates: ['2026-12-11'] }]);
    expect(countAlerts().map((a) => a.text)).toEqual(['江岸社会保险管理处：近 7 天有 1 个工作日没有完成预制卡盘点（最近 2026-12-11）']);
    expect(warned('2026-12-07', '2026-12-13')).toEqual(['2026-12-11']);
  });

  it('a box entered again counts by its last figure: a recount lower is not hidden by the first', () => {
    const { ledger, clerk } = setup();
    const { id } = startCount(ledger, clerk);
    recordScans(ledger, clerk, id, [`${BATCH}/01=15`, '02=20', '@制卡机1-卡盒1=5', `${BATCH}/01=14`]);
    const r = submitCount(ledger, clerk, id);
    expect(r.clean).toBe(false);
    expect(r.boxes[0]).toEqual({ box: `${BATCH}/01`, expected: 15, counted: 0 });
    expect(r.missing).toHaveLength(15);
  });

  it('undo appends a reversing line: nothing is deleted, the reversed scan does not count, verify agrees', () => {
    const { ledger, clerk, clerk2 } = setup();
    const { id } = startCount(ledger, clerk);
    // A stray code (would be an unexpected card) and a box recount typed wrong, both taken back.
    recordScans(ledger, clerk, id, [`${BATCH}/01=15`, '02=20', '@制卡机1-卡盒1=5', 'ZZ24', `${BATCH}/01=14`]);
    expect(sbkCode(() => undoLastScan(ledger, clerk2, id + 1))).toBe('COUNT_NOT_FOUND');
    expect(undoLastScan(ledger, clerk, id)).toMatchObject({ undone: { kind: 'box', code: `${BATCH}/01`, quantity: 14 }, scans: 4, countedSoFar: 41 });
    expect(undoLastScan(ledger, clerk, id)).toMatchObject({ undone: { kind: 'card', code: 'ZZ24', quantity: null }, scans: 3, countedSoFar: 40 });
    expect(countEntries(ledger, clerk, id).map((e) => e.code)).toEqual([`${BATCH}/01`, '02', '制卡机1-卡盒1']);
    expect(countView(ledger, clerk, id).scans).toBe(3);
    const rows = ledger.sqlite.prepare('SELECT id, code, reverses FROM stock_count_scans WHERE count_id = ? ORDER BY id').all(id) as { id: number; code: string; reverses: number | null }[];
    expect(rows.map((r) => [r.code, r.reverses])).toEqual([
      [`${BATCH}/01`, null],
      ['02', null],
      ['制卡机1-卡盒1', null],
      ['ZZ24', null],
      [`${BATCH}/01`, null],
      [`${BATCH}/01`, rows[4]!.id],
      ['ZZ24', rows[3]!.id],
    ]);
    // The ledger itself refuses a reversal of a reversal, a second reversal, and a scan of another count.
    const insert = (reverses: number) => () =>
      ledger.sqlite.prepare('INSERT INTO stock_count_scans (count_id, kind, code, quantity, operator_id, at, reverses) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, 'card', 'ZZ24', null, clerk.id, '2026-11-20T01:00:00.000Z', reverses);
    expect(insert(rows[6]!.id)).toThrow(/SBK_REVERSAL/);
    expect(insert(rows[3]!.id)).toThrow(/UNIQUE/);
    expect(() => ledger.sqlite.prepare('DELETE FROM stock_count_scans WHERE id = ?').run(rows[3]!.id)).toThrow(/SBK_APPEND_ONLY/);
    // Submitted: the reversed scans are not counted — the count is clean.
    const r = submitCount(ledger, clerk, id);
    expect(r).toMatchObject({ clean: true, unexpected: [], missing: [] });
    expect(r.lines[0]).toMatchObject({ closing: 40, counted: 40, missing: 0, unexpected: 0 });
    expect(sbkCode(() => undoLastScan(ledger, clerk, id))).toBe('COUNT_NOT_OPEN');
    expect(closeCount(ledger, clerk, id, { confirmer: clerk2 })).toEqual({ closed: true, variances: 0 });
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('two counters on one count: each undo takes back only the undoer’s own scan; a console names its own line', () => {
    const { ledger, clerk, clerk2 } = setup();
    const { id } = startCount(ledger, clerk);
    const a = recordScans(ledger, clerk, id, [blank(1), blank(2)]);
    expect(a.ids).toHaveLength(2);
    const b = recordScans(ledger, clerk2, id, [blank(3)]);
    // 周洁 scanned last, but 孙丽's Ctrl+Z takes back her own last scan.
    expect(undoLastScan(ledger, clerk, id)).toMatchObject({ undone: { code: blank(2) }, scanId: a.ids[1] });
    expect(countEntries(ledger, clerk, id).map((e) => e.code)).toEqual([blank(1), blank(3)]);
    // A console names the line it wrote: one already taken back elsewhere is refused, nothing else undone.
    expect(sbkCode(() => undoLastScan(ledger, clerk, id, { scanId: a.ids[1]! }))).toBe('COUNT_SCAN_ALREADY_UNDONE');
    // Nor can it name a colleague's line.
    expect(sbkCode(() => undoLastScan(ledger, clerk, id, { scanId: b.ids[0]! }))).toBe('COUNT_SCAN_ALREADY_UNDONE');
    expect(undoLastScan(ledger, clerk, id, { scanId: a.ids[0]! })).toMatchObject({ undone: { code: blank(1) } });
    expect(sbkCode(() => undoLastScan(ledger, clerk, id))).toBe('COUNT_NOTHING_TO_UNDO');
    expect(countEntries(ledger, clerk2, id).map((e) => e.code)).toEqual([blank(3)]);
    expect(undoLastScan(ledger, clerk2, id)).toMatchObject({ undone: { code: blank(3) } });
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('undo with nothing left says so; verify reports a reversing line that does not hold', () => {
    const { ledger, clerk } = setup();
    const { id } = startCount(ledger, clerk);
    expect(sbkCode(() => undoLastScan(ledger, clerk, id))).toBe('COUNT_NOTHING_TO_UNDO');
    recordScans(ledger, clerk, id, [blank(6)]);
    undoLastScan(ledger, clerk, id);
    expect(sbkCode(() => undoLastScan(ledger, clerk, id))).toBe('COUNT_NOTHING_TO_UNDO');
    expect(verifyLedger(ledger).ok).toBe(true);
    // Tampering around the guard: the trigger dropped, a reversal naming a different code.
    ledger.sqlite.exec('DROP TRIGGER stock_count_scans_reversal_guard');
    recordScans(ledger, clerk, id, [blank(7)]);
    const seventh = (ledger.sqlite.prepare('SELECT max(id) AS id FROM stock_count_scans').get() as { id: number }).id;
    ledger.sqlite.prepare('INSERT INTO stock_count_scans (count_id, kind, code, quantity, operator_id, at, reverses) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, 'card', blank(8), null, clerk.id, '2026-11-20T01:00:00.000Z', seventh);
    const codes = verifyLedger(ledger).problems.map((p) => p.code);
    expect(codes).toContain('GUARD_MISSING');
    expect(codes).toContain('COUNT_REVERSAL_INVALID');
  });

  it('an abandoned count frees the site for a new one', () => {
    const { ledger, clerk } = setup();
    const first = startCount(ledger, clerk);
    abandonCount(ledger, clerk, first.id, '停电，重新盘点');
    expect(countView(ledger, clerk, first.id).status).toBe('abandoned');
    expect(startCount(ledger, clerk).id).toBe(first.id + 1);
  });
});
