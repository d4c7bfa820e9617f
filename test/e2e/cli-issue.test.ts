import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cliAs, demoLedgerCopies, verifies, holderIdOf } from '../helpers/demo-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { displayWidth } from '../../src/text/display-width.ts';

/** Demo operators (src/workflows/demo-ledger.ts). 江岸 420102-01: zhangwei clerk, zhaomin supervisor; 江汉 420103-01: liuyang; city: lijuan. */
const PINS = { admin: '135790', lijuan: '246801', zhangwei: '357902', zhaomin: '468013', liuyang: '579024' } as const;

const JIANGAN = '420102-01';
const BATCH = '420100-2026-0301';
const BOM = '\uFEFF';
const FULL_ID = /\d{17}[\dX]/;
const MASKED_ID = /^\d{4}\*{10}[\dX]{4}$/;
const SLOW = 120_000;

const demoCopy = demoLedgerCopies('sbk-issue-');
const { ok, refused, usage, text } = cliAs(PINS);

/** The holder's real ID number, as the holder shows it at the counter (the CLI only ever shows it masked). */
type Overdue = {
  cardNo: string;
  holderIdMasked: string;
  site: { code: string };
  batch: string;
  state: string;
  receivedOn: string;
  category: string;
  phase: string;
  overdueFrom: string;
  recallDueBy: string;
  recallDueBasis: string;
  daysOverdue: number;
  late: boolean;
};

/** 江岸's overdue cards in stock (unclaimed) and with the unit's agent (sleeping). */
function jianganOverdue(db: string): { unclaimed: string[]; sleeping: string[] } {
  const rows = ok(db, 'zhangwei', ['overdue']) as Overdue[];
  const of = (category: string) => rows.filter((r) => r.category === category && r.site.code === JIANGAN).map((r) => r.cardNo);
  return { unclaimed: of('unclaimed'), sleeping: of('sleeping') };
}

const state = (db: string, cardNo: string): string => ok(db, 'zhangwei', ['card', cardNo]).state;
const history = (db: string, cardNo: string): number => ok(db, 'zhangwei', ['card', cardNo]).history.length;

const todayInChina = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('sbk overdue, issue, pickup, recall, cancel and seal (real binary, Hubei demo ledger)', () => {
  it(
    'overdue: unclaimed and sleeping cards with recall deadlines; --as-of earlier gives none; text with ⚠; CSV with a BOM and masked IDs',
    () => {
      const db = demoCopy();
      const all = ok(db, 'lijuan', ['overdue']) as Overdue[];
      const categories = new Set(all.map((r) => r.category));
      expect(categories).toContain('unclaimed');
      expect(categories).toContain('sleeping');
      expect(new Set(all.map((r) => r.site.code))).toEqual(new Set([JIANGAN, '420103-01', '420104-01']));
      for (const r of all) {
        expect(r).toMatchObject({ batch: BATCH, phase: 'overdue' });
        expect(r.recallDueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        // Ten working days after the reminder: two weeks or more later.
        expect(r.recallDueBy > addDays(r.overdueFrom, 13)).toBe(true);
        expect(r.holderIdMasked).toMatch(MASKED_ID);
        expect(r.late).toBe(todayInChina() > r.recallDueBy);
        expect(r.state).toBe(r.category === 'sleeping' ? 'agent_held' : 'in_stock');
      }
      // The six cards 武汉钢铁's agent took and never delivered.
      const sleeping = all.filter((r) => r.category === 'sleeping');
      expect(sleeping).toHaveLength(6);
      expect(sleeping.every((r) => r.site.code === JIANGAN)).toBe(true);
      // Wuhan is Hubei: counted from the card's making (HB Art. 17: 制卡超过6个月), before 江岸
      // received the batch and long before the agent's pickup.
      const jianganUnclaimed = all.find((r) => r.category === 'unclaimed' && r.site.code === JIANGAN)!;
      expect(sleeping.every((r) => r.receivedOn < jianganUnclaimed.receivedOn && r.recallDueBy <= jianganUnclaimed.recallDueBy)).toBe(true);
      expect(JSON.stringify(all)).not.toMatch(FULL_ID);

      // 江岸's clerk sees 江岸 only; the city may narrow to one office.
      const mine = ok(db, 'zhangwei', ['overdue']) as Overdue[];
      expect(mine.length).toBeGreaterThan(6);
      expect(mine.every((r) => r.site.code === JIANGAN)).toBe(true);
      expect(ok(db, 'lijuan', ['overdue', '--site', '420103-01']).every((r: Overdue) => r.site.code === '420103-01')).toBe(true);
      refused(db, 'zhangwei', ['overdue', '--site', '420103-01'], 'SITE_OUT_OF_SCOPE');

      // The day before the first card became overdue: nothing is due yet, but the warnings are there.
      const first = all.map((r) => r.overdueFrom).sort()[0]!;
      expect(ok(db, 'lijuan', ['overdue', '--as-of', addDays(first, -1)])).toEqual([]);
      const warned = ok(db, 'lijuan', ['overdue', '--as-of', addDays(first, -1), '--warnings']) as Overdue[];
      expect(warned.length).toBeGreaterThan(0);
      expect(warned.every((r) => r.phase === 'warning' && r.daysOverdue === 0 && !r.late)).toBe(true);
      const fewer = ok(db, 'lijuan', ['overdue', '--as-of', first]) as Overdue[];
      expect(fewer.length).toBeGreaterThan(0);
      expect(fewer.length).toBeLessThan(all.length);
      usage(db, 'lijuan', ['overdue', '--as-of', '2026-02-30']);

      const table = text(db, 'zhangwei', ['overdue']);
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).toContain('⚠');
      expect(table.stdout).toContain(mine[0]!.cardNo);
      expect(table.stdout).toContain('睡眠卡');
      expect(table.stdout).not.toMatch(FULL_ID);
      for (const line of table.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(100);

      const csv = text(db, 'lijuan', ['overdue', '--csv']);
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout.startsWith(BOM)).toBe(true);
      expect(csv.stdout).toContain('\r\n');
      expect(csv.stdout).toMatch(/4201\*{10}[\dX]{4}/);
      expect(csv.stdout).not.toMatch(FULL_ID);
      expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(all.length + 1);
      const file = join(tempDir(), 'overdue.csv');
      expect(ok(db, 'lijuan', ['overdue', '--csv', '--out', file])).toEqual({ format: 'csv', rows: all.length, path: file });
      expect(readFileSync(file, 'utf8').startsWith(BOM)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      verifies(db);
    },
    SLOW,
  );

  it(
    'issue to the holder and to an agent with a receipt; a wrong holder ID is refused with nothing changed; find',
    () => {
      const db = demoCopy();
      const [self, byAgent, other] = jianganOverdue(db).unclaimed;
      expect(other).toBeDefined();
      const selfId = holderIdOf(db, self!);

      const found = ok(db, 'zhangwei', ['find', self!]);
      expect(found).toEqual([expect.objectContaining({ cardNo: self, state: 'in_stock', blocked: null, holderIdMasked: expect.stringMatching(MASKED_ID) })]);
      expect(ok(db, 'zhangwei', ['find', selfId]).map((c: { cardNo: string }) => c.cardNo)).toContain(self);
      // 江汉's clerk finds the card but may not hand it over.
      expect(ok(db, 'liuyang', ['find', self!])[0].blocked).toMatch(/不在本网点/);

      // Someone else's ID card: refused, and the ledger does not move.
      const before = history(db, self!);
      refused(db, 'zhangwei', ['issue', self!, '--holder-id', holderIdOf(db, other!), '--receiver', 'self'], 'HOLDER_ID_MISMATCH');
      expect(state(db, self!)).toBe('in_stock');
      expect(history(db, self!)).toBe(before);
      verifies(db);

      const receipt = text(db, 'zhangwei', ['issue', self!, '--holder-id', selfId, '--receiver', 'self']);
      expect(receipt.code, receipt.stderr).toBe(0);
      expect(receipt.stdout).toContain('社会保障卡领取回执');
      expect(receipt.stdout).toContain(self);
      expect(receipt.stdout).toContain('本人领取');
      expect(receipt.stdout).toContain('读卡检测：      未做');
      expect(receipt.stdout).toMatch(/领取人签字：_{8,}/);
      expect(receipt.stdout).not.toContain(selfId);
      expect(receipt.stdout).not.toMatch(FULL_ID);
      expect(state(db, self!)).toBe('issued');
      refused(db, 'zhangwei', ['issue', self!, '--holder-id', selfId, '--receiver', 'self'], 'CARD_NOT_ISSUABLE');

      // An agent needs name, ID and relation: a usage error before anything happens.
      const agentId = holderIdOf(db, other!);
      const byAgentId = holderIdOf(db, byAgent!);
      usage(db, 'zhangwei', ['issue', byAgent!, '--holder-id', byAgentId, '--receiver', 'agent', '--agent-name', '王芳', '--agent-id', agentId]);
      usage(db, 'zhangwei', ['issue', byAgent!, '--holder-id', byAgentId, '--receiver', 'self', '--relation', '配偶']);
      usage(db, 'zhangwei', ['issue', byAgent!, '--receiver', 'self']);
      expect(state(db, byAgent!)).toBe('in_stock');

      const file = join(tempDir(), 'receipt.txt');
      const r = ok(db, 'zhangwei', ['issue', byAgent!, '--holder-id', byAgentId, '--receiver', 'agent', '--agent-name', '王芳', '--agent-id', agentId, '--relation', '配偶', '--receipt', file]);
      expect(r).toMatchObject({
        status: 'issued',
        cardNo: byAgent,
        secondIssue: false,
        receiptPath: file,
        receipt: { cardNo: byAgent, receiver: 'agent', agentName: '王芳', agentRelation: '配偶', agentIdMasked: expect.stringMatching(MASKED_ID), readCheck: 'not_done', siteName: expect.stringContaining('江岸') },
      });
      expect(JSON.stringify(r)).not.toMatch(FULL_ID);
      const paper = readFileSync(file, 'utf8');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(paper).toContain(byAgent);
      expect(paper).toContain('他人代领');
      expect(paper).toContain('王芳');
      expect(paper).toMatch(/代领人签字：_{8,}/);
      expect(paper).not.toMatch(FULL_ID);
      const card = ok(db, 'zhangwei', ['card', byAgent!]);
      expect(card.state).toBe('issued');
      expect(card.history.at(-1)).toMatchObject({ type: 'issue', counterpart: '王芳', counterpartRole: 'agent' });

      // An unwritable receipt path: refused before the card is issued.
      refused(db, 'zhangwei', ['issue', other!, '--holder-id', agentId, '--receiver', 'self', '--receipt', join(tempDir(), 'no', 'such', 'dir.txt')], 'RECEIPT_FILE_UNWRITABLE');
      expect(state(db, other!)).toBe('in_stock');
      verifies(db);
    },
    SLOW,
  );

  it(
    'pickup by card, list and show, then settle: one delivered, one returned; the sleeping pickup is settled too',
    () => {
      const db = demoCopy();
      const { unclaimed, sleeping } = jianganOverdue(db);
      const [a, b] = unclaimed;
      usage(db, 'zhangwei', ['pickup', '--unit', '武汉大学', '--card', a!, '--agent-name', '李明', '--agent-id', holderIdOf(db, a!)]);
      usage(db, 'zhangwei', ['pickup', '--unit', '武汉大学', '--agent-name', '李明', '--agent-id', '11010519491231002X', '--auth', 'WHU-2026-01']);

      const p = ok(db, 'zhangwei', ['pickup', '--unit', '武汉大学', '--card', a!, '--card', b!, '--agent-name', '李明', '--agent-id', '11010519491231002X', '--auth', 'WHU-2026-01']);
      expect(p).toEqual({ pickupRef: expect.stringMatching(new RegExp(`^DL-${JIANGAN}-\\d{8}-\\d{2}$`)), cards: 2 });
      expect(state(db, a!)).toBe('agent_held');

      const open = ok(db, 'zhangwei', ['pickup', 'list']) as { ref: string; held: number; agent: string; authorisation: string }[];
      expect(open.find((o) => o.ref === p.pickupRef)).toMatchObject({ held: 2, agent: '李明（武汉大学）', authorisation: expect.stringContaining('WHU-2026-01') });
      const demoPickup = open.find((o) => o.ref !== p.pickupRef)!;
      expect(demoPickup.held).toBe(6);

      const shown = ok(db, 'zhangwei', ['pickup', 'show', p.pickupRef]);
      expect(shown.pickupRef).toBe(p.pickupRef);
      expect(shown.cards.map((c: { cardNo: string }) => c.cardNo).sort()).toEqual([a, b].sort());
      for (const c of shown.cards) expect(c.holderIdMasked).toMatch(MASKED_ID);
      const listText = text(db, 'zhangwei', ['pickup', 'list']);
      expect(listText.stdout).toContain(p.pickupRef);
      expect(listText.stdout).toContain('WHU-2026-01');

      usage(db, 'zhangwei', ['pickup', 'settle', p.pickupRef]);
      refused(db, 'zhangwei', ['pickup', 'settle', p.pickupRef, '--delivered', sleeping[0]!], 'CARD_NOT_IN_PICKUP');
      expect(ok(db, 'zhangwei', ['pickup', 'settle', p.pickupRef, '--delivered', a!, '--returned', b!])).toMatchObject({ pickupRef: p.pickupRef, delivered: 1, returned: 1, stillHeld: 0 });
      expect(state(db, a!)).toBe('issued');
      expect(state(db, b!)).toBe('in_stock');
      expect(ok(db, 'zhangwei', ['pickup', 'list']).map((o: { ref: string }) => o.ref)).not.toContain(p.pickupRef);

      // The unit brings two of the sleeping cards back.
      expect(ok(db, 'zhangwei', ['pickup', 'settle', demoPickup.ref, '--returned', sleeping[0]!, '--returned', sleeping[1]!])).toMatchObject({ returned: 2, stillHeld: 4 });
      expect(jianganOverdue(db).sleeping).toHaveLength(4);
      verifies(db);
    },
    SLOW,
  );

  it(
    'recall with reasons, recall stats by category and site, then the cancellation list (Hubei: due at once)',
    () => {
      const db = demoCopy();
      const { unclaimed, sleeping } = jianganOverdue(db);
      const before = ok(db, 'zhangwei', ['recall', 'stats']);
      expect(before.total).toBe(1); // the demo's card of a dead holder

      usage(db, 'zhangwei', ['recall', unclaimed[0]!]);
      usage(db, 'zhangwei', ['recall', unclaimed[0]!, '--reason', 'lost_interest']);
      refused(db, 'zhangwei', ['recall', unclaimed[0]!, '--reason', 'other'], 'REASON_REQUIRED');
      // 江汉 cannot recall 江岸's card.
      refused(db, 'liuyang', ['recall', unclaimed[0]!, '--reason', 'unclaimed'], 'CARD_NOT_HERE');

      expect(ok(db, 'zhangwei', ['recall', unclaimed[0]!, unclaimed[1]!, '--reason', 'unclaimed', '--note', '电话三次未接通'])).toMatchObject({ recalled: 2, reason: 'unclaimed' });
      expect(ok(db, 'zhangwei', ['recall', sleeping[0]!, '--reason', 'pickup_undelivered'])).toMatchObject({ recalled: 1 });
      expect(state(db, unclaimed[0]!)).toBe('recalled');
      expect(state(db, sleeping[0]!)).toBe('recalled');
      const card = ok(db, 'zhangwei', ['card', unclaimed[0]!]);
      expect(card.history.at(-1)).toMatchObject({ type: 'recall', reason: '逾期未领取（网点接收起6个月）：电话三次未接通' });
      const after = jianganOverdue(db);
      expect(after.unclaimed).not.toContain(unclaimed[0]);
      expect(after.sleeping).not.toContain(sleeping[0]);

      const stats = ok(db, 'zhangwei', ['recall', 'stats']);
      expect(stats.total).toBe(4);
      expect(Object.fromEntries(stats.byCategory.map((c: { code: string; n: number }) => [c.code, c.n]))).toEqual({ unclaimed: 2, pickup_undelivered: 1, dead: 1 });
      expect(stats.bySite).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ siteCode: JIANGAN, code: 'unclaimed', n: 2 }),
          expect.objectContaining({ siteCode: JIANGAN, code: 'pickup_undelivered', n: 1 }),
        ]),
      );
      const today = todayInChina();
      expect(ok(db, 'zhangwei', ['recall', 'stats', '--from', today, '--to', today]).total).toBe(3);
      expect(ok(db, 'zhangwei', ['recall', 'stats', '--from', addDays(today, 1)]).total).toBe(0);
      expect(ok(db, 'lijuan', ['recall', 'stats']).total).toBe(4);
      usage(db, 'zhangwei', ['recall', 'stats', '--from', '2026-13-01']);
      const statsText = text(db, 'zhangwei', ['recall', 'stats']);
      expect(statsText.stdout).toContain('集体代领未发放到本人');

      // Hubei has no second issuance: recalled cards are due to be cancelled or sealed at once.
      const due = ok(db, 'zhangwei', ['cancellations']) as { cardNo: string; reason: string; label: string; holderIdMasked: string }[];
      expect(due.map((d) => d.cardNo).sort()).toEqual([unclaimed[0], unclaimed[1], sleeping[0]].sort());
      for (const d of due) {
        expect(d.reason).toBe('second_issue_window_passed');
        expect(d.label).toContain('封存');
        expect(d.holderIdMasked).toMatch(MASKED_ID);
      }
      expect(ok(db, 'zhangwei', ['cancellations', '--site', JIANGAN])).toHaveLength(3);
      expect(ok(db, 'liuyang', ['cancellations'])).toEqual([]);
      verifies(db);
    },
    SLOW,
  );

  it(
    'seal with a second supervisor; cancel approved by oneself or without the approver PIN is refused; a cancelled card cannot be issued; a holder reported dead',
    () => {
      const db = demoCopy();
      const { unclaimed } = jianganOverdue(db);
      const [toSeal, toCancel, dead] = unclaimed;
      ok(db, 'zhangwei', ['recall', toSeal!, '--reason', 'unclaimed']);

      const sealed = ok(db, 'zhangwei', ['seal', toSeal!, '--reason', '逾期回收，分类封存', '--approver', 'zhaomin'], { SBK_APPROVER_PIN: PINS.zhaomin });
      expect(sealed).toMatchObject({ action: 'seal', ended: 1, approver: 'zhaomin' });
      const card = ok(db, 'zhangwei', ['card', toSeal!]);
      expect(card.state).toBe('sealed');
      expect(card.history.at(-1)).toMatchObject({ type: 'seal', reason: '逾期回收，分类封存', secondOperator: '赵敏' });
      expect(ok(db, 'zhangwei', ['cancellations']).map((c: { cardNo: string }) => c.cardNo)).not.toContain(toSeal);

      // The supervisor cannot approve her own cancellation.
      refused(db, 'zhaomin', ['cancel', toCancel!, '--reason', '逾期注销', '--approver', 'zhaomin'], 'SECOND_OPERATOR_SAME', { SBK_APPROVER_PIN: PINS.zhaomin });
      // No approver PIN and no terminal to type it in.
      refused(db, 'zhangwei', ['cancel', toCancel!, '--reason', '逾期注销', '--approver', 'zhaomin'], 'PIN_REQUIRED');
      refused(db, 'zhangwei', ['cancel', toCancel!, '--reason', '逾期注销', '--approver', 'zhaomin'], 'AUTH_FAILED', { SBK_APPROVER_PIN: '000000' });
      usage(db, 'zhangwei', ['cancel', toCancel!, '--approver', 'zhaomin']);
      expect(state(db, toCancel!)).toBe('in_stock');
      verifies(db);

      const cancelled = ok(db, 'zhangwei', ['cancel', toCancel!, '--reason', '持卡人户籍迁出，卡不再使用', '--approver', 'zhaomin'], { SBK_APPROVER_PIN: PINS.zhaomin });
      expect(cancelled).toMatchObject({ action: 'cancel', ended: 1, cards: [toCancel], approver: 'zhaomin' });
      expect(state(db, toCancel!)).toBe('cancelled');
      refused(db, 'zhangwei', ['issue', toCancel!, '--holder-id', holderIdOf(db, toCancel!), '--receiver', 'self'], 'CARD_NOT_ISSUABLE');
      expect(ok(db, 'zhangwei', ['find', toCancel!])[0].blocked).toContain('已注销');
      expect(state(db, toCancel!)).toBe('cancelled');

      // A holder reported dead (supervisor only): the card becomes due for recall and cancellation.
      const deadId = holderIdOf(db, dead!);
      refused(db, 'zhangwei', ['holder', 'deceased', deadId, '--on', todayInChina()], 'ROLE_REQUIRED');
      const reported = ok(db, 'zhaomin', ['holder', 'deceased', deadId, '--on', todayInChina()]);
      expect(reported).toMatchObject({ cards: 1, holderIdMasked: expect.stringMatching(MASKED_ID) });
      expect(JSON.stringify(reported)).not.toContain(deadId);
      expect((ok(db, 'zhangwei', ['overdue']) as Overdue[]).find((r) => r.cardNo === dead)).toMatchObject({ category: 'deceased' });
      expect(ok(db, 'zhangwei', ['cancellations']).find((c: { cardNo: string }) => c.cardNo === dead)).toMatchObject({ reason: 'holder_deceased' });
      verifies(db);
    },
    SLOW,
  );
});
