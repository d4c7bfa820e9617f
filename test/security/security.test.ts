/**
 * Security checks as tests (ENGINEERING.md §4; PIPL Art. 28; HB Art. 42):
 * (1) the ledger, its WAL/SHM and its key are created for their owner (and, with the group
 *     option, the operators' group) only; exports/ is 0700 and its files 0600;
 * (2) no national ID number and no PIN appears in output, errors, logs or exported files;
 * (3) a PIN is never echoed, at the console's login nor at the CLI's prompt;
 * (4) a second-operator approval by the operator themself is refused for every sensitive action;
 * (5) a locked account cannot act from the CLI either.
 *
 * The broad sweeps run the CLI's own entry point (src/cli/main.ts) in this process with stdout
 * and stderr captured, which is what bin/sbk.js runs, at a fraction of a process start each; the
 * checks that are about the process (a real terminal, the lock across processes, exit codes)
 * run the real binary.
 */
import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import Database from 'better-sqlite3';
import { createHmac, randomBytes, scryptSync } from 'node:crypto';
import { main } from '../../src/cli/main.ts';
import { readPin } from '../../src/cli/read-pin.ts';
import { App } from '../../src/ui/app.tsx';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { DEMO_OPERATORS } from '../../src/workflows/demo-ledger.ts';
import { saveBatchRegister, saveCountReport, saveHandoverSheet, saveIssueReceipt, exportsDir } from '../../src/workflows/shipment-export.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { issueCard } from '../../src/workflows/issue-card.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { readPepper } from '../../src/security/pepper-file.ts';
import { todayInChina } from '../../src/domain/china-dates.ts';
import { addCalendarDays } from '../../src/domain/calendar.ts';
import { closeLedger, openLedger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { logAudit } from '../../db/audit-log.ts';
import { demoLedgerCopies } from '../helpers/demo-cli.ts';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { renderConsole } from '../helpers/render-console.tsx';
import { ADMIN, freshLedger, tempDir, track } from '../helpers/temp-ledger.ts';

const PINS: Record<string, string> = Object.fromEntries(DEMO_OPERATORS.map((o) => [o.login, o.pin]));
const ALL_PINS = [...new Set([...Object.values(PINS), ADMIN.pin])];
const JIANGAN = '420102-01';
const ICBC_BRANCH = '420102-B01';
const PROVINCE = 'P-420100-2026-1120';
const BATCH = '420100-2026-0301';
/** An 18-character ID-shaped number standing on its own (not inside a hash, a card code or a longer number). */
const FULL_ID = /(?<![0-9A-Za-z])[0-9]{17}[0-9X](?![0-9A-Za-z])/;
const SLOW = 120_000;
const BIN = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));
const PHOTO = fileURLToPath(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url));
const idOf = (first17: string) => first17 + residentIdCheckChar(first17);
/** Someone who walks in for an instant card, and an agent: IDs the ledger gets during the tests. */
const APPLICANT_ID = idOf('42010219900101001');
const AGENT_ID = idOf('42010219850505002');

const demoCopies = demoLedgerCopies('sbk-security-');

/**
 * A copy of the demo ledger whose operators' PIN hashes use a cheap scrypt cost. Each hash carries
 * its own parameters (src/security/pin-hash.ts) and the check is the same code; only the ~0.15 s
 * of work per login is gone, which is what lets these tests run a hundred commands.
 */
function demoCopy(): string {
  const db = demoCopies();
  const pepper = readPepper(db);
  // Through the program's own connection and writeTx: the change is sealed like any other, so
  // verify stays clean (a raw connection here would be tampering, and verify would say so).
  const ledger = openLedger(db, { mustExist: true });
  try {
    writeTx(ledger, () => {
      const update = ledger.sqlite.prepare('UPDATE operators SET pin_hash = ? WHERE login = ?');
      for (const [login, pin] of Object.entries(PINS)) {
        const salt = randomBytes(16);
        const key = scryptSync(createHmac('sha256', pepper).update(pin, 'utf8').digest(), salt, 32, { N: 2 ** 10, r: 8, p: 1 });
        update.run(['scrypt', 10, 8, 1, salt.toString('base64'), key.toString('base64')].join('$'), login);
      }
    });
  } finally {
    closeLedger(ledger);
  }
  return db;
}

// ---- The CLI in this process ---------------------------------------------------------------

type Env = Record<string, string | undefined>;
const SBK_ENV = ['SBK_OPERATOR', 'SBK_PIN', 'SBK_APPROVER_PIN', 'SBK_NEW_PIN', 'SBK_DB', 'SBK_DEVICES', 'SBK_HOLIDAYS_DIR', 'SBK_FAILPOINT'];

/** Runs `sbk args` through the CLI's entry point with stdout and stderr captured; one at a time. */
async function sbkIn(args: string[], env: Env = {}): Promise<CliResult> {
  const saved = new Map(SBK_ENV.map((k) => [k, process.env[k]]));
  for (const k of SBK_ENV) delete process.env[k];
  for (const [k, v] of Object.entries(env)) if (v !== undefined) process.env[k] = v;
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write;
  const ewrite = process.stderr.write;
  process.stdout.write = ((s: string | Uint8Array) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => (err.push(String(s)), true)) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(args);
  } finally {
    process.stdout.write = write;
    process.stderr.write = ewrite;
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const stdout = out.join('');
  return { code, signal: null, stdout, stderr: err.join(''), json: () => JSON.parse(stdout) };
}

const as = (who: string | null, extra: Env = {}): Env => ({ ...(who ? { SBK_OPERATOR: who, SBK_PIN: PINS[who] } : {}), ...extra });

/** `sbk` in this process as a demo operator; `--json` unless `text`. */
async function sbk(db: string, who: string | null, args: string[], opts: { env?: Env; text?: boolean } = {}): Promise<CliResult> {
  return sbkIn([...args, '--db', db, ...(opts.text ? [] : ['--json'])], as(who, opts.env));
}

async function ok(db: string, who: string | null, args: string[], env: Env = {}) {
  const r = await sbk(db, who, args, { env });
  expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
  return r.json();
}

async function refused(db: string, who: string | null, args: string[], code: string, env: Env = {}): Promise<CliResult> {
  const r = await sbk(db, who, args, { env });
  expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(1);
  expect(r.json().error.code, r.stdout).toBe(code);
  return r;
}

// ---- The ledger, read directly -------------------------------------------------------------

function query<T>(db: string, sql: string, ...params: unknown[]): T[] {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}

/** Every full ID number the ledger holds: holders, and agents and receivers recorded on movements. */
function idsInLedger(db: string): string[] {
  const holders = query<{ v: string }>(db, 'SELECT id_number AS v FROM holders');
  const agents = query<{ v: string }>(db, 'SELECT DISTINCT counterpart_id_number AS v FROM movements WHERE counterpart_id_number IS NOT NULL');
  return [...new Set([...holders, ...agents].map((r) => r.v))];
}

const cardsAt = (db: string, site: string, kind: string, state: string): string[] =>
  query<{ no: string }>(db, 'SELECT c.card_no AS no FROM cards c JOIN sites s ON s.id = c.site_id WHERE s.code = ? AND c.kind = ? AND c.state = ? ORDER BY c.card_no', site, kind, state).map((r) => r.no);

const holderIdOf = (db: string, cardNo: string): string =>
  query<{ v: string }>(db, 'SELECT h.id_number AS v FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.card_no = ?', cardNo)[0]!.v;

/** Rows in every table but the audit log (a refused approval still logs the approver's login). */
function businessCounts(db: string): Record<string, number> {
  const tables = query<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('audit_events', 'ledger_seals', 'ledger_digests')").map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, query<{ n: number }>(db, `SELECT count(*) AS n FROM "${t}"`)[0]!.n]));
}

const mode = (p: string) => statSync(p).mode & 0o777;

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** No full ID number the ledger knows (or any 18-character ID-shaped number), and no PIN. */
function expectNoSecrets(label: string, text: string, ids: readonly string[], pins: readonly string[] = ALL_PINS): void {
  for (const id of ids) expect(text.includes(id), `${label} shows the ID number ${id}`).toBe(false);
  expect(FULL_ID.exec(text)?.[0], `${label} shows an ID-shaped number`).toBeUndefined();
  // A PIN standing on its own: six digits inside a card code or a hash are not a PIN shown.
  for (const pin of pins) expect(new RegExp(`(?<![0-9A-Za-z])${pin}(?![0-9A-Za-z])`).test(text), `${label} shows the PIN ${pin}`).toBe(false);
}

// ---- (1) Files for their owner only -----------------------------------------------------------

describe('(1) the ledger and what sbk writes beside it are its owner’s only', () => {
  it('init and demo, even under umask 000: ledger 0600 in a new 0700 folder, key 0600, WAL and SHM not readable by others', async () => {
    const root = tempDir();
    const old = process.umask(0o000);
    try {
      expect((await sbkIn(['init', '--db', join(root, 'init', 'city.db'), '--site', '420100', '--admin', 'boss', '--name', '王建国', '--json'], { SBK_PIN: ADMIN.pin })).code).toBe(0);
      expect((await sbkIn(['demo', '--db', join(root, 'demo', 'demo.db'), '--json'])).code).toBe(0);
    } finally {
      process.umask(old);
    }
    for (const db of [join(root, 'init', 'city.db'), join(root, 'demo', 'demo.db')]) {
      expect(mode(dirname(db)), dirname(db)).toBe(0o700);
      expect(mode(db), db).toBe(0o600);
      expect(mode(`${db}.key`), `${db}.key`).toBe(0o600);
      // SQLite gives -wal and -shm the database's mode; they exist while a connection is open.
      const l = track(openLedger(db, { mustExist: true }));
      writeTx(l, (tx) => logAudit(tx, { type: 'login', siteId: null })); // any write
      for (const side of [`${db}-wal`, `${db}-shm`]) {
        expect(existsSync(side), side).toBe(true);
        expect(mode(side) & 0o077, side).toBe(0);
      }
      closeLedger(l);
    }
    // The real binary under the usual umask, for good measure.
    const db = join(root, 'bin', 'city.db');
    expect(runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], { SBK_PIN: ADMIN.pin }).code).toBe(0);
    expect([mode(dirname(db)), mode(db), mode(`${db}.key`)]).toEqual([0o700, 0o600, 0o600]);
  });

  it('with the group option (db/open-ledger.ts groupAccess): 0660 in a 0770 folder, so the group can create -wal/-shm; nothing for others', () => {
    const db = join(tempDir(), 'shared', 'city.db');
    const l = track(openLedger(db, { groupAccess: true }));
    expect(mode(dirname(db))).toBe(0o770);
    expect(mode(db)).toBe(0o660);
    for (const side of [`${db}-wal`, `${db}-shm`]) expect(mode(side) & 0o007, side).toBe(0);
    closeLedger(l);
  });

  it(
    'exports/ is 0700 with 0600 files; every file written on request (--out, --receipt, --report) is 0600',
    async () => {
      const db = demoCopy();
      const l = track(openLedger(db, { mustExist: true }));
      const lijuan = authenticate(l, 'lijuan', PINS.lijuan!);
      const zhangwei = authenticate(l, 'zhangwei', PINS.zhangwei!);
      const sunli = authenticate(l, 'sunli', PINS.sunli!);
      const card = cardsAt(db, JIANGAN, 'finished', 'in_stock')[0]!;
      const issued = issueCard(l, zhangwei, { operationId: 'sec-exp-1', cardNo: card, receiver: 'self', holderIdNumber: holderIdOf(db, card), chip: null });
      expect(issued.status).toBe('issued');
      // What the console saves (sheets, register, receipt, count report), under the most permissive umask.
      const old = process.umask(0o000);
      let written: string[];
      try {
        written = [
          ...Object.values(saveHandoverSheet(l, lijuan, PROVINCE, loadCalendar())),
          saveBatchRegister(l, lijuan, BATCH),
          ...(issued.status === 'issued' ? [saveIssueReceipt(l, issued.receipt)] : []),
          ...Object.values(saveCountReport(l, sunli, loadCalendar(), { from: addCalendarDays(todayInChina(), -7), to: todayInChina() })).filter((v): v is string => typeof v === 'string'),
        ];
      } finally {
        process.umask(old);
      }
      closeLedger(l);
      expect((await ok(db, 'sunli', ['instant', 'make', '--name', '王小明', '--id', APPLICANT_ID, '--bank', '中国工商银行', '--card-no', 'T00000091', '--photo', PHOTO, '--receipt'])).receiptFile).toBeTruthy();
      const dir = exportsDir({ path: db });
      expect(mode(dir)).toBe(0o700);
      const files = filesUnder(dir);
      expect(files.length).toBeGreaterThanOrEqual(written.length + 1);
      for (const f of files) expect(mode(f), f).toBe(0o600);

      const out = tempDir();
      const asked = {
        register: join(out, 'register.csv'),
        overdue: join(out, 'overdue.csv'),
        sheet: join(out, 'sheet.txt'),
        report: join(out, 'count.csv'),
        receipt: join(out, 'receipt.txt'),
        problems: join(out, 'problems.txt'),
      };
      await ok(db, 'lijuan', ['register', '--batch', BATCH, '--csv', '--out', asked.register]);
      await ok(db, 'lijuan', ['overdue', '--csv', '--out', asked.overdue]);
      await ok(db, 'lijuan', ['ship', 'sheet', PROVINCE, '--out', asked.sheet]);
      await ok(db, 'sunli', ['count', 'report', '--yesterday', '--csv', '--out', asked.report]);
      const next = cardsAt(db, JIANGAN, 'finished', 'in_stock')[0]!;
      await ok(db, 'zhangwei', ['issue', next, '--holder-id', holderIdOf(db, next), '--receiver', 'self', '--receipt', asked.receipt]);
      // A maker's file with problems, its report saved beside it.
      const bad = join(out, 'YZKCG_中国工商银行_武汉市社保卡管理中心_SEC1_2_金邦达_102521000013_20261120093000.txt');
      writeFileSync(bad, '2\n序号,社保卡号\n1,X\n');
      const imp = await sbk(db, 'admin', ['import', bad, '--report', asked.problems]);
      expect(imp.code).toBe(1);
      for (const [what, f] of Object.entries(asked)) expect(mode(f), what).toBe(0o600);
    },
    SLOW,
  );
});

// ---- (2) No ID number or PIN in output, errors, logs or exports --------------------------------

describe('(2) no national ID number or PIN in output, errors, logs or exports', () => {
  it(
    'a broad set of commands, with and without --json, their errors, the files they write and the audit log',
    async () => {
      const db = demoCopy();
      const out = tempDir();
      const inStock = cardsAt(db, JIANGAN, 'finished', 'in_stock');
      const [toIssue, wrongHolder, byAgent, toPickup] = inStock;
      const spoiled = cardsAt(db, ICBC_BRANCH, 'prefab', 'spoiled');
      const loaded = cardsAt(db, ICBC_BRANCH, 'prefab', 'loaded');
      expect(inStock.length).toBeGreaterThanOrEqual(4);
      expect(loaded.length).toBeGreaterThan(2);
      const someId = holderIdOf(db, toIssue!);
      const typo = someId.slice(0, 17) + (someId.endsWith('1') ? '2' : '1'); // a wrong check character

      const outputs: { label: string; r: CliResult }[] = [];
      /** With and without --json. */
      const run = async (who: string | null, args: string[], env: Env = {}) => {
        for (const text of [false, true]) outputs.push({ label: `${who ?? '-'}: sbk ${args.join(' ')}${text ? '' : ' --json'}`, r: await sbk(db, who, args, { env, text }) });
      };
      /** Commands that change the ledger run once, with --json or not. */
      const once = async (who: string | null, args: string[], env: Env = {}, text = false) => {
        const r = await sbk(db, who, args, { env, text });
        outputs.push({ label: `${who ?? '-'}: sbk ${args.join(' ')}`, r });
        return r;
      };

      // Reading: stock, a card with its holder, lookups by card, ID number and name, lists and reports.
      await run('zhangwei', ['stock']);
      await run('zhangwei', ['card', toIssue!]);
      await run('zhangwei', ['find', toIssue!]);
      await run('zhangwei', ['find', someId]);
      await run('zhangwei', ['find', typo]);
      await run('zhangwei', ['find', query<{ n: string }>(db, 'SELECT h.name AS n FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.card_no = ?', toIssue)[0]!.n]);
      await run('lijuan', ['overdue']);
      await run('lijuan', ['overdue', '--csv']);
      await run('lijuan', ['overdue', '--warnings', '--as-of', addCalendarDays(todayInChina(), 30)]);
      await run('lijuan', ['recall', 'stats']);
      await run('zhangwei', ['cancellations']);
      await run('lijuan', ['register', '--batch', BATCH]);
      await run('lijuan', ['register', '--batch', BATCH, '--csv']);
      await run('lijuan', ['ship', 'list', '--all']);
      await run('lijuan', ['ship', 'show', PROVINCE]);
      await run('lijuan', ['ship', 'sheet', PROVINCE]);
      await run('lijuan', ['ship', 'sheet', PROVINCE, '--csv']);
      await run('sunli', ['count', 'status']);
      await run('sunli', ['count', 'report', '--from', addCalendarDays(todayInChina(), -7), '--to', todayInChina()]);
      await run('sunli', ['count', 'report', '--yesterday', '--csv']);
      await run('sunli', ['prefab', 'stock']);
      await run('sunli', ['instant', 'pending']);
      await run('sunli', ['devices']);
      await run('sunli', ['devices', 'read']);
      await run('lijuan', ['discrepancy', 'list', '--all']);
      await run('lijuan', ['operator', 'list']);
      await run(null, ['site', 'list']);
      await run(null, ['settings']);
      await run(null, ['verify']);

      // Errors: a wrong PIN, no PIN, someone else's ID at the counter, a mistyped ID, a clerk's holder report.
      await run('zhangwei', ['stock'], { SBK_PIN: '975310' });
      await run('zhangwei', ['stock'], { SBK_PIN: '' });
      await run('zhangwei', ['issue', wrongHolder!, '--holder-id', someId, '--receiver', 'self']);
      await run('zhangwei', ['issue', wrongHolder!, '--holder-id', typo, '--receiver', 'self']);
      await run('zhangwei', ['holder', 'deceased', someId, '--on', todayInChina()]);
      await run('zhaomin', ['holder', 'deceased', typo, '--on', todayInChina()]);
      await run('zhangwei', ['cancel', wrongHolder!, '--reason', '测试', '--approver', 'zhaomin'], { SBK_APPROVER_PIN: '000000' });
      await run('zhangwei', ['pickup', '--unit', '武汉钢铁', '--agent-name', '王芳', '--agent-id', typo, '--auth', 'SQ-9', '--card', toPickup!]);
      await run('sunli', ['instant', 'make', '--name', '王小明', '--id', typo, '--bank', '中国工商银行', '--card-no', 'T00000092', '--photo', PHOTO]);
      await run('sunli', ['prefab', 'consume', loaded[0]!, '--card', 'T00000093', '--holder-name', '王小明', '--holder-id', typo]);

      // Writing: an issue to the holder (receipt on stdout), one to an agent, a pickup, an instant card,
      // a blank consumed by hand, a holder reported dead, a new operator and a PIN change.
      await once('zhangwei', ['issue', toIssue!, '--holder-id', someId, '--receiver', 'self'], {}, true);
      await once('zhangwei', ['issue', byAgent!, '--holder-id', holderIdOf(db, byAgent!), '--receiver', 'agent', '--agent-name', '王芳', '--agent-id', AGENT_ID, '--relation', '配偶', '--receipt', join(out, 'receipt.txt')]);
      await once('zhangwei', ['pickup', '--unit', '武汉钢铁', '--agent-name', '王芳', '--agent-id', AGENT_ID, '--auth', 'SQ-9', '--card', toPickup!]);
      await once('sunli', ['instant', 'make', '--name', '王小明', '--id', APPLICANT_ID, '--bank', '中国工商银行', '--card-no', 'T00000094', '--photo', PHOTO, '--receipt']);
      await once('sunli', ['instant', 'make', '--name', '王小明', '--id', APPLICANT_ID, '--bank', '中国工商银行', '--card-no', 'T00000095', '--photo', PHOTO], {}, true);
      await once('sunli', ['prefab', 'consume', loaded.at(-1)!, '--card', 'T00000096', '--holder-name', '王小明', '--holder-id', APPLICANT_ID]);
      await once('zhaomin', ['holder', 'deceased', holderIdOf(db, wrongHolder!), '--on', todayInChina()]);
      await once('admin', ['operator', 'add', '--id', 'wangfang', '--name', '王芳', '--role', 'clerk', '--site', ICBC_BRANCH], { SBK_NEW_PIN: '246135' });
      await once('admin', ['operator', 'passwd', 'wangfang'], { SBK_NEW_PIN: '531642' });
      await once('wangfang', ['stock'], { SBK_PIN: '531642' }, true);
      await once('sunli', ['prefab', 'destroy', spoiled[0]!, '--reason', '剪角', '--approver', 'lijuan'], { SBK_APPROVER_PIN: PINS.lijuan });
      // An instant card reads back through the simulated reader with the new holder's number.
      await run('sunli', ['devices', 'read']);
      await run('sunli', ['card', 'T00000094']);
      await run('sunli', ['find', APPLICANT_ID]);

      const ids = idsInLedger(db);
      expect(ids).toEqual(expect.arrayContaining([APPLICANT_ID, AGENT_ID, someId]));
      const pins = [...ALL_PINS, '975310', '246135', '531642'];
      expect(outputs.length).toBeGreaterThan(80);
      for (const { label, r } of outputs) expectNoSecrets(label, r.stdout + r.stderr, ids, pins);
      // The refusals were refusals, so their messages were seen.
      const codes = outputs.filter((o) => o.r.code !== 0).map((o) => o.label);
      expect(codes.length).toBeGreaterThan(10);

      // The files those commands wrote, exports/ and the receipt asked for.
      const files = [...filesUnder(exportsDir({ path: db })), join(out, 'receipt.txt')];
      expect(files.length).toBeGreaterThanOrEqual(2);
      for (const f of files) expectNoSecrets(f, readFileSync(f, 'utf8'), ids, pins);
      // The console's saved sheets and reports too.
      const l = track(openLedger(db, { mustExist: true }));
      const lijuan = authenticate(l, 'lijuan', PINS.lijuan!);
      const saved = [...Object.values(saveHandoverSheet(l, lijuan, PROVINCE, loadCalendar())), saveBatchRegister(l, lijuan, BATCH)];
      closeLedger(l);
      for (const f of saved) expectNoSecrets(f, readFileSync(f, 'utf8'), ids, pins);

      // The log: audit events and the operations' records.
      const log = JSON.stringify(query(db, 'SELECT * FROM audit_events')) + JSON.stringify(query(db, 'SELECT * FROM operations'));
      expect(log).toContain('holder_deceased');
      expectNoSecrets('the audit log', log, ids, pins);
      // And the ledger never stores a PIN in clear.
      expectNoSecrets('the operators table', JSON.stringify(query(db, 'SELECT login, name, role, pin_hash FROM operators')), [], pins);

      // A few through the real binary, as an operator's terminal would show them.
      for (const [args, env] of [
        [['stock'], { SBK_OPERATOR: 'zhangwei', SBK_PIN: '975310' }],
        [['issue', inStock[4]!, '--holder-id', someId, '--receiver', 'self', '--json'], as('zhangwei')],
      ] as [string[], Env][]) {
        const r = runCli([...args, '--db', db], env);
        expect(r.code).toBe(1);
        expectNoSecrets(`bin/sbk ${args.join(' ')}`, r.stdout + r.stderr, ids, pins);
      }
    },
    SLOW,
  );

  it('a photo that cannot be read is an operator error with a code, and nothing is written', async () => {
    const db = demoCopy();
    const before = businessCounts(db);
    const r = await refused(db, 'sunli', ['instant', 'make', '--name', '王小明', '--id', APPLICANT_ID, '--bank', '中国工商银行', '--card-no', 'T00000097', '--photo', join(tempDir(), 'no-such.jpg')], 'PHOTO_UNREADABLE');
    expectNoSecrets('PHOTO_UNREADABLE', r.stdout, [APPLICANT_ID]);
    expect(businessCounts(db)).toEqual(before);
  });
});

// ---- (3) A PIN is never echoed ------------------------------------------------------------------

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * Runs the real binary on a pseudo-terminal (util-linux `script`), answering each prompt as it
 * appears with the next of `answers`; returns everything the terminal showed.
 */
function onTerminal(args: string[], env: Env, answers: string[]): Promise<{ screen: string; code: number | null }> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const p = spawn('script', ['-qfec', command, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, SBK_OPERATOR: undefined, SBK_PIN: undefined, SBK_APPROVER_PIN: undefined, SBK_DB: undefined, ...env, TERM: 'dumb' },
    });
    let screen = '';
    let prompts = 0;
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`no answer from sbk on the terminal; it showed:\n${screen}`));
    }, 60_000);
    p.stdout.on('data', (d: Buffer) => {
      screen += d.toString('utf8');
      // Answer a prompt once it is on screen (raw mode is on by then), never before: typed-ahead
      // text would be echoed by the terminal itself, not by sbk.
      const seen = (screen.match(/的密码：/g) ?? []).length;
      while (prompts < seen && prompts < answers.length) {
        const answer = answers[prompts++]!;
        setTimeout(() => p.stdin.write(answer), 150);
      }
    });
    p.stderr.on('data', (d: Buffer) => (screen += d.toString('utf8')));
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ screen, code });
    });
  });
}

describe('(3) a PIN is never echoed', () => {
  it(
    'console login on a real (non-demo) ledger: no frame and no byte sent to the terminal holds the PIN; five wrong PINs there lock the account for the CLI too',
    async () => {
      const { ledger } = freshLedger();
      const services = { ledger, calendar: loadCalendar(), isDemo: false, lowBandwidth: false, now: () => new Date() };
      const c = renderConsole(createElement(App, { services, escDelayMs: 0, scanGapMs: 0 }));
      try {
        expect(c.lastFrame()).toContain('操作员登录');
        expect(c.lastFrame()).not.toContain('演示账号');
        await c.press(`${ADMIN.login}\r`);
        // After a refusal the cursor stays in the 密码 field, emptied.
        const tryPin = async (pin: string, answer: string) => {
          for (const ch of pin) await c.press(ch); // typed key by key, as a person does
          // Mid-typing, the field shows one mask character per digit.
          expect(c.lastFrame()).toMatch(new RegExp(`\\*{${pin.length}}`));
          await c.press('\r');
          return c.waitFor((f) => f.includes(answer), 5000);
        };
        for (let left = 4; left >= 1; left--) await tryPin('975310', '工号或密码不正确');
        await tryPin('975310', '已锁定');
        const locked = await tryPin(ADMIN.pin, '已被锁定');
        expect(locked).toContain('操作员登录'); // still at the login screen
        const everything = [...c.frames, c.terminalWrites().join('')];
        for (const frame of everything) {
          expect(frame).not.toContain('975310');
          expect(frame).not.toContain(ADMIN.pin);
        }
      } finally {
        c.unmount();
      }
      // Locked at the console, locked at the command line.
      const r = await sbkIn(['stock', '--db', ledger.path, '--json'], { SBK_OPERATOR: ADMIN.login, SBK_PIN: ADMIN.pin });
      expect(r.json().error.code).toBe('OPERATOR_LOCKED');
    },
    SLOW,
  );

  it.skipIf(!hasScript)(
    'the CLI prompt on a pseudo-terminal: the operator’s and the approver’s PINs are not echoed, backspace works, Ctrl+C cancels',
    async () => {
      const db = demoCopy();
      // The operator's PIN, typed with a slip corrected by backspace.
      const stock = await onTerminal(['stock', '--db', db, '--operator', 'zhangwei'], {}, [`${PINS.zhangwei}9\u007f\r`]);
      expect(stock.code, stock.screen).toBe(0);
      expect(stock.screen).toContain('zhangwei 的密码：');
      expect(stock.screen).toMatch(/江岸.*共 \d+ 张/);
      expect(stock.screen).not.toContain(PINS.zhangwei);
      expect(stock.screen).not.toMatch(/\*{3,}/); // not even a mask: nothing about the PIN shows

      // Both PINs at prompts: the operator's, then the approver's for a cancellation.
      const card = cardsAt(db, JIANGAN, 'finished', 'in_stock')[0]!;
      const cancel = await onTerminal(['cancel', card, '--reason', '持卡人户籍迁出', '--approver', 'zhaomin', '--db', db, '--operator', 'zhangwei'], {}, [`${PINS.zhangwei}\r`, `${PINS.zhaomin}\r`]);
      expect(cancel.code, cancel.screen).toBe(0);
      expect(cancel.screen).toContain('zhaomin 的密码：');
      expect(cancel.screen).toContain('已注销 1 张卡（复核：赵敏）');
      for (const pin of [PINS.zhangwei!, PINS.zhaomin!]) expect(cancel.screen).not.toContain(pin);

      // A wrong PIN typed at the prompt is not shown either, nor in the error.
      const wrong = await onTerminal(['stock', '--db', db, '--operator', 'zhangwei'], {}, ['975310\r']);
      expect(wrong.code).toBe(1);
      expect(wrong.screen).toContain('AUTH_FAILED');
      expect(wrong.screen).not.toContain('975310');

      const cancelled = await onTerminal(['stock', '--db', db, '--operator', 'zhangwei'], {}, ['35\u0003']);
      expect(cancelled.code).toBe(1);
      expect(cancelled.screen).toContain('CANCELLED');
      expect(cancelled.screen).not.toContain('35');
    },
    SLOW,
  );
});

describe('(3) readPin itself, on a stand-in terminal', () => {
  /** A terminal's stdin as readPin uses it: raw mode, data events. */
  class FakeTty extends EventEmitter {
    readonly isTTY = true;
    raw: boolean[] = [];
    setRawMode(on: boolean) {
      this.raw.push(on);
      return this;
    }
    resume() {
      return this;
    }
    pause() {
      return this;
    }
  }

  async function typed(chunks: string[]): Promise<{ pin: string | Error; shown: string; raw: boolean[] }> {
    const tty = new FakeTty();
    const shown: string[] = [];
    const stdin = vi.spyOn(process, 'stdin', 'get').mockReturnValue(tty as unknown as typeof process.stdin);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(((s: string) => (shown.push(String(s)), true)) as typeof process.stderr.write);
    try {
      const pending = readPin('zhangwei 的密码：', 'SBK_PIN', {}).catch((e: Error) => e);
      for (const c of chunks) tty.emit('data', Buffer.from(c, 'utf8'));
      return { pin: await pending, shown: shown.join(''), raw: tty.raw };
    } finally {
      stdin.mockRestore();
      stderr.mockRestore();
    }
  }

  it('echoes nothing of what is typed, in raw mode, and restores the terminal', async () => {
    const r = await typed(['35', '79', '029', '\u007f', '\r']);
    expect(r.pin).toBe('357902');
    expect(r.shown).toBe('zhangwei 的密码：\n');
    expect(r.raw).toEqual([true, false]);
    const cancelled = await typed(['357', '\u0003']);
    expect(cancelled.pin).toMatchObject({ code: 'CANCELLED' });
    expect(cancelled.shown).not.toMatch(/3|\*/);
    expect(cancelled.raw).toEqual([true, false]);
  });

  it('without a terminal and without $SBK_PIN it refuses rather than read a PIN from a pipe', async () => {
    const stdin = vi.spyOn(process, 'stdin', 'get').mockReturnValue({ isTTY: false } as unknown as typeof process.stdin);
    try {
      await expect(readPin('x 的密码：', 'SBK_PIN', {})).rejects.toMatchObject({ code: 'PIN_REQUIRED' });
    } finally {
      stdin.mockRestore();
    }
  });
});

// ---- (4) A second operator is never the first ---------------------------------------------------

describe('(4) a second-operator approval by the same operator is refused, for every sensitive action', () => {
  it(
    'cancel, seal, declare lost, destroy, and closing a count (--approver and --confirm): refused with nothing written; another supervisor succeeds',
    async () => {
      const db = demoCopy();
      const [toCancel, toSeal] = cardsAt(db, JIANGAN, 'finished', 'in_stock');
      const spoiled = cardsAt(db, ICBC_BRANCH, 'prefab', 'spoiled');
      expect(spoiled.length).toBeGreaterThan(0);

      // A missing card at 江岸: the province shipment signed in at the city, two cards sent on, one arrives.
      await ok(db, 'lijuan', ['ship', 'receive', PROVINCE, '--all', '--signer', '李娟']);
      const sent = await ok(db, 'lijuan', ['ship', 'create', '--to', JIANGAN, '--card', 'D40000001', '--card', 'D40000002', '--send']);
      await ok(db, 'zhangwei', ['ship', 'receive', sent.number, '--card', 'D40000001', '--close', '--signer', '张伟']);
      const missing = (await ok(db, 'zhangwei', ['discrepancy', 'list'])).find((d: { cardNo: string }) => d.cardNo === 'D40000002');
      expect(missing).toMatchObject({ kind: 'missing' });

      // A submitted count at the ICBC branch, with differences (nothing counted).
      const { id: countId } = await ok(db, 'sunli', ['count', 'start']);
      await ok(db, 'sunli', ['count', 'submit', String(countId)]);
      const view = await ok(db, 'sunli', ['count', 'show', String(countId)]);
      const differences = (view.variances as { cardNo: string }[]).map((v) => v.cardNo);
      expect(differences.length).toBeGreaterThan(0);
      const reasons = differences.flatMap((no) => ['--reason', `${no}=未找到`]);

      const self = (who: string) => ({ SBK_APPROVER_PIN: PINS[who] });
      const cases: { what: string; who: string; args: (approver: string) => string[]; approver: string }[] = [
        { what: 'cancel', who: 'zhangwei', args: (a) => ['cancel', toCancel!, '--reason', '户籍迁出', '--approver', a], approver: 'zhaomin' },
        { what: 'cancel by a supervisor', who: 'zhaomin', args: (a) => ['cancel', toCancel!, '--reason', '户籍迁出', '--approver', a], approver: 'lijuan' },
        { what: 'seal', who: 'zhangwei', args: (a) => ['seal', toSeal!, '--reason', '逾期封存', '--approver', a], approver: 'zhaomin' },
        { what: 'declare lost', who: 'zhangwei', args: (a) => ['discrepancy', 'lost', String(missing.id), '--reason', '已查找', '--approver', a], approver: 'zhaomin' },
        { what: 'destroy', who: 'sunli', args: (a) => ['prefab', 'destroy', spoiled[0]!, '--reason', '剪角后碎卡', '--approver', a], approver: 'lijuan' },
        { what: 'count close (--confirm)', who: 'sunli', args: (a) => ['count', 'approve', String(countId), ...reasons, '--confirm', a], approver: '' },
        { what: 'count close (--approver)', who: 'sunli', args: (a) => ['count', 'approve', String(countId), ...reasons, '--approver', a], approver: 'lijuan' },
      ];
      for (const c of cases) {
        const before = businessCounts(db);
        const r = await refused(db, c.who, c.args(c.who), 'SECOND_OPERATOR_SAME', self(c.who));
        expect(r.json().error.message, c.what).toMatch(/本人/);
        expect(businessCounts(db), `${c.what} wrote something`).toEqual(before);
      }
      // The same actions with a second person who is not the first: the refusal above was about who approved.
      for (const c of cases.filter((x) => x.approver && x.what !== 'cancel by a supervisor')) {
        await ok(db, c.who, c.args(c.approver), self(c.approver));
      }
      expect((await ok(db, 'zhangwei', ['card', toCancel!])).state).toBe('cancelled');
      expect((await ok(db, 'zhangwei', ['card', 'D40000002'])).state).toBe('lost');
      expect((await ok(db, 'sunli', ['count', 'show', String(countId)])).status).toBe('closed');

      // A discrepancy is closed by one supervisor with a reason (no second operator): a clerk cannot.
      const open = (await ok(db, 'lijuan', ['discrepancy', 'list'])) as { id: number }[];
      expect(open.length).toBeGreaterThan(0);
      await refused(db, 'sunli', ['discrepancy', 'close', String(open[0]!.id), '--reason', '已核实'], 'ROLE_REQUIRED');
      expect((await sbkIn(['verify', '--db', db, '--json'])).json()).toMatchObject({ ok: true, problems: [] });
    },
    SLOW,
  );
});

// ---- (5) A locked account is locked everywhere -----------------------------------------------------

describe('(5) a locked account cannot act from the CLI', () => {
  it(
    'five wrong PINs lock it; the right PIN is then refused with OPERATOR_LOCKED for reads, writes and approvals, in any process, until a supervisor unlocks it',
    async () => {
      const db = demoCopy();
      const card = cardsAt(db, JIANGAN, 'finished', 'in_stock')[0]!;
      const locks = () => query<{ n: number }>(db, "SELECT count(*) AS n FROM audit_events WHERE type = 'locked'")[0]!.n;
      const locksBefore = locks();
      for (let i = 1; i <= 5; i++) {
        const r = await sbk(db, 'zhangwei', ['stock'], { env: { SBK_PIN: '975310' } });
        expect(r.json().error.code).toBe(i < 5 ? 'AUTH_FAILED' : 'OPERATOR_LOCKED');
      }
      const before = businessCounts(db);
      const attempts: string[][] = [
        ['stock'],
        ['card', card],
        ['find', card],
        ['overdue'],
        ['ship', 'list'],
        ['discrepancy', 'list'],
        ['issue', card, '--holder-id', holderIdOf(db, card), '--receiver', 'self'],
        ['recall', card, '--reason', 'unclaimed'],
        ['operator', 'passwd'],
      ];
      for (const args of attempts) await refused(db, 'zhangwei', args, 'OPERATOR_LOCKED', { SBK_NEW_PIN: '482913' });
      // Through the real binary as well: a new process finds the lock in the ledger.
      for (const args of [['stock'], ['issue', card, '--holder-id', holderIdOf(db, card), '--receiver', 'self']]) {
        const r = runCli([...args, '--db', db, '--json'], as('zhangwei'));
        expect(r.code, r.stdout).toBe(1);
        expect(r.json().error.code).toBe('OPERATOR_LOCKED');
      }
      expect(businessCounts(db)).toEqual(before);
      expect((await ok(db, 'zhaomin', ['card', card])).state).toBe('in_stock');

      // A locked supervisor cannot approve either.
      for (let i = 0; i < 5; i++) await sbk(db, 'zhaomin', ['stock'], { env: { SBK_PIN: '975310' } });
      await refused(db, 'lijuan', ['seal', card, '--reason', '逾期封存', '--approver', 'zhaomin'], 'OPERATOR_LOCKED', { SBK_APPROVER_PIN: PINS.zhaomin });
      expect(businessCounts(db)).toEqual(before);

      // The lock is on the record, and a supervisor over the site lifts it.
      expect(locks() - locksBefore).toBe(2);
      await refused(db, 'zhangwei', ['operator', 'unlock', 'zhangwei'], 'OPERATOR_LOCKED');
      await ok(db, 'lijuan', ['operator', 'unlock', 'zhangwei']);
      expect((await ok(db, 'zhangwei', ['stock'])).site.code).toBe(JIANGAN);
    },
    SLOW,
  );
});
