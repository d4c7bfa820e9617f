/**
 * Long variant (25 SIGKILLs; the default is 5): SBK_LONG_TESTS=1 npx vitest run test/e2e/crash-instant-library.test.ts
 *
 * crash-ops.test.ts (d) over a real shared library: `sbk instant make` SIGKILLed at seeded random
 * moments while it drives the stub SSCardDriver (drivers/library/stub/, compiled here) through
 * koffi in its library host process. After every kill `sbk verify` passes, every interrupted job
 * is resolved from what the printer shows, and the ledger agrees with the stub's hopper, reader
 * and bins: every blank that left the hopper is consumed (card issued) or spoiled, once.
 * Reproduce a failure: SBK_CRASH_SEED=<seed printed> …
 */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { cliAs, demoLedgerCopies } from '../helpers/demo-cli.ts';
import { runCli } from '../helpers/run-cli.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { crashLoop, crashSeed, LONG, verifyOk, type SbkCommand, type SbkRun } from './crash-harness.ts';
import { HAVE_CC, readStub, stubLibrary, writeStub } from '../helpers/sscard-stub.ts';

const N = LONG ? 25 : 5;
const TIMEOUT = LONG ? 1_500_000 : 300_000;
const SEED = crashSeed();
const PINS = { sunli: '680135' } as const;
const as = () => ({ SBK_OPERATOR: 'sunli', SBK_PIN: PINS.sunli });
const copy = demoLedgerCopies('sbk-crash-lib-');
const { ok } = cliAs(PINS);
const PHOTO = fileURLToPath(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url));
const HOPPER = '制卡机1-卡盒1';
const ICBC_BATCH = 'YZ-ICBC-2026-11';

function sql<T>(db: string, fn: (c: Database.Database) => T): T {
  const c = new Database(db, { fileMustExist: true });
  try {
    return fn(c);
  } finally {
    c.close();
  }
}

/** The ledger's hopper, in feed order (db/instant-jobs-repo.ts hopperQueue). */
const hopperQueue = (c: Database.Database) =>
  c
    .prepare(
      "SELECT k.card_no AS cardNo, k.card_id_code AS code, k.reset_code AS reset FROM cards k JOIN places p ON p.id = k.place_id WHERE k.kind = 'prefab' AND k.state = 'loaded' AND p.kind = 'hopper' AND p.name = ? AND p.site_id = (SELECT id FROM sites WHERE code = '420102-B01') ORDER BY k.last_movement_id, k.id",
    )
    .all(HOPPER) as { cardNo: string; code: string; reset: string | null }[];

/** A demo ledger at a desk driven by the stub library, its hopper 1 loaded as the ledger says. */
function desk(db: string): string {
  const path = stubLibrary();
  writeFileSync(
    join(dirname(db), 'devices.json'),
    JSON.stringify({ sites: { '420102-B01': { printers: [{ id: '制卡机1', transport: 'library', path, hoppers: { '1': HOPPER } }], readers: [], ca: 'simulator' } } }),
  );
  const state = join(dirname(db), 'sscard-stub.state');
  const queue = sql(db, hopperQueue);
  writeStub(state, { faults: { cover: false, jam: false, chipFails: false, hangInPrint: false }, reader: null, hoppers: queue.map((q) => ({ hopper: 1, idCode: q.code, reset: q.reset ?? '', region: '420102' })), good: [], bad: [] });
  return state;
}

describe.skipIf(!HAVE_CC)('sbk killed with SIGKILL while it drives the SSCardDriver library (stub) — skipped: no C compiler `cc`', () => {
  it(`instant make: every blank that left the hopper consumed or spoiled, as the library's printer shows (${N} kills)`, { timeout: TIMEOUT }, async () => {
    const db = copy();
    const state = desk(db);
    const env = { ...as(), SSCARD_STUB_STATE: state };
    const NAMES = ['王小明', '李华', '陈静怡', '刘洋洋', '阿依古丽·买买提'];
    const make = (ledger: string, i: number, e: Record<string, string>): SbkCommand => {
      const first17 = `42010219900101${String(100 + (i % 900))}`;
      return {
        db: ledger,
        args: ['instant', 'make', '--name', NAMES[i % NAMES.length]!, '--id', first17 + residentIdCheckChar(first17), '--bank', '中国工商银行', '--card-no', `T${String(i).padStart(8, '0')}`, '--photo', PHOTO],
        env: e,
        key: 'instant make',
        anchor: { sql: 'SELECT count(*) AS n FROM instant_jobs', delta: 1, label: 'job intent' },
      };
    };
    const jobOf = (cardNo: string) =>
      sql(db, (c) => {
        const job = c.prepare('SELECT id, job_no AS jobNo FROM instant_jobs WHERE card_no = ?').get(cardNo) as { id: number; jobNo: string } | undefined;
        if (!job) return null;
        return { ...job, step: (c.prepare('SELECT step FROM instant_job_events WHERE job_id = ? ORDER BY id DESC LIMIT 1').get(job.id) as { step: string }).step };
      });

    /** More blanks into the ledger's hopper and, in the same order, into the stub's, as a clerk would. */
    const topUp = () => {
      if (sql(db, (c) => hopperQueue(c).length) >= 2) return;
      const rows = (ok(db, 'sunli', ['register', '--batch', ICBC_BATCH]) as { rows: { cardNo: string; state: string }[] }).rows;
      const more = rows.filter((r) => r.state === 'in_stock').map((r) => r.cardNo).slice(0, 6);
      expect(more.length, 'the ICBC safe ran out of blanks').toBeGreaterThan(0);
      ok(db, 'sunli', ['prefab', 'load', '--hopper', HOPPER, ...more]);
      const queue = sql(db, hopperQueue);
      const st = readStub(state);
      const inStub = new Set([...st.hoppers.map((h) => h.idCode), ...(st.reader ? [st.reader.idCode] : [])]);
      const added = queue.filter((q) => !inStub.has(q.code)).map((q) => ({ hopper: 1, idCode: q.code, reset: q.reset ?? '', region: '420102' }));
      writeStub(state, { ...st, hoppers: [...st.hoppers, ...added] });
    };

    /** Resolves every interrupted job as the operator at the printer would (a printed card in the good bin is good). */
    const resolveAll = (ctx: () => string): string[] => {
      const done: string[] = [];
      for (let round = 0; round < 4; round++) {
        const pending = ok(db, 'sunli', ['instant', 'pending'], { SSCARD_STUB_STATE: state }) as { jobNo: string; cardNo: string; needs: string; lastStep: string }[];
        if (pending.length === 0) return done;
        for (const j of pending) {
          const flags: string[] = [];
          if (j.needs === 'face_check') {
            const printed = readStub(state).good.some((c) => c.cardNo === j.cardNo && c.printed);
            flags.push('--face', printed ? 'good' : 'bad');
            if (printed) flags.push('--hand-to', 'applicant');
          }
          if (j.needs === 'hand_to') flags.push('--hand-to', 'applicant');
          const r = runCli(['instant', 'resolve', j.jobNo, ...flags, '--db', db, '--json'], env);
          expect(r.code, `instant resolve ${j.jobNo} ${flags.join(' ')} (last step ${j.lastStep}):\n${r.stdout}${r.stderr}\n${ctx()}`).toBe(0);
          done.push(`${j.jobNo} at ${j.lastStep} → ${r.json().outcome}`);
        }
      }
      expect(ok(db, 'sunli', ['instant', 'pending']), `jobs still pending after resolving\n${ctx()}`).toEqual([]);
      return done;
    };

    /** The ledger against the stub's bins, reader and hopper. */
    const consistent = (ctx: () => string) => {
      const s = readStub(state);
      sql(db, (c) => {
        const jobs = c
          .prepare('SELECT j.id, j.job_no AS jobNo, b.card_id_code AS blankCode, b.state AS blankState FROM instant_jobs j JOIN cards b ON b.id = j.expected_blank_id ORDER BY j.id')
          .all() as { id: number; jobNo: string; blankCode: string; blankState: string }[];
        const good: string[] = [];
        const bad: string[] = [];
        for (const j of jobs) {
          const steps = (c.prepare('SELECT step FROM instant_job_events WHERE job_id = ? ORDER BY id').all(j.id) as { step: string }[]).map((e) => e.step);
          const outcomes = steps.filter((st) => ['issued', 'stocked', 'failed', 'void'].includes(st));
          expect({ job: j.jobNo, outcomes }, `every job has exactly one outcome, its last step\n${ctx()}`).toEqual({ job: j.jobNo, outcomes: [steps.at(-1)] });
          if (outcomes[0] === 'issued' || outcomes[0] === 'stocked') {
            expect(j.blankState, ctx()).toBe('consumed');
            good.push(j.blankCode);
          } else if (outcomes[0] === 'failed') {
            expect(j.blankState, ctx()).toBe('spoiled');
            bad.push(j.blankCode);
          }
        }
        const queue = hopperQueue(c).map((q) => q.code);
        expect(
          { good: s.good.map((x) => x.idCode).sort(), bad: s.bad.map((x) => x.idCode).sort(), atReader: s.reader ? { code: s.reader.idCode, blank: !s.reader.cardNo && !s.reader.ssn } : null, rest: s.hoppers.map((h) => h.idCode) },
          `the stub library's printer (${state}) and the ledger disagree\n${ctx()}`,
        ).toEqual({ good: [...good].sort(), bad: [...bad].sort(), atReader: s.reader ? { code: queue[0], blank: true } : null, rest: queue.slice(s.reader ? 1 : 0) });
      });
    };

    let i = 0;
    const report = await crashLoop({
      name: 'instant over the library',
      seed: SEED,
      attempts: N,
      next: () => {
        topUp();
        i += 1;
        return make(db, i, env);
      },
      reference: () => {
        const ref = copy();
        return make(ref, 999, { ...as(), SSCARD_STUB_STATE: desk(ref) });
      },
      check: (cmd, run: SbkRun, ctx) => {
        const cardNo = cmd.args[cmd.args.indexOf('--card-no') + 1]!;
        const before = jobOf(cardNo);
        const resolved = resolveAll(ctx);
        if (resolved.length > 0) verifyOk(db, ctx);
        consistent(ctx);
        if (!run.killed) expect(jobOf(cardNo)?.step, ctx()).toBe('issued');
        if (!before) return { effect: 'none', detail: 'no job started' };
        if (before.step === 'issued') return { effect: 'all', detail: `${before.jobNo} issued` };
        return { effect: 'pending', detail: `${before.jobNo} left at ${before.step}; ${resolved.join(', ')}` };
      },
    });
    topUp();
    expect(ok(db, 'sunli', make(db, i + 1, env).args, { SSCARD_STUB_STATE: state })).toMatchObject({ status: 'issued' });
    consistent(() => `instant over the library: seed ${SEED}, final make`);
    verifyOk(db, () => `instant over the library: seed ${SEED}`);
    console.log(`${report.summary}\n  ${report.log.join('\n  ')}`);
  });
});
