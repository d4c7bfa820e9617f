import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { initLedger } from '../../src/workflows/init-ledger.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { type Actor } from '../../src/domain/actor.ts';
import { ledgerProfile } from '../../src/workflows/issue-card.ts';
import { readSetting } from '../../src/workflows/settings.ts';
import { cancellationList, overdueCounts, overdueList, type OverdueRow } from '../../src/workflows/recall.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { assessOverdue, dueForCancellation, sleepingSince, type HolderRecallFlag } from '../../src/domain/overdue.ts';
import { flagHolder, unflagHolder } from '../../src/workflows/holder-flags.ts';
import { addCalendarDays } from '../../src/domain/calendar.ts';
import { todayInChina } from '../../src/domain/china-dates.ts';
import { maskIdNumber } from '../../src/domain/mask.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { writeTx } from '../../db/write-tx.ts';
import { insertBatch, registerCards, type NewCard } from '../../db/register-cards.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { placesAt, subtreeIds } from '../../db/sites-repo.ts';
import { finishedCardsInStates, holderCardByNo, overdueCandidates, setHolderDeceased } from '../../db/issuance-queries.ts';
import { stockCounts } from '../../db/card-queries.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { ADMIN, tempDir, track } from '../helpers/temp-ledger.ts';

const calendar = loadCalendar();
const chinaInstant = (day: string, hm: string) => new Date(`${day}T${hm}:00+08:00`).toISOString();
const idOf = (i: number) => {
  const first17 = `42010219800101${String(i).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};

/**
 * Cohorts received around the end of August 2026, so that six months on they meet the
 * clamping to 28 February: received 28 to 31 August, all are overdue from 1 March 2027.
 * Card numbers interleave across cohorts, so cards of different days tie on the deadline.
 */
function ledgerWithCohorts(ruleProfile?: 'guangdong' | 'hubei') {
  const { ledger, rootSiteId, adminId } = initLedger({ path: join(tempDir(), 'ledger.db'), siteCode: '420100', admin: ADMIN, demo: true, ruleProfile });
  track(ledger);
  const place = placesAt(ledger.db, rootSiteId)[0]!.id;
  let next = 0;
  const receive = (code: string, kind: NewCard['kind'], day: string, hm: string, n: number, numberAt: (k: number) => number) => {
    const list: NewCard[] = Array.from({ length: n }, (_, k) => {
      const i = next++;
      return {
        kind,
        cardNo: `T${String(numberAt(k)).padStart(5, '0')}`,
        cardIdCode: `420100D156000000${String(i).padStart(16, '0')}`,
        bank: '中国建设银行',
        maker: '东信和平',
        holder: kind === 'finished' ? { idType: 'resident_id', idNumber: idOf(i), name: `张${'伟芳娜秀英敏静丽强磊'[i % 10]}` } : null,
      };
    });
    writeTx(ledger, (tx) => {
      const b = insertBatch(tx, { code, kind, bank: '中国建设银行', maker: '东信和平', cityCode: '420100', declaredCount: n, createdAt: chinaInstant(day, '08:00') });
      const ids = registerCards(tx, { id: randomUUID(), kind: 'import', operatorId: adminId, at: chinaInstant(day, '08:00') }, b, rootSiteId, list, { refKind: 'import', refId: code }).cardIds;
      appendMovements(
        tx,
        { id: randomUUID(), kind: 'receive', operatorId: adminId, at: chinaInstant(day, hm) },
        ids.map((cardId) => ({ cardId, type: 'receive' as const, toPlaceId: place, counterpartRole: 'signer' as const, counterpartName: ADMIN.name, refKind: 'shipment', refId: `${code}-IN` })),
      );
    });
  };
  receive('P-0801', 'prefab', '2026-08-01', '10:00', 3, (k) => 90 + k);
  receive('B-0810', 'finished', '2026-08-10', '10:00', 3, (k) => 80 + k);
  receive('B-0828', 'finished', '2026-08-28', '10:00', 3, (k) => 3 + 10 * k);
  receive('B-0830', 'finished', '2026-08-30', '10:00', 3, (k) => 2 + 10 * k);
  receive('B-0831', 'finished', '2026-08-31', '23:30', 3, (k) => 1 + 10 * k);
  // Ten minutes past midnight, China time: 31 August in UTC, 1 September for the rules.
  receive('B-0901', 'finished', '2026-09-01', '00:10', 3, (k) => 4 + 10 * k);
  receive('B-0902', 'finished', '2026-09-02', '10:00', 3, (k) => 5 + 10 * k);
  receive('B-0915', 'finished', '2026-09-15', '10:00', 3, (k) => 60 + k);
  receive('B-1101', 'finished', '2026-11-01', '10:00', 3, (k) => 70 + k);
  // Dead holders: one recent card (due at once), one already overdue by age before the death.
  writeTx(ledger, (tx) => {
    setHolderDeceased(tx, holderCardByNo(tx, 'T00070')!.holderId!, '2027-02-10');
    setHolderDeceased(tx, holderCardByNo(tx, 'T00081')!.holderId!, '2027-03-05');
  });
  return { ledger, admin: authenticate(ledger, ADMIN.login, ADMIN.pin), adminId };
}

/**
 * The cohorts, and then: cards with a unit's agent whose making dates (制卡日期) lie months
 * before their pickup, and holders flagged emigrated, missing and undeliverable.
 */
function ledgerWithAgentsAndFlags(ruleProfile: 'guangdong' | 'hubei') {
  const { ledger, admin, adminId } = ledgerWithCohorts(ruleProfile);
  const made: Record<string, string | null> = { T00060: '2026-05-31', T00061: '2026-08-20', T00062: null, T00024: '2026-08-31', T00025: '2026-03-15' };
  for (const [no, day] of Object.entries(made)) ledger.sqlite.prepare('UPDATE cards SET issue_date = ? WHERE card_no = ?').run(day, no);
  writeTx(ledger, (tx) => {
    const pickup = (nos: string[], day: string) =>
      appendMovements(
        tx,
        { id: randomUUID(), kind: 'agent_pickup', operatorId: adminId, at: chinaInstant(day, '10:00') },
        nos.map((no) => ({ cardId: holderCardByNo(tx, no)!.id, type: 'agent_pickup' as const, toPlaceId: null, counterpartRole: 'agent' as const, counterpartName: '周建华', refKind: 'pickup', refId: `DL-${day}` })),
      );
    pickup(['T00060', 'T00061', 'T00062'], '2026-10-20');
    pickup(['T00024', 'T00025'], '2026-11-10');
  });
  const id = (no: string) => holderCardByNo(ledger.db, no)!.holderIdNumber!;
  flagHolder(ledger, admin, { idNumber: id('T00071'), kind: 'emigrated', on: '2026-11-20', source: '公安通报' });
  flagHolder(ledger, admin, { idNumber: id('T00061'), kind: 'missing', on: '2026-11-25', source: '家属报告' });
  flagHolder(ledger, admin, { idNumber: id('T00014'), kind: 'undeliverable', on: '2026-10-01', source: '邮政退件' });
  flagHolder(ledger, admin, { idNumber: id('T00072'), kind: 'emigrated', on: '2026-11-21', source: '公安通报' });
  // Cleared in error: T00072 is listed by age alone again.
  unflagHolder(ledger, admin, { idNumber: id('T00072'), kind: 'emigrated', reason: '登记错人' });
  return { ledger, admin };
}

/** Each holder's active flag other than death, read the plain way: the last row of each kind. */
function plainFlags(ledger: Ledger): Map<number, HolderRecallFlag> {
  const rows = ledger.sqlite.prepare(`SELECT holder_id AS h, kind, action, "on" FROM holder_flags f WHERE kind <> 'deceased'
    AND id = (SELECT max(id) FROM holder_flags g WHERE g.holder_id = f.holder_id AND g.kind = f.kind)`).all() as { h: number; kind: HolderRecallFlag['kind']; action: string; on: string }[];
  const rank = ['emigrated', 'missing', 'undeliverable'];
  const out = new Map<number, HolderRecallFlag>();
  for (const r of rows.filter((x) => x.action === 'set').sort((a, b) => rank.indexOf(b.kind) - rank.indexOf(a.kind))) out.set(r.h, { kind: r.kind, on: r.on });
  return out;
}

/** Every card in stock or with an agent, assessed one by one: the list without its shortcuts. */
function reference(ledger: Ledger, actor: Actor, asOf: string, includeWarnings: boolean): OverdueRow[] {
  const profile = ledgerProfile(ledger);
  const warningDays = Number(readSetting(ledger, 'overdue-warning-days'));
  const rows: OverdueRow[] = [];
  const flags = plainFlags(ledger);
  for (const c of finishedCardsInStates(ledger.db, subtreeIds(ledger.db, actor.siteId), ['in_stock', 'agent_held'])) {
    const since = todayInChina(new Date(c.heldSince!));
    const receivedOn = c.state === 'agent_held' ? sleepingSince(profile, since, c.issueDate) : since;
    const flag = flags.get(c.holderId!) ?? null;
    const a = assessOverdue({ state: c.state, heldSince: receivedOn, holderDeceasedOn: c.deceasedAt, holderFlag: flag }, asOf, profile, calendar, warningDays);
    if (!a || a.phase === 'ok' || (a.phase === 'warning' && !includeWarnings)) continue;
    rows.push({
      cardNo: c.cardNo,
      holderName: c.holderName,
      holderIdMasked: c.holderIdNumber ? maskIdNumber(c.holderIdNumber) : null,
      site: { code: c.siteCode, name: c.siteName },
      batch: c.batchCode,
      state: c.state,
      receivedOn,
      countsFrom: c.state === 'agent_held' && profile.sleepingFrom === 'made' && c.issueDate !== null ? 'made' : 'held',
      category: a.category,
      phase: a.phase,
      overdueFrom: a.overdueFrom,
      recallDueBy: a.recallDueBy,
      recallDueBasis: a.recallDueBasis,
      daysOverdue: a.daysOverdue,
      late: a.phase === 'overdue' && asOf > a.recallDueBy,
    });
  }
  const rank = (r: OverdueRow) => (r.phase === 'overdue' ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b) || a.recallDueBy.localeCompare(b.recallDueBy) || a.cardNo.localeCompare(b.cardNo));
}

describe('overdue list on cohorts around a month end', () => {
  it('lists exactly the cards the rules list, day by day, in deadline then card-number order', () => {
    const { ledger, admin } = ledgerWithCohorts();
    for (let asOf = '2027-01-20'; asOf <= '2027-04-10'; asOf = addCalendarDays(asOf, 1)) {
      for (const includeWarnings of [false, true]) {
        const list = overdueList(ledger, admin, calendar, { asOf, includeWarnings });
        expect(list, `${asOf} ${includeWarnings}`).toEqual(reference(ledger, admin, asOf, includeWarnings));
        const counts = overdueCounts(ledger, admin, calendar, { asOf, includeWarnings });
        expect(counts.total).toBe(list.length);
        expect(counts.late).toBe(list.filter((r) => r.late).length);
        expect(counts.byCategory.deceased).toBe(list.filter((r) => r.category === 'deceased').length);
      }
    }
  });

  it('clamps to the month end, and cards of different days with one deadline sort by number together', () => {
    const { ledger, admin } = ledgerWithCohorts();
    const due = overdueList(ledger, admin, calendar, { asOf: '2027-03-01' });
    expect(due.map((r) => [r.cardNo, r.category, r.receivedOn])).toEqual([
      // Due from the reported death (10 February), the day before its cohort's age would make it.
      ['T00070', 'deceased', '2026-11-01'],
      // A death reported after the card was overdue leaves its deadline; it ties with its cohort.
      ['T00080', 'unclaimed', '2026-08-10'],
      ['T00081', 'deceased', '2026-08-10'],
      ['T00082', 'unclaimed', '2026-08-10'],
      ['T00001', 'unclaimed', '2026-08-31'],
      ['T00002', 'unclaimed', '2026-08-30'],
      ['T00003', 'unclaimed', '2026-08-28'],
      ['T00011', 'unclaimed', '2026-08-31'],
      ['T00012', 'unclaimed', '2026-08-30'],
      ['T00013', 'unclaimed', '2026-08-28'],
      ['T00021', 'unclaimed', '2026-08-31'],
      ['T00022', 'unclaimed', '2026-08-30'],
      ['T00023', 'unclaimed', '2026-08-28'],
    ]);
    expect(new Set(due.slice(4).map((r) => r.overdueFrom))).toEqual(new Set(['2027-03-01']));
    expect(new Set(due.slice(1, 4).map((r) => r.recallDueBy)).size).toBe(1);
    // 1 September (China time) is the next day's cohort: overdue from 2 March, warned before.
    expect(overdueList(ledger, admin, calendar, { asOf: '2027-03-01', includeWarnings: true }).filter((r) => r.phase === 'warning').map((r) => r.cardNo)).toEqual(
      ['T00004', 'T00014', 'T00024', 'T00005', 'T00015', 'T00025', 'T00060', 'T00061', 'T00062'],
    );
  });

  it('reads no prefab card and a dead holder\'s card once', () => {
    const { ledger, admin } = ledgerWithCohorts();
    const ids = subtreeIds(ledger.db, admin.siteId);
    const all = overdueCandidates(ledger.db, ids, '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z');
    expect(all.some((c) => c.cardNo.startsWith('T0009'))).toBe(false);
    expect(all.filter((c) => c.cardNo === 'T00081')).toMatchObject([{ deceasedAt: '2027-03-05', state: 'in_stock' }]);
    expect(all.filter((c) => c.cardNo === 'T00070')).toMatchObject([{ deceasedAt: '2027-02-10' }]);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(all.every((c) => c.holderName === null)).toBe(true);
    const named = overdueCandidates(ledger.db, ids, '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', true);
    expect(named.map((c) => c.id).sort()).toEqual(all.map((c) => c.id).sort());
    expect(named.find((c) => c.cardNo === 'T00070')).toMatchObject({ holderName: expect.stringMatching(/^张/), holderIdNumber: holderCardByNo(ledger.db, 'T00070')!.holderIdNumber });
    expect(overdueCandidates(ledger.db, [], '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')).toEqual([]);
  });
});

describe('overdue list with agents\' cards and flagged holders, in both provinces', () => {
  for (const profile of ['hubei', 'guangdong'] as const) {
    it(`${profile}: lists exactly the cards the rules list, card by card`, () => {
      const { ledger, admin } = ledgerWithAgentsAndFlags(profile);
      for (let asOf = '2026-11-01'; asOf <= '2027-06-30'; asOf = addCalendarDays(asOf, 4)) {
        for (const includeWarnings of [false, true]) {
          const list = overdueList(ledger, admin, calendar, { asOf, includeWarnings });
          expect(list, `${asOf} ${includeWarnings}`).toEqual(reference(ledger, admin, asOf, includeWarnings));
          const counts = overdueCounts(ledger, admin, calendar, { asOf, includeWarnings });
          expect(counts.total).toBe(list.length);
          for (const k of ['emigrated', 'missing', 'undeliverable', 'sleeping'] as const) expect(counts.byCategory[k]).toBe(list.filter((r) => r.category === k).length);
        }
      }
    });
  }

  it('Hubei counts a sleeping card from its making, Guangdong from its pickup; flags bring their cards on under their category', () => {
    const row = (rows: OverdueRow[], no: string) => rows.find((r) => r.cardNo === no);
    const hb = ledgerWithAgentsAndFlags('hubei');
    const gd = ledgerWithAgentsAndFlags('guangdong');
    const asOf = '2026-12-01';
    const hbList = overdueList(hb.ledger, hb.admin, calendar, { asOf });
    // Made 31 May, picked up 20 October: sleeping in Hubei from 1 December (HB Art. 17).
    expect(row(hbList, 'T00060')).toMatchObject({ category: 'sleeping', receivedOn: '2026-05-31', overdueFrom: '2026-12-01' });
    expect(row(overdueList(gd.ledger, gd.admin, calendar, { asOf }), 'T00060')).toBeUndefined();
    expect(row(overdueList(gd.ledger, gd.admin, calendar, { asOf: '2027-04-21' }), 'T00060')).toMatchObject({ category: 'sleeping', receivedOn: '2026-10-20' });
    // No making date known: the pickup.
    expect(row(overdueList(hb.ledger, hb.admin, calendar, { asOf: '2027-04-21' }), 'T00062')).toMatchObject({ category: 'sleeping', receivedOn: '2026-10-20' });
    for (const list of [hbList, overdueList(gd.ledger, gd.admin, calendar, { asOf })]) {
      expect(row(list, 'T00071')).toMatchObject({ category: 'emigrated', overdueFrom: '2026-11-20' });
      expect(row(list, 'T00061')).toMatchObject({ category: 'missing', overdueFrom: '2026-11-25' });
      expect(row(list, 'T00072')).toBeUndefined();
      expect(row(list, 'T00014')).toBeUndefined();
    }
    // Undeliverable: listed under its category once it has stayed the unclaimed months (received 1 September).
    expect(row(overdueList(gd.ledger, gd.admin, calendar, { asOf: '2027-03-02' }), 'T00014')).toMatchObject({ category: 'undeliverable', overdueFrom: '2027-03-02' });
  });
});

describe('the Hubei sleeping-card query', () => {
  it('reads the making date from cards_overdue_list_ix alone, as the receipt and pickup ranges do', () => {
    const { ledger } = ledgerWithCohorts('hubei');
    const plan = (ledger.sqlite.prepare(
      `EXPLAIN QUERY PLAN SELECT cards.id, card_no, site_id, batch_id, coalesce(issue_date, picked_up_at) FROM cards INDEXED BY cards_overdue_list_ix
       WHERE state = 'agent_held' AND kind = 'finished' AND state IN ('in_stock', 'agent_held') AND recalled_at IS NULL
         AND (issue_date < '2026-06-01' OR (issue_date IS NULL AND picked_up_at < '2026-05-31T16:00:00.000Z')) AND site_id IN (1, 2, 3)`,
    ).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/USING COVERING INDEX cards_overdue_list_ix/);
  });
});

describe('the other lists that read every card of a city', () => {
  it('stock counts by kind and state as a plain GROUP BY gives them, with a third kind too', () => {
    const { ledger, admin } = ledgerWithCohorts();
    const ids = subtreeIds(ledger.db, admin.siteId);
    const plain = () =>
      ledger.sqlite
        .prepare(`SELECT kind, state, count(*) AS n FROM cards WHERE site_id IN (${ids.join(',')}) GROUP BY kind, state ORDER BY kind, state`)
        .all() as { kind: string; state: string; n: number }[];
    expect(stockCounts(ledger.db, ids)).toEqual(plain());
    expect(stockCounts(ledger.db, ids).map((r) => r.kind)).toContain('prefab');
    ledger.sqlite.exec(`UPDATE cards SET state = 'issued' WHERE card_no IN ('T00001', 'T00090')`);
    expect(stockCounts(ledger.db, ids)).toEqual(plain());
    for (const kind of ['aaa', 'g', 'zzz']) {
      ledger.sqlite.exec(`UPDATE cards SET kind = '${kind}' WHERE card_no = 'T00091'`);
      expect(stockCounts(ledger.db, ids)).toEqual(plain());
    }
  });

  it('the cancellation list reads only recalled, dead holders\' and replaced cards, and lists what the rules list', () => {
    const { ledger, admin } = ledgerWithCohorts();
    // Straight into the rows: the list only reads them. T00002's holder has a newer, issued card (T00012).
    ledger.sqlite.exec(`UPDATE cards SET state = 'recalled', recalled_at = '2026-05-01T02:00:00.000Z' WHERE card_no IN ('T00003', 'T00013')`);
    // Recalled at an office and signed in at the city since: in stock, still recalled (GD Art. 32 二).
    ledger.sqlite.exec(`UPDATE cards SET recalled_at = '2026-05-02T02:00:00.000Z' WHERE card_no = 'T00004'`);
    ledger.sqlite.exec(`UPDATE cards SET state = 'defective' WHERE card_no IN ('T00022', 'T00023')`);
    ledger.sqlite.exec(`UPDATE cards SET issue_date = '2026-01-01' WHERE card_no = 'T00002'`);
    ledger.sqlite.exec(`UPDATE cards SET issue_date = '2026-06-01', state = 'issued', holder_id = (SELECT holder_id FROM cards WHERE card_no = 'T00002') WHERE card_no = 'T00012'`);
    ledger.sqlite.exec(`UPDATE cards SET holder_id = (SELECT holder_id FROM cards WHERE card_no = 'T00081') WHERE card_no = 'T00022'`);
    const profile = ledgerProfile(ledger);
    for (const asOf of ['2026-11-23', '2027-06-30']) {
      const expected = finishedCardsInStates(ledger.db, subtreeIds(ledger.db, admin.siteId), ['recalled', 'in_stock', 'defective'])
        .filter((c) => dueForCancellation({ state: c.state, recalledOn: c.recalledAt && todayInChina(new Date(c.recalledAt)), holderDeceasedOn: c.deceasedAt, replacedByNewerCard: c.replaced }, asOf, profile).due)
        .map((c) => c.cardNo);
      expect(cancellationList(ledger, admin, { asOf }).map((r) => r.cardNo)).toEqual(expected);
    }
    expect(cancellationList(ledger, admin, { asOf: '2026-11-23' }).map((r) => [r.cardNo, r.reason])).toEqual([
      ['T00002', 'replaced'],
      // Wuhan's ledger has the Hubei profile: no second issuance, so a recalled card is due at once.
      ['T00003', 'second_issue_window_passed'],
      ['T00004', 'second_issue_window_passed'],
      ['T00013', 'second_issue_window_passed'],
      ['T00022', 'holder_deceased'],
      ['T00070', 'holder_deceased'],
      ['T00081', 'holder_deceased'],
    ]);
  });
});
