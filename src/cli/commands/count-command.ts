/**
 * `sbk count`: the daily count of prefab blanks (预制卡盘点, GD Art. 36 一(四)) from a script or a
 * terminal: start, scan (blind: nothing expected is shown), submit (the balance per bank, boxes,
 * missing and unexpected cards), approve / close (a reason per difference and a supervisor, or a
 * second person for a clean count; PIN from $SBK_APPROVER_PIN or a prompt), abandon, show, today's
 * status and the reconciliation report (text for `| lp`, or CSV).
 *
 * `sbk prefab`: the blanks themselves (Annex 9): stock by bank, maker, batch and box or hopper,
 * loading a hopper (never mixing banks or makers), spoiling one, and destroying spoiled ones
 * before two people.
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Ledger } from '../../../db/open-ledger.ts';
import {
  abandonCount,
  closeCount,
  countStatusToday,
  countView,
  destroySpoiled,
  reconciliationReport,
  recordScans,
  startCount,
  submitCount,
  type CountStatus,
  type SubmitResult,
} from '../../workflows/stock-count.ts';
import { prefabStock, consumeBlank, spoilBlank } from '../../workflows/prefab-stock.ts';
import { loadHopperAtCounter, unloadHopperAtCounter } from '../../workflows/hopper-loading.ts';
import { authenticate, authenticateApprover } from '../../workflows/authenticate.ts';
import { type Actor } from '../../domain/actor.ts';
import { workingCalendar } from '../../workflows/calendar-source.ts';
import { addCalendarDays } from '../../domain/calendar.ts';
import { formatLocalTime, isIsoDate, todayInChina } from '../../domain/china-dates.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import { balanceLines, boxLabel, formatCountReportCsv, formatCountReportText, formatCountResultText } from '../../domain/count-report-format.ts';
import { textTable } from '../../text/text-table.ts';
import { SbkError } from '../../domain/errors.ts';
import { readPin } from '../read-pin.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, withSiteDevices, type GlobalArgs } from '../cli-context.ts';
import { usageCheck } from './ship-command.ts';

const list = (v: readonly (string | number)[] | undefined): string[] => (v ?? []).map((x) => String(x).trim()).filter(Boolean);

export const COUNT_STATUS_LABELS: Record<CountStatus, string> = { counting: '盘点中', submitted: '已提交，待复核', closed: '已结束', abandoned: '已放弃' };

const idCheck = usageCheck('盘点编号须是正整数，如 sbk count show 12。', (a: { id?: unknown }) => Number.isInteger(a.id) && (a.id as number) > 0);

const dateCheck = (flag: string) =>
  usageCheck(`--${flag} 须是有效日期，格式 YYYY-MM-DD。`, (a: Record<string, unknown>) => a[flag] === undefined || isIsoDate(a[flag]));

/** `CARDNO=REASON` for `approve --reason`; the card number normalised as the ledger stores it. */
function parseReason(raw: string): { cardNo: string; reason: string } | null {
  const eq = raw.indexOf('=');
  if (eq <= 0) return null;
  const cardNo = normalizeCardInput(raw.slice(0, eq));
  return cardNo ? { cardNo, reason: raw.slice(eq + 1).trim() } : null;
}

function nextStep(r: SubmitResult): string {
  return r.clean
    ? `结束盘点须另一名人员确认（其密码取自 $SBK_APPROVER_PIN 或提示输入）：\n  sbk count approve ${r.id} --confirm 工号`
    : `结束盘点须逐处写明原因（每处差异一条 --reason）并由主管复核：\n  sbk count approve ${r.id} --reason 卡号=原因 … --approver 主管工号`;
}

/** The second person of `approve`: a supervisor (`--approver`) or, for a clean count, any other operator (`--confirm`). */
async function secondPerson(ledger: Ledger, actor: Actor, argv: { approver?: string; confirm?: string }): Promise<{ approver: Actor | null; confirmer: Actor | null }> {
  if (argv.approver) {
    const pin = await readPin(`复核主管 ${argv.approver} 的密码：`, 'SBK_APPROVER_PIN');
    return { approver: authenticateApprover(ledger, actor, argv.approver, pin), confirmer: null };
  }
  if (argv.confirm) {
    const pin = await readPin(`确认人 ${argv.confirm} 的密码：`, 'SBK_APPROVER_PIN');
    const confirmer = authenticate(ledger, argv.confirm, pin);
    if (confirmer.id === actor.id) throw new SbkError('SECOND_OPERATOR_SAME', '确认人不能是盘点人本人，请换另一名人员确认。');
    return { approver: null, confirmer };
  }
  return { approver: null, confirmer: null };
}

export function countCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('count', '预制卡每日盘点：开始、盲扫、提交、复核结束、对账表（GD 第三十六条）', (c) =>
    c
      .command(
        'start',
        '开始本网点的盘点（默认全部银行；--bank 只盘一家银行的预制卡）',
        (cc) => cc.option('bank', { type: 'string', describe: '只盘这家银行的预制卡（如 中国工商银行）' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const r = startCount(ledger, actor, { bank: argv.bank ?? null });
            emit(out(), r, () =>
              [
                `已开始盘点 ${r.id}（${actor.siteName}，${r.bank ?? '全部银行'}）。盲盘：提交前不显示应有数量。`,
                `扫描：sbk count scan ${r.id} 箱号=张数 @卡盒名=张数 卡号 …；点完后提交：sbk count submit ${r.id}`,
              ].join('\n'),
            );
          }),
      )
      .command(
        'scan <id> <codes..>',
        '记录扫描：卡号一张；“批次/箱号=张数”或“箱号=张数”整箱；“@卡盒名=张数”制卡机卡盒（只显示已点张数）',
        (cc) =>
          cc
            .positional('id', { type: 'number', demandOption: true, describe: '盘点编号' })
            .positional('codes', { type: 'string', array: true, demandOption: true, describe: '卡号、箱号=张数、@卡盒名=张数（可多个）' })
            .check(idCheck),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const r = recordScans(ledger, actor, argv.id, list(argv.codes));
            emit(out(), r, () => `已记录 ${r.scans} 条扫描；本次盘点已点 ${r.countedSoFar} 张。`);
          }),
      )
      .command(
        'submit <id>',
        '提交盘点：此后才显示各银行的账目（期初、入库、使用、作废、调出、期末）与差异',
        (cc) => cc.positional('id', { type: 'number', demandOption: true, describe: '盘点编号' }).check(idCheck),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const r = submitCount(ledger, actor, argv.id);
            emit(out(), r, () => `${formatCountResultText(r)}\n${nextStep(r)}`);
          }),
      )
      .command(
        ['approve <id>', 'close'],
        '结束已提交的盘点：有差异时每处 --reason 卡号=原因，并由主管 --approver 复核；无差异时由另一名人员 --confirm 确认（密码取自 $SBK_APPROVER_PIN 或提示输入）',
        (cc) =>
          cc
            .positional('id', { type: 'number', demandOption: true, describe: '盘点编号' })
            .option('reason', { type: 'array', string: true, describe: '差异原因：卡号=原因（每处差异一条，可重复）' })
            .option('approver', { type: 'string', describe: '复核主管的工号（有差异时；不能是本人）' })
            .option('confirm', { type: 'string', describe: '确认人的工号（无差异时；另一名操作员）' })
            .conflicts('approver', 'confirm')
            .check(idCheck)
            .check(
              usageCheck('--reason 须写成“卡号=原因”，如 --reason Y10000012=保险柜内未找到。', (a: { reason?: unknown[] }) =>
                list(a.reason as string[]).every((r) => parseReason(r) !== null),
              ),
            ),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const reasons: Record<string, string> = {};
            for (const raw of list(argv.reason)) {
              const p = parseReason(raw)!;
              reasons[p.cardNo] = p.reason;
            }
            const { approver, confirmer } = await secondPerson(ledger, actor, argv);
            // A supervisor who approves may also confirm a count that turned out clean.
            const r = closeCount(ledger, actor, argv.id, { reasons, approver, confirmer: confirmer ?? approver });
            const second = approver ?? confirmer;
            emit(out(), { id: argv.id, ...r, approver: approver?.login ?? null, confirmer: confirmer?.login ?? null }, () =>
              r.variances > 0
                ? `盘点 ${argv.id} 已结束：${r.variances} 处差异已写明原因（复核：${second?.name ?? ''}），已登记为待处理差异：sbk discrepancy list`
                : `盘点 ${argv.id} 已结束：账实相符（确认：${second?.name ?? ''}）。`,
            );
          }),
      )
      .command(
        'abandon <id>',
        '放弃一次未结束的盘点，须写明原因（之后可重新开始）',
        (cc) =>
          cc
            .positional('id', { type: 'number', demandOption: true, describe: '盘点编号' })
            .option('reason', { type: 'string', demandOption: true, describe: '放弃原因' })
            .check(idCheck),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            abandonCount(ledger, actor, argv.id, argv.reason);
            emit(out(), { abandoned: argv.id }, () => `已放弃盘点 ${argv.id}。`);
          }),
      )
      .command(
        'show <id>',
        '查看一次盘点（提交前只显示扫描条数，提交后显示账目与差异）',
        (cc) => cc.positional('id', { type: 'number', demandOption: true, describe: '盘点编号' }).check(idCheck),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const v = countView(ledger, actor, argv.id);
            emit(out(), v, () =>
              [
                `盘点 ${v.id}  ${COUNT_STATUS_LABELS[v.status]}`,
                `网点：${v.site.code} ${v.site.name}  银行：${v.bank ?? '全部'}`,
                `开始 ${formatLocalTime(v.startedAt)} ${v.startedBy}  扫描 ${v.scans} 条`,
                ...(v.submittedAt ? [`提交 ${formatLocalTime(v.submittedAt)}`] : []),
                ...(v.closedAt ? [`结束 ${formatLocalTime(v.closedAt)} ${v.closedBy ?? ''}`] : []),
                '',
                ...(v.lines === null
                  ? ['盲盘：提交前不显示应有数量。']
                  : [
                      ...(v.lines.length === 0 ? ['没有预制卡。'] : v.lines.flatMap(balanceLines)),
                      ...(v.variances && v.variances.length > 0
                        ? [
                            '',
                            '差异：',
                            ...textTable(
                              [{ header: '卡号', min: Math.max(...v.variances.map((x) => x.cardNo.length)) }, { header: '类别' }, { header: '箱或卡盒' }, { header: '原因' }],
                              v.variances.map((x) => [x.cardNo, x.kind === 'missing' ? '缺少' : '多出', x.box ? boxLabel(x.box) : '-', x.reason ?? '（未说明）']),
                            ).map((l) => `  ${l}`),
                          ]
                        : v.variances
                          ? ['无差异。']
                          : []),
                    ]),
              ].join('\n'),
            );
          }),
      )
      .command(
        'status',
        '今日盘点情况：本网点及下级有预制卡的网点，今天是否已盘点',
        (cc) => cc,
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const rows = countStatusToday(ledger, actor);
            emit(out(), rows, () =>
              rows.length === 0
                ? '本网点及下级没有预制卡。'
                : [
                    `今日（${todayInChina()}）预制卡盘点：`,
                    ...textTable(
                      [{ header: '网点编码' }, { header: '网点' }, { header: '在库', align: 'right' }, { header: '今日盘点' }],
                      rows.map((r) => [r.site.code, r.site.name, String(r.onHand), r.today ? `${COUNT_STATUS_LABELS[r.today.status]}（编号 ${r.today.id}）` : '⚠ 未盘点']),
                    ),
                  ].join('\n'),
            );
          }),
      )
      .command(
        'report',
        '盘点对账表：每天每家银行一行，工作日没有已结束的盘点标 ⚠（--csv 表格文件，--out 存为文件）',
        (cc) =>
          cc
            .option('from', { type: 'string', describe: '起始日期 YYYY-MM-DD' })
            .option('to', { type: 'string', describe: '截止日期 YYYY-MM-DD（含）' })
            .option('yesterday', { type: 'boolean', describe: '昨天（中国日期），供每日定时任务打印' })
            .option('csv', { type: 'boolean', default: false, describe: 'CSV（带 BOM，Excel/WPS 可直接打开）' })
            .option('out', { type: 'string', describe: '写入此文件，而不是输出到屏幕' })
            .conflicts('yesterday', ['from', 'to'])
            .check(dateCheck('from'))
            .check(dateCheck('to'))
            .check(usageCheck('请用 --from 和 --to 指定日期，或用 --yesterday。', (a: { from?: string; to?: string; yesterday?: boolean }) => Boolean(a.yesterday) || (a.from !== undefined && a.to !== undefined))),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const yesterday = addCalendarDays(todayInChina(), -1);
            const from = argv.yesterday ? yesterday : argv.from!;
            const to = argv.yesterday ? yesterday : argv.to!;
            const rows = reconciliationReport(ledger, actor, workingCalendar(), { from, to });
            const meta = { site: { code: actor.siteCode, name: actor.siteName }, from, to, printedAt: formatLocalTime(new Date().toISOString()), printedBy: actor.name };
            const format = argv.csv ? 'csv' : 'text';
            const text = argv.csv ? formatCountReportCsv(rows, meta) : formatCountReportText(rows, meta);
            const warnings = rows.filter((r) => r.warning !== null).length;
            const o = out();
            if (argv.out) {
              writeFileSync(argv.out, text, { mode: 0o600 });
              emit(o, { format, from, to, rows: rows.length, warnings, path: argv.out }, () => `盘点对账表（${from} 至 ${to}，${rows.length} 行）已保存到 ${argv.out}`);
            } else if (o.json && argv.csv) emit(o, { format, from, to, rows: rows.length, warnings, text }, () => text);
            else if (o.json) emit(o, { site: meta.site, from, to, rows }, () => text);
            else process.stdout.write(text);
          }),
      )
      .demandCommand(1, '请指定子命令：start、scan、submit、approve、abandon、show、status 或 report'),
  );
}

export function prefabCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('prefab', '预制卡：库存、装入卡盒、作废、销毁（GD 第三十六条、附件9）', (c) =>
    c
      .command(
        'stock',
        '本网点的预制卡：按银行、卡商、批次、箱或卡盒',
        (cc) => cc,
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const rows = prefabStock(ledger, actor);
            emit(out(), rows, () =>
              rows.length === 0
                ? `${actor.siteName}没有预制卡。`
                : [
                    `${actor.siteName}（${actor.siteCode}）预制卡：在库 ${rows.reduce((a, r) => a + r.inStock, 0)} 张，已装入卡盒 ${rows.reduce((a, r) => a + r.loaded, 0)} 张`,
                    '',
                    ...textTable(
                      [{ header: '银行' }, { header: '卡商' }, { header: '批次', min: 8 }, { header: '位置' }, { header: '在库', align: 'right' }, { header: '卡盒内', align: 'right' }],
                      rows.map((r) => [r.bank, r.maker, r.batch ?? '-', r.where, String(r.inStock), String(r.loaded)]),
                    ),
                  ].join('\n'),
            );
          }),
      )
      .command(
        'load <cardnos..>',
        '把预制卡装入制卡机卡盒（同一卡盒只装同一银行、同一卡商的卡）',
        (cc) =>
          cc
            .positional('cardnos', { type: 'string', array: true, demandOption: true, describe: '预制卡号（可多张）' })
            .option('hopper', { type: 'string', demandOption: true, describe: '卡盒名称（如 制卡机1-卡盒1）' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const r = await withSiteDevices(ledger, actor, (devices) =>
              loadHopperAtCounter(ledger, actor, devices, { operationId: randomUUID(), hopper: argv.hopper, cardNos: list(argv.cardnos) }),
            );
            emit(out(), { ...r, hopper: argv.hopper.trim() }, () => `已按扫描顺序把 ${r.loaded} 张预制卡装入卡盒 ${argv.hopper.trim()}（第一张先进卡）。`);
          }),
      )
      .command(
        'unload',
        '把卡盒中的预制卡全部取出放回保管地点（卡盒顺序与台账不符时，卸下后按顺序重新装盒）',
        (cc) =>
          cc
            .option('hopper', { type: 'string', demandOption: true, describe: '卡盒名称' })
            .option('to', { type: 'string', demandOption: true, describe: '放回的保管地点（如 保险柜）' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const r = await withSiteDevices(ledger, actor, (devices) =>
              unloadHopperAtCounter(ledger, actor, devices, { operationId: randomUUID(), hopper: argv.hopper, toPlace: argv.to }),
            );
            emit(out(), { ...r, hopper: argv.hopper.trim() }, () => `已从卡盒 ${argv.hopper.trim()} 取出 ${r.unloaded} 张预制卡，放回 ${argv.to.trim()}。`);
          }),
      )
      .command(
        'spoil <cardno>',
        '作废一张预制卡（打印失败、芯片写入失败、损坏），须写明原因；作废卡保存至销毁',
        (cc) =>
          cc
            .positional('cardno', { type: 'string', demandOption: true, describe: '预制卡号' })
            .option('reason', { type: 'string', demandOption: true, describe: '作废原因' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            spoilBlank(ledger, actor, { operationId: randomUUID(), cardNo: argv.cardno, reason: argv.reason });
            const cardNo = normalizeCardInput(argv.cardno);
            emit(out(), { spoiled: cardNo, reason: argv.reason.trim() }, () => `已作废预制卡 ${cardNo}（${argv.reason.trim()}），请保存至销毁：sbk prefab destroy ${cardNo} --reason 方式 --approver 主管工号`);
          }),
      )
      .command(
        'consume <cardno>',
        '登记一张预制卡已用于即时制卡：制成的社保卡号和持卡人（证件号码在记录中只留掩码）',
        (cc) =>
          cc
            .positional('cardno', { type: 'string', demandOption: true, describe: '用掉的预制卡号' })
            .option('card', { type: 'string', demandOption: true, describe: '制成的社保卡号' })
            .option('holder-name', { type: 'string', demandOption: true, describe: '持卡人姓名' })
            .option('holder-id', { type: 'string', demandOption: true, describe: '持卡人身份证号码' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            consumeBlank(ledger, actor, { operationId: randomUUID(), blankNo: argv.cardno, becameCardNo: argv.card, holderName: argv['holder-name'], holderIdNumber: argv['holder-id'] });
            const cardNo = normalizeCardInput(argv.cardno);
            emit(out(), { consumed: cardNo, card: normalizeCardInput(argv.card) }, () => `已登记预制卡 ${cardNo} 用于即时制卡（制成 ${normalizeCardInput(argv.card)}）。`);
          }),
      )
      .command(
        'destroy <cardnos..>',
        '销毁作废的预制卡：须写明原因和方式，并由一名主管在场复核（密码取自 $SBK_APPROVER_PIN 或提示输入）',
        (cc) =>
          cc
            .positional('cardnos', { type: 'string', array: true, demandOption: true, describe: '作废的预制卡号（可多张）' })
            .option('reason', { type: 'string', demandOption: true, describe: '销毁原因和方式（如：剪角后碎卡）' })
            .option('approver', { type: 'string', demandOption: true, describe: '在场复核主管的工号（不能是本人）' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const pin = await readPin(`复核主管 ${argv.approver} 的密码：`, 'SBK_APPROVER_PIN');
            const approver = authenticateApprover(ledger, actor, argv.approver, pin);
            const cardNos = list(argv.cardnos).map(normalizeCardInput);
            const r = destroySpoiled(ledger, actor, approver, { operationId: randomUUID(), cardNos, reason: argv.reason });
            emit(out(), { ...r, cards: cardNos, approver: approver.login }, () => `已销毁 ${r.destroyed} 张作废的预制卡（复核：${approver.name}）。`);
          }),
      )
      .demandCommand(1, '请指定子命令：stock、load、spoil 或 destroy'),
  );
}
