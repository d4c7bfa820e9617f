import type { Argv } from 'yargs';
import { emit, type Out } from '../cli-io.ts';
import type { GlobalArgs } from '../cli-context.ts';
import { restoreFromReplica } from '../../workflows/replica-restore.ts';
import { openLedger, closeLedger } from '../../../db/open-ledger.ts';
import { verifyLedger } from '../../../db/verify-ledger.ts';
import { resolveLedgerPath } from '../../workflows/ledger-path.ts';
import { pepperPath } from '../../security/pepper-file.ts';
import { replicaUrl } from './replicate-command.ts';
import { replicationText } from '../../i18n/cli/replication.ts';
import { ledgerText } from '../../i18n/cli/ledger.ts';

const t = replicationText.restore;

/** The disaster-recovery path: into a new file only (never over a ledger), verified before it is handed back. */
export function restoreCommand(y: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): Argv<GlobalArgs> {
  return y.command(
    'restore',
    t.describe,
    (c) =>
      c
        .option('from', { type: 'string', describe: t.from })
        .option('ledger', { type: 'string', demandOption: true, describe: t.ledger })
        .option('key', { type: 'string', describe: t.key }),
    async (argv) => {
      const r = await restoreFromReplica(replicaUrl(argv.from), argv.ledger, resolveLedgerPath(argv.db), argv.key);
      const ledger = openLedger(r.path, { mustExist: true });
      let v;
      try {
        v = verifyLedger(ledger);
      } finally {
        closeLedger(ledger);
      }
      emit(out(), { ...r, verify: v }, () => {
        const lines = [t.done({ path: r.path, head: r.head.seq, rows: r.rows, seals: r.seals })];
        lines.push(v.ok ? ledgerText.verify.ok({ movements: v.movements, cards: v.cards }) : ledgerText.verify.problems({ count: v.problems.length }));
        for (const p of v.problems) lines.push(`  [${p.code}] ${p.message}`);
        if (!r.keyed) lines.push(t.noKey({ path: pepperPath(r.path) }));
        return lines.join('\n');
      });
      if (!v.ok || v.sealHead?.seq !== r.head.seq) setExit(3);
    },
  );
}
