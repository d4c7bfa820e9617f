import type { Argv } from 'yargs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { verifyLedger, type ChainHead } from '../../../db/verify-ledger.ts';
import { SbkError } from '../../domain/errors.ts';
import { emit, type Out } from '../cli-io.ts';
import { withLedger, type GlobalArgs } from '../cli-context.ts';

/** Needs no operator: it reveals no personal data and should run from cron. */
export function verifyCommand(y: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): Argv<GlobalArgs> {
  return y.command(
    'verify',
    '核验台账：重放全部流转记录、校验哈希链与当前状态',
    (c) =>
      c.option('head-file', {
        type: 'string',
        describe: '记录链头的文件（放在台账之外）：核验时检查上次记下的链头仍在，通过后写入新的链头',
      }),
    (argv) =>
      withLedger(argv, (ledger) => {
        const headFile = argv['head-file'];
        const expected = headFile && existsSync(headFile) ? readHead(headFile) : undefined;
        const r = verifyLedger(ledger, expected);
        if (r.ok && headFile && r.head) writeFileSync(headFile, JSON.stringify({ ...r.head, at: new Date().toISOString() }) + '\n');
        emit(out(), r, () =>
          r.ok
            ? `台账核验通过：${r.movements} 条流转记录，${r.cards} 张卡，哈希链完整，当前状态与记录一致。`
            : [`台账核验发现 ${r.problems.length} 处问题：`, ...r.problems.map((p) => `  [${p.code}] ${p.message}`)].join('\n'),
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
  throw new SbkError('HEAD_FILE_INVALID', `链头文件 ${path} 无法读取或格式不对。请从备份恢复，或删除后重新核验以重新记录。`);
}
