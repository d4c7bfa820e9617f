/**
 * Issue 18, found with the real CLI: what came from outside must not drive the terminal, and the
 * files the CLI writes must not follow a planted link.
 */
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { cliAs, demoLedgerCopies } from '../helpers/demo-cli.ts';

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
const { ok, text } = cliAs(PINS);

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
      const addJson = runCli(['operator', 'list', '--db', db, '--json'], { SBK_OPERATOR: 'admin', SBK_PIN: PINS.admin });
      clean(addJson);
      expect(addJson.stdout).toContain('\\u202e');
      expect(addJson.stdout).toContain('\\u009b');
      expect(addJson.json().find((o: { login: string }) => o.login === 'evil').name).toBe(EVIL_NAME);
      clean(text(db, 'admin', ['operator', 'list']));
      // An error message that quotes what was typed is made printable too.
      const refused = text(db, 'admin', ['card', '\x1b[2JX']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).not.toMatch(OBEYED);
    },
    SLOW,
  );
});
