import type { ErrorTextTable } from '../error-text-table.ts';

type Card = { cardNo: string };
type Discrepancy = { id: number };
/** A card state as the operator reads it (the state machine's label, e.g. “在库”). */
type StateLabel = { state: string };

/** The paperwork fields of a batch pickup, as PICKUP_PAPERS_INCOMPLETE names them. */
const PICKUP_PAPER_FIELDS = { unitCode: '单位编号', contactName: '单位联系人', contactPhone: '联系电话', authFrom: '授权期限起', authTo: '授权期限止' } as const;

const unknownMaker = (maker: string): string => maker || '卡商不明';

/**
 * Error messages raised in src/workflows/ at the counter (intake, check-in, issuance, pickups, discrepancies, alerts, login, demo), by key. A key is the error's code, or `CODE.variant`
 * where one code has several texts. Parameters are typed; rule figures come in as parameters.
 * Codes that other areas raise too (CARD_NOT_FOUND, PLACE_NOT_FOUND, …) are said here under a
 * variant, so each key stays in one area.
 */
export const counterWorkflowErrors = {
  // Login and second operators (authenticate.ts).
  ROLE_REQUIRED: (p: { needed: string; actor: string; role: string }) => `此操作需要“${p.needed}”权限，${p.actor}是“${p.role}”。请有权限的同事操作。`,
  'AUTH_FAILED.login': () => '工号或密码不正确。',
  'AUTH_FAILED.approver': () => '复核人工号或密码不正确。连续输错多次将锁定您本人的账号。',
  'OPERATOR_LOCKED.locked': (p: { login: string }) => `账号 ${p.login} 因连续输错密码已被锁定，请主管用“sbk operator unlock”解锁。`,
  'OPERATOR_LOCKED.approvals': (p: { failures: number; login: string }) =>
    `复核人密码连续输错 ${p.failures} 次，您的账号 ${p.login} 已锁定，请主管或管理员解锁。`,
  'OPERATOR_LOCKED.justNow': (p: { failures: number; login: string }) => `密码连续输错 ${p.failures} 次，账号 ${p.login} 已锁定，请主管解锁。`,
  'SECOND_OPERATOR_SAME.approver': () => '复核人不能是经办人本人，请换另一名主管复核。',
  APPROVER_NOT_SUPERVISOR: (p: { approver: string }) => `${p.approver}不是主管，不能复核此操作。`,
  APPROVER_OUT_OF_SCOPE: (p: { approver: string; approverSite: string; site: string }) =>
    `${p.approver}（${p.approverSite}）不管辖${p.site}，请由本网点或上级的主管复核。`,

  // A new ledger (init-ledger.ts).
  'NAME_REQUIRED.admin': () => '请填写管理员的真实姓名（实名制管理）。',
  'SITE_NOT_FOUND.init': (p: { code: string }) => `目录中没有编码为 ${p.code} 的网点。市级卡管中心用 6 位行政区划代码，例如武汉市为 420100；目录外的地区请同时给出网点名称，如 sbk init --site 440100 --site-name 广州市社保卡管理中心。`,
  'LEDGER_EXISTS.init': (p: { path: string }) => `台账 ${p.path} 已经建立，不能重复初始化。`,

  // Intake: a maker's file, check-in, the batch register.
  'SITE_OUT_OF_SCOPE.intake': (p: { site: string }) => `网点 ${p.site} 不在您管辖的范围内，不能为其入库。`,
  'PLACE_NOT_FOUND.counter': (p: { place: string }) => `本网点没有保管地点“${p.place}”。`,
  'PLACE_NOT_FOUND.named': (p: { place: string; available: readonly string[] }) =>
    `本网点没有名为“${p.place}”的保管地点。可用的有：${p.available.join('、') || '无'}。`,
  'PLACE_NOT_FOUND.none': () => '本网点还没有保管地点，请管理员先设置。',
  NOTHING_TO_CHECK_IN: (p: { batch: string }) => `本网点没有批次 ${p.batch} 的待入库卡片。请先导入制卡数据文件。`,
  CHECKIN_STALE: (p: Card) => `卡 ${p.cardNo} 已不在本批待入库清单中（可能已由他人清点入库）。请重新开始清点此批次。`,
  BATCH_NOT_FOUND: (p: { batch: string }) => `台账中没有制卡批次 ${p.batch}。`,
  // GD Annex 9 一(一) 第5步: the cards go to the city body the file names.
  MAKER_FILE_OTHER_CITY: (p: { file: string; cityBody: string; city: string; code: string }) =>
    `文件 ${p.file} 是发给“${p.cityBody}”的，不是本网点所属的${p.city}（${p.code}），未导入。请核对是否送错；确需在本台账登记，命令行加 --other-city，控制台按 Y 确认。`,
  BATCH_NOT_HERE: (p: { batch: string; elsewhere: number }) => `批次 ${p.batch} 的卡都不在本网点及下级（共 ${p.elsewhere} 张在其他网点）。`,

  // Discrepancies (check-in.ts, discrepancy-resolve.ts).
  'REASON_REQUIRED.closeDiscrepancy': () => '关闭差异必须填写原因。',
  'REASON_REQUIRED.declareLost': () => '确认丢失必须写明原因（经过、已查找的范围）。',
  DISCREPANCY_NOT_FOUND: (p: Discrepancy) => `没有编号为 ${p.id} 的差异记录。`,
  DISCREPANCY_CLOSED: (p: Discrepancy) => `差异 ${p.id} 已经关闭。`,
  DISCREPANCY_NOT_MISSING: (p: Discrepancy) => `差异 ${p.id} 不是“缺少”类差异；多出或损坏的差异由主管核实后填写原因关闭。`,
  DISCREPANCY_OTHER_SITE: (p: Discrepancy) => `差异 ${p.id} 属于另一网点，须由该网点找回签收。`,
  DISCREPANCY_CARD_MOVED: (p: Card & StateLabel) => `卡 ${p.cardNo} 当前为“${p.state}”，已不在途，请核实后由主管关闭此差异。`,

  // Finding a card at the counter (card-lookup.ts, issue-card.ts, issue-desk.ts).
  CARD_NO_EMPTY: () => '请输入或扫描卡号。',
  QUERY_EMPTY: () => '请扫描卡号，或输入持卡人身份证号码或姓名。',
  'CARD_NOT_FOUND.counter': (p: Card) => `台账中没有卡号 ${p.cardNo}。`,
  'CARD_NOT_FOUND.lookup': (p: Card) => `台账中没有卡号 ${p.cardNo}。请核对卡号；若是新到的卡，请先入库登记。`,
  'CARD_NOT_FOUND.cardOrBatch': (p: Card & { batch: string }) => `台账中没有卡号 ${p.cardNo}，本网点也没有批次 ${p.batch} 的卡。`,
  'CARD_NOT_HERE.counter': (p: Card) => `卡 ${p.cardNo} 不在本网点。`,
  'HOLDER_NOT_FOUND.issueById': () => '台账中没有此证件号码持卡人的卡。',
  'HOLDER_NOT_FOUND.issueByName': (p: { name: string }) => `本网点及下级没有持卡人“${p.name}”的卡。`,

  // Issuing a card (issue-card.ts): why it cannot be handed over here and now.
  'CARD_NOT_ISSUABLE.prefab': () => '预制卡不能直接发放，须即时制卡。',
  'CARD_NOT_ISSUABLE.elsewhere': (p: { site: string } & StateLabel) => `此卡在 ${p.site}（${p.state}），不在本网点。`,
  'CARD_NOT_ISSUABLE.agentHeld': () => '此卡已由单位代领，请在“集体代领”中登记转交。',
  'CARD_NOT_ISSUABLE.state': (p: StateLabel) => `此卡当前为“${p.state}”，不能发放。`,
  'CARD_NOT_ISSUABLE.deceased': () => '持卡人已登记死亡，此卡须回收注销，不能发放。',
  'CARD_NOT_ISSUABLE.replaced': () => '持卡人已领取更新的社保卡，此旧卡须回收注销，不能发放。',
  'CARD_NOT_ISSUABLE.secondIssueExpired': (p: { months: number; until: string }) =>
    `此卡回收后已超过 ${p.months} 个月的二次发放期限（至 ${p.until}），须注销。`,
  'OPERATION_ID_REUSED.issue': () => '同一操作编号已用于另一张卡，未做任何更改。请重新发起操作。',
  HOLDER_ID_MISMATCH: () => '所出示的持卡人证件号码与此卡持卡人不符，不能发放。请核对证件。',
  AGENT_REQUIRED: () => '代领须登记代领人姓名、证件号码及与持卡人的关系（GD 第三十三条：核验持卡人和代办人的有效身份证明）。',
  AGENT_IS_HOLDER: () => '代领人证件号码与持卡人相同：本人领取请选择“本人”。',

  // Collective pickups (agent-pickup.ts, issue-desk.ts).
  PICKUP_FIELDS: () => '集体代领须登记单位名称、代领人姓名和授权书编号（GD 第十五条）。',
  'SELECTION_EMPTY.pickupEntry': () => '请扫描卡号或输入批次号。',
  'SELECTION_EMPTY.pickupBatch': (p: { batch: string }) => `批次 ${p.batch} 在本网点没有在库的成品卡。`,
  'SELECTION_EMPTY.pickupNone': () => '没有选择任何卡：请指定批次或卡号。',
  'SELECTION_EMPTY.settle': () => '请登记已转交或退回的卡。',
  'CARD_NOT_HERE.pickup': (p: Card & { site: string }) => `卡 ${p.cardNo} 不在本网点（${p.site}）。`,
  'CARD_NOT_HERE.otherPickup': (p: Card) => `卡 ${p.cardNo} 属于另一网点的代领单。`,
  CARD_NOT_IN_STOCK: (p: Card & StateLabel) => `卡 ${p.cardNo} 当前为“${p.state}”，不能代领。`,
  'CARD_NOT_IN_STOCK.prefab': (p: Card) => `卡 ${p.cardNo} 是预制卡，不能代领。`,
  CARD_NOT_IN_PICKUP: (p: Card & { pickup: string }) => `卡 ${p.cardNo} 不在代领单 ${p.pickup} 中未结清的卡里。`,
  SETTLE_CONFLICT: (p: Card) => `卡 ${p.cardNo} 只能登记一种结果（本人签收、单位代签或未领退回）。`,
  'HOLDER_DECEASED.pickup': (p: Card) => `卡 ${p.cardNo} 的持卡人已登记死亡，不能登记为已转交；请登记退回并回收。`,

  // A batch pickup's paperwork (pickup-paperwork.ts; GD Art. 15, Annex 4).
  PICKUP_PAPERS_INCOMPLETE: (p: { missing: string }) =>
    `批量领取的单位委托须一并登记：${p.missing
      .split(', ')
      .map((k) => PICKUP_PAPER_FIELDS[k as keyof typeof PICKUP_PAPER_FIELDS] ?? k)
      .join('、')}未填写（GD 第十五条、附件4）。`,
  PICKUP_UNIT_CODE_INVALID: (p: { code: string }) => `单位编号 ${p.code} 无效：只能是字母、数字和连字符，至多 30 位（统一社会信用代码或 SBK2 文件中的单位编号）。`,
  PICKUP_PHONE_INVALID: () => '联系电话无效：请填写 11 位手机号码或带区号的固定电话。',
  'DATE_INVALID.pickupAuth': (p: { date: string }) => `授权期限日期 ${p.date} 无效，请用 YYYY-MM-DD。`,
  'PERIOD_REVERSED.pickupAuth': (p: { from: string; to: string }) => `授权期限起始日期 ${p.from} 晚于截止日期 ${p.to}。`,
  PICKUP_AUTH_NOT_YET: (p: { from: string; date: string }) => `单位授权委托书自 ${p.from} 起生效，领取日 ${p.date} 尚未生效，不能领取。`,
  PICKUP_AUTH_EXPIRED: (p: { to: string; date: string }) => `单位授权委托书已于 ${p.to} 到期，领取日 ${p.date} 已过授权期限，不能领取。`,
  PICKUP_UNIT_MISMATCH: (p: { unitCode: string; cards: readonly { cardNo: string; applicationUnitCode: string | null }[] }) =>
    [
      `${p.cards.length} 张卡的申领单位与领取单位 ${p.unitCode} 不符（GD 第十五条：对照批量业务申请表分拣），未登记领取：`,
      ...p.cards.map((c) => `  卡 ${c.cardNo}：申领单位 ${c.applicationUnitCode ?? '未填写'}`),
    ].join('\n'),
  PICKUP_NOT_FOUND: (p: { ref: string }) => `代领单 ${p.ref} 不存在，或不在本网点及下级。`,

  // Loading blanks into a hopper at the counter (hopper-loading.ts).
  'CARD_NOT_HERE.scan': (p: Card) => `本网点没有卡号 ${p.cardNo}。`,
  'CARD_NOT_LOADABLE.scan': (p: Card & StateLabel & { finished: boolean }) =>
    `卡 ${p.cardNo} 是“${p.state}”${p.finished ? '的成品卡' : ''}，不能装入卡盒。`,
  'HOPPER_MIXED.scan': (p: Card & { bank: string; maker: string; holdsBank: string; holdsMaker: string }) =>
    `卡 ${p.cardNo} 是${p.bank}（${unknownMaker(p.maker)}）的预制卡，此卡盒只能装${p.holdsBank}（${unknownMaker(p.holdsMaker)}）的：不同银行、不同卡商的预制卡要分开（GD 第三十六条）。`,

  // The issuance ledger (issuance-ledger.ts) and mail delivery (mail-delivery.ts).
  'PERIOD_REVERSED.issued': (p: { from: string; to: string }) => `起始日期 ${p.from} 晚于截止日期 ${p.to}。`,
  MAIL_FIELDS: () => '邮寄须填写收件地址、邮寄公司和运单号。',
  MAIL_FIELD_TOO_LONG: (p: { field: string; max: number }) => `${p.field}太长（最多 ${p.max} 个字）。`,
  MAIL_CODE_REQUIRED: () => '请填写持卡人签收时的短信取件码或签收凭证号。',
  CARD_NOT_MAILED: (p: Card & StateLabel) => `卡 ${p.cardNo} 是“${p.state}”，不在邮寄途中。`,
  'CARD_NOT_HERE.mail': (p: Card) => `卡 ${p.cardNo} 不是本网点寄出的，请由寄出网点登记。`,
  // The simulated card on a simulated reader (reader-slots.ts, simulated-card-slot.ts, read-check.ts).
  SIM_READER_STATE: (p: { file: string }) => `模拟读卡器的状态文件内容不对：${p.file}。请删除该文件（读卡器上的模拟卡会被取下）。`,
  SIM_READER_NONE: () => '本网点没有模拟读卡器：只能在模拟读卡器上放模拟卡（devices.json 中 transport 为 "simulator" 的读卡器）。',
  SIM_READER_REAL: (p: { reader: string }) => `读卡器“${p.reader}”是真实设备：请把卡放到读卡器上，不能放模拟卡。`,
  'READ_CHECK_OTHER_CARD.blank': (p: { expected: string }) => `读卡器上的卡不是要发放的卡 ${p.expected}：芯片中没有卡号（未制作的空白卡？）。请放上要发放的卡后重试。`,
  'READ_CHECK_OTHER_CARD.card': (p: { expected: string; found: string }) => `读卡器上是另一张卡（卡号 ${p.found}），不是要发放的卡 ${p.expected}：请放上要发放的卡后重试。`,
  // Contact within three working days (contact-list.ts, HB Art. 14).
  CONTACT_CARD_NOT_WAITING: (p: Card) => `卡 ${p.cardNo} 不在待联系名单上：只有已到网点、在库未发放、且在您管辖范围内的成品卡需要联系。`,
  CONTACT_CHANNEL: (p: { channel: string }) => `联系方式“${p.channel}”无效，应为 phone（电话）、sms（短信）或 unit（通知单位）。`,
  CONTACT_RESULT_TOO_LONG: (p: { max: number }) => `联系结果太长（最多 ${p.max} 个字）。`,
} as const satisfies ErrorTextTable;
