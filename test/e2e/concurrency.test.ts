/**
 * Long variant (30 s instead of 8 s): SBK_LONG_TESTS=1 npx vitest run test/e2e/concurrency.test.ts
 *
 * Four real `sbk` processes at a time on one ledger (ENGINEERING.md §2: several operators on one
 * host), each a loop of CLI commands that scan and issue at its own site:
 *   lijuan   (city 420100)   imports a maker's file of 1,000 blanks into stock (a write transaction of some
 *                            hundred ms that the others must wait out), then signs in two cards of the
 *                            province's shipment one by one and sends each on to 江岸, and so on;
 *   sunli    (ICBC branch)   counts her prefab blanks: start, a scan per box and hopper, submit, approve;
 *   chenjing (硚口 office)   signs in the courier parcel from the city card by card and issues each card;
 *   liuyang  (江汉 office)   issues the cards in stock to their holders.
 * No operator may ever see "database is locked" (every write is BEGIN IMMEDIATE, the busy timeout
 * waits out the others); every command that reported success has exactly its movements in the
 * ledger, none lost and none doubled; the card counts per state move by exactly what succeeded;
 * and `sbk verify` passes at the end.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { syntheticMakerRows, writeMakerFile } from '../../src/domain/maker-file-writer.ts';
import { cliAs, demoLedgerCopies } from '../helpers/demo-cli.ts';
import { LONG, runSbk, verifyOk, type Env, type SbkCommand } from './crash-harness.ts';

const DURATION_MS = LONG ? 30_000 : 8_000;
const PINS = { lijuan: '246801', sunli: '680135', chenjing: '802357', liuyang: '579024' } as const;
type Who = keyof typeof PINS;
const as = (who: Who): Env => ({ SBK_OPERATOR: who, SBK_PIN: PINS[who] });
const copy = demoLedgerCopies('sbk-concurrency-');
const { ok } = cliAs(PINS);

const PROVINCE = 'P-420100-2026-1120';
const HOPPER = '制卡机1-卡盒1';
const IMPORT_ROWS = 1000;
const BUSY = /database is locked|SQLITE_BUSY|SQLITE_LOCKED|database table is locked/i;

/** What one command did, if it succeeded: movements it should have written (type, card, ref) and other counts. */
type Effect = { moves: { type: string; cardNo: string; ref: string | null }[]; scans?: number; submitted?: number; closed?: number; started?: number; imports?: number; logins: number };
type Rec = { who: Who; args: string[]; code: number | null; ms: number; stdout: string; stderr: string; effect: Effect | null; startedAt: number };

/** One operator's loop: `next` gives the next command (or null when there is nothing left to do) and reads its result. */
type Step = { args: string[]; env?: Env; effect: (json: any) => Effect };

type Snapshot = { head: number; states: Record<string, number>; cardStates: Map<string, string>; logins: number; scans: number; counts: number; countEvents: Record<string, number>; receipts: number; sent: number; shipments: number };

function snapshot(db: string): Snapshot {
  const c = new Database(db, { fileMustExist: true });
  try {
    const n = (q: string) => (c.prepare(q).get() as { n: number }).n;
    const states = Object.fromEntries((c.prepare('SELECT state, count(*) AS n FROM cards GROUP BY state').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]));
    const cardStates = new Map((c.prepare('SELECT card_no AS no, state FROM cards').all() as { no: string; state: string }[]).map((r) => [r.no, r.state]));
    const countEvents = Object.fromEntries((c.prepare('SELECT type, count(*) AS n FROM stock_count_events GROUP BY type').all() as { type: string; n: number }[]).map((r) => [r.type, r.n]));
    return {
      head: n('SELECT coalesce(max(id), 0) AS n FROM movements'),
      states,
      cardStates,
      logins: n("SELECT count(*) AS n FROM audit_events WHERE type = 'login'"),
      scans: n('SELECT count(*) AS n FROM stock_count_scans'),
      counts: n('SELECT count(*) AS n FROM stock_counts'),
      countEvents,
      receipts: n("SELECT count(*) AS n FROM shipment_events WHERE type = 'receipt'"),
      sent: n("SELECT count(*) AS n FROM shipment_events WHERE type = 'sent'"),
      shipments: n('SELECT count(*) AS n FROM shipments'),
    };
  } finally {
    c.close();
  }
}

describe('four sbk processes on one ledger at once (real binary)', () => {
  it(`scan, sign in, count and issue for ${DURATION_MS / 1000} s: no "database is locked", nothing lost or doubled, verify passes, totals add up`, { timeout: DURATION_MS + 150_000 }, async () => {
    const db = copy();

    // Candidates, read from the ledger before anyone starts.
    const c = new Database(db, { fileMustExist: true, readonly: true });
    const holderRows = (where: string, ...args: unknown[]) =>
      c
        .prepare(`SELECT k.card_no AS cardNo, h.id_number AS idNumber FROM cards k JOIN holders h ON h.id = k.holder_id JOIN sites s ON s.id = k.site_id WHERE ${where} ORDER BY k.card_no`)
        .all(...args) as { cardNo: string; idNumber: string }[];
    const provinceCards = (c.prepare("SELECT k.card_no AS cardNo FROM cards k JOIN shipment_items i ON i.card_id = k.id JOIN shipments s ON s.id = i.shipment_id WHERE s.number = ? ORDER BY k.card_no").all(PROVINCE) as { cardNo: string }[]).map((r) => r.cardNo);
    const parcel = (c.prepare("SELECT s.number FROM shipments s JOIN sites t ON t.id = s.to_site_id WHERE t.code = '420104-01' AND s.method = 'courier'").get() as { number: string }).number;
    const parcelCards = c
      .prepare(
        "SELECT k.card_no AS cardNo, h.id_number AS idNumber FROM cards k JOIN holders h ON h.id = k.holder_id JOIN shipment_items i ON i.card_id = k.id JOIN shipments s ON s.id = i.shipment_id WHERE s.number = ? AND k.state = 'in_transit' ORDER BY k.card_no",
      )
      .all(parcel) as { cardNo: string; idNumber: string }[];
    const jianghanStock = holderRows("s.code = '420103-01' AND k.kind = 'finished' AND k.state = 'in_stock'");
    c.close();
    expect([provinceCards.length, parcelCards.length, jianghanStock.length]).toEqual([24, 30, 33]);
    // The ICBC branch's blanks, box by box and in the hopper: a clean count scans them all.
    const stock = ok(db, 'sunli', ['prefab', 'stock']) as { where: string; inStock: number; loaded: number }[];
    const countCodes = stock.map((r) => {
      const box = /^箱 (\S+)（/.exec(r.where);
      return box ? `${box[1]}=${r.inStock}` : `@${HOPPER}=${r.loaded}`;
    });
    expect(countCodes.length).toBeGreaterThan(1);

    const one = (type: string, cardNo: string, ref: string | null) => ({ moves: [{ type, cardNo, ref }], logins: 1 });

    /** A maker's file of prefab blanks, its own batch and card prefix. */
    const makerFile = (k: number) => {
      const prefix = `W${String(k).padStart(2, '0')}`;
      const w = writeMakerFile(
        'prefab',
        { bank: '中国工商银行', cityBody: '武汉市社会保险卡管理中心', batch: `YZ2026120${String(k).padStart(3, '0')}`, maker: '金邦达', bankCode: '102521000013', time: '20261120090000' },
        syntheticMakerRows('prefab', IMPORT_ROWS, 20261120 + k, { cardPrefix: prefix }),
      );
      const path = join(dirname(db), w.fileName);
      writeFileSync(path, w.text);
      const cardNos = Array.from({ length: IMPORT_ROWS }, (_, i) => `${prefix}${String(i + 1).padStart(6, '0')}`);
      return { path, cardNos };
    };
    /** lijuan: every other card, import a maker's file; sign in one card of the province's shipment, then send it on to 江岸. */
    function* city(): Generator<Step> {
      let files = 0;
      for (const [i, cardNo] of provinceCards.entries()) {
        if (i % 2 === 0) {
          const f = makerFile(++files);
          yield {
            args: ['import', f.path, '--receive'],
            effect: (j) => {
              expect(j).toMatchObject({ status: 'imported', registered: IMPORT_ROWS, received: IMPORT_ROWS });
              return { moves: f.cardNos.flatMap((no) => [{ type: 'register', cardNo: no, ref: null }, { type: 'receive', cardNo: no, ref: null }]), imports: 1, logins: 1 };
            },
          };
        }
        yield { args: ['ship', 'receive', PROVINCE, '--card', cardNo, '--signer', '李娟'], effect: () => one('receive', cardNo, PROVINCE) };
        yield { args: ['ship', 'create', '--to', '420102-01', '--card', cardNo, '--method', 'staff', '--send'], effect: (j) => one('dispatch', cardNo, j.number) };
      }
    }
    /** sunli: count after count; a clean one, confirmed by the city supervisor. */
    function* branch(): Generator<Step> {
      for (;;) {
        let id = 0;
        yield { args: ['count', 'start'], effect: (j) => ((id = j.id), { moves: [], started: 1, logins: 1 }) };
        for (const code of countCodes) yield { args: ['count', 'scan', String(id), code], effect: () => ({ moves: [], scans: 1, logins: 1 }) };
        yield { args: ['count', 'submit', String(id)], effect: () => ({ moves: [], submitted: 1, logins: 1 }) };
        yield { args: ['count', 'approve', String(id), '--confirm', 'lijuan'], env: { SBK_APPROVER_PIN: PINS.lijuan }, effect: () => ({ moves: [], closed: 1, logins: 1 }) }; // the confirmer's PIN is an approval (approval_passed), not a login
      }
    }
    /** chenjing: sign in one card of the courier parcel, then hand it to its holder. */
    function* qiaokou(): Generator<Step> {
      for (const k of parcelCards) {
        yield { args: ['ship', 'receive', parcel, '--card', k.cardNo, '--signer', '陈静'], effect: () => one('receive', k.cardNo, parcel) };
        yield { args: ['issue', k.cardNo, '--holder-id', k.idNumber, '--receiver', 'self'], effect: () => one('issue', k.cardNo, null) };
      }
    }
    /** liuyang: the cards in stock, each to its holder. */
    function* jianghan(): Generator<Step> {
      for (const k of jianghanStock) yield { args: ['issue', k.cardNo, '--holder-id', k.idNumber, '--receiver', 'self'], effect: () => one('issue', k.cardNo, null) };
    }

    const before = snapshot(db);
    const records: Rec[] = [];
    const t0 = Date.now();
    const deadline = t0 + DURATION_MS;
    const loop = async (who: Who, steps: Generator<Step>) => {
      for (let s = steps.next(); !s.done && Date.now() < deadline; s = steps.next()) {
        const step = s.value;
        const cmd: SbkCommand = { db, args: step.args, env: { ...as(who), ...step.env } };
        const startedAt = Date.now() - t0;
        const r = await runSbk(cmd);
        let effect: Effect | null = null;
        if (r.code === 0) effect = step.effect(JSON.parse(r.stdout));
        records.push({ who, args: step.args, code: r.code, ms: r.ms, stdout: r.stdout, stderr: r.stderr, effect, startedAt });
        // A loop stops at its first failure (its next step may depend on this one); the checks below report it.
        if (r.code !== 0) return;
      }
    };
    await Promise.all([loop('lijuan', city()), loop('sunli', branch()), loop('chenjing', qiaokou()), loop('liuyang', jianghan())]);
    const wall = Date.now() - t0;

    const show = (r: Rec) => `${r.who} @${r.startedAt} ms: sbk ${r.args.join(' ')} → exit ${r.code} after ${r.ms.toFixed(0)} ms\n    ${(r.stdout + r.stderr).trim().slice(0, 400)}`;
    const busy = records.filter((r) => BUSY.test(r.stdout + r.stderr));
    expect(busy.map(show), 'an operator saw "database is locked"').toEqual([]);
    expect(records.filter((r) => r.code !== 0).map(show), 'every command succeeds').toEqual([]);
    const per = (who: Who) => records.filter((r) => r.who === who).length;
    expect(Math.min(per('lijuan'), per('sunli'), per('chenjing'), per('liuyang')), 'each process ran commands').toBeGreaterThan(0);

    verifyOk(db, () => 'concurrency: verify at the end');
    const after = snapshot(db);
    const done = records.filter((r) => r.effect !== null).map((r) => r.effect!);
    const sum = (f: (e: Effect) => number) => done.reduce((a, e) => a + f(e), 0);

    // Every movement a successful command promised, exactly once, and no other.
    const c2 = new Database(db, { fileMustExist: true, readonly: true });
    const newMoves = c2
      .prepare('SELECT m.type, k.card_no AS cardNo, m.ref_kind AS refKind, m.ref_id AS refId FROM movements m JOIN cards k ON k.id = m.card_id WHERE m.id > ? ORDER BY m.id')
      .all(before.head) as { type: string; cardNo: string; refKind: string | null; refId: string | null }[];
    c2.close();
    const key = (m: { type: string; cardNo: string; ref: string | null }) => `${m.type} ${m.cardNo} ${m.ref ?? '-'}`;
    const expected = done.flatMap((e) => e.moves).map(key).sort();
    const actual = newMoves.map((m) => key({ type: m.type, cardNo: m.cardNo, ref: m.refKind === 'shipment' ? m.refId : null })).sort();
    expect(actual, 'the new movements are exactly those of the commands that succeeded').toEqual(expected);
    expect(after.head - before.head, 'movement ids without gaps').toBe(newMoves.length);

    // Totals: cards per state moved by exactly what succeeded.
    const predicted = new Map(before.cardStates);
    const toState: Record<string, string> = { register: 'expected', receive: 'in_stock', dispatch: 'in_transit', issue: 'issued' };
    for (const e of done) for (const m of e.moves) predicted.set(m.cardNo, toState[m.type]!);
    const tally = (m: Map<string, string>) => [...m.values()].reduce<Record<string, number>>((a, st) => ((a[st] = (a[st] ?? 0) + 1), a), {});
    expect(tally(after.cardStates), 'cards per state').toEqual(tally(predicted));
    expect(after.states).toEqual(tally(predicted));
    const touched = [...new Set(done.flatMap((e) => e.moves.map((m) => m.cardNo)))];
    expect(Object.fromEntries(touched.map((no) => [no, after.cardStates.get(no)]))).toEqual(Object.fromEntries(touched.map((no) => [no, predicted.get(no)])));

    // The rest of what succeeded: scans, counts, receipts and shipments, and every login.
    const receives = sum((e) => e.moves.filter((m) => m.type === 'receive' && m.ref !== null).length);
    const imported = sum((e) => (e.imports ?? 0) * IMPORT_ROWS);
    const dispatches = sum((e) => e.moves.filter((m) => m.type === 'dispatch').length);
    const issues = sum((e) => e.moves.filter((m) => m.type === 'issue').length);
    expect({
      movements: newMoves.length,
      receipts: after.receipts - before.receipts,
      sent: after.sent - before.sent,
      shipments: after.shipments - before.shipments,
      counts: after.counts - before.counts,
      scans: after.scans - before.scans,
      submitted: (after.countEvents.submitted ?? 0) - (before.countEvents.submitted ?? 0),
      closed: (after.countEvents.closed ?? 0) - (before.countEvents.closed ?? 0),
      logins: after.logins - before.logins,
    }).toEqual({
      movements: receives + dispatches + issues + 2 * imported,
      receipts: receives,
      sent: dispatches,
      shipments: dispatches,
      counts: sum((e) => e.started ?? 0),
      scans: sum((e) => e.scans ?? 0),
      submitted: sum((e) => e.submitted ?? 0),
      closed: sum((e) => e.closed ?? 0),
      logins: sum((e) => e.logins),
    });

    const slowest = Math.max(...records.map((r) => r.ms));
    const imports = records.filter((r) => r.args[0] === 'import');
    const overlapping = records.filter((r) => r.args[0] !== 'import' && imports.some((i) => r.startedAt < i.startedAt + i.ms && i.startedAt < r.startedAt + r.ms)).length;
    console.log(
      `concurrency: ${records.length} commands in ${(wall / 1000).toFixed(1)} s (lijuan ${per('lijuan')}, sunli ${per('sunli')}, chenjing ${per('chenjing')}, liuyang ${per('liuyang')}), ` +
        `all succeeded, none saw "database is locked"; ${receives} sign-ins, ${dispatches} dispatches, ${sum((e) => e.imports ?? 0)} imports (${imported} blanks), ${issues} issues, ${sum((e) => e.scans ?? 0)} count scans, ${sum((e) => e.closed ?? 0)} counts closed; ` +
        `${newMoves.length} new movements, ${sum((e) => e.logins)} logins; ${overlapping} commands ran while an import was running; slowest command ${slowest.toFixed(0)} ms`,
    );
  });
});
