import type { Argv } from 'yargs';
import { existsSync, readFileSync } from 'node:fs';
import { refuseSymlink, writeFileSafely } from '../../security/safe-write.ts';
import { verifyLedger, type ExpectedHead, type VerifyReport } from '../../../db/verify-ledger.ts';
import { pepperPath } from '../../security/pepper-file.ts';
import { parseHeadRef } from '../../domain/ledger-head.ts';
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
      c
        .option('head-file', {
          type: 'string',
          describe: t.headFile,
        })
        .option('init-head', {
          type: 'boolean',
          default: false,
          describe: t.initHead,
        })
        .option('seal', {
          type: 'string',
          array: true,
          describe: t.seal,
        }),
    (argv) =>
      withLedger(argv, (ledger) => {
        const headFile = argv['head-file'];
        if (headFile) refuseSymlink(headFile); // read and rewritten: never through a planted link
        // A head file that vanished is itself a sign of tampering: only a first run may create it.
        if (headFile && !existsSync(headFile) && !argv['init-head']) throw new SbkError('HEAD_FILE_MISSING', { path: headFile });
        const expected = headFile && existsSync(headFile) ? readHead(headFile) : undefined;
        const papers = (argv.seal ?? []).map((s) => parseHeadRef(String(s)) ?? fail(String(s)));
        const r = verifyLedger(ledger, expected, undefined, papers);
        if (r.ok && headFile && r.head) {
          const seal = r.sealHead ? { seq: r.sealHead.seq, hash: r.sealHead.hash } : undefined;
          writeFileSafely(headFile, JSON.stringify({ ...r.head, seal, at: ledger.now().toISOString() }) + '\n');
        }
        emit(out(), r, () => reportText(r, pepperPath(ledger.path)));
        if (!r.ok) setExit(3);
      }),
  );
}

function fail(text: string): never {
  throw new SbkError('SEAL_REF_INVALID', { text });
}

function reportText(r: VerifyReport, keyPath: string): string {
  const lines = r.ok ? [t.ok({ movements: r.movements, cards: r.cards })] : [t.problems({ count: r.problems.length }), ...r.problems.map((p) => `  [${p.code}] ${p.message}`)];
  if (r.sealHead) lines.push(t.sealed({ seals: r.seals, tables: r.tables, head: `#${r.sealHead.seq} ${(r.sealHead.mac ?? r.sealHead.hash).slice(0, 16)}` }));
  lines.push(r.keyChecked ? t.keyed : t.noKey({ path: keyPath }));
  return lines.join('\n');
}

export function readHead(path: string): ExpectedHead {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<ExpectedHead>;
    const seal = h.seal && typeof h.seal.seq === 'number' && typeof h.seal.hash === 'string' ? { seq: h.seal.seq, hash: h.seal.hash } : undefined;
    if (typeof h.id === 'number' && typeof h.hash === 'string') return { id: h.id, hash: h.hash, ...(seal ? { seal } : {}) };
  } catch {
    // fall through to the error below
  }
  throw new SbkError('HEAD_FILE_INVALID', { path });
}
