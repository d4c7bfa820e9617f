/**
 * `sbk issue`: 个人领取 (GD Art. 14; HB Art. 15-16) from a script or a terminal without the
 * console. The holder's ID number as shown at the counter is checked against the ledger; an
 * agent gives name, ID number and relation. The CLI does no read-check (读卡检测): that needs a
 * reader at the console, so the receipt says 读卡检测：未做. `sbk find` is find-command.ts.
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { openFileSafely } from '../../security/safe-write.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { issueCard, type IssueResult } from '../../workflows/issue-card.ts';
import { formatIssueReceipt } from '../../domain/issue-receipt-format.ts';
import { SbkError } from '../../domain/errors.ts';
import { issueText as t } from '../../i18n/cli/issue.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, printText, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { filled, usageCheck } from '../args.ts';

type IssueArgs = { cardno: string; 'holder-id': string; receiver: 'self' | 'agent'; 'agent-id'?: string; 'agent-name'?: string; relation?: string; receipt?: string };
/** The card was handed over: only then is there a receipt (otherwise it failed the read-check). */
type Issued = Extract<IssueResult, { receipt: unknown }>;
type ReceiptFile = { write: (text: string) => void; abandon: () => void };

const agentCheck = usageCheck(t.agentRequired, (a: Partial<IssueArgs>) => (a.receiver !== 'agent' ? true : filled(a['agent-name']) && filled(a['agent-id']) && filled(a.relation)));
const selfCheck = usageCheck(t.selfHasNoAgent, (a: Partial<IssueArgs>) =>
  a.receiver !== 'self' ? true : a['agent-name'] === undefined && a['agent-id'] === undefined && a.relation === undefined,
);

/**
 * Opens the receipt file before the card is issued, so a wrong path is found while nothing has
 * happened yet; the receipt of an issued card must not be lost to a typo. Readable by the owner
 * only (HB Art. 42), as the console's exports. Returns a writer and an undo for a failed issue.
 */
function openReceiptFile(path: string): ReceiptFile {
  let file: ReturnType<typeof openFileSafely>;
  try {
    file = openFileSafely(path); // a planted link is refused; nothing is at `path` until written
  } catch (e) {
    if (e instanceof SbkError && e.code === 'FILE_IS_SYMLINK') throw e;
    const why = e instanceof SbkError ? String(e.params.why ?? e.message) : e instanceof Error ? e.message : String(e);
    throw new SbkError('RECEIPT_FILE_UNWRITABLE', { path, why }, { path });
  }
  return {
    write: (text) => {
      file.write(text);
      file.commit();
    },
    abandon: () => file.abandon(),
  };
}

function issuedText(r: Issued, receiptPath: string | undefined): string {
  const how = r.receipt.receiver === 'agent' ? t.byAgent({ agent: r.receipt.agentName ?? '' }) : t.bySelf;
  const head = r.replayed ? t.replayed({ cardNo: r.cardNo }) : t.issued({ cardNo: r.cardNo, how, secondIssue: r.secondIssue });
  return `${head}${t.receiptSaved({ path: receiptPath ?? '' })}`;
}

/** Issues the card; the receipt file opened beforehand is removed again if that fails. */
function issue(ledger: Ledger, actor: Actor, argv: IssueArgs, file: ReceiptFile | null): IssueResult {
  try {
    return issueCard(ledger, actor, {
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
}

function report(o: Out, r: IssueResult, file: ReceiptFile | null, receiptPath: string | undefined): void {
  if (!('receipt' in r)) {
    // Only with a read-check, which the CLI never does; reported all the same.
    file?.abandon();
    emit(o, r, () => r.message);
    return;
  }
  const text = formatIssueReceipt(r.receipt);
  file?.write(text);
  const data = { status: r.status, cardNo: r.cardNo, secondIssue: r.secondIssue, replayed: r.replayed, receipt: r.receipt, ...(receiptPath ? { receiptPath } : {}) };
  if (o.json || receiptPath) emit(o, data, () => issuedText(r, receiptPath));
  else printText(text);
}

export function issueCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'issue <cardno>',
    t.describe,
    (c) =>
      c
        .positional('cardno', { type: 'string', demandOption: true, describe: cliCommon.options.cardNo })
        .option('holder-id', { type: 'string', demandOption: true, describe: t.holderId })
        .option('receiver', { choices: ['self', 'agent'] as const, demandOption: true, describe: t.receiver })
        .option('agent-id', { type: 'string', describe: t.agentId })
        .option('agent-name', { type: 'string', describe: t.agentName })
        .option('relation', { type: 'string', describe: t.relation })
        .option('receipt', { type: 'string', describe: t.receipt })
        .check(agentCheck)
        .check(selfCheck),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const file = argv.receipt ? openReceiptFile(argv.receipt) : null;
        const r = issue(ledger, actor, argv, file);
        report(out(), r, file, argv.receipt);
      }),
  );
}
