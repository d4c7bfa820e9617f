/**
 * Batch pickup paperwork end to end (issue 19 item 6; GD Art. 15, Annexes 3–4): a small SBK2 file
 * made in the test for holders of cards in stock at 江岸, a pickup with the unit's code, contact
 * and authorisation period (refused when the letter is out of date or a card was applied for by
 * another unit — nothing written), the printable list as text and CSV, and the settlement per
 * holder that the issuance ledger shows. No full ID number or phone in any output.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cliAs, demoLedgerCopies, verifies } from '../helpers/demo-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { sbk2Zip, type Applicant } from '../helpers/sbk2-zip.ts';
import { displayWidth } from '../../src/text/display-width.ts';

const PINS = { zhangwei: '357902' } as const;
const SLOW = 180_000;
const AGENT_ID = '11010519491231002X';
const PHONE = '13912345678';
const FULL_ID = /\d{17}[\dX]/;
const demoCopy = demoLedgerCopies('sbk-pickup-papers-');
const { ok, sbk, text } = cliAs(PINS);

const chinaDate = (offsetDays: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offsetDays * 86_400_000));

type Holder = { cardNo: string; idNumber: string; name: string };

function inStockAtJiangan(db: string): Holder[] {
  const d = new Database(db, { readonly: true });
  try {
    return d
      .prepare(
        `SELECT c.card_no AS cardNo, h.id_number AS idNumber, h.name AS name FROM cards c JOIN holders h ON h.id = c.holder_id JOIN sites s ON s.id = c.site_id
         WHERE s.code = '420102-01' AND c.kind = 'finished' AND c.state = 'in_stock' AND c.received_at IS NOT NULL ORDER BY c.card_no LIMIT 4`,
      )
      .all() as Holder[];
  } finally {
    d.close();
  }
}

/** Rows of the tables a pickup or settlement writes: nothing may change on a refusal. */
function written(db: string): string {
  const d = new Database(db, { readonly: true });
  try {
    return ['movements', 'operations', 'pickup_papers', 'pickup_settlements'].map((t) => `${t}=${(d.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`).join(' ');
  } finally {
    d.close();
  }
}

function noSecrets(out: string, holders: readonly Holder[]): void {
  expect(out).not.toMatch(FULL_ID);
  expect(out).not.toContain(PHONE);
  for (const h of holders) expect(out).not.toContain(h.idNumber);
}

const papers = (over: Record<string, string> = {}): string[] =>
  Object.entries({ '--unit-code': 'U9', '--contact': '王芳', '--contact-phone': PHONE, '--auth-from': chinaDate(-10), '--auth-to': chinaDate(20), ...over }).flatMap(([k, v]) => [k, v]);

const pickup = (cards: readonly string[], over: Record<string, string> = {}): string[] => [
  'pickup',
  '--unit',
  '江岸区某单位',
  '--agent-name',
  '李明',
  '--agent-id',
  AGENT_ID,
  '--auth',
  'WT-2026-07',
  ...cards.flatMap((c) => ['--card', c]),
  ...papers(over),
];

/** Refused in text mode with exactly these stderr lines, and nothing written. */
function refusedWith(db: string, args: string[], lines: string[]): void {
  const before = written(db);
  const r = text(db, 'zhangwei', args);
  expect(r.code, r.stdout + r.stderr).toBe(1);
  expect(r.stderr.trimEnd().split('\n')).toEqual(lines);
  expect(written(db)).toBe(before);
}

describe('sbk pickup: unit paperwork, printable list, settlement per holder', () => {
  it(
    'checks the authorisation and the SBK2 units, prints the list, settles per holder',
    () => {
      const db = demoCopy();
      const holders = inStockAtJiangan(db);
      expect(holders).toHaveLength(4);
      const [a, b, c, d] = holders as [Holder, Holder, Holder, Holder];
      // A and B applied through unit U9, C through U7; D has no application (not checked).
      const applicants: Applicant[] = [a, b, c].map((h, i) => ({ idNumber: h.idNumber, name: h.name, mobile: `1390000000${i}`, unitCode: h === c ? 'U7' : 'U9', unitName: h === c ? '别的单位' : '江岸区某单位' }));
      const zip = sbk2Zip(applicants);
      const path = join(tempDir(), zip.fileName);
      writeFileSync(path, zip.bytes);
      expect(ok(db, 'zhangwei', ['applications', 'import', path])).toMatchObject({ status: 'imported', rows: 3 });

      const today = chinaDate(0);
      refusedWith(db, pickup([a.cardNo], { '--contact': '' }), ['错误 [PICKUP_PAPERS_INCOMPLETE]：批量领取的单位委托须一并登记：单位联系人未填写（GD 第十五条、附件4）。']);
      refusedWith(db, pickup([a.cardNo], { '--auth-to': chinaDate(-1) }), [`错误 [PICKUP_AUTH_EXPIRED]：单位授权委托书已于 ${chinaDate(-1)} 到期，领取日 ${today} 已过授权期限，不能领取。`]);
      refusedWith(db, pickup([a.cardNo], { '--auth-from': chinaDate(1) }), [`错误 [PICKUP_AUTH_NOT_YET]：单位授权委托书自 ${chinaDate(1)} 起生效，领取日 ${today} 尚未生效，不能领取。`]);
      refusedWith(db, pickup([a.cardNo], { '--auth-from': '2026-13-01' }), ['错误 [DATE_INVALID]：授权期限日期 2026-13-01 无效，请用 YYYY-MM-DD。']);
      refusedWith(db, pickup([a.cardNo], { '--contact-phone': '12345' }), ['错误 [PICKUP_PHONE_INVALID]：联系电话无效：请填写 11 位手机号码或带区号的固定电话。']);
      refusedWith(db, pickup([a.cardNo, b.cardNo, c.cardNo]), [
        '错误 [PICKUP_UNIT_MISMATCH]：1 张卡的申领单位与领取单位 U9 不符（GD 第十五条：对照批量业务申请表分拣），未登记领取：',
        `  卡 ${c.cardNo}：申领单位 U7`,
      ]);
      const mismatch = sbk(db, 'zhangwei', pickup([a.cardNo, c.cardNo]));
      expect(mismatch.json().error.code).toBe('PICKUP_UNIT_MISMATCH');

      const p = ok(db, 'zhangwei', pickup([a.cardNo, b.cardNo, d.cardNo]));
      expect(p).toMatchObject({ cards: 3 });
      const ref = p.pickupRef as string;

      const open = sbk(db, 'zhangwei', ['pickup', 'list']);
      noSecrets(open.stdout, holders);
      expect(open.json().find((o: { ref: string }) => o.ref === ref)).toMatchObject({
        held: 3,
        papers: { unitCode: 'U9', unitName: '江岸区某单位', contactName: '王芳', contactPhoneMasked: '139****5678', authRef: 'WT-2026-07', authFrom: chinaDate(-10), authTo: chinaDate(20) },
      });

      // The printable list: both parties, one line per card, totals, both sides' signatures, within 80 columns.
      const sheet = text(db, 'zhangwei', ['pickup', 'sheet', ref]);
      expect(sheet.code, sheet.stderr).toBe(0);
      noSecrets(sheet.stdout, holders);
      const lines = sheet.stdout.trimEnd().split('\n');
      for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
      expect(lines[0]).toBe('社会保障卡批量领取清单');
      expect(sheet.stdout).toContain(`代领单号：`);
      expect(sheet.stdout).toMatch(/领取单位：\s*U9 江岸区某单位/);
      expect(sheet.stdout).toMatch(/联系电话：\s*139\*{4}5678/);
      expect(sheet.stdout).toMatch(new RegExp(`授权期限：\\s*${chinaDate(-10)} 至 ${chinaDate(20)}`));
      expect(sheet.stdout).toContain('合计：3 张');
      expect(sheet.stdout).toContain('发放经办人（签字）：');
      expect(sheet.stdout).toContain('领取单位经办人（签字）：');
      expect(sheet.stdout).toMatch(/台账封印：第 \d+ 号 [0-9a-f]{16}/);
      for (const h of [a, b, d]) expect(sheet.stdout).toContain(h.cardNo);
      expect(sheet.stdout).not.toContain(c.cardNo);

      const out = join(tempDir(), 'list.csv');
      expect(ok(db, 'zhangwei', ['pickup', 'sheet', ref, '--csv', '--out', out])).toMatchObject({ format: 'csv', pickupRef: ref, cards: 3, path: out });
      const csv = readFileSync(out, 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      noSecrets(csv, holders);
      expect(csv).toContain('领取单位经办人签字');
      refusedWith(db, ['pickup', 'sheet', 'DL-NOSUCH'], ['错误 [PICKUP_NOT_FOUND]：代领单 DL-NOSUCH 不存在，或不在本网点及下级。']);
      expect(existsSync(join(tempDir(), 'none.txt'))).toBe(false);

      // Settlement per holder: A signed, B signed by the unit, D not received (back to stock).
      refusedWith(db, ['pickup', 'settle', ref, '--delivered', a.cardNo, '--unit-signed', a.cardNo], [`错误 [SETTLE_CONFLICT]：卡 ${a.cardNo} 只能登记一种结果（本人签收、单位代签或未领退回）。`]);
      expect(ok(db, 'zhangwei', ['pickup', 'settle', ref, '--delivered', a.cardNo, '--unit-signed', b.cardNo, '--returned', d.cardNo])).toMatchObject({
        pickupRef: ref,
        delivered: 1,
        unitSigned: 1,
        returned: 1,
        stillHeld: 0,
      });
      expect(ok(db, 'zhangwei', ['card', d.cardNo]).state).toBe('in_stock');
      const settled = ok(db, 'zhangwei', ['pickup', 'sheet', ref]);
      expect(settled.totals).toEqual({ cards: 3, holder: 1, unit: 1, back: 1, open: 0 });
      expect(Object.fromEntries(settled.cards.map((x: { cardNo: string; outcome: string }) => [x.cardNo, x.outcome]))).toEqual({ [a.cardNo]: 'holder_signed', [b.cardNo]: 'unit_signed', [d.cardNo]: 'not_received' });
      const settledText = text(db, 'zhangwei', ['pickup', 'sheet', ref]).stdout;
      expect(settledText).toContain('本人签收');
      expect(settledText).toContain('单位代签');
      expect(settledText).toContain('未领退回');

      const issued = sbk(db, 'zhangwei', ['issued', '--from', today, '--to', today]);
      noSecrets(issued.stdout, holders);
      const rows = issued.json().rows as { cardNo: string; event: string; settledAs: string | null; eventLabel: string }[];
      expect(rows.find((r) => r.cardNo === a.cardNo && r.event === 'settlement')).toMatchObject({ settledAs: 'holder_signed', eventLabel: '代领转交（本人签收）' });
      expect(rows.find((r) => r.cardNo === b.cardNo && r.event === 'settlement')).toMatchObject({ settledAs: 'unit_signed', eventLabel: '代领转交（单位代签）' });
      verifies(db);
    },
    SLOW,
  );
});
