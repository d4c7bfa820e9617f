/**
 * The ways back end to end on the demo ledger: `sbk remake list`, `sbk card take-back` and
 * `sbk destroy` (HB Art. 16, 33; GD Art. 32). 江岸 (420102-01) has a defective card A10000018,
 * issued cards A10000001…, cards in stock A10000019…; 张伟 its clerk, 赵敏 its supervisor.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { cliAs, demoLedgerCopies, verifies } from '../helpers/demo-cli.ts';

const PINS = { zhangwei: '357902', zhaomin: '468013', liuyang: '579024', admin: '135790' } as const;
const SLOW = 120_000;

const demoCopy = demoLedgerCopies('sbk-ways-back-');
const ordersIn = (db: string): number => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT count(*) FROM remake_orders').pluck().get() as number;
  } finally {
    d.close();
  }
};
const { ok, refused, usage, text } = cliAs(PINS);

describe('sbk remake / card take-back / destroy', () => {
  it(
    'lists the defective card, takes back old cards (one never in the ledger), hands them to the bank; verify clean',
    () => {
      const db = demoCopy();
      const list = ok(db, 'zhangwei', ['remake', 'list']);
      expect(list.map((r: { cardNo: string }) => r.cardNo)).toEqual(['A10000018']);
      expect(list[0].holderIdMasked).toMatch(/\*{10}/);
      const csv = ok(db, 'admin', ['remake', 'list', '--csv', '']);
      expect(readFileSync(csv.csvPath, 'utf8')).toContain('A10000018');
      refused(db, 'zhangwei', ['remake', 'list', '--site', '420103-01'], 'SITE_OUT_OF_SCOPE');

      // The re-make ordered (HB Art. 16): marked on the list; all or nothing; again says so.
      const orders = () => ordersIn(db);
      expect(list[0]).toMatchObject({ orderedAt: null, orderRef: null });
      refused(db, 'zhangwei', ['remake', 'order', 'A10000018', 'A10000019'], 'REMAKE_NOT_ON_LIST');
      refused(db, 'zhangwei', ['remake', 'order', 'A10000018', '--ref', '=cmd|x'], 'REMAKE_REF_INVALID');
      refused(db, 'liuyang', ['remake', 'order', 'A10000018'], 'REMAKE_NOT_ON_LIST'); // 江汉's clerk: not in his subtree
      expect(orders()).toBe(0);
      expect(ok(db, 'zhangwei', ['remake', 'order', 'a10000018', '--ref', 'CZ-2026-12'])).toEqual({ ordered: ['A10000018'], orderedBefore: [], ref: 'CZ-2026-12' });
      const marked = ok(db, 'zhangwei', ['remake', 'list'])[0];
      expect(marked.orderRef).toBe('CZ-2026-12');
      expect(marked.orderedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
      expect(ok(db, 'zhangwei', ['remake', 'list', '--pending'])).toEqual([]);
      const shown = text(db, 'zhangwei', ['remake', 'list']);
      expect(shown.stdout).toMatch(/重制申请/);
      expect(shown.stdout).toMatch(/\d{4}-\d\d-\d\d CZ-2026-12/);
      const again = text(db, 'zhangwei', ['remake', 'order', 'A10000018']);
      expect(again.stdout).toContain('此前已登记过申请');
      expect(orders()).toBe(2);
      expect(readFileSync(ok(db, 'admin', ['remake', 'list', '--csv', '']).csvPath, 'utf8')).toContain('重制申请时间,申请单号');

      const issued = ok(db, 'zhangwei', ['card', 'take-back', 'A10000001', '--reason', 'replacement', '--from', '王小红']);
      expect(issued).toMatchObject({ cardNo: 'A10000001', fromState: 'issued', unknown: false, place: '保险柜1' });
      const found = text(db, 'zhangwei', ['card', 'take-back', 'Z99000001', '--reason', 'found', '--from', '路人甲']);
      expect(found.code, found.stderr).toBe(0);
      expect(found.stdout).toContain('台账中原无此卡');
      refused(db, 'zhangwei', ['card', 'take-back', 'A10000019', '--reason', 'found', '--from', '某人'], 'TRANSITION_ILLEGAL');
      usage(db, 'zhangwei', ['card', 'take-back', 'A10000002', '--reason', 'lost', '--from', '某人']);
      // The card lookup still answers as before.
      expect(ok(db, 'zhangwei', ['card', 'Z99000001'])).toMatchObject({ cardNo: 'Z99000001', state: 'taken_back', bank: '未知' });

      const file = join(dirname(db), 'cards.txt');
      writeFileSync(file, '# 今日清点\nA10000001\nZ99000001\n\n');
      const approver = { SBK_APPROVER_PIN: PINS.zhaomin };
      const base = ['destroy', '--cards-file', file, '--card', 'A10000018', '--bank-receiver', '银行孙丽', '--approver', 'zhaomin', '--reason', '换发旧卡'];
      refused(db, 'zhangwei', [...base, '--count', '2'], 'DESTROY_COUNT_MISMATCH', approver);
      refused(db, 'zhangwei', [...base, '--count', '3'], 'AUTH_FAILED', { SBK_APPROVER_PIN: '000000' });
      usage(db, 'zhangwei', ['destroy', '--card', 'A10000001', '--count', '1', '--bank-receiver', '银行孙丽', '--reason', '换发旧卡']);
      usage(db, 'zhangwei', ['destroy', '--card', 'A10000001', '--count', 'abc', '--bank-receiver', '银行孙丽', '--approver', 'zhaomin', '--reason', '换发旧卡']);
      usage(db, 'zhangwei', ['destroy', '--count', '1', '--bank-receiver', '银行孙丽', '--approver', 'zhaomin', '--reason', '换发旧卡']);
      refused(db, 'zhangwei', ['destroy', '--card', 'A10000002', '--count', '1', '--bank-receiver', '银行孙丽', '--approver', 'zhaomin', '--reason', '换发旧卡'], 'TRANSITION_ILLEGAL', approver);
      const done = ok(db, 'zhangwei', [...base, '--count', '3'], approver);
      expect(done).toMatchObject({ cards: 3, bankReceiver: '银行孙丽', approver: 'zhaomin', replayed: false });
      expect(done.ref).toMatch(/^XH-420102-01-\d{8}-01$/);
      expect(existsSync(done.sheetPath)).toBe(true);
      expect(readFileSync(done.sheetPath, 'utf8')).toContain('服务银行接收人：银行孙丽');
      expect(ok(db, 'zhangwei', ['remake', 'list'])).toEqual([]);
      refused(db, 'zhangwei', ['destroy', '--all-ended', '--count', '0', '--bank-receiver', '银行孙丽', '--approver', 'zhaomin', '--reason', '废卡'], 'SELECTION_EMPTY', approver);
      verifies(db);
    },
    SLOW,
  );
});
