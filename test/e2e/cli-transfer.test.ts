/**
 * `sbk transfer` end to end on the demo ledger: 江岸 (420102-01) keeps six cards in stock on its
 * counter 发卡柜 under 张伟, and has a vault 保险柜1.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { cliAs, demoLedgerCopies, verifies } from '../helpers/demo-cli.ts';

const PINS = { zhangwei: '357902', zhaomin: '468013', liuyang: '579024' } as const;
const SLOW = 120_000;

const demoCopy = demoLedgerCopies('sbk-transfer-');
const { ok, refused, usage, text } = cliAs(PINS);

describe('sbk transfer', () => {
  it(
    'puts the counter back in the vault, moves a box, hands over with both PINs; verify stays clean',
    () => {
      const db = demoCopy();
      const back = ok(db, 'zhangwei', ['transfer', '--back-to-vault']);
      expect(back).toMatchObject({ mode: 'backToVault', cards: 6, giver: '张伟', receiver: '张伟', toPlace: '保险柜1', replayed: false });
      expect(back.cardNos).toEqual(['A10000019', 'A10000020', 'A10000021', 'A10000022', 'A10000023', 'A10000024']);
      expect(existsSync(back.sheetPath)).toBe(true);
      expect(readFileSync(back.sheetPath, 'utf8')).toContain('柜台当日未发放卡入库');

      const box = ok(db, 'zhangwei', ['transfer', '--box', '420100-2026-0301/02', '--to', '发卡柜']);
      expect(box).toMatchObject({ mode: 'places', cards: 4, toPlace: '发卡柜' });

      // 交接班: the receiver's own PIN ($SBK_APPROVER_PIN), everything 张伟 holds, wherever it lies.
      refused(db, 'zhangwei', ['transfer', '--hand-over', 'zhaomin'], 'AUTH_FAILED', { SBK_APPROVER_PIN: '000000' });
      const hand = ok(db, 'zhangwei', ['transfer', '--hand-over', 'zhaomin'], { SBK_APPROVER_PIN: PINS.zhaomin });
      expect(hand).toMatchObject({ mode: 'handOver', cards: 6, giver: '张伟', receiver: '赵敏', toPlace: null });
      const sheet = readFileSync(hand.sheetPath, 'utf8');
      expect(sheet).toContain('交出人：张伟    接收人：赵敏');
      expect(sheet).toContain('交接班（保管责任人交接）');
      refused(db, 'zhangwei', ['transfer', '--hand-over', 'zhaomin'], 'SELECTION_EMPTY', { SBK_APPROVER_PIN: PINS.zhaomin });

      // Back to 张伟 by card number with a place change, in words.
      const r = text(db, 'zhaomin', ['transfer', '--card', 'A10000019', '--to', '保险柜1', '--receiver', 'zhangwei'], { SBK_APPROVER_PIN: PINS.zhangwei });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('已登记库内移交');
      expect(r.stdout).toContain('赵敏 交 张伟，移入“保险柜1”');
      verifies(db);
    },
    SLOW,
  );

  it(
    'refuses other sites, other sites\' operators and incomplete requests',
    () => {
      const db = demoCopy();
      refused(db, 'liuyang', ['transfer', '--card', 'A10000019', '--to', '发卡柜'], 'CARD_NOT_HERE');
      refused(db, 'zhangwei', ['transfer', '--hand-over', 'liuyang'], 'RECEIVER_NOT_HERE', { SBK_APPROVER_PIN: PINS.liuyang });
      refused(db, 'zhangwei', ['transfer', '--card', 'A10000001', '--to', '保险柜1'], 'CARD_NOT_TRANSFERABLE');
      refused(db, 'zhangwei', ['transfer', '--from', '发卡柜', '--to', '柜台9'], 'PLACE_NOT_FOUND');
      usage(db, 'zhangwei', ['transfer']);
      usage(db, 'zhangwei', ['transfer', '--card', 'A10000019']);
      usage(db, 'zhangwei', ['transfer', '--back-to-vault', '--card', 'A10000019', '--to', '保险柜1']);
      verifies(db);
    },
    SLOW,
  );
});
