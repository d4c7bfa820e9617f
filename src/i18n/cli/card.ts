/**
 * `sbk card` (one card and its history) and `sbk stock` (counts by kind and state): help texts
 * and what they print.
 */
export const cardText = {
  describe: '查询一张卡：状态、所在网点与地点、持卡人（已脱敏）、全部流转记录',
  head: (p: { cardNo: string; kind: string; state: string }) => `卡号 ${p.cardNo}（${p.kind}）  状态：${p.state}`,
  place: (p: { site: string; code: string; place: string | null }) => `所在：${p.site}（${p.code}）${p.place ? ` / ${p.place}` : ''}`,
  batch: (p: { batch: string; box: string; position: string; bank: string }) => `批次 ${p.batch}  箱 ${p.box}  位置 ${p.position}  ${p.bank}`,
  holder: (p: { name: string; idNumber: string; idTypeLabel?: string }) => `持卡人 ${p.name}  ${p.idTypeLabel || '证件'} ${p.idNumber}`,
  noHolder: '持卡人：无（预制卡）',
  history: '流转记录：',
  movement: (p: { seq: string; at: string; type: string; state: string; to: string; place: string | null; operator: string; counterpart: string | null; reason: string | null }) =>
    `  ${p.seq}  ${p.at}  ${p.type}  → ${p.state}  ${p.to}${p.place ? '/' + p.place : ''}  经办 ${p.operator}${p.counterpart ? `  对方 ${p.counterpart}` : ''}${p.reason ? `  原因 ${p.reason}` : ''}`,
  stock: {
    describe: '库存：按卡类和状态统计（默认本网点及下级）',
    site: '网点编码（默认本人所属网点）',
    only: '只统计该网点本身，不含下级',
    head: (p: { site: string; code: string; withSubSites: boolean; total: number }) => `${p.site}（${p.code}）${p.withSubSites ? '及下级' : ''}：共 ${p.total} 张`,
  },
} as const;
