/**
 * 批量领取清单 (GD Art. 15 二: 双方清点数量并签字确认; Annex 3 批量业务申请表, Annex 4 单位授权委托书):
 * the printable list of one batch pickup (src/domain/pickup-sheet-format.ts). Labels end with
 * the colon they are printed with.
 */
const SIGN_BLANK = '________________';
const DATE_BLANK = '日期：____年__月__日';

export const pickupSheetText = {
  title: '社会保障卡批量领取清单',
  ref: '代领单号：',
  office: '发放网点：',
  at: '领取时间：',
  unit: '领取单位：',
  contact: '单位联系人：',
  phone: '联系电话：',
  authorisation: '单位授权委托书：',
  period: '授权期限：',
  periodValue: (p: { from: string; to: string }) => `${p.from} 至 ${p.to}`,
  agent: '授权经办人：',
  agentId: '经办人证件：',
  operator: '发放经办人：',
  none: '—',
  noPapers: '（未登记单位委托信息）',
  columns: { no: '序号', name: '姓名', idNumber: '证件号码', cardNo: '社保卡号', bank: '服务银行', sign: '持卡人签收' },
  outcomes: { holder_signed: '本人签收', unit_signed: '单位代签', not_received: '未领退回' },
  total: (p: { cards: number }) => `合计：${p.cards} 张（双方当面清点数量）`,
  settled: (p: { holder: number; unit: number; back: number; open: number }) => `已结清：本人签收 ${p.holder} 张，单位代签 ${p.unit} 张，未领退回 ${p.back} 张；未结清 ${p.open} 张`,
  basis: '依据《广东省社会保障卡业务经办规程》第十五条（双方清点数量并签字确认，做好持卡人签收记录）、《湖北省社会保障卡业务经办规程》第七条（单位委托书）：未发放到人的卡交还网点。',
  signOffice: `发放经办人（签字）：${SIGN_BLANK}`,
  signUnit: `领取单位经办人（签字）：${SIGN_BLANK}`,
  signDate: DATE_BLANK,
  csv: { section: '项目', value: '内容', signOffice: '发放经办人签字', signUnit: '领取单位经办人签字', date: '日期' },
  /** A label as a CSV cell: without its colon. */
  csvLabel: (label: string) => label.replace(/：$/, ''),
  file: (p: { ref: string }) => `批量领取清单-${p.ref}.txt`,
} as const;
