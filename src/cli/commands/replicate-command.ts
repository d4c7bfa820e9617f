import type { Argv } from 'yargs';
import { SbkError } from '../../domain/errors.ts';
import { emit, jsonOut, type Out } from '../cli-io.ts';
import { withLedger, type GlobalArgs } from '../cli-context.ts';
import { replicate, type Shipment } from '../../workflows/replicate.ts';
import { replicationStatus, type ReplicationStatus } from '../../workflows/replication-status.ts';
import { hostOf } from '../../../db/pg/connect.ts';
import { stopReplication } from '../../workflows/replica-target.ts';
import { replicationText } from '../../i18n/cli/replication.ts';

const t = replicationText.replicate;

/** The replica's address: --to / --from, else $SBK_REPLICA_URL. */
export function replicaUrl(given: string | undefined): string {
  const url = given || process.env.SBK_REPLICA_URL;
  if (!url) throw new SbkError('REPLICA_URL_REQUIRED');
  return url;
}

/**
 * Needs no operator, like `sbk verify`: it runs as the ledger's service account (it reads the
 * file, as that account can anyway) from a systemd unit or cron; turning replication on is
 * recorded in the ledger's own chain.
 */
export function replicateCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'replicate [action]',
    t.describe,
    (c) =>
      c
        .positional('action', { type: 'string', choices: ['status', 'off'] as const, describe: t.action })
        .option('to', { type: 'string', describe: t.to })
        .option('once', { type: 'boolean', default: false, describe: t.once })
        .option('resume', { type: 'boolean', default: false, describe: t.resume })
        .option('interval-ms', { type: 'number', default: 500, describe: t.interval }),
    (argv) =>
      withLedger(argv, async (ledger) => {
        const o = out();
        if (argv.action === 'off') {
          const r = stopReplication(ledger);
          emit(o, r, () => (r.wasOn ? t.off({ ledgerId: r.ledgerId ?? '-', target: r.target ?? '-', dropped: r.droppedRows }) : t.alreadyOff));
          return;
        }
        const url = replicaUrl(argv.to);
        if (argv.action === 'status') {
          const s = await replicationStatus(ledger, url);
          emit(o, s, () => statusText(s));
          return;
        }
        let stop = false;
        const onSignal = () => (stop = true);
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        const total = { seals: 0, rows: 0, head: 0 };
        let told = false;
        try {
          const src = await replicate(ledger, url, {
            once: argv.once,
            resume: argv.resume,
            intervalMs: Math.max(50, argv['interval-ms']),
            shouldStop: () => stop,
            onShipment: (s: Shipment) => {
              total.seals += s.seals;
              total.rows += s.rows;
              total.head = s.head;
              told = false;
              if (!argv.once) o.write(o.json ? jsonOut(s).replace(/\n\s*/g, ' ') : t.shipped({ ...s, ms: Math.round(s.ms) }));
            },
            onRetry: (e) => {
              if (!told) o.error(t.retry({ why: e.message }));
              told = true;
            },
          });
          if (argv.once) {
            const head = total.head || (await replicationStatus(ledger, url)).replica?.seq || 0;
            emit(o, { ledgerId: src.id, host: hostOf(url), seals: total.seals, rows: total.rows, head }, () => t.done({ ledgerId: src.id, head, seals: total.seals, rows: total.rows }));
          }
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      }),
  );
}

function statusText(s: ReplicationStatus): string {
  const lines = [t.status({ ledgerId: s.ledgerId, local: s.local?.seq ?? 0, replica: s.replica?.seq ?? 0, lagSeals: s.lagSeals, lagSeconds: s.lagSeconds, outbox: s.outbox })];
  if (s.refusal) lines.push(t.refused({ code: s.refusal.code, seq: s.refusal.seq ?? '-', at: s.refusal.at }));
  return lines.join('\n');
}
