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
import { replicationText } from '../../i18n/cli/replication.ts';
import { verifyReplica, type ReplicaVerifyReport } from '../../workflows/replica-restore.ts';
import { replicaUrl } from './replicate-command.ts';

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
        })
        .option('from', { type: 'string', describe: replicationText.verifyFrom.from })
        .option('ledger', { type: 'string', describe: replicationText.verifyFrom.ledger })
        .option('key', { type: 'string', describe: replicationText.verifyFrom.key }),
    (argv) =>
      argv.from !== undefined || argv.ledger !== undefined
        ? verifyFrom(argv, out(), setExit)
        : withLedger(argv, (ledger) => {
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

/** `sbk verify --from URL --ledger ID [--db LOCAL] [--key FILE]`: the replica rebuilt and verified; heads compared when the local ledger is there too. */
async function verifyFrom(argv: GlobalArgs & { from?: string; ledger?: string; key?: string }, o: Out, setExit: (code: number) => void): Promise<void> {
  if (!argv.ledger) throw new SbkError('REPLICA_LEDGER_UNKNOWN', { ledgerId: '-' });
  const localPath = argv.db ?? process.env.SBK_DB;
  const r = await verifyReplica(replicaUrl(argv.from), argv.ledger, { ...(argv.key ? { keyFile: argv.key } : {}), ...(localPath ? { localPath } : {}) });
  emit(o, r, () => [reportText(r, argv.key ?? '--key'), ...compareText(r)].join('\n'));
  if (!r.ok || (r.compare && r.compare.state === 'fork')) setExit(3);
}

function compareText(r: ReplicaVerifyReport): string[] {
  const c = r.compare;
  if (!c) return [];
  const p = { local: c.local?.seq ?? 0, replica: c.replica.seq };
  const tf = replicationText.verifyFrom;
  if (c.state === 'same') return [tf.same({ seq: p.local })];
  if (c.state === 'replica_behind') return [tf.replicaBehind(p)];
  if (c.state === 'local_behind') return [tf.localBehind(p)];
  return [tf.fork(p)];
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
