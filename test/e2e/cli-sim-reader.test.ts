/**
 * The simulated card on the simulated reader (issue 20 item 4), as real processes: a card put on
 * the reader by `sbk devices insert` is what the next process reads (`sbk devices read`, and the
 * read-check of `sbk issue --read-check`); another card or none stops the issue.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { cliAs, demoLedgerCopies, verifies, holderIdOf } from '../helpers/demo-cli.ts';

const PINS = { zhangwei: '357902', liuyang: '579024' } as const;
const JIANGAN = '420102-01';
const copy = demoLedgerCopies('sbk-sim-reader-');
const { ok, refused, usage, text } = cliAs(PINS);

/** Cards in stock at 江岸, unclaimed: they may be issued. */
function inStock(db: string): string[] {
  const rows = ok(db, 'zhangwei', ['overdue']) as { cardNo: string; category: string; site: { code: string } }[];
  return rows.filter((r) => r.category === 'unclaimed' && r.site.code === JIANGAN).map((r) => r.cardNo);
}

const issueArgs = (db: string, cardNo: string, more: string[] = []) => ['issue', cardNo, '--receiver', 'self', '--holder-id', holderIdOf(db, cardNo), ...more];

describe('sbk devices insert / remove', () => {
  it('a card put on the reader is read by the next process, listed, and taken off again', () => {
    const db = copy();
    const [a] = inStock(db);
    const before = ok(db, 'zhangwei', ['devices']);
    // A demo's reader starts on auto (the card being issued is read); `remove` makes it manual.
    expect(before.devices).toEqual(expect.arrayContaining([expect.objectContaining({ id: '读卡器1', kind: 'reader', slot: { card: null, auto: true } })]));
    expect(ok(db, 'zhangwei', ['devices', 'remove', '--reader', '读卡器1'])).toMatchObject({ card: null, auto: false });
    refused(db, 'zhangwei', ['devices', 'read'], 'READER_NO_CARD');
    expect(ok(db, 'zhangwei', ['devices', 'insert', '--reader', '读卡器1', '--card', a!])).toEqual({ reader: '读卡器1', card: a, auto: false });
    expect(existsSync(`${db}.devices-sim.json`)).toBe(true);
    expect(ok(db, 'zhangwei', ['devices', 'read'])).toMatchObject({ cardNo: a });
    expect(ok(db, 'zhangwei', ['devices']).devices).toEqual(expect.arrayContaining([expect.objectContaining({ id: '读卡器1', slot: { card: a, auto: false } })]));
    expect(text(db, 'zhangwei', ['devices']).stdout).toContain(`读卡器上有卡 ${a}`);
    expect(ok(db, 'zhangwei', ['devices', 'remove', '--reader', '读卡器1'])).toMatchObject({ reader: '读卡器1', card: null, removed: a });
    refused(db, 'zhangwei', ['devices', 'read'], 'READER_NO_CARD');
  });

  it('refuses an unknown reader, an unknown card, a card of another site, and neither --card nor --auto', () => {
    const db = copy();
    const [a] = inStock(db);
    refused(db, 'zhangwei', ['devices', 'insert', '--reader', '读卡器9', '--card', a!], 'READER_NOT_CONFIGURED');
    refused(db, 'zhangwei', ['devices', 'insert', '--card', 'Z99999999'], 'CARD_NOT_FOUND');
    refused(db, 'liuyang', ['devices', 'insert', '--card', a!], 'CARD_NOT_HERE');
    usage(db, 'zhangwei', ['devices', 'insert']);
  });
});

describe('sbk issue --read-check over the simulated reader', () => {
  it('another card on the reader, then none: not issued; the right card: issued with 读卡检测 passed', () => {
    const db = copy();
    const [a, b] = inStock(db);
    ok(db, 'zhangwei', ['devices', 'remove']);
    ok(db, 'zhangwei', ['devices', 'insert', '--card', a!]);
    refused(db, 'zhangwei', issueArgs(db, b!, ['--read-check']), 'READ_CHECK_OTHER_CARD');
    const said = text(db, 'zhangwei', issueArgs(db, b!, ['--read-check']));
    expect(said.stderr + said.stdout).toContain(`另一张卡（卡号 ${a}）`);
    ok(db, 'zhangwei', ['devices', 'remove']);
    refused(db, 'zhangwei', issueArgs(db, b!, ['--reader', '读卡器1']), 'READER_NO_CARD');
    expect(ok(db, 'zhangwei', ['card', b!]).state).not.toBe('issued');
    ok(db, 'zhangwei', ['devices', 'insert', '--card', b!]);
    const r = ok(db, 'zhangwei', issueArgs(db, b!, ['--read-check']));
    expect(r).toMatchObject({ status: 'issued', cardNo: b, receipt: { readCheck: 'passed' } });
    verifies(db);
  });

  it('--auto: the card being issued is put on the reader at the read-check', () => {
    const db = copy();
    const [a] = inStock(db);
    expect(ok(db, 'zhangwei', ['devices', 'insert', '--auto'])).toMatchObject({ reader: '读卡器1', card: null, auto: true });
    const r = ok(db, 'zhangwei', issueArgs(db, a!, ['--read-check']));
    expect(r).toMatchObject({ status: 'issued', receipt: { readCheck: 'passed' } });
    expect(ok(db, 'zhangwei', ['devices', 'remove'])).toMatchObject({ removed: a, auto: false });
  });
});
