import type { Argv } from 'yargs';
import { existsSync, readFileSync } from 'node:fs';
import { refuseSymlink, writeFileSafely } from '../../security/safe-write.ts';
import { verifyLedger, type ChainHead } from '../../../db/verify-ledger.ts';
import { SbkError } from '../../domain/errors.ts';
import { emit, type Out } from '../cli-io.ts';
import { withLedger, type GlobalArgs } from '../cli-context.ts';
import { ledgerText } from '../../i18n/cli/ledger.ts';

const t = ledgerText.verify;

/** Needs no operator: it reveals no personal data and should run from cron. */
export function verifyCommand(y: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): Argv<GlobalArgs> {
  return y.command(
    'verify',
    t.describe,
    (c) =>
      c.option('head-file', {
        type: 'string',
        describe: t.headFile,
      }),
    (argv) =>
      withLedger(argv, (ledger) => {
        const headFile = argv['head-file'];
        if (headFile) refuseSymlink(headFile); // read and rewritten: never through a planted link
        const expected = headFile && existsSync(headFile) ? readHead(headFile) : undefined;
        const r = verifyLedger(ledger, expected);
        if (r.ok && headFile && r.head) writeFileSafely(headFile, JSON.stringify({ ...r.head, at: ledger.now().toISOString() }) + '\n');
        emit(out(), r, () =>
          r.ok
            ? t.ok({ movements: r.movements, cards: r.cards })
            : [t.problems({ count: r.problems.length }), ...r.problems.map((p) => `  [${p.code}] ${p.message}`)].join('\n'),
        );
        if (!r.ok) setExit(3);
      }),
  );
}

export function readHead(path: string): ChainHead {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<ChainHead>;
    if (typeof h.id === 'number' && typeof h.hash === 'string') return { id: h.id, hash: h.hash };
  } catch {
    // fall through to the error below
  }
  throw new SbkError('HEAD_FILE_INVALID', { path });
}
