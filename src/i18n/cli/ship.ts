/**
 * `sbk ship`: shipments (交接单, GD Art. 12): help texts and what it prints.
 */
import { cliCommon } from './common.ts';

export const shipText = {
  describe: '交接单：发出、签收、查看与打印（逐级分发与回退）',
  demand: '请指定子命令：create、send、cancel、receive、list、show 或 sheet',
  number: '交接单号',
  /** A shipment's time on the road. */
  age: (p: { days: number; late: boolean; estimated: boolean }) => `${p.days} 个工作日${p.late ? ' ⚠超期' : ''}${p.estimated ? cliCommon.estimated : ''}`,
  create: {
    describe: '按批次、箱或卡号建立交接单（--send 同时发出）',
    to: '接收网点编码（上级或下级）',
    batch: '制卡批次（可重复）',
    box: '箱：批次/箱号，或唯一时只写箱号（可重复）',
    method: '发放方式',
    tracking: '运单号（邮寄、快递）',
    sender: '发出人姓名（默认本人）',
    note: '备注',
    send: '建立后立即发出（同一事务）',
    sent: (p: { number: string; cards: number; method: string; to: string }) => `已发出交接单 ${p.number}：${p.cards} 张，${p.method}发往 ${p.to}。打印交接单：sbk ship sheet ${p.number}`,
    created: (p: { number: string; cards: number; to: string }) => `已建立交接单 ${p.number}：${p.cards} 张，发往 ${p.to}（待发出）。发出：sbk ship send ${p.number}`,
  },
  send: {
    describe: '发出已建立的交接单：全部卡片一起进入在途',
    replayed: (p: { number: string; cards: number }) => `交接单 ${p.number} 已经发出过（${p.cards} 张），未重复发出。`,
    sent: (p: { number: string; cards: number }) => `已发出交接单 ${p.number}：${p.cards} 张在途。`,
  },
  cancel: {
    describe: '撤销尚未发出的交接单，须写明原因',
    reason: '撤销原因',
    done: (p: { number: string }) => `已撤销交接单 ${p.number}。`,
  },
  receive: {
    describe: '签收发往本网点的交接单（--card 逐张，--all 全部；--close 结单，未到的登记为缺少）',
    card: '签收的卡号（可重复）',
    all: '签收全部未签收的卡（不代表结单）',
    damaged: '到货损坏：卡号=原因（可重复）',
    extra: '不在单中的多出卡号（可重复）',
    close: '结单：仍未到的卡登记为“缺少”差异',
    signer: '签收人：本网点操作员的工号（或姓名）',
    custodian: '保管人（责任人）：本网点操作员的工号（或姓名），默认签收人',
    cardsRequired: '请用 --card 指定签收的卡号，或用 --all 签收全部未签收的卡。',
    damagedInvalid: '--damaged 须写成“卡号=原因”，如 --damaged C30000001=卡面划伤。',
    summary: (p: { number: string; replayed: boolean; expected: number; received: number; damaged: number; extras: number; missing: number; outstanding: number }) =>
      `交接单 ${p.number}${p.replayed ? '（此次签收已登记过，未重复记录）' : ''}：` +
      `应到 ${p.expected} 张，签收 ${p.received} 张，损坏 ${p.damaged} 张，多出 ${p.extras} 张，缺少 ${p.missing} 张，仍在途 ${p.outstanding} 张。`,
    closedMissing: (p: { missing: number }) => `已结单：未到的 ${p.missing} 张已登记为“缺少”差异。`,
    outstanding: (p: { outstanding: number }) => `尚有 ${p.outstanding} 张未签收；到齐后再签收，或用 --close 结单（未到的卡登记为缺少）。`,
    complete: '本单已全部签收。',
    differences: '差异已登记，由主管处理：sbk discrepancy list',
  },
  list: {
    describe: '列出交接单：默认发往本网点、尚未签收完的（--outbound 本网点发出的，--all 含已完成）',
    inbound: '发往本网点的（默认）',
    outbound: '本网点发出的',
    all: '含已签收、已结单、已撤销的',
    noneInbound: '没有发往本网点、待签收的交接单。',
    noneOutbound: '没有本网点发出、未完成的交接单。',
    columns: { from: '发出单位', to: '接收单位', method: '方式', outstanding: '未签收', age: '在途' },
  },
  show: {
    describe: '查看一张交接单及其卡片',
    head: (p: { number: string; status: string }) => `交接单 ${p.number}  ${p.status}`,
    sites: (p: { from: string; fromCode: string; to: string; toCode: string }) => `发出：${p.from}（${p.fromCode}）  接收：${p.to}（${p.toCode}）`,
    method: (p: { method: string; tracking: string | null; sender: string; createdBy: string }) =>
      `方式：${p.method}${p.tracking ? `  运单号 ${p.tracking}` : ''}  发出人 ${p.sender}  制单 ${p.createdBy}`,
    times: (p: { created: string; sent: string | null; age: string | null }) => `建立 ${p.created}  发出 ${p.sent ?? '未发出'}${p.age !== null ? `  在途 ${p.age}` : ''}`,
    totals: (p: { cards: number; outstanding: number }) => `共 ${p.cards} 张，未签收 ${p.outstanding} 张`,
    blind: '待本网点签收：凭实物清点，提交签收清点之前不显示卡数和卡片清单（sbk ship sign-in）。',
    columns: { box: '箱号', signed: '签收' },
    notSigned: '未签收',
  },
  sheet: {
    describe: '打印交接单（纸质签字用；--csv 表格文件，--out 存为文件）',
    saved: (p: { number: string; path: string }) => `交接单 ${p.number} 已保存到 ${p.path}`,
  },
} as const;
