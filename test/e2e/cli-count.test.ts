import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cliAs, demoLedgerCopies, verifies } from '../helpers/demo-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { todayInChina } from '../../src/domain/china-dates.ts';
import { addCalendarDays } from '../../src/domain/calendar.ts';
import { workingCalendar } from '../../src/workflows/calendar-source.ts';

/**
 * Demo operators (src/workflows/demo-ledger.ts). ICBC branch 420102-B01: sunli (clerk); CCB branch
 * 420102-B02: zhoujie (clerk); 江岸 office 420102-01: zhaomin (supervisor, not over the branches); the city: lijuan (supervisor), admin.
 */
const PINS = { admin: '135790', sunli: '680135', zhoujie: '791246', zhaomin: '468013', lijuan: '246801', wangfang: '246135' } as const;
type Who = keyof typeof PINS;

const ICBC_BRANCH = '420102-B01';
const CCB_BRANCH = '420102-B02';
const ICBC = '中国工商银行';
const CCB = '中国建设银行';
const ICBC_BATCH = 'YZ-ICBC-2026-11';
const CCB_BATCH = 'YZ-CCB-2026-11';
const HOPPER = '制卡机1-卡盒1';
const BOM = '\uFEFF';
const SLOW = 180_000;

const demoCopy = demoLedgerCopies('sbk-count-');
const { ok, refused, usage, text } = cliAs(PINS);

type StockRow = { bank: string; maker: string; batch: string | null; where: string; inStock: number; loaded: number };

/** What `sbk prefab stock` says is where: boxes by label (`箱 01（预制卡保险柜）`) and hoppers by name. */
function prefabPlaces(db: string, who: Who): { rows: StockRow[]; boxes: { label: string; n: number }[]; hoppers: { name: string; n: number }[]; total: number } {
  const rows = ok(db, who, ['prefab', 'stock']) as StockRow[];
  const boxes = rows.flatMap((r) => {
    const m = /^箱 (\S+)（/.exec(r.where);
    return m ? [{ label: m[1]!, n: r.inStock }] : [];
  });
  const hoppers = rows.flatMap((r) => {
    const m = /^卡盒 (.+)$/.exec(r.where);
    return m ? [{ name: m[1]!, n: r.loaded }] : [];
  });
  return { rows, boxes, hoppers, total: rows.reduce((a, r) => a + r.inStock + r.loaded, 0) };
}

/** The day a count was submitted, in China. */
function countDay(db: string, who: Who, id: number): string {
  return todayInChina(new Date(ok(db, who, ['count', 'show', String(id)]).submittedAt));
}

/** The demo clerk at the ICBC branch gets a colleague (a second person for a clean count). */
function addColleague(db: string): void {
  expect(ok(db, 'admin', ['operator', 'add', '--id', 'wangfang', '--name', '王芳', '--role', 'clerk', '--site', ICBC_BRANCH], { SBK_NEW_PIN: PINS.wangfang })).toMatchObject({ login: 'wangfang', site: ICBC_BRANCH });
}

describe('sbk count and sbk prefab (real binary)', () => {
  it(
    'a clean count: boxes and the hopper counted whole, blind until submitted, closed with a colleague’s confirmation; status and the report',
    () => {
      const db = demoCopy();
      addColleague(db);
      const stock = prefabPlaces(db, 'sunli');
      // The demo's ICBC blanks: 50 made, some in the safe by box, some in the hopper, some used, one spoiled.
      expect(stock.rows.every((r) => r.bank === ICBC && r.batch === ICBC_BATCH && r.maker === '东信和平')).toBe(true);
      expect(stock.boxes.length).toBeGreaterThanOrEqual(2);
      expect(stock.hoppers).toEqual([{ name: HOPPER, n: expect.any(Number) }]);
      expect(stock.hoppers[0]!.n).toBeGreaterThan(0);
      expect(stock.total).toBeLessThan(50);
      const sumBoxes = stock.boxes.reduce((a, b) => a + b.n, 0);

      expect(ok(db, 'sunli', ['count', 'status'])).toEqual([{ site: { code: ICBC_BRANCH, name: expect.any(String) }, onHand: stock.total, today: null }]);

      const { id, bank } = ok(db, 'sunli', ['count', 'start']);
      expect(bank).toBeNull();
      refused(db, 'sunli', ['count', 'start'], 'COUNT_OPEN');

      // Blind: the scan answers only how many were counted, never what is expected.
      const scanned = ok(db, 'sunli', ['count', 'scan', String(id), ...stock.boxes.map((b) => `${b.label}=${b.n}`), `@${HOPPER}=${stock.hoppers[0]!.n}`]);
      expect(scanned).toMatchObject({ scans: stock.boxes.length + 1, countedSoFar: stock.total });
      const scanText = text(db, 'sunli', ['count', 'scan', String(id), `@${HOPPER}=${stock.hoppers[0]!.n}`]);
      expect(scanText.code, scanText.stderr).toBe(0);
      expect(scanText.stdout).toContain(`已点 ${stock.total} 张`);
      expect(scanText.stdout).not.toMatch(/应有|期末|缺少/);
      expect(ok(db, 'sunli', ['count', 'show', String(id)])).toMatchObject({ id, status: 'counting', scans: stock.boxes.length + 2, lines: null, variances: null });
      expect(text(db, 'sunli', ['count', 'show', String(id)]).stdout).toContain('盲盘：提交前不显示应有数量。');
      // A stray code, taken back with `count undo` (a reversing line): it is not counted, and not a difference.
      ok(db, 'sunli', ['count', 'scan', String(id), 'ZZ24']);
      const undone = text(db, 'sunli', ['count', 'undo', String(id)]);
      expect(undone.code, undone.stderr).toBe(0);
      expect(undone.stdout).toContain(`已撤销：卡 ZZ24；本次盘点已点 ${stock.total} 张。`);
      expect(ok(db, 'sunli', ['count', 'show', String(id)])).toMatchObject({ scans: stock.boxes.length + 2 });

      const r = ok(db, 'sunli', ['count', 'submit', String(id)]);
      expect(r).toMatchObject({ id, clean: true, missing: [], unexpected: [] });
      expect(r.lines).toHaveLength(1);
      const line = r.lines[0];
      expect(line).toMatchObject({ bank: ICBC, opening: 0, received: 50, spoiled: 1, movedOut: 0, closing: stock.total, counted: stock.total, missing: 0, unexpected: 0 });
      expect(line.opening + line.received - line.consumed - line.spoiled - line.movedOut).toBe(line.closing);
      expect(r.boxes).toEqual([
        ...stock.boxes.map((b) => ({ box: `${ICBC_BATCH}/${b.label}`, expected: b.n, counted: b.n })),
        { box: `卡盒:${HOPPER}`, expected: stock.hoppers[0]!.n, counted: stock.hoppers[0]!.n },
      ]);
      expect(sumBoxes + stock.hoppers[0]!.n).toBe(line.closing);
      refused(db, 'sunli', ['count', 'scan', String(id), '01=1'], 'COUNT_NOT_OPEN');
      refused(db, 'sunli', ['count', 'submit', String(id)], 'COUNT_NOT_OPEN');

      // A clean count still needs a second person, who is not the counter, and whose PIN is given.
      refused(db, 'sunli', ['count', 'approve', String(id)], 'COUNT_CONFIRM_REQUIRED');
      refused(db, 'sunli', ['count', 'approve', String(id), '--confirm', 'sunli'], 'SECOND_OPERATOR_SAME', { SBK_APPROVER_PIN: PINS.sunli });
      refused(db, 'sunli', ['count', 'approve', String(id), '--confirm', 'wangfang'], 'PIN_REQUIRED');
      refused(db, 'sunli', ['count', 'approve', String(id), '--confirm', 'wangfang'], 'AUTH_FAILED', { SBK_APPROVER_PIN: '000000' });
      usage(db, 'sunli', ['count', 'approve', String(id), '--confirm', 'wangfang', '--approver', 'zhaomin']);
      expect(ok(db, 'sunli', ['count', 'close', String(id), '--confirm', 'wangfang'], { SBK_APPROVER_PIN: PINS.wangfang })).toEqual({
        id,
        closed: true,
        variances: 0,
        approver: null,
        confirmer: 'wangfang',
      });
      refused(db, 'sunli', ['count', 'approve', String(id), '--confirm', 'wangfang'], 'COUNT_NOT_SUBMITTED', { SBK_APPROVER_PIN: PINS.wangfang });
      expect(ok(db, 'sunli', ['count', 'show', String(id)])).toMatchObject({ status: 'closed', closedBy: '孙丽', variances: [] });

      // Today's state per site: the branch has counted; the city sees both branches, the CCB one not yet.
      expect(ok(db, 'sunli', ['count', 'status'])).toEqual([{ site: { code: ICBC_BRANCH, name: expect.any(String) }, onHand: stock.total, today: { id, status: 'closed' } }]);
      const city = ok(db, 'admin', ['count', 'status']) as { site: { code: string }; onHand: number; today: unknown }[];
      expect(city.map((s) => s.site.code).sort()).toEqual([ICBC_BRANCH, CCB_BRANCH]);
      expect(city.find((s) => s.site.code === CCB_BRANCH)).toMatchObject({ today: null });
      expect(city.find((s) => s.site.code === CCB_BRANCH)!.onHand).toBeGreaterThan(0);
      const statusText = text(db, 'admin', ['count', 'status']);
      expect(statusText.stdout).toMatch(new RegExp(`${CCB_BRANCH}.*⚠ 未盘点`));
      expect(statusText.stdout).toMatch(new RegExp(`${ICBC_BRANCH}.*已结束（编号 ${id}）`));

      // The report for the day of the count: CSV with a BOM, today's row with its figures and both names.
      const day = countDay(db, 'sunli', id);
      const csv = text(db, 'sunli', ['count', 'report', '--from', day, '--to', day, '--csv']);
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout.startsWith(BOM)).toBe(true);
      expect(csv.stdout).toContain('\r\n');
      expect(csv.stdout).toContain('日期,银行,期初,入库,使用,作废,调出,期末,实点,差异,盘点人,复核人,提示');
      expect(csv.stdout).toContain(`${day},${ICBC},0,50,${line.consumed},1,0,${stock.total},${stock.total},0,孙丽,王芳,`);
      const printed = text(db, 'sunli', ['count', 'report', '--from', day, '--to', day]);
      expect(printed.code, printed.stderr).toBe(0);
      expect(printed.stdout).toMatch(new RegExp(`^${day} 工商银行\\s+0\\s+50\\s+${line.consumed}\\s+1\\s+0\\s+${stock.total}\\s+${stock.total}\\s+0 孙丽\\s+王芳$`, 'm'));
      expect(printed.stdout).not.toContain('⚠ 当日无已结束的盘点');
      const json = ok(db, 'sunli', ['count', 'report', '--from', day, '--to', day]);
      expect(json).toMatchObject({ site: { code: ICBC_BRANCH }, from: day, to: day, rows: [{ date: day, bank: ICBC, closing: stock.total, countedBy: '孙丽', approvedBy: '王芳', warning: null }] });
      const file = join(tempDir(), 'count.csv');
      expect(ok(db, 'sunli', ['count', 'report', '--from', day, '--to', day, '--csv', '--out', file])).toEqual({ format: 'csv', from: day, to: day, rows: 1, warnings: 0, path: file });
      expect(readFileSync(file, 'utf8').startsWith(BOM)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      verifies(db);
    },
    SLOW,
  );

  it(
    'one card missing from a box and one unexpected: approve refused without reasons, refused without a supervisor, then accepted',
    () => {
      const db = demoCopy();
      const stock = prefabPlaces(db, 'sunli');
      // The fullest box is counted one short, then card by card without its last card.
      const box = [...stock.boxes].sort((a, b) => b.n - a.n)[0]!;
      const register = ok(db, 'sunli', ['register', '--batch', ICBC_BATCH]) as { rows: { cardNo: string; box: string | null; state: string }[] };
      const inBox = register.rows.filter((c) => c.box === box.label && c.state === 'in_stock').map((c) => c.cardNo);
      expect(inBox).toHaveLength(box.n);
      const gone = inBox.at(-1)!;
      // A CCB blank from the other branch turns up in the ICBC safe.
      const stray = (ok(db, 'zhoujie', ['register', '--batch', CCB_BATCH]) as { rows: { cardNo: string; state: string }[] }).rows.find((c) => c.state === 'in_stock')!.cardNo;

      const { id } = ok(db, 'sunli', ['count', 'start']);
      const others = stock.boxes.filter((b) => b.label !== box.label).map((b) => `${b.label}=${b.n}`);
      ok(db, 'sunli', ['count', 'scan', String(id), `${ICBC_BATCH}/${box.label}=${box.n - 1}`, ...others, `@${HOPPER}=${stock.hoppers[0]!.n}`]);
      ok(db, 'sunli', ['count', 'scan', String(id), ...inBox.slice(0, -1), stray.toLowerCase()]);

      const submitted = text(db, 'sunli', ['count', 'submit', String(id)]);
      expect(submitted.code, submitted.stderr).toBe(0);
      expect(submitted.stdout).toContain(`盘点 ${id} 已提交：有差异，缺少 1 张，多出 1 张。`);
      expect(submitted.stdout).toMatch(new RegExp(`^  期初 0 \\+ 入库 50 - 使用 \\d+ - 作废 1 - 调出 0 = 期末 ${stock.total}$`, 'm'));
      expect(submitted.stdout).toContain(`实点 ${stock.total - 1} = 期末 ${stock.total} - 缺少 1 + 多出 0`);
      expect(submitted.stdout).toMatch(new RegExp(`^  箱 ${ICBC_BATCH}/${box.label}\\s+${box.n}\\s+${box.n - 1}\\s+-1$`, 'm'));
      expect(submitted.stdout).toMatch(new RegExp(`^  ${gone}\\s+${ICBC}\\s+箱 ${ICBC_BATCH}/${box.label}$`, 'm'));
      expect(submitted.stdout).toMatch(new RegExp(`^  ${stray}\\s+${CCB}\\s+建设银行武汉江岸支行（演示）$`, 'm'));
      expect(submitted.stdout).toContain(`sbk count approve ${id} --reason 卡号=原因`);
      for (const l of submitted.stdout.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);

      const view = ok(db, 'sunli', ['count', 'show', String(id)]);
      expect(view).toMatchObject({ status: 'submitted', closedAt: null });
      expect(view.variances).toEqual([
        { cardNo: gone, kind: 'missing', bank: ICBC, box: `${ICBC_BATCH}/${box.label}`, reason: null },
        { cardNo: stray, kind: 'unexpected', bank: CCB, box: null, reason: null },
      ]);
      // The stray CCB blank gets a line of its own bank: nothing on the books here, one counted.
      expect(view.lines).toEqual([
        expect.objectContaining({ bank: ICBC, closing: stock.total, counted: stock.total - 1, missing: 1, unexpected: 0 }),
        expect.objectContaining({ bank: CCB, opening: 0, received: 0, closing: 0, counted: 1, missing: 0, unexpected: 1 }),
      ]);

      const sup = { SBK_APPROVER_PIN: PINS.lijuan };
      const reasons = ['--reason', `${gone}=保险柜内外均未找到，已报主管`, '--reason', `${stray.toLowerCase()}=建行预制卡误放，待退回建行网点`];
      refused(db, 'sunli', ['count', 'approve', String(id), '--approver', 'lijuan'], 'COUNT_REASON_REQUIRED', sup);
      refused(db, 'sunli', ['count', 'approve', String(id), '--reason', `${gone}=未找到`, '--approver', 'lijuan'], 'COUNT_REASON_REQUIRED', sup);
      usage(db, 'sunli', ['count', 'approve', String(id), '--reason', gone, '--approver', 'lijuan']);
      // With every reason but no supervisor: a colleague's confirmation is not enough, nor is a clerk as approver.
      refused(db, 'sunli', ['count', 'approve', String(id), ...reasons], 'COUNT_APPROVAL_REQUIRED');
      refused(db, 'sunli', ['count', 'approve', String(id), ...reasons, '--confirm', 'zhoujie'], 'COUNT_APPROVAL_REQUIRED', { SBK_APPROVER_PIN: PINS.zhoujie });
      refused(db, 'sunli', ['count', 'approve', String(id), ...reasons, '--approver', 'zhoujie'], 'APPROVER_NOT_SUPERVISOR', { SBK_APPROVER_PIN: PINS.zhoujie });
      refused(db, 'sunli', ['count', 'approve', String(id), ...reasons, '--approver', 'lijuan'], 'PIN_REQUIRED');
      expect(ok(db, 'sunli', ['count', 'show', String(id)]).status).toBe('submitted');

      // The branch has no supervisor of its own: the city centre's (lijuan) approves; a sibling office's (zhaomin) may not.
      refused(db, 'sunli', ['count', 'approve', String(id), ...reasons, '--approver', 'zhaomin'], 'APPROVER_OUT_OF_SCOPE', { SBK_APPROVER_PIN: PINS.zhaomin });
      expect(ok(db, 'sunli', ['count', 'approve', String(id), ...reasons, '--approver', 'lijuan'], sup)).toEqual({ id, closed: true, variances: 2, approver: 'lijuan', confirmer: null });
      const closed = ok(db, 'sunli', ['count', 'show', String(id)]);
      expect(closed).toMatchObject({ status: 'closed' });
      expect(closed.variances.map((v: { cardNo: string; reason: string }) => [v.cardNo, v.reason])).toEqual([
        [gone, '保险柜内外均未找到，已报主管'],
        [stray, '建行预制卡误放，待退回建行网点'],
      ]);
      const shown = text(db, 'sunli', ['count', 'show', String(id)]);
      expect(shown.stdout).toMatch(new RegExp(`${gone}\\s+缺少\\s+箱 ${ICBC_BATCH}/${box.label}\\s+保险柜内外均未找到`));

      // The differences stay open for the office until found or declared lost.
      const open = ok(db, 'sunli', ['discrepancy', 'list']) as { kind: string; cardNo: string }[];
      expect(open.map((d) => [d.kind, d.cardNo])).toEqual([
        ['missing', gone],
        ['extra', stray],
      ]);

      const day = countDay(db, 'sunli', id);
      const report = ok(db, 'sunli', ['count', 'report', '--from', day, '--to', day]);
      expect(report.rows).toEqual([expect.objectContaining({ date: day, bank: ICBC, closing: stock.total, counted: stock.total - 1, differences: 1, countedBy: '孙丽', approvedBy: '李娟', warning: null })]);
      verifies(db);
    },
    SLOW,
  );

  it(
    'abandon and start again; usage errors; the report flags working days without a count, and --yesterday is one China day',
    () => {
      const db = demoCopy();
      const first = ok(db, 'sunli', ['count', 'start', '--bank', ICBC]);
      expect(first.bank).toBe(ICBC);
      usage(db, 'sunli', ['count', 'abandon', String(first.id)]);
      usage(db, 'sunli', ['count', 'show', 'abc']);
      usage(db, 'sunli', ['count', 'scan', String(first.id)]);
      expect(ok(db, 'sunli', ['count', 'abandon', String(first.id), '--reason', '停电，重新盘点'])).toEqual({ abandoned: first.id });
      expect(ok(db, 'sunli', ['count', 'show', String(first.id)])).toMatchObject({ status: 'abandoned', lines: null });
      refused(db, 'sunli', ['count', 'scan', String(first.id), '01=1'], 'COUNT_NOT_OPEN');
      refused(db, 'sunli', ['count', 'abandon', String(first.id), '--reason', '再放弃一次'], 'COUNT_NOT_OPEN');
      expect(ok(db, 'sunli', ['count', 'start']).id).toBe(first.id + 1);
      // Another branch's count is not found from here.
      refused(db, 'zhoujie', ['count', 'show', String(first.id)], 'COUNT_NOT_FOUND');
      expect(ok(db, 'sunli', ['count', 'status'])[0].today).toEqual({ id: first.id + 1, status: 'counting' });

      usage(db, 'sunli', ['count', 'report']);
      usage(db, 'sunli', ['count', 'report', '--from', '2026-11-01']);
      usage(db, 'sunli', ['count', 'report', '--from', '2026-11-31', '--to', '2026-12-01']);
      usage(db, 'sunli', ['count', 'report', '--yesterday', '--from', '2026-11-01']);
      refused(db, 'sunli', ['count', 'report', '--from', '2026-11-10', '--to', '2026-11-01'], 'DATE_RANGE');

      // The last ten days: no count was ever closed, so every working day is flagged and no other day.
      const today = todayInChina();
      const from = addCalendarDays(today, -10);
      const to = addCalendarDays(today, -1);
      const calendar = workingCalendar();
      const report = ok(db, 'sunli', ['count', 'report', '--from', from, '--to', to]) as { rows: { date: string; bank: string; warning: string | null; closing: number | null }[] };
      expect(report.rows).toHaveLength(10);
      for (const r of report.rows) {
        expect(r.bank).toBe(ICBC);
        expect(r.closing).toBeNull();
        expect(r.warning).toBe(calendar.isWorkingDay(r.date) ? '当日无已结束的盘点' : null);
      }
      const printed = text(db, 'sunli', ['count', 'report', '--from', from, '--to', to]);
      const flagged = report.rows.filter((r) => r.warning !== null);
      expect(flagged.length).toBeGreaterThan(0);
      for (const r of report.rows) {
        expect(printed.stdout).toMatch(new RegExp(`^${r.date} 工商银行 ${r.warning ? '⚠ 当日无已结束的盘点' : '无盘点（非工作日）'}$`, 'm'));
      }
      expect(printed.stdout).toContain(`⚠ ${flagged.length} 行是工作日没有已结束的盘点`);
      for (const l of printed.stdout.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);

      // The cron job's shortcut: yesterday in China, printed as text.
      const yesterday = ok(db, 'sunli', ['count', 'report', '--yesterday']);
      expect(yesterday).toMatchObject({ from: to, to, rows: [{ date: to, bank: ICBC }] });
      const cron = text(db, 'sunli', ['count', 'report', '--yesterday']);
      expect(cron.code, cron.stderr).toBe(0);
      expect(cron.stdout).toMatch(new RegExp(`^期间：${to}$`, 'm'));
      verifies(db);
    },
    SLOW,
  );

  it(
    'prefab: load the hopper, spoil a blank, destroy spoiled blanks before a supervisor; the next count balances',
    () => {
      const db = demoCopy();
      const before = prefabPlaces(db, 'sunli');
      const register = () => (ok(db, 'sunli', ['register', '--batch', ICBC_BATCH]) as { rows: { cardNo: string; state: string }[] }).rows;
      const inStock = register().filter((c) => c.state === 'in_stock').map((c) => c.cardNo);
      const demoSpoiled = register().filter((c) => c.state === 'spoiled').map((c) => c.cardNo);
      expect(demoSpoiled).toHaveLength(1);
      const [toLoad, toSpoil] = [inStock[0]!, inStock[1]!];

      refused(db, 'sunli', ['prefab', 'load', '--hopper', '制卡机9-卡盒9', toLoad], 'HOPPER_NOT_FOUND');
      const ccbBlank = (ok(db, 'zhoujie', ['register', '--batch', CCB_BATCH]) as { rows: { cardNo: string; state: string }[] }).rows.find((c) => c.state === 'in_stock')!.cardNo;
      refused(db, 'sunli', ['prefab', 'load', '--hopper', HOPPER, ccbBlank], 'CARD_NOT_HERE');
      usage(db, 'sunli', ['prefab', 'load', toLoad]);
      expect(ok(db, 'sunli', ['prefab', 'load', '--hopper', HOPPER, toLoad.toLowerCase()])).toEqual({ loaded: 1, hopper: HOPPER });
      expect(ok(db, 'sunli', ['card', toLoad])).toMatchObject({ state: 'loaded' });

      usage(db, 'sunli', ['prefab', 'spoil', toSpoil]);
      refused(db, 'sunli', ['prefab', 'spoil', toSpoil, '--reason', ' '], 'REASON_REQUIRED');
      expect(ok(db, 'sunli', ['prefab', 'spoil', toSpoil, '--reason', '打印失败：芯片写入失败'])).toEqual({ spoiled: toSpoil, reason: '打印失败：芯片写入失败' });
      expect(ok(db, 'sunli', ['card', toSpoil])).toMatchObject({ state: 'spoiled' });
      const after = prefabPlaces(db, 'sunli');
      expect(after.total).toBe(before.total - 1);
      expect(after.hoppers[0]!.n).toBe(before.hoppers[0]!.n + 1);

      // Destroying takes two people: a supervisor who is not the operator, with their PIN.
      const destroy = ['prefab', 'destroy', toSpoil, demoSpoiled[0]!, '--reason', '两人在场，剪角后碎卡'];
      usage(db, 'sunli', ['prefab', 'destroy', toSpoil, '--reason', '剪角']);
      refused(db, 'sunli', [...destroy, '--approver', 'sunli'], 'SECOND_OPERATOR_SAME', { SBK_APPROVER_PIN: PINS.sunli });
      refused(db, 'sunli', [...destroy, '--approver', 'zhoujie'], 'APPROVER_NOT_SUPERVISOR', { SBK_APPROVER_PIN: PINS.zhoujie });
      refused(db, 'sunli', [...destroy, '--approver', 'lijuan'], 'PIN_REQUIRED');
      refused(db, 'sunli', ['prefab', 'destroy', inStock[2]!, '--reason', '剪角', '--approver', 'lijuan'], 'TRANSITION_ILLEGAL', { SBK_APPROVER_PIN: PINS.lijuan });
      expect(ok(db, 'sunli', [...destroy, '--approver', 'lijuan'], { SBK_APPROVER_PIN: PINS.lijuan })).toEqual({ destroyed: 2, cards: [toSpoil, demoSpoiled[0]!], approver: 'lijuan' });
      expect(ok(db, 'sunli', ['card', toSpoil])).toMatchObject({ state: 'destroyed' });
      expect(ok(db, 'sunli', ['card', demoSpoiled[0]!])).toMatchObject({ state: 'destroyed' });

      // The count sees the blank spoiled from the shelf and the one loaded into the hopper; a supervisor may confirm a clean count.
      const { id } = ok(db, 'sunli', ['count', 'start']);
      ok(db, 'sunli', ['count', 'scan', String(id), ...after.boxes.map((b) => `${b.label}=${b.n}`), `@${HOPPER}=${after.hoppers[0]!.n}`]);
      const r = ok(db, 'sunli', ['count', 'submit', String(id)]);
      expect(r.clean).toBe(true);
      expect(r.lines[0]).toMatchObject({ received: 50, spoiled: 2, closing: after.total, counted: after.total });
      expect(ok(db, 'sunli', ['count', 'approve', String(id), '--approver', 'lijuan'], { SBK_APPROVER_PIN: PINS.lijuan })).toMatchObject({ closed: true, variances: 0, approver: 'lijuan' });
      const stockText = text(db, 'sunli', ['prefab', 'stock']);
      expect(stockText.stdout).toContain(`在库 ${after.total - after.hoppers[0]!.n} 张，已装入卡盒 ${after.hoppers[0]!.n} 张`);
      verifies(db);
    },
    SLOW,
  );

  it(
    'prefab consume: a blank used by an instant issuance is linked to the card and holder it became',
    () => {
      const db = demoCopy();
      const loaded = (ok(db, 'sunli', ['register', '--batch', ICBC_BATCH]) as { rows: { cardNo: string; state: string }[] }).rows.find((c) => c.state === 'loaded')!.cardNo;
      refused(db, 'sunli', ['prefab', 'consume', loaded, '--card', 'K70000001', '--holder-name', '李华', '--holder-id', '110105194912310021'], 'ID_CHECKSUM');
      expect(ok(db, 'sunli', ['prefab', 'consume', loaded, '--card', 'K70000001', '--holder-name', '李华', '--holder-id', '11010519491231002X'])).toEqual({ consumed: loaded, card: 'K70000001' });
      const card = ok(db, 'sunli', ['card', loaded]);
      expect(card.state).toBe('consumed');
      expect(card.history.at(-1).reason).toContain('K70000001');
      expect(JSON.stringify(card)).not.toContain('11010519491231002X');
      verifies(db);
    },
    SLOW,
  );

  it(
    'a box count is digits only: `01=abc` and `01=-5` are refused with a reason, and nothing of the command is recorded',
    () => {
      const db = demoCopy();
      const { id } = ok(db, 'sunli', ['count', 'start']);
      refused(db, 'sunli', ['count', 'scan', String(id), '01=abc'], 'BOX_COUNT_INVALID');
      refused(db, 'sunli', ['count', 'scan', String(id), '01=-5'], 'BOX_COUNT_INVALID');
      // One bad entry among good ones records none of them.
      refused(db, 'sunli', ['count', 'scan', String(id), '01=3', `${ICBC_BATCH}/02=1.5`], 'BOX_COUNT_INVALID');
      refused(db, 'sunli', ['count', 'scan', String(id), '=5'], 'BOX_LABEL_INVALID');
      const r = text(db, 'sunli', ['count', 'scan', String(id), '01=abc']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('“01=abc”未记录：张数“abc”不是数字');
      // Nothing became a card that is not on the list (多出): the count has no scans at all.
      expect(ok(db, 'sunli', ['count', 'show', String(id)])).toMatchObject({ id, status: 'counting', scans: 0 });
      // The full label `批次/箱号` and the bare label both count a box.
      expect(ok(db, 'sunli', ['count', 'scan', String(id), `${ICBC_BATCH}/01=3`, '01=4'])).toMatchObject({ scans: 2, countedSoFar: 4 });
    },
    SLOW,
  );
});

