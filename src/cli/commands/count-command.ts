/**
 * `sbk count`: the daily count of prefab blanks (预制卡盘点, GD Art. 36 一(四)) from a script or a
 * terminal: start, scan (blind: nothing expected is shown), submit (the balance per bank, boxes,
 * missing and unexpected cards), approve / close (a reason per difference and a supervisor, or a
 * second person for a clean count; PIN from $SBK_APPROVER_PIN or a prompt), abandon, show, today's
 * status and the reconciliation report (text for `| lp`, or CSV). The blanks themselves are
 * `sbk prefab` (prefab-command.ts).
 */
import type { Argv } from 'yargs';
import type { Ledger } from '../../../db/open-ledger.ts';
import { abandonCount, closeCount, countStatusToday, countView, recordScans, startCount, submitCount, undoLastScan, type CountView, type SubmitResult } from '../../workflows/stock-count.ts';
import { authenticateSecondPerson } from '../../workflows/authenticate.ts';
import { type Actor } from '../../domain/actor.ts';
import { formatLocalTime, todayInChina } from '../../domain/china-dates.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import { balanceLines, boxLabel, formatCountResultText } from '../../domain/count-report-format.ts';
import { textTable } from '../../text/text-table.ts';
import { SbkError } from '../../domain/errors.ts';
import { countText as t } from '../../i18n/cli/count.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { readPin } from '../read-pin.ts';
import { emit, type Out } from '../cli-io.ts';
import { approverFor, withActor, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { cardReasonsCheck, list, parseCardReason, positiveIdCheck } from '../args.ts';
import { countReportCommand } from './count-report-command.ts';
import { maxOf } from '../../text/max-of.ts';

const idCheck = positiveIdCheck(t.idInvalid);
const idOption = { type: 'number', demandOption: true, describe: t.id } as const;

/** `CARDNO=REASON` for `approve --reason`; the card number normalised as the ledger stores it. */
const parseReason = (raw: string) => parseCardReason(raw, normalizeCardInput);

function nextStep(r: SubmitResult): string {
  return r.clean ? t.submit.nextClean({ id: r.id }) : t.submit.nextVariance({ id: r.id });
}

/** The second person of `approve`: a supervisor (`--approver`) or, for a clean count, any other operator (`--confirm`). */
async function secondPerson(ledger: Ledger, actor: Actor, argv: { approver?: string; confirm?: string }): Promise<{ approver: Actor | null; confirmer: Actor | null }> {
  if (argv.approver) {
    return { approver: await approverFor(ledger, actor, argv.approver, cliCommon.pins.supervisor({ login: argv.approver })), confirmer: null };
  }
  if (argv.confirm) {
    const pin = await readPin(cliCommon.pins.confirmer({ login: argv.confirm }), 'SBK_APPROVER_PIN');
    const confirmer = authenticateSecondPerson(ledger, actor, argv.confirm, pin);
    if (confirmer.id === actor.id) throw new SbkError('SECOND_OPERATOR_SAME.countConfirmer');
    return { approver: null, confirmer };
  }
  return { approver: null, confirmer: null };
}

function startSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'start',
    t.start.describe,
    (c) => c.option('bank', { type: 'string', describe: t.start.bank }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = startCount(ledger, actor, { bank: argv.bank ?? null });
        emit(out(), r, () => [t.start.started({ id: r.id, site: actor.siteName, bank: r.bank ?? t.start.allBanks }) + t.blind, t.start.howTo({ id: r.id })].join('\n'));
      }),
  );
}

function scanSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'scan <id> <codes..>',
    t.scan.describe,
    (c) => c.positional('id', idOption).positional('codes', { type: 'string', array: true, demandOption: true, describe: t.scan.codes }).check(idCheck),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = recordScans(ledger, actor, argv.id, list(argv.codes));
        emit(out(), r, () => t.scan.recorded({ scans: r.scans, counted: r.countedSoFar }));
      }),
  );
}

function undoSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'undo <id>',
    t.undo.describe,
    (c) => c.positional('id', idOption).check(idCheck),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = undoLastScan(ledger, actor, argv.id);
        const u = r.undone;
        const what = u.kind === 'card' ? t.undo.card({ code: u.code }) : t.undo.quantity({ code: `${u.kind === 'hopper' ? '@' : ''}${u.code}`, quantity: u.quantity ?? 0 });
        emit(out(), r, () => t.undo.done({ what, counted: r.countedSoFar }));
      }),
  );
}

function submitSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'submit <id>',
    t.submit.describe,
    (c) => c.positional('id', idOption).check(idCheck),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = submitCount(ledger, actor, argv.id);
        emit(out(), r, () => `${formatCountResultText(r)}\n${nextStep(r)}`);
      }),
  );
}

function approveSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    ['approve <id>', 'close'],
    t.approve.describe,
    (c) =>
      c
        .positional('id', idOption)
        .option('reason', { type: 'array', string: true, describe: t.approve.reason })
        .option('approver', { type: 'string', describe: t.approve.approver })
        .option('confirm', { type: 'string', describe: t.approve.confirm })
        .conflicts('approver', 'confirm')
        .check(idCheck)
        .check(cardReasonsCheck('reason', t.approve.reasonInvalid, normalizeCardInput)),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const reasons: Record<string, string> = {};
        for (const raw of list(argv.reason)) {
          const p = parseReason(raw)!;
          reasons[p.cardNo] = p.reason;
        }
        const { approver, confirmer } = await secondPerson(ledger, actor, argv);
        // A supervisor who approves may also confirm a count that turned out clean.
        const r = closeCount(ledger, actor, argv.id, { reasons, approver, confirmer: confirmer ?? approver });
        const second = (approver ?? confirmer)?.name ?? '';
        emit(out(), { id: argv.id, ...r, approver: approver?.login ?? null, confirmer: confirmer?.login ?? null }, () =>
          r.variances > 0 ? t.approve.closedWithVariances({ id: argv.id, variances: r.variances, approver: second }) : t.approve.closedClean({ id: argv.id, confirmer: second }),
        );
      }),
  );
}

function abandonSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'abandon <id>',
    t.abandon.describe,
    (c) => c.positional('id', idOption).option('reason', { type: 'string', demandOption: true, describe: t.abandon.reason }).check(idCheck),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        abandonCount(ledger, actor, argv.id, argv.reason);
        emit(out(), { abandoned: argv.id }, () => t.abandon.done({ id: argv.id }));
      }),
  );
}

/** The balance and the differences, once submitted; before that only the reminder that the count is blind. */
function countBodyLines(v: CountView): string[] {
  if (v.lines === null) return [t.blind];
  const balance = v.lines.length === 0 ? [t.show.noPrefab] : v.lines.flatMap(balanceLines);
  if (!v.variances) return balance;
  if (v.variances.length === 0) return [...balance, t.show.noVariance];
  const table = textTable(
    [{ header: t.show.columns.cardNo, min: maxOf(v.variances, (x) => x.cardNo.length) }, { header: cliCommon.columns.category }, { header: t.show.columns.box }, { header: cliCommon.columns.reason }],
    v.variances.map((x) => [x.cardNo, x.kind === 'missing' ? cliCommon.differences.missing : cliCommon.differences.extra, x.box ? boxLabel(x.box) : '-', x.reason ?? t.show.noReason]),
  );
  return [...balance, '', t.show.variances, ...table.map((l) => `  ${l}`)];
}

function countViewText(v: CountView): string {
  return [
    t.show.head({ id: v.id, status: t.statusLabels[v.status] }),
    t.show.site({ code: v.site.code, name: v.site.name, bank: v.bank ?? t.show.allBanks }),
    t.show.started({ at: formatLocalTime(v.startedAt), by: v.startedBy, scans: v.scans }),
    ...(v.submittedAt ? [t.show.submitted({ at: formatLocalTime(v.submittedAt) })] : []),
    ...(v.closedAt ? [t.show.closed({ at: formatLocalTime(v.closedAt), by: v.closedBy ?? '' })] : []),
    '',
    ...countBodyLines(v),
  ].join('\n');
}

function showSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'show <id>',
    t.show.describe,
    (c) => c.positional('id', idOption).check(idCheck),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const v = countView(ledger, actor, argv.id);
        emit(out(), v, () => countViewText(v));
      }),
  );
}

function statusSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'status',
    t.status.describe,
    (c) => c,
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const rows = countStatusToday(ledger, actor);
        const columns = [{ header: cliCommon.columns.siteCode }, { header: cliCommon.columns.site }, { header: cliCommon.columns.onHand, align: 'right' as const }, { header: t.status.columns.today }];
        emit(out(), rows, () =>
          rows.length === 0
            ? t.status.none
            : [
                t.status.head({ today: todayInChina(ledger.now()) }),
                ...textTable(
                  columns,
                  rows.map((r) => [r.site.code, r.site.name, String(r.onHand), r.today ? t.status.counted({ status: t.statusLabels[r.today.status], id: r.today.id }) : t.status.notCounted]),
                ),
              ].join('\n'),
        );
      }),
  );
}

export function countCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('count', t.describe, (c) =>
    withSubcommands(c, out, [startSubcommand, scanSubcommand, undoSubcommand, submitSubcommand, approveSubcommand, abandonSubcommand, showSubcommand, statusSubcommand, countReportCommand]).demandCommand(1, t.demand),
  );
}
