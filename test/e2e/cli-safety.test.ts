/**
 * Issue 18, found with the real CLI: what came from outside must not drive the terminal, and the
 * files the CLI writes must not follow a planted link.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { cliAs, demoLedgerCopies, holderIdOf } from '../helpers/demo-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

const PINS = { admin: '135790', lijuan: '246801' } as const;
const PROVINCE = 'P-420100-2026-1120'; // 24 cards D40000001…, awaiting sign-in at 420100
const D4 = (n: number) => `D4${String(n).padStart(7, '0')}`;
const SLOW = 120_000;

const TRACKING = '\x1b]0;pwned\x07\x1b[2J';
const CUSTODIAN = '\x1b[2J保';
const PLACE = '\x1b[2J柜\u202e1';
const EVIL_NAME = 'x\u202egpj.exe\x9b2J\n第二行';

/** Bytes a terminal obeys: C0 but newline/tab/CRLF, DEL, C1, the bidi controls. */
// eslint-disable-next-line no-control-regex
const OBEYED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|\r(?!\n)/;

const demoCopy = demoLedgerCopies('sbk-safety-');
const { ok, text, refused } = cliAs(PINS);

function clean(r: CliResult): void {
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).not.toMatch(OBEYED);
  expect(r.stderr).not.toMatch(OBEYED);
}

describe('sbk prints no terminal escapes from data (real binary)', () => {
  it(
    'a tracking number and a custodian with ESC, OSC and BEL: ship show and card, as text and as JSON',
    () => {
      const db = demoCopy();
      // The custodian must be an operator of the site: the refusal quotes it, printably.
      const refused = text(db, 'lijuan', ['ship', 'receive', PROVINCE, '--all', '--signer', '李娟', '--custodian', CUSTODIAN]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).not.toMatch(OBEYED);
      expect(refused.stderr).toContain('␛[2J保');
      ok(db, 'admin', ['place', 'add', PLACE, '--kind', 'vault', '--site', '420100']);
      ok(db, 'lijuan', ['ship', 'receive', PROVINCE, '--all', '--signer', '李娟', '--place', PLACE]);
      // The sender (who carries the cards) is free text.
      const made = ok(db, 'lijuan', ['ship', 'create', '--to', '420104-01', '--card', D4(1), '--method', 'courier', '--tracking', TRACKING, '--sender', CUSTODIAN]);

      const show = text(db, 'lijuan', ['ship', 'show', made.number]);
      clean(show);
      expect(show.stdout).toContain('␛]0;pwned␇␛[2J');
      const showJson = runCli(['ship', 'show', made.number, '--db', db, '--json'], { SBK_OPERATOR: 'lijuan', SBK_PIN: PINS.lijuan });
      clean(showJson);
      // Still valid JSON, and the value itself is kept (escaped, not lost).
      expect(showJson.json()).toMatchObject({ trackingNo: TRACKING });

      const card = text(db, 'lijuan', ['card', D4(1)]);
      clean(card);
      expect(card.stdout).toContain('␛[2J柜<U+202E>1');
      const cardJson = runCli(['card', D4(1), '--db', db, '--json'], { SBK_OPERATOR: 'lijuan', SBK_PIN: PINS.lijuan });
      clean(cardJson);
      expect(cardJson.stdout).toContain('\\u001b[2J柜\\u202e1');
    },
    SLOW,
  );

  it(
    'operator add and list: a name with C1 CSI, a bidi override and a newline',
    () => {
      const db = demoCopy();
      const add = text(db, 'admin', ['operator', 'add', '--id', 'evil', '--name', EVIL_NAME, '--role', 'clerk', '--site', '420102-01'], { SBK_NEW_PIN: '975310' });
      clean(add);
      // The name's own newline is shown, not obeyed: the confirmation stays one line.
      expect(add.stdout).toContain('x<U+202E>gpj.exe<U+009B>2J␊第二行');
      expect(add.stdout.trimEnd().split('\n')).toHaveLength(1);
      const addJson = runCli(['operator', 'list', '--db', db, '--json'], { SBK_OPERATOR: 'admin', SBK_PIN: PINS.admin });
      clean(addJson);
      expect(addJson.stdout).toContain('\\u202e');
      expect(addJson.stdout).toContain('\\u009b');
      expect(addJson.json().find((o: { login: string }) => o.login === 'evil').name).toBe(EVIL_NAME);
      const list = text(db, 'admin', ['operator', 'list']);
      clean(list);
      expect(list.stdout).toContain('x<U+202E>gpj.exe<U+009B>2J␊第二行');
      // An error message that quotes what was typed is made printable too.
      const refused = text(db, 'admin', ['card', '\x1b[2JX']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).not.toMatch(OBEYED);
    },
    SLOW,
  );
});

/** The holder's real ID number, as shown at the counter. */
/** A file someone else owns in a shared folder, and a link to it planted where sbk will write. */
function planted(dir: string, name: string): { link: string; victim: string; untouched: () => void } {
  const victim = join(dir, `victim-${name}`);
  writeFileSync(victim, 'precious\n', { mode: 0o640 });
  const link = join(dir, name);
  symlinkSync(victim, link);
  return {
    link,
    victim,
    untouched: () => {
      expect(readFileSync(victim, 'utf8')).toBe('precious\n');
      expect(statSync(victim).mode & 0o777).toBe(0o640);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
    },
  };
}

describe('sbk writes no file through a planted link (real binary)', () => {
  it(
    '--out, --receipt and --head-file at a symlink are refused with the target untouched; the files made are 0600',
    () => {
      const db = demoCopy();
      const shared = tempDir();
      ok(db, 'lijuan', ['ship', 'receive', PROVINCE, '--all', '--signer', '李娟']);
      const made = ok(db, 'lijuan', ['ship', 'create', '--to', '420104-01', '--card', D4(2), '--method', 'courier']);

      const out = planted(shared, 'sheet.csv');
      refused(db, 'lijuan', ['ship', 'sheet', made.number, '--csv', '--out', out.link], 'FILE_IS_SYMLINK');
      out.untouched();
      const sheet = join(shared, 'sheet-ok.csv');
      ok(db, 'lijuan', ['ship', 'sheet', made.number, '--csv', '--out', sheet]);
      expect(statSync(sheet).mode & 0o777).toBe(0o600);

      const overdue = planted(shared, 'overdue.csv');
      refused(db, 'lijuan', ['overdue', '--csv', '--out', overdue.link], 'FILE_IS_SYMLINK');
      overdue.untouched();

      // The receipt path is checked before the card is handed over: nothing issued.
      const receipt = planted(shared, 'receipt.txt');
      refused(db, 'lijuan', ['issue', D4(1), '--holder-id', holderIdOf(db, D4(1)), '--receiver', 'self', '--receipt', receipt.link], 'FILE_IS_SYMLINK');
      receipt.untouched();
      expect(ok(db, 'lijuan', ['card', D4(1)]).state).toBe('in_stock');
      const paper = join(shared, 'receipt-ok.txt');
      ok(db, 'lijuan', ['issue', D4(1), '--holder-id', holderIdOf(db, D4(1)), '--receiver', 'self', '--receipt', paper]);
      expect(statSync(paper).mode & 0o777).toBe(0o600);
      expect(existsSync(paper)).toBe(true);

      const head = planted(shared, 'head.json');
      refused(db, null, ['verify', '--head-file', head.link], 'FILE_IS_SYMLINK');
      head.untouched();
      const headOk = join(shared, 'head-ok.json');
      ok(db, null, ['verify', '--head-file', headOk, '--init-head']);
      expect(statSync(headOk).mode & 0o777).toBe(0o600);
    },
    SLOW,
  );
});

const BIN = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** `sbk args | reader` through a shell, as an operator types it; the exit code is sbk's own. */
function piped(args: string[], reader: string, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', `${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')} | ${reader}; exit \${PIPESTATUS[0]}`], {
    encoding: 'utf8',
    env: { ...process.env, SBK_DB: undefined, SBK_APPROVER_PIN: undefined, ...env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('sbk in a pipe and with a wrong --db (real binary)', () => {
  it(
    '`sbk … | head -1` and a reader that reads nothing end quietly with exit 0',
    () => {
      const db = demoCopy();
      const as = { SBK_OPERATOR: 'lijuan', SBK_PIN: PINS.lijuan };
      const head = piped(['overdue', '--db', db], 'head -1', as);
      expect(head.stderr).toBe('');
      expect(head.code).toBe(0);
      expect(head.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      // The reader has gone before sbk writes a byte: the case that printed a stack trace.
      const gone = piped(['overdue', '--db', db, '--json'], 'true', as);
      expect(gone.stderr).toBe('');
      expect(gone.code).toBe(0);
    },
    SLOW,
  );

  it(
    '--db at a folder or at a file that is not a ledger: LEDGER_NOT_A_DATABASE in Chinese, exit 1, the file untouched',
    () => {
      const dir = tempDir();
      const folder = join(dir, 'ledgers');
      mkdirSync(folder);
      const notes = join(dir, 'notes.db');
      writeFileSync(notes, 'hello\n');
      const as = { SBK_OPERATOR: 'admin', SBK_PIN: PINS.admin };
      for (const path of [folder, notes]) {
        const json = runCli(['stock', '--db', path, '--json'], as);
        expect(json.code, json.stdout + json.stderr).toBe(1);
        expect(json.json().error).toMatchObject({ code: 'LEDGER_NOT_A_DATABASE', message: expect.stringContaining(path) });
        const text = runCli(['verify', '--db', path]);
        expect(text.code).toBe(1);
        expect(text.stderr).toMatch(/LEDGER_NOT_A_DATABASE/);
        expect(text.stderr).toMatch(/台账/);
        expect(text.stderr).not.toMatch(/内部错误|SqliteError|unable to open|not a database/);
      }
      expect(readFileSync(notes, 'utf8')).toBe('hello\n');
      expect(readdirSync(folder)).toEqual([]);
    },
    SLOW,
  );
});
