import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cliAs, demoLedgerCopies, verifies } from '../helpers/demo-cli.ts';
import { todayInChina } from '../../src/domain/china-dates.ts';
import { addCalendarDays } from '../../src/domain/calendar.ts';

/** Demo operators (src/workflows/demo-ledger-data.ts). 江岸 420102-01: zhangwei clerk, zhaomin supervisor; 江汉 420103-01: liuyang; city: lijuan. */
const PINS = { admin: '135790', lijuan: '246801', zhangwei: '357902', zhaomin: '468013', liuyang: '579024' } as const;
const MASKED_ID = /^\d{4}\*{10}[\dX]{4}$/;
const SLOW = 120_000;

const demoCopy = demoLedgerCopies('sbk-holder-');
const { ok, refused, usage, text } = cliAs(PINS);

/** The newest (or oldest) finished card in stock at `site` (not yet overdue by age) whose holder has no other card, with the holder's full ID number. */
function stockCardAt(db: string, site: string, skip: readonly string[] = [], oldest = false): { cardNo: string; id: string } {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const rows = d
      .prepare(
        `SELECT c.card_no AS cardNo, h.id_number AS id FROM cards c JOIN holders h ON h.id = c.holder_id JOIN sites s ON s.id = c.site_id
         WHERE s.code = ? AND c.kind = 'finished' AND c.state = 'in_stock' AND h.deceased_at IS NULL
           AND (SELECT count(*) FROM cards o WHERE o.holder_id = c.holder_id) = 1 ORDER BY c.received_at ${oldest ? 'ASC' : 'DESC'}, c.card_no`,
      )
      .all(site) as { cardNo: string; id: string }[];
    const row = rows.find((r) => !skip.includes(r.cardNo));
    if (!row) throw new Error(`no card in stock at ${site}`);
    return row;
  } finally {
    d.close();
  }
}

type Overdue = { cardNo: string; category: string; phase: string; overdueFrom: string };
const listed = (db: string, who: keyof typeof PINS, cardNo: string): Overdue | undefined => (ok(db, who, ['overdue']) as Overdue[]).find((r) => r.cardNo === cardNo);

describe('sbk holder deceased | flag | unflag', () => {
  it(
    'a supervisor over the site holding the card, a date not in the future, undone with a reason',
    () => {
      const db = demoCopy();
      const jianghan = stockCardAt(db, '420103-01');
      const today = todayInChina();
      expect(listed(db, 'lijuan', jianghan.cardNo)).toBeUndefined();
      // The issue's case: 江岸's supervisor may not mark a 江汉 holder dead.
      refused(db, 'zhaomin', ['holder', 'deceased', jianghan.id, '--on', today], 'HOLDER_OUT_OF_SCOPE');
      refused(db, 'lijuan', ['holder', 'deceased', jianghan.id, '--on', addCalendarDays(today, 1)], 'DATE_IN_FUTURE');
      // The city centre is over 江汉.
      const r = ok(db, 'lijuan', ['holder', 'deceased', jianghan.id, '--on', today, '--source', '民政比对']);
      expect(r).toMatchObject({ cards: 1, on: today, holderIdMasked: expect.stringMatching(MASKED_ID) });
      expect(JSON.stringify(r)).not.toContain(jianghan.id);
      expect(listed(db, 'lijuan', jianghan.cardNo)).toMatchObject({ category: 'deceased', phase: 'overdue' });
      refused(db, 'lijuan', ['holder', 'deceased', jianghan.id, '--on', today], 'HOLDER_FLAG_ALREADY_SET');
      usage(db, 'lijuan', ['holder', 'unflag', jianghan.id, '--kind', 'deceased']);
      refused(db, 'zhaomin', ['holder', 'unflag', jianghan.id, '--kind', 'deceased', '--reason', '比对有误'], 'HOLDER_OUT_OF_SCOPE');
      const undone = ok(db, 'lijuan', ['holder', 'unflag', jianghan.id, '--kind', 'deceased', '--reason', '比对有误']);
      expect(undone).toMatchObject({ kind: 'deceased', cleared: true, cards: 1 });
      expect(listed(db, 'lijuan', jianghan.cardNo)).toBeUndefined();
      refused(db, 'lijuan', ['holder', 'unflag', jianghan.id, '--kind', 'deceased', '--reason', '比对有误'], 'HOLDER_FLAG_NOT_SET');
      verifies(db);
    },
    SLOW,
  );

  it(
    'emigrated, missing and undeliverable flags with source and date put the cards on the recall list under their category',
    () => {
      const db = demoCopy();
      // 江汉 has cards received lately; the city centre's supervisor is over it, its clerk recalls.
      const a = stockCardAt(db, '420103-01');
      const b = stockCardAt(db, '420103-01', [a.cardNo]);
      // An old card, already due as unclaimed: an undeliverable flag names its category instead (GD Art. 32 一(一)).
      const c = stockCardAt(db, '420103-01', [a.cardNo, b.cardNo], true);
      expect(listed(db, 'lijuan', c.cardNo)).toMatchObject({ category: 'unclaimed' });
      const today = todayInChina();
      // a is young (not listed by age); b may already be due by age: the flag names its category.
      expect(listed(db, 'lijuan', a.cardNo)).toBeUndefined();
      refused(db, 'liuyang', ['holder', 'flag', a.id, '--kind', 'emigrated', '--source', '公安通报', '--date', today], 'ROLE_REQUIRED');
      refused(db, 'zhaomin', ['holder', 'flag', a.id, '--kind', 'emigrated', '--source', '公安通报', '--date', today], 'HOLDER_OUT_OF_SCOPE');
      refused(db, 'lijuan', ['holder', 'flag', a.id, '--kind', 'emigrated', '--date', today], 'SOURCE_REQUIRED');
      usage(db, 'lijuan', ['holder', 'flag', a.id, '--kind', 'abroad', '--source', 'x', '--date', today]);
      const f = ok(db, 'lijuan', ['holder', 'flag', a.id, '--kind', 'emigrated', '--source', '公安通报', '--date', today]);
      expect(f).toMatchObject({ kind: 'emigrated', on: today, source: '公安通报', cards: 1, holderIdMasked: expect.stringMatching(MASKED_ID) });
      ok(db, 'lijuan', ['holder', 'flag', b.id, '--kind', 'missing', '--source', '家属报告', '--date', today]);
      ok(db, 'lijuan', ['holder', 'flag', c.id, '--kind', 'undeliverable', '--source', '邮政退件', '--date', today]);
      expect(listed(db, 'lijuan', a.cardNo)).toMatchObject({ category: 'emigrated', phase: 'overdue', overdueFrom: today });
      expect(listed(db, 'lijuan', b.cardNo)).toMatchObject({ category: 'missing', phase: 'overdue' });
      expect(listed(db, 'lijuan', c.cardNo)).toMatchObject({ category: 'undeliverable', phase: 'overdue' });
      const out = text(db, 'lijuan', ['overdue']);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('出境定居');
      expect(out.stdout).toContain('持卡人失踪');
      const recalled = ok(db, 'liuyang', ['recall', a.cardNo, '--reason', 'emigrated']);
      expect(recalled).toMatchObject({ recalled: 1 });
      expect(listed(db, 'lijuan', a.cardNo)).toBeUndefined();
      verifies(db);
    },
    SLOW,
  );
});
