/**
 * `sbk issue`: 个人领取 (GD Art. 14; HB Art. 15-16) from a script or a terminal without the
 * console. The holder's ID number as shown at the counter is checked against the ledger; an
 * agent gives name, ID number and relation. With `--read-check` (or `--reader ID`) the card on the
 * site's reader is read and compared with the ledger first (读卡检测, HB Art. 16): another card or
 * none on the reader stops the issue; a chip that cannot be read or disagrees makes the card
 * defective. Without it the receipt says 读卡检测：未做. `sbk find` is find-command.ts.
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { openFileSafely } from '../../security/safe-write.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { issueCard, markUnreadable, type IssueResult } from '../../workflows/issue-card.ts';
import { readCheckWith, siteReaderFor } from '../../workflows/read-check.ts';
import type { BasicCardInfo } from '../../../drivers/reader/basic-info.ts';
import { formatIssueReceipt } from '../../domain/issue-receipt-format.ts';
import { SbkError } from '../../domain/errors.ts';
import { issueText as t } from '../../i18n/cli/issue.ts';
import { mailCliText as mt } from '../../i18n/cli/mail.ts';
import { mailCard } from '../../workflows/mail-delivery.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, printText, type Out } from '../cli-io.ts';
import { withActor, withSiteDevices, type GlobalArgs } from '../cli-context.ts';
import { filled, usageCheck } from '../args.ts';

type IssueArgs = {
  cardno: string;
  'holder-id'?: string;
  receiver: 'self' | 'agent' | 'mail';
  'agent-id'?: string;
  'agent-id-type'?: string;
  'agent-name'?: string;
  relation?: string;
  receipt?: string;
  address?: string;
  carrier?: string;
  tracking?: string;
  recipient?: string;
  'read-check'?: boolean;
  reader?: string;
};
type HandOverArgs = IssueArgs & { receiver: 'self' | 'agent' };
/** The card was handed over: only then is there a receipt (otherwise it failed the read-check). */
type Issued = Extract<IssueResult, { receipt: unknown }>;
type ReceiptFile = { write: (text: string) => void; abandon: () => void };

const agentCheck = usageCheck(t.agentRequired, (a: Partial<IssueArgs>) => (a.receiver !== 'agent' ? true : filled(a['agent-name']) && filled(a['agent-id']) && filled(a.relation)));
const selfCheck = usageCheck(t.selfHasNoAgent, (a: Partial<IssueArgs>) =>
  a.receiver !== 'self' ? true : a['agent-name'] === undefined && a['agent-id'] === undefined && a.relation === undefined,
);
const holderIdCheck = usageCheck(mt.holderIdRequired, (a: Partial<IssueArgs>) => a.receiver === 'mail' || filled(a['holder-id']));
const mailCheck = usageCheck(mt.mailRequired, (a: Partial<IssueArgs>) =>
  a.receiver !== 'mail' ? true : filled(a.address) && filled(a.carrier) && filled(a.tracking) && a['agent-name'] === undefined && a['agent-id'] === undefined && a.relation === undefined,
);
const mailOnlyCheck = usageCheck(mt.mailOnly, (a: Partial<IssueArgs>) =>
  a.receiver === 'mail' ? a.receipt === undefined : [a.address, a.carrier, a.tracking, a.recipient].every((x) => x === undefined),
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
function issue(ledger: Ledger, actor: Actor, argv: HandOverArgs, file: ReceiptFile | null, operationId: string, chip: BasicCardInfo | null): IssueResult {
  try {
    return issueCard(ledger, actor, {
      operationId,
      cardNo: argv.cardno,
      receiver: argv.receiver,
      holderIdNumber: argv['holder-id'] ?? '',
      agent: argv.receiver === 'agent' ? { name: argv['agent-name'] ?? '', idType: argv['agent-id-type'], idNumber: argv['agent-id'] ?? '', relation: argv.relation ?? '' } : null,
      chip,
    });
  } catch (e) {
    file?.abandon();
    throw e;
  }
}

function report(o: Out, r: IssueResult, file: ReceiptFile | null, receiptPath: string | undefined): void {
  if (!('receipt' in r)) {
    // The read-check found the chip disagreeing with the ledger: recorded as defective, not issued.
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

/** 邮递上门 (GD Art. 14 一(一)): the card goes to the carrier; the holder signs for it later with the SMS code. */
function mailOut(o: Out, ledger: Ledger, actor: Actor, argv: IssueArgs): void {
  const r = mailCard(ledger, actor, {
    operationId: randomUUID(),
    cardNo: argv.cardno,
    address: argv.address ?? '',
    carrier: argv.carrier ?? '',
    trackingNo: argv.tracking ?? '',
    recipient: argv.recipient ?? null,
    holderIdNumber: argv['holder-id'] ?? null,
  });
  emit(o, { status: 'mailed', ...r }, () => (r.replayed ? mt.replayed({ cardNo: r.cardNo }) : [mt.mailed(r), mt.mailReminder].join('\n')));
}

/**
 * 读卡检测 with the site's reader: the chip to issue with, or null when the chip could not be read
 * (then the card is recorded defective here, HB Art. 16, and nothing is issued).
 */
async function readChip(ledger: Ledger, actor: Actor, argv: IssueArgs, operationId: string): Promise<{ chip: BasicCardInfo } | { unreadable: string }> {
  const check = await withSiteDevices(ledger, actor, (devices) => readCheckWith(ledger, devices, siteReaderFor(devices, argv.reader), argv.cardno));
  if (check.kind !== 'chip-fault') return { chip: check.chip };
  markUnreadable(ledger, actor, operationId, argv.cardno, check.message);
  return { unreadable: check.message };
}

export function issueCommand(y: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): Argv<GlobalArgs> {
  return y.command(
    'issue <cardno>',
    t.describe,
    (c) =>
      c
        .positional('cardno', { type: 'string', demandOption: true, describe: cliCommon.options.cardNo })
        .option('holder-id', { type: 'string', describe: t.holderId })
        .option('receiver', { choices: ['self', 'agent', 'mail'] as const, demandOption: true, describe: t.receiver })
        .option('agent-id', { type: 'string', describe: t.agentId })
        .option('agent-id-type', { type: 'string', describe: t.agentIdType })
        .option('agent-name', { type: 'string', describe: t.agentName })
        .option('relation', { type: 'string', describe: t.relation })
        .option('receipt', { type: 'string', describe: t.receipt })
        .option('address', { type: 'string', describe: mt.address })
        .option('carrier', { type: 'string', describe: mt.carrier })
        .option('tracking', { type: 'string', describe: mt.tracking })
        .option('recipient', { type: 'string', describe: mt.recipient })
        .option('read-check', { type: 'boolean', describe: t.readCheck })
        .option('reader', { type: 'string', describe: t.reader })
        .check(agentCheck)
        .check(selfCheck)
        .check(holderIdCheck)
        .check(mailCheck)
        .check(mailOnlyCheck),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        if (argv.receiver === 'mail') return mailOut(out(), ledger, actor, argv);
        const file = argv.receipt ? openReceiptFile(argv.receipt) : null;
        const operationId = randomUUID();
        let chip: BasicCardInfo | null = null;
        if (argv['read-check'] || argv.reader !== undefined) {
          const read = await readChip(ledger, actor, argv, operationId).catch((e: unknown) => {
            file?.abandon();
            throw e;
          });
          if ('unreadable' in read) {
            file?.abandon();
            setExit(1);
            return emit(out(), { status: 'defective', cardNo: argv.cardno, message: t.unreadable({ message: read.unreadable }) }, () => t.unreadable({ message: read.unreadable }));
          }
          chip = read.chip;
        }
        const r = issue(ledger, actor, argv as HandOverArgs, file, operationId, chip);
        if (!('receipt' in r)) setExit(1);
        report(out(), r, file, argv.receipt);
      }),
  );
}
