import type { Argv } from 'yargs';
import { verifyLedger } from '../../../db/verify-ledger.ts';
import { emit, type Out } from '../cli-io.ts';
import { withLedger, type GlobalArgs } from '../cli-context.ts';

/** Needs no operator: it reveals no personal data and should run from cron. */
export function verifyCommand(y: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): Argv<GlobalArgs> {
  return y.command(
    'verify',
    '核验台账：重放全部流转记录、校验哈希链与当前状态',
    (c) => c,
    (argv) =>
      withLedger(argv, (ledger) => {
        const r = verifyLedger(ledger);
        emit(out(), r, () =>
          r.ok
            ? `台账核验通过：${r.movements} 条流转记录，${r.cards} 张卡，哈希链完整，当前状态与记录一致。`
            : [`台账核验发现 ${r.problems.length} 处问题：`, ...r.problems.map((p) => `  [${p.code}] ${p.message}`)].join('\n'),
        );
        if (!r.ok) setExit(3);
      }),
  );
}
