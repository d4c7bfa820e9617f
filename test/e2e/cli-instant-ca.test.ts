/**
 * The CA link end to end (issue 20 item 3): `sbk instant make` on a demo ledger whose devices.json
 * names the site's encryption-machine client as a command. Its output (the CA data) reaches the
 * printer and nothing else: not the CLI's output, not the ledger file.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliAs, demoLedgerCopies, verifies } from '../helpers/demo-cli.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';

const copy = demoLedgerCopies('sbk-instant-ca-');
const { sbk, ok, text } = cliAs({ sunli: '680135' });
const PHOTO = fileURLToPath(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url));
const ID = '42010219900101001' + residentIdCheckChar('42010219900101001');
const make = (cardNo: string) => ['instant', 'make', '--name', '王小明', '--id', ID, '--bank', '中国工商银行', '--card-no', cardNo, '--photo', PHOTO];
const SECRETS = ['SIGNCERT-c0ffee11', 'ENCCERT-d00d2222', 'ENCKEY-beef3333', 'MASTER-f00d4444', 'PIN-98765'];

function withClient(db: string, body: string, timeoutMs = 10_000): void {
  const client = join(dirname(db), 'ca-client.sh');
  writeFileSync(client, `#!/bin/sh\n${body}\n`);
  chmodSync(client, 0o700);
  const site = { printers: [{ id: '制卡机1', transport: 'simulator' }], readers: [{ id: '读卡器1', transport: 'simulator' }], ca: { command: client, timeoutMs } };
  writeFileSync(join(dirname(db), 'devices.json'), JSON.stringify({ sites: { '420102-B01': site } }));
}

/** Every file of the ledger (the database, its WAL, the head file…) as bytes. */
function ledgerBytes(db: string): string {
  return ['', '-wal', '-shm', '.head', '.key'].map((s) => `${db}${s}`).filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('\n');
}

function expectNoSecrets(...texts: string[]): void {
  for (const t of texts) for (const s of SECRETS) expect(t).not.toContain(s);
}

describe('sbk instant with a CA command', () => {
  it('a good client: the card is made; its CA data is in neither the output nor the ledger', () => {
    const db = copy();
    withClient(db, `read key\necho '${SECRETS.join('|')}'`);
    const r = sbk(db, 'sunli', make('T00000011'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ status: 'issued', cardNo: 'T00000011' });
    const events = ok(db, 'sunli', ['instant', 'pending']);
    expectNoSecrets(r.stdout, r.stderr, JSON.stringify(events), ledgerBytes(db));
    verifies(db);
  });

  it('bad output: refused with CA_LINK_FORMAT in Chinese, the job left for recovery, nothing leaked', () => {
    const db = copy();
    withClient(db, `read key\necho '${SECRETS.slice(0, 4).join('|')}'\necho '${SECRETS[4]}' >&2`);
    const r = sbk(db, 'sunli', make('T00000012'));
    expect(r.code).toBe(1);
    expect(r.json().error.code).toBe('CA_LINK_FORMAT');
    expect(r.json().error.message).toContain('4 个字段');
    const shown = text(db, 'sunli', make('T00000013'));
    expect(shown.stderr + shown.stdout).toMatch(/未完成|INSTANT_UNRESOLVED|尚未处理/);
    const pending = ok(db, 'sunli', ['instant', 'pending']);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ cardNo: 'T00000012' });
    // Recovery as for any interrupted write: the card goes to the bad bin, the blank is spoiled.
    const resolved = ok(db, 'sunli', ['instant', 'resolve', pending[0].jobNo]);
    expect(resolved.outcome).toBe('failed');
    expectNoSecrets(r.stdout, r.stderr, shown.stdout, shown.stderr, JSON.stringify(pending), JSON.stringify(resolved), ledgerBytes(db));
    verifies(db);
  });

  it('a slow client is killed at its timeout; a failing one reports its exit code', () => {
    const db = copy();
    withClient(db, `sleep 20\necho '${SECRETS.join('|')}'`, 500);
    const slow = sbk(db, 'sunli', make('T00000014'));
    expect(slow.json().error.code).toBe('CA_LINK_TIMEOUT');
    const [job] = ok(db, 'sunli', ['instant', 'pending']);
    ok(db, 'sunli', ['instant', 'resolve', job.jobNo]);
    withClient(db, `echo '${SECRETS.join('|')}'\nexit 7`);
    const failed = sbk(db, 'sunli', make('T00000015'));
    expect(failed.json().error).toMatchObject({ code: 'CA_LINK_EXIT' });
    expect(failed.json().error.message).toContain('退出码 7');
    expectNoSecrets(slow.stdout, slow.stderr, failed.stdout, failed.stderr, ledgerBytes(db));
    verifies(db);
  });
});
