/**
 * `sbk ship`: shipments (交接单, GD Art. 12 逐级分发与回退) from a script or a terminal without the
 * console: create and send, cancel a draft, sign in (all at once or card by card, with damaged
 * and extra cards), list, show one, and print its hand-over sheet.
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cancelShipment, createShipment, dispatchShipment, sendShipment } from '../../workflows/shipment-dispatch.ts';
import { handoverSheet, listShipments, shipmentDetail, shipmentSummary, type ShipmentSummary } from '../../workflows/shipment-list.ts';
import { signInShipment, startSignIn, type SignInSummary } from '../../workflows/shipment-sign-in.ts';
import { workingCalendar } from '../../workflows/calendar-source.ts';
import { CHOOSABLE_METHODS, METHOD_LABELS, type ShipmentMethod } from '../../domain/shipment.ts';
import { STATE_LABELS, type CardState } from '../../domain/card-states.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { formatHandoverCsv, formatHandoverText } from '../../domain/handover-sheet-format.ts';
import { textTable } from '../../text/text-table.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';

/**
 * A yargs check whose failure main.ts reports as a usage error (exit 2). yargs prints a failed
 * check as the check function's text, so the function carries the Chinese message as its text.
 */
export function usageCheck<A>(message: string, ok: (argv: A) => boolean): (argv: A) => boolean {
  const f = (argv: A) => ok(argv);
  f.toString = () => message;
  return f;
}

const list = (v: readonly (string | number)[] | undefined): string[] => (v ?? []).map((x) => String(x).trim()).filter(Boolean);

/** `CARDNO=REASON`; the reason may be empty (recorded as “未说明”). */
function parseDamaged(raw: string): { cardNo: string; reason: string } | null {
  const eq = raw.indexOf('=');
  if (eq <= 0) return null;
  const cardNo = raw.slice(0, eq).trim();
  return cardNo ? { cardNo, reason: raw.slice(eq + 1).trim() } : null;
}

function age(s: ShipmentSummary): string {
  if (s.ageWorkingDays === null) return '-';
  return `${s.ageWorkingDays} 个工作日${s.late ? ' ⚠超期' : ''}${s.ageBasis && s.ageBasis !== 'official' ? '（估）' : ''}`;
}

function summaryText(r: SignInSummary): string {
  const parts = [`应到 ${r.expected} 张`, `签收 ${r.received} 张`, `损坏 ${r.damaged} 张`, `多出 ${r.extras} 张`, `缺少 ${r.missing} 张`, `仍在途 ${r.outstanding} 张`];
  const lines = [`交接单 ${r.number}${r.replayed ? '（此次签收已登记过，未重复记录）' : ''}：${parts.join('，')}。`];
  if (r.missing > 0) lines.push(`已结单：未到的 ${r.missing} 张已登记为“缺少”差异。`);
  else if (r.outstanding > 0) lines.push(`尚有 ${r.outstanding} 张未签收；到齐后再签收，或用 --close 结单（未到的卡登记为缺少）。`);
  else if (!r.replayed) lines.push('本单已全部签收。');
  if (r.damaged + r.extras + r.missing > 0) lines.push('差异已登记，由主管处理：sbk discrepancy list');
  return lines.join('\n');
}

export function shipCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('ship', '交接单：发出、签收、查看与打印（逐级分发与回退）', (c) =>
    c
      .command(
        'create',
        '按批次、箱或卡号建立交接单（--send 同时发出）',
        (cc) =>
          cc
            .option('to', { type: 'string', demandOption: true, describe: '接收网点编码（上级或下级）' })
            .option('batch', { type: 'array', string: true, describe: '制卡批次（可重复）' })
            .option('box', { type: 'array', string: true, describe: '箱：批次/箱号，或唯一时只写箱号（可重复）' })
            .option('card', { type: 'array', string: true, describe: '社保卡号（可重复）' })
            .option('method', { choices: CHOOSABLE_METHODS as ShipmentMethod[], default: 'staff' as ShipmentMethod, describe: '发放方式' })
            .option('tracking', { type: 'string', describe: '运单号（邮寄、快递）' })
            .option('sender', { type: 'string', describe: '发出人姓名（默认本人）' })
            .option('note', { type: 'string', describe: '备注' })
            .option('send', { type: 'boolean', default: false, describe: '建立后立即发出（同一事务）' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const input = {
              toSiteCode: argv.to,
              select: { batches: list(argv.batch), boxes: list(argv.box), cards: list(argv.card) },
              method: argv.method,
              trackingNo: argv.tracking ?? null,
              senderName: argv.sender ?? null,
              note: argv.note ?? null,
            };
            const r = argv.send ? dispatchShipment(ledger, actor, input) : createShipment(ledger, actor, input);
            emit(out(), { number: r.number, cards: r.cards, to: argv.to, method: argv.method, sent: argv.send }, () =>
              argv.send
                ? `已发出交接单 ${r.number}：${r.cards} 张，${METHOD_LABELS[argv.method]}发往 ${argv.to}。打印交接单：sbk ship sheet ${r.number}`
                : `已建立交接单 ${r.number}：${r.cards} 张，发往 ${argv.to}（待发出）。发出：sbk ship send ${r.number}`,
            );
          }),
      )
      .command(
        'send <id>',
        '发出已建立的交接单：全部卡片一起进入在途',
        (cc) => cc.positional('id', { type: 'string', demandOption: true, describe: '交接单号' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const r = sendShipment(ledger, actor, argv.id);
            emit(out(), r, () => (r.replayed ? `交接单 ${r.number} 已经发出过（${r.cards} 张），未重复发出。` : `已发出交接单 ${r.number}：${r.cards} 张在途。`));
          }),
      )
      .command(
        'cancel <id>',
        '撤销尚未发出的交接单，须写明原因',
        (cc) => cc.positional('id', { type: 'string', demandOption: true, describe: '交接单号' }).option('reason', { type: 'string', demandOption: true, describe: '撤销原因' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            cancelShipment(ledger, actor, argv.id, argv.reason);
            emit(out(), { cancelled: argv.id.trim() }, () => `已撤销交接单 ${argv.id.trim()}。`);
          }),
      )
      .command(
        'receive <id>',
        '签收发往本网点的交接单（--card 逐张，--all 全部；--close 结单，未到的登记为缺少）',
        (cc) =>
          cc
            .positional('id', { type: 'string', demandOption: true, describe: '交接单号' })
            .option('card', { type: 'array', string: true, describe: '签收的卡号（可重复）' })
            .option('all', { type: 'boolean', default: false, describe: '签收全部未签收的卡（不代表结单）' })
            .option('damaged', { type: 'array', string: true, describe: '到货损坏：卡号=原因（可重复）' })
            .option('extra', { type: 'array', string: true, describe: '不在单中的多出卡号（可重复）' })
            .option('close', { type: 'boolean', default: false, describe: '结单：仍未到的卡登记为“缺少”差异' })
            .option('signer', { type: 'string', demandOption: true, describe: '签收人姓名' })
            .option('custodian', { type: 'string', describe: '保管人（责任人）姓名（默认签收人）' })
            .option('place', { type: 'string', describe: '保管地点（默认本网点第一个）' })
            .check(usageCheck('请用 --card 指定签收的卡号，或用 --all 签收全部未签收的卡。', (a: { all?: boolean; card?: unknown[] }) => Boolean(a.all) || list(a.card as string[]).length > 0))
            .check(
              usageCheck('--damaged 须写成“卡号=原因”，如 --damaged C30000001=卡面划伤。', (a: { damaged?: unknown[] }) =>
                list(a.damaged as string[]).every((d) => parseDamaged(d) !== null),
              ),
            ),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const cards = list(argv.card);
            const received = argv.all ? [...new Set([...cards, ...startSignIn(ledger, actor, argv.id).expected.map((e) => e.cardNo)])] : cards;
            const r = signInShipment(ledger, actor, {
              number: argv.id,
              operationId: randomUUID(),
              received,
              damaged: list(argv.damaged).map((d) => parseDamaged(d)!),
              extras: list(argv.extra),
              close: argv.close,
              signer: argv.signer,
              custodian: argv.custodian ?? null,
              placeName: argv.place ?? null,
            });
            emit(out(), r, () => summaryText(r));
          }),
      )
      .command(
        'list',
        '列出交接单：默认发往本网点、尚未签收完的（--outbound 本网点发出的，--all 含已完成）',
        (cc) =>
          cc
            .option('inbound', { type: 'boolean', describe: '发往本网点的（默认）' })
            .option('outbound', { type: 'boolean', describe: '本网点发出的' })
            .conflicts('inbound', 'outbound')
            .option('all', { type: 'boolean', default: false, describe: '含已签收、已结单、已撤销的' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const direction = argv.outbound ? 'outbound' : 'inbound';
            const rows = listShipments(ledger, actor, { direction, includeDone: argv.all }, workingCalendar());
            emit(out(), rows, () => {
              if (rows.length === 0) return direction === 'inbound' ? '没有发往本网点、待签收的交接单。' : '没有本网点发出、未完成的交接单。';
              return textTable(
                [
                  { header: '交接单号', min: Math.max(...rows.map((s) => s.number.length)) },
                  { header: direction === 'inbound' ? '发出单位' : '接收单位' },
                  { header: '方式' },
                  { header: '状态' },
                  { header: '张数', align: 'right' },
                  { header: '未签收', align: 'right' },
                  { header: '在途' },
                ],
                rows.map((s) => [
                  s.number,
                  direction === 'inbound' ? s.from.name : s.to.name,
                  s.methodLabel,
                  s.statusLabel,
                  String(s.cards),
                  String(s.outstanding),
                  age(s),
                ]),
                100,
              ).join('\n');
            });
          }),
      )
      .command(
        'show <id>',
        '查看一张交接单及其卡片',
        (cc) => cc.positional('id', { type: 'string', demandOption: true, describe: '交接单号' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const s = shipmentSummary(ledger, actor, argv.id, workingCalendar());
            const cards = shipmentDetail(ledger, actor, argv.id);
            emit(out(), { ...s, cardList: cards }, () =>
              [
                `交接单 ${s.number}  ${s.statusLabel}`,
                `发出：${s.from.name}（${s.from.code}）  接收：${s.to.name}（${s.to.code}）`,
                `方式：${s.methodLabel}${s.trackingNo ? `  运单号 ${s.trackingNo}` : ''}  发出人 ${s.senderName}  制单 ${s.createdBy}`,
                `建立 ${formatLocalTime(s.createdAt)}  发出 ${s.sentAt ? formatLocalTime(s.sentAt) : '未发出'}${s.ageWorkingDays !== null ? `  在途 ${age(s)}` : ''}`,
                `共 ${s.cards} 张，未签收 ${s.outstanding} 张`,
                '',
                ...textTable(
                  [{ header: '社保卡号', min: Math.max(0, ...cards.map((c) => c.cardNo.length)) }, { header: '批次', min: 8 }, { header: '箱号' }, { header: '状态' }, { header: '签收' }],
                  cards.map((c) => [c.cardNo, c.batch ?? '-', c.box ?? '-', STATE_LABELS[c.state as CardState] ?? c.state, c.outstanding ? '未签收' : '']),
                ),
              ].join('\n'),
            );
          }),
      )
      .command(
        'sheet <id>',
        '打印交接单（纸质签字用；--csv 表格文件，--out 存为文件）',
        (cc) =>
          cc
            .positional('id', { type: 'string', demandOption: true, describe: '交接单号' })
            .option('csv', { type: 'boolean', default: false, describe: 'CSV（带 BOM，Excel/WPS 可直接打开）' })
            .option('out', { type: 'string', describe: '写入此文件，而不是输出到屏幕' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const sheet = handoverSheet(ledger, actor, argv.id);
            const format = argv.csv ? 'csv' : 'text';
            const text = argv.csv ? formatHandoverCsv(sheet) : formatHandoverText(sheet);
            const o = out();
            if (argv.out) {
              // Holders' names: readable by the owner only (HB Art. 42), as the console's exports.
              writeFileSync(argv.out, text, { mode: 0o600 });
              emit(o, { number: sheet.number, format, path: argv.out }, () => `交接单 ${sheet.number} 已保存到 ${argv.out}`);
            } else if (o.json) emit(o, { number: sheet.number, format, text }, () => text);
            else process.stdout.write(text);
          }),
      )
      .demandCommand(1, '请指定子命令：create、send、cancel、receive、list、show 或 sheet'),
  );
}
