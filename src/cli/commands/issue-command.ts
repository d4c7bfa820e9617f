/**
 * `sbk issue` and `sbk find`: 个人领取 (GD Art. 14; HB Art. 15-16) from a script or a terminal
 * without the console. The holder's ID number as shown at the counter is checked against the
 * ledger; an agent gives name, ID number and relation. The CLI does no read-check (读卡检测):
 * that needs a reader at the console, so the receipt says 读卡检测：未做.
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { findForIssue, issueCard, type IssueResult } from '../../workflows/issue-card.ts';
import { formatIssueReceipt } from '../../domain/issue-receipt-format.ts';
import { SbkError } from '../../domain/errors.ts';
import { textTable } from '../../text/text-table.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';
import { usageCheck } from './ship-command.ts';

type IssueArgs = { receiver?: string; 'agent-id'?: string; 'agent-name'?: string; relation?: string };

const filled = (s: string | undefined): boolean => (s ?? '').trim() !== '';

/**
 * Opens the receipt file before the card is issued, so a wrong path is found while nothing has
 * happened yet; the receipt of an issued card must not be lost to a typo. Readable by the owner
 * only (HB Art. 42), as the console's exports. Returns a writer and an undo for a failed issue.
 */
function openReceiptFile(path: string): { write: (text: string) => void; abandon: () => void } {
  const existed = existsSync(path);
  let fd: number;
  try {
    fd = openSync(path, 'w', 0o600);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new SbkError('RECEIPT_FILE_UNWRITABLE', `无法写入回执文件 ${path}（${why}）。卡未发放；请换一个路径再试。`, { path });
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write: (text) => {
      try {
        writeSync(fd, text);
      } finally {
        close();
      }
    },
    abandon: () => {
      close();
      if (!existed) unlinkSync(path);
    },
  };
}

function issuedText(r: Extract<IssueResult, { status: 'issued' }>, receiptPath: string | undefined): string {
  const how = r.receipt.receiver === 'agent' ? `由 ${r.receipt.agentName ?? ''} 代领` : '本人领取';
  const head = r.replayed ? `此次发放已登记过（卡 ${r.cardNo}），未重复记录。` : `已发放卡 ${r.cardNo}（${how}${r.secondIssue ? '，回收后二次发放' : ''}）。`;
  return `${head}领取回执已保存到 ${receiptPath}，请打印后由领取人签字。`;
}

export function issueCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y
    .command(
      'issue <cardno>',
      '发放一张卡给持卡人本人或代领人，并输出领取回执（须核对持卡人证件号码；命令行不做读卡检测，读卡检测须在控制台接读卡器进行）',
      (c) =>
        c
          .positional('cardno', { type: 'string', demandOption: true, describe: '社保卡号' })
          .option('holder-id', { type: 'string', demandOption: true, describe: '持卡人出示的身份证件号码（与台账核对）' })
          .option('receiver', { choices: ['self', 'agent'] as const, demandOption: true, describe: '领取人：self 本人，agent 他人代领' })
          .option('agent-id', { type: 'string', describe: '代领人身份证号码（代领时必填）' })
          .option('agent-name', { type: 'string', describe: '代领人姓名（代领时必填）' })
          .option('relation', { type: 'string', describe: '代领人与持卡人的关系，如 配偶、子女（代领时必填）' })
          .option('receipt', { type: 'string', describe: '把领取回执写入此文件（仅本人可读），而不是输出到屏幕' })
          .check(
            usageCheck('代领（--receiver agent）须写明 --agent-name、--agent-id 和 --relation。', (a: IssueArgs) =>
              a.receiver !== 'agent' ? true : filled(a['agent-name']) && filled(a['agent-id']) && filled(a.relation),
            ),
          )
          .check(
            usageCheck('本人领取（--receiver self）不登记代领人：请去掉 --agent-name、--agent-id 和 --relation，或改用 --receiver agent。', (a: IssueArgs) =>
              a.receiver !== 'self' ? true : a['agent-name'] === undefined && a['agent-id'] === undefined && a.relation === undefined,
            ),
          ),
      (argv) =>
        withLedger(argv, async (ledger) => {
          const actor = await actorFor(ledger, argv);
          const file = argv.receipt ? openReceiptFile(argv.receipt) : null;
          let r: IssueResult;
          try {
            r = issueCard(ledger, actor, {
              operationId: randomUUID(),
              cardNo: argv.cardno,
              receiver: argv.receiver,
              holderIdNumber: argv['holder-id'],
              agent: argv.receiver === 'agent' ? { name: argv['agent-name'] ?? '', idNumber: argv['agent-id'] ?? '', relation: argv.relation ?? '' } : null,
              chip: null,
            });
          } catch (e) {
            file?.abandon();
            throw e;
          }
          const o = out();
          if (r.status === 'defective') {
            // Only with a read-check, which the CLI never does; reported all the same.
            file?.abandon();
            emit(o, r, () => r.message);
            return;
          }
          const text = formatIssueReceipt(r.receipt);
          file?.write(text);
          const data = { status: r.status, cardNo: r.cardNo, secondIssue: r.secondIssue, replayed: r.replayed, receipt: r.receipt, ...(argv.receipt ? { receiptPath: argv.receipt } : {}) };
          if (o.json || argv.receipt) emit(o, data, () => issuedText(r, argv.receipt));
          else process.stdout.write(text);
        }),
    )
    .command(
      'find <query>',
      '查找待发放的卡：扫描的卡号、持卡人身份证号码或姓名（姓名只查本网点及下级；证件号已脱敏）',
      (c) => c.positional('query', { type: 'string', demandOption: true, describe: '卡号、身份证号码或姓名' }),
      (argv) =>
        withLedger(argv, async (ledger) => {
          const actor = await actorFor(ledger, argv);
          const rows = findForIssue(ledger, actor, argv.query);
          emit(out(), rows, () => {
            const blocked = rows.filter((r) => r.blocked);
            return [
              ...textTable(
                [
                  { header: '社保卡号', min: Math.max(...rows.map((r) => r.cardNo.length)) },
                  { header: '持卡人' },
                  { header: '证件号码', min: 18 },
                  { header: '状态' },
                  { header: '所在网点' },
                  { header: '发放' },
                ],
                rows.map((r) => [r.cardNo, r.holderName ?? '-', r.holderIdMasked ?? '-', r.stateLabel, r.siteName, r.blocked ? '不能' : '可以']),
                100,
              ),
              ...(blocked.length > 0 ? ['', '不能发放的原因：', ...blocked.map((r) => `  ${r.cardNo}：${r.blocked}`)] : []),
            ].join('\n');
          });
        }),
    );
}
