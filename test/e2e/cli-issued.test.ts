import { describe, expect, it } from 'vitest';
import { cliAs, demoLedgerCopies, verifies, holderIdOf } from '../helpers/demo-cli.ts';
import { displayWidth } from '../../src/text/display-width.ts';

/** Demo operators (src/workflows/demo-ledger.ts). 江岸 420102-01: zhangwei clerk, zhaomin supervisor; 江汉 420103-01: liuyang; city: lijuan. */
const PINS = { admin: '135790', lijuan: '246801', zhangwei: '357902', zhaomin: '468013', liuyang: '579024' } as const;
const JIANGAN = '420102-01';
const FULL_ID = /\d{17}[\dX]/;
const MASKED_ID = /^\d{4}\*{10}[\dX]{4}$/;
const SLOW = 120_000;

const demoCopy = demoLedgerCopies('sbk-issued-');
const { ok, refused, usage, text } = cliAs(PINS);

const todayInChina = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** 江岸's unclaimed cards in stock. */
function inStock(db: string): string[] {
  return (ok(db, 'zhangwei', ['overdue']) as { cardNo: string; category: string; site: { code: string } }[])
    .filter((r) => r.category === 'unclaimed' && r.site.code === JIANGAN)
    .map((r) => r.cardNo);
}

type Row = { event: string; cardNo: string; receiverType: string; agentName: string | null; readCheck: string; receiptNo: string; signed: boolean; holderIdMasked: string | null; operator: { login: string } };

describe('sbk issued: the issuance ledger of a period (GD Art. 12, 14)', () => {
  it(
    'lists counter issues, a unit pickup and its settlement with receiver, agent, read-check and receipt; counts the receipts to hold; totals by operator; scoped and masked',
    () => {
      const db = demoCopy();
      const [self, byAgent, a, b] = inStock(db);
      expect(b).toBeDefined();
      ok(db, 'zhangwei', ['issue', self!, '--holder-id', holderIdOf(db, self!), '--receiver', 'self']);
      ok(db, 'zhangwei', ['issue', byAgent!, '--holder-id', holderIdOf(db, byAgent!), '--receiver', 'agent', '--agent-name', '王芳', '--agent-id', '11010519491231002X', '--relation', '配偶']);
      const p = ok(db, 'zhaomin', ['pickup', '--unit', '武汉大学', '--card', a!, '--card', b!, '--agent-name', '李明', '--agent-id', '11010519491231002X', '--auth', 'WHU-2026-01']);
      ok(db, 'zhaomin', ['pickup', 'settle', p.pickupRef, '--delivered', a!, '--returned', b!]);

      const today = todayInChina();
      const l = ok(db, 'zhangwei', ['issued', '--from', today, '--to', today]);
      expect(l).toMatchObject({ from: today, to: today, site: { code: JIANGAN } });
      const rows = l.rows as Row[];
      const of = (cardNo: string, event: string) => rows.find((r) => r.cardNo === cardNo && r.event === event);
      expect(of(self!, 'issue')).toMatchObject({ receiverType: 'self', agentName: null, readCheck: 'not_done', signed: true, operator: { login: 'zhangwei' } });
      expect(of(byAgent!, 'issue')).toMatchObject({ receiverType: 'agent', agentName: '王芳', readCheck: 'not_done', signed: true });
      expect(of(a!, 'pickup')).toMatchObject({ receiverType: 'unit', agentName: '李明（武汉大学）', receiptNo: p.pickupRef, signed: true, operator: { login: 'zhaomin' } });
      expect(of(b!, 'pickup')).toMatchObject({ receiptNo: p.pickupRef });
      expect(of(a!, 'settlement')).toMatchObject({ receiverType: 'unit', agentName: '李明（武汉大学）', signed: true });
      expect(of(b!, 'settlement')).toBeUndefined();
      expect(rows).toHaveLength(5);
      // Two counter receipts, one pickup list both sides signed, one holder's signature on the unit's list.
      expect(l.receiptsToHold).toBe(4);
      expect(l.byOperator).toEqual([
        expect.objectContaining({ login: 'zhangwei', issue: 2, total: 2 }),
        expect.objectContaining({ login: 'zhaomin', pickup: 2, settlement: 1, total: 3 }),
      ]);
      for (const r of rows) expect(r.holderIdMasked).toMatch(MASKED_ID);
      expect(JSON.stringify(l)).not.toMatch(FULL_ID);

      // The city sees its offices; 江汉 sees none of 江岸's; 江岸 may not look at 江汉.
      expect(ok(db, 'lijuan', ['issued', '--from', today, '--to', today]).rows).toHaveLength(5);
      expect(ok(db, 'liuyang', ['issued', '--from', today, '--to', today]).rows).toHaveLength(0);
      refused(db, 'zhangwei', ['issued', '--from', today, '--to', today, '--site', '420103-01'], 'SITE_OUT_OF_SCOPE');
      refused(db, 'zhangwei', ['issued', '--from', today, '--to', '2020-01-01'], 'PERIOD_REVERSED');
      usage(db, 'zhangwei', ['issued', '--from', today]);
      usage(db, 'zhangwei', ['issued', '--from', '2026-02-30', '--to', today]);

      const t = text(db, 'zhangwei', ['issued', '--from', today, '--to', today]);
      expect(t.code, t.stderr).toBe(0);
      expect(t.stdout).toContain('社会保障卡发放管理台账');
      expect(t.stdout).toContain('未做读卡检测');
      expect(t.stdout).toContain('份');
      expect(t.stdout).toContain(p.pickupRef);
      expect(t.stdout).not.toMatch(FULL_ID);
      for (const line of t.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);

      const csv = text(db, 'zhangwei', ['issued', '--from', today, '--to', today, '--csv']);
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
      expect(csv.stdout).toContain(self);
      expect(csv.stdout).not.toMatch(FULL_ID);
      verifies(db);
    },
    SLOW,
  );

  it(
    'issue --receiver mail, mail list, delivered with the SMS code, returned as a recall (邮寄信息错误); the ledger lists both mail rows; addresses printed safely; verify clean',
    () => {
      const db = demoCopy();
      const [x, y, z] = inStock(db);
      usage(db, 'zhangwei', ['issue', x!, '--receiver', 'mail', '--address', '武汉市江岸区解放大道1号', '--carrier', 'EMS']);
      usage(db, 'zhangwei', ['issue', x!, '--receiver', 'self', '--address', '武汉市']);
      usage(db, 'zhangwei', ['issue', x!, '--receiver', 'self']);
      usage(db, 'zhangwei', ['mail', 'delivered', x!]);
      const sent = ok(db, 'zhangwei', ['issue', x!, '--receiver', 'mail', '--address', '武汉市江岸区解放大道1号\u001b[31m', '--carrier', '中国邮政EMS', '--tracking', 'EMS1001']);
      expect(sent).toMatchObject({ status: 'mailed', cardNo: x, trackingNo: 'EMS1001', holderIdMasked: expect.stringMatching(MASKED_ID) });
      ok(db, 'zhangwei', ['issue', y!, '--receiver', 'mail', '--address', '武汉市江岸区沿江大道9号', '--carrier', '顺丰速运', '--tracking', 'SF2002', '--holder-id', holderIdOf(db, y!)]);
      const told = text(db, 'zhangwei', ['issue', z!, '--receiver', 'mail', '--address', '武汉市', '--carrier', 'EMS', '--tracking', 'EMS3003']);
      expect(told.stdout).toContain('短信取件码');

      const out = ok(db, 'zhangwei', ['mail', 'list']) as { cardNo: string; trackingNo: string; daysOut: number }[];
      expect(out.map((r) => r.cardNo).sort()).toEqual([x, y, z].sort());
      expect(ok(db, 'liuyang', ['mail', 'list'])).toEqual([]);
      const listed = text(db, 'zhangwei', ['mail', 'list']);
      expect(listed.stdout).toContain('EMS1001');
      expect(listed.stdout).not.toContain('\u001b');
      expect(listed.stdout).not.toMatch(FULL_ID);

      refused(db, 'liuyang', ['mail', 'delivered', x!, '--code', '5821'], 'CARD_NOT_HERE');
      expect(ok(db, 'zhangwei', ['mail', 'delivered', x!, '--code', '5821'])).toMatchObject({ outcome: 'delivered', state: 'issued' });
      expect(ok(db, 'zhangwei', ['mail', 'returned', y!, '--note', '查无此人'])).toMatchObject({ outcome: 'returned', state: 'in_stock' });
      refused(db, 'zhangwei', ['mail', 'returned', y!], 'CARD_NOT_MAILED');
      expect(ok(db, 'zhangwei', ['card', x!]).state).toBe('issued');
      expect(ok(db, 'zhangwei', ['card', y!]).state).toBe('in_stock');
      const recalled = ok(db, 'zhangwei', ['recall', 'list']) as { cardNo: string; reason: string }[];
      expect(recalled.find((r) => r.cardNo === y)).toMatchObject({ reason: '邮寄信息错误等个人原因滞留：查无此人' });
      expect(ok(db, 'zhangwei', ['mail', 'list']).map((r: { cardNo: string }) => r.cardNo)).toEqual([z]);

      const today = todayInChina();
      const l = ok(db, 'zhangwei', ['issued', '--from', today, '--to', today]);
      const rows = l.rows as (Row & { mail: { trackingNo: string; code: string | null } })[];
      expect(rows.filter((r) => r.event === 'mail_sent')).toHaveLength(3);
      expect(rows.find((r) => r.event === 'mail_delivered')).toMatchObject({ cardNo: x, receiverType: 'mail', mail: { trackingNo: 'EMS1001', code: '5821' } });
      expect(l.receiptsToHold).toBe(0);
      const t = text(db, 'zhangwei', ['issued', '--from', today, '--to', today]);
      expect(t.stdout).toContain('EMS1001');
      expect(t.stdout).not.toContain('\u001b');
      verifies(db);
    },
    SLOW,
  );
});
