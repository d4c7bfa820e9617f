import type { ErrorTextTable } from '../error-text-table.ts';

/**
 * Error messages raised in src/workflows/ along the custody chain (shipments, recall, stock counts, prefab and instant issuance, operators, settings, sites and devices), by key. A key is the error's code, or `CODE.variant`
 * where one code has several texts. Parameters are typed; rule figures come in as parameters.
 *
 * A code other areas raise too gets a variant named for the workflow (or `custody` when several
 * of these workflows say the same), so no two areas claim the same key.
 */

/** The codes an input check (src/domain: identity numbers, names, card numbers) can fail with. */
const ID_CHECK_CODES = ['ID_DOC_TYPE', 'ID_EMPTY', 'ID_REGION', 'ID_FORMAT', 'ID_DOC_MISMATCH', 'ID_BIRTH_DATE', 'ID_CHECKSUM', 'INPUT_INVALID'] as const;
const NAME_CHECK_CODES = ['NAME_EMPTY', 'NAME_DOT', 'NAME_BRACKET', 'NAME_PINYIN', 'NAME_DIGIT', 'NAME_CHAR', 'NAME_PRIVATE_USE', 'INPUT_INVALID'] as const;
const CARD_NUMBER_CHECK_CODES = ['CARD_NUMBER', 'INPUT_INVALID'] as const;
/** The social security number rule per document (GD Art. 35) and the photo (HB Art. 12). */
const SSN_CHECK_CODES = ['SSN_NOT_ID_NUMBER', 'SSN_REQUIRED', 'SSN_FORMAT'] as const;
const PHOTO_CHECK_CODES = ['PHOTO_EMPTY', 'PHOTO_NOT_IMAGE', 'PHOTO_NOT_JPEG', 'PHOTO_TOO_LARGE', 'INPUT_INVALID'] as const;

type Problem = { problem: string };

/**
 * A failed input check raised as an error keeps the check's own code (what tests and `--json`
 * see) and its words, said of the person concerned: one entry per code, for one use.
 */
function reraised<C extends string, V extends string>(codes: readonly C[], variant: V, render: (p: Problem) => string): Record<`${C}.${V}`, (p: Problem) => string> {
  return Object.fromEntries(codes.map((c) => [`${c}.${variant}`, render])) as Record<`${C}.${V}`, (p: Problem) => string>;
}

type Operator = { readonly name: string; readonly login: string };
/** A site's operators as a message offers them: 陈刚（chengang）、李娟（lijuan）. */
const operatorList = (ops: readonly Operator[]): string => ops.map((o) => `${o.name}（${o.login}）`).join('、') || '无';

/** How a count that is no longer being counted ended up: 盘点 N 已提交 / 已结束 / 已放弃. */
const COUNT_PAST = { submitted: '提交', closed: '结束', abandoned: '放弃' } as const;

export const custodyWorkflowErrors = {
  // Input checks re-raised (instant issuance, consuming a blank, reporting a death).
  ...reraised(ID_CHECK_CODES, 'instantApplicant', (p) => `申请人${p.problem}`),
  ...reraised(SSN_CHECK_CODES, 'instantApplicant', (p) => `申请人${p.problem}`),
  ...reraised(PHOTO_CHECK_CODES, 'instantPhoto', (p) => `申请人${p.problem}`),
  ...reraised(NAME_CHECK_CODES, 'instantName', (p) => p.problem),
  ...reraised(CARD_NUMBER_CHECK_CODES, 'instantCardNo', (p) => p.problem),
  ...reraised(ID_CHECK_CODES, 'consumeHolder', (p) => `持卡人${p.problem}`),
  ...reraised(ID_CHECK_CODES, 'deceasedReport', (p) => p.problem),

  // Said the same by several custody workflows.
  'SITE_OUT_OF_SCOPE.custody': (p: { site: string }) => `网点 ${p.site} 不在您管辖的范围内。`,
  'DATE_INVALID.custody': (p: { date: string }) => `日期 ${p.date} 无效，请用 YYYY-MM-DD。`,
  'PLACE_NOT_FOUND.custody': (p: { name: string }) => `本网点没有保管地点“${p.name}”。`,
  'CARD_NOT_FOUND.custody': (p: { card: string }) => `台账中没有卡号 ${p.card}。`,
  'CARD_NOT_HERE.custody': (p: { card: string }) => `本网点没有卡号 ${p.card}。`,

  // Holiday calendar files (load-calendar.ts).
  'CALENDAR_DATA_INVALID.json': (p: { file: string; problem: string }) => `节假日数据无效：${p.file} 不是有效的 JSON（${p.problem}）。`,
  'CALENDAR_DATA_INVALID.inFile': (p: { message: string; file: string }) => `${p.message}（文件 ${p.file}）`,
  'CALENDAR_DATA_INVALID.yearMismatch': (p: { file: string; fileYear: number; year: number }) =>
    `节假日数据无效：文件 ${p.file} 的文件名是 ${p.fileYear} 年，内容却是 ${p.year} 年。`,
  CALENDAR_DIR_NOT_FOUND: (p: { dir: string }) => `找不到节假日数据目录 ${p.dir}。请检查路径，或不指定该目录只用内置数据。`,

  // Files, stock, settings.
  FILE_NOT_READABLE: (p: { path: string }) => `读不到文件 ${p.path}，请检查路径和权限。`,
  MAKER_FILE_CHANGED: (p: { file: string }) => `文件 ${p.file} 在导入过程中被改动了（前后两次读到的内容不同），什么都没有写入。请等文件复制完成后重新导入。`,
  'SITE_OUT_OF_SCOPE.stock': (p: { site: string }) => `网点 ${p.site} 不在您管辖的范围内，只能查看本网点及下级网点。`,
  SETTING_UNKNOWN: (p: { key: string; known: readonly string[] }) => `没有名为 ${p.key} 的设置。可设置的有：${p.known.join('、')}。`,
  SETTING_INVALID: (p: { label: string; problem: string }) => `${p.label}：${p.problem}。`,

  // Operator accounts (operators.ts).
  OPERATOR_OUT_OF_SCOPE: (p: { name: string }) => `${p.name}不在您管理的范围内（上级网点或更高角色的账号），请由其上级处理。`,
  ROLE_UNKNOWN: () => '角色须为 clerk（经办员）、supervisor（主管）或 admin（管理员）。',
  LOGIN_FORMAT: () => '工号须为 2 至 32 位字母、数字、点、下划线或连字符。',
  'NAME_REQUIRED.operator': () => '请填写操作员的真实姓名（实名制管理）。',
  LOGIN_TAKEN: (p: { login: string }) => `工号 ${p.login} 已存在，请换一个。`,
  OPERATOR_NOT_FOUND: (p: { login: string }) => `没有工号为 ${p.login} 的操作员。`,
  // recover-operator.ts
  RECOVER_NOT_OWNER: (p: { path: string }) => `只有台账文件 ${p.path} 的所有者（服务账号）才能恢复账号。请以该账号运行，或请其他管理员解锁。`,
  RECOVER_ADMIN_ONLY: (p: { login: string }) => `${p.login} 不是管理员：只有管理员账号可由服务账号恢复，其他账号请管理员用 sbk operator unlock 解锁。`,
  'SECOND_OPERATOR_SAME.unlockSelf': () => '不能给自己解锁，请另一名主管操作。',
  'AUTH_FAILED.oldPin': () => '原密码不正确。',

  // Prefab blanks and hoppers (prefab-stock.ts).
  'HOPPER_NOT_FOUND.prefabStock': (p: { name: string }) => `本网点没有名为“${p.name}”的制卡机卡盒。`,
  'CARD_NOT_LOADABLE.prefabStock': (p: { card: string; state: string; finished: boolean }) =>
    `卡 ${p.card} 是“${p.state}”${p.finished ? '的成品卡' : ''}，不能装入卡盒。`,
  'HOPPER_MIXED.prefabStock': (p: { kinds: readonly string[] }) =>
    `同一卡盒只能装同一银行、同一卡商的预制卡（GD 第三十六条），现在会混入：${p.kinds.join('、')}。`,
  'REASON_REQUIRED.prefabSpoil': () => '作废必须写明原因（如：打印失败、芯片写入失败）。',
  'CARD_NOT_HERE.prefabBlank': (p: { card: string }) => `本网点没有预制卡 ${p.card}。`,
  CONSUME_FIELDS: () => '即时制卡须登记制成的社保卡号和持卡人姓名。',
  'HOPPER_EMPTY_LEDGER.unload': (p: { name: string }) => `台账记载卡盒“${p.name}”中没有预制卡。`,

  // Overdue, recall, cancellation (recall.ts).
  // Moves inside a site (transfer.ts): between places, and from one custodian to another.
  'SELECTION_EMPTY.transfer': () => '没有要移交的卡：请用 --card、--box、--from 指定，或用 --hand-over、--back-to-vault。',
  'SELECTION_EMPTY.transferPlace': (p: { place: string }) => `保管地点“${p.place}”中没有可移交的在库卡。`,
  'SELECTION_EMPTY.transferBox': (p: { box: string }) => `卡箱 ${p.box} 在本网点没有可移交的在库卡。`,
  'SELECTION_EMPTY.handOver': (p: { name: string }) => `${p.name}名下没有在库的卡可交接。`,
  'SELECTION_EMPTY.backToVault': () => '柜台没有未发放的在库卡，无需入库。',
  CARD_NOT_TRANSFERABLE: (p: { card: string; state: string }) => `卡 ${p.card} 当前为“${p.state}”，只有在库的卡可以库内移交。`,
  'TRANSFER_NOTHING_CHANGES': (p: { card: string; place: string; custodian: string }) =>
    `卡 ${p.card} 已在“${p.place}”由 ${p.custodian} 保管，移交前后没有变化。`,
  'RECEIVER_NOT_HERE': (p: { name: string; site: string }) => `${p.name} 不是本网点（${p.site}）的操作员，不能接收本网点的卡。`,
  CARD_HELD_BY_OTHER: (p: { card: string; custodian: string }) => `卡 ${p.card} 由 ${p.custodian} 保管，只能由 ${p.custodian} 本人交出。`,
  RECEIVER_REQUIRED: () => '交接班须指明接收人（本网点另一名操作员，并由其输入 PIN）。',
  'SECOND_OPERATOR_SAME.transfer': () => '交出人和接收人不能是同一人。',
  'VAULT_NOT_FOUND': () => '本网点没有保险柜类的保管地点，请用 --to 指明入库地点。',
  'BOX_NOT_HERE.transfer': (p: { box: string }) => `本网点没有箱号为 ${p.box} 的卡箱。`,
  'SELECTION_EMPTY.recall': () => '请指定要回收的卡号。',
  'CARD_NOT_HERE.recall': (p: { card: string; site: string }) => `卡 ${p.card} 不在本网点（${p.site}），须由所在网点回收。`,
  ACTION_NOT_IN_PROFILE: (p: { profile: string; action: string }) => `${p.profile}没有“${p.action}”处理，请按本省规程选择。`,
  'REASON_REQUIRED.recallEnd': (p: { action: string }) => `${p.action}必须写明原因。`,
  'SELECTION_EMPTY.recallEnd': () => '请指定卡号。',
  'CARD_NOT_FOUND.recallEnd': (p: { card: string }) => `本网点及下级没有卡号 ${p.card}。`,
  'HOLDER_NOT_FOUND.recall': () => '台账中没有此证件号码的持卡人。',

  // Holder flags: death, emigration, undeliverable, missing (holder-flags.ts).
  HOLDER_OUT_OF_SCOPE: () => '此持卡人的卡都不在本网点及下级，须由持卡网点的主管登记。',
  'DATE_IN_FUTURE.countReport': (p: { date: string; today: string }) =>
    `对账表的截止日期 ${p.date} 晚于今天（${p.today}）：尚未到来的日子没有盘点可对。请把 --to 设为今天或更早。`,
  'DATE_IN_FUTURE.holderFlag': (p: { date: string; today: string }) => `日期 ${p.date} 晚于今天（${p.today}），不能登记尚未发生的情况。`,
  HOLDER_FLAG_ALREADY_SET: (p: { kind: string; on: string }) => `此持卡人已登记“${p.kind}”（${p.on}）；如有误，先撤销再重新登记。`,
  HOLDER_FLAG_NOT_SET: (p: { kind: string }) => `此持卡人没有有效的“${p.kind}”登记，无需撤销。`,
  'SOURCE_REQUIRED.holderFlag': (p: { kind: string }) => `登记“${p.kind}”须写明信息来源（如 民政比对、公安通报、邮政退件）。`,
  'REASON_REQUIRED.holderUnflag': (p: { kind: string }) => `撤销“${p.kind}”登记须写明原因。`,
  HOLDER_FLAG_KIND_UNKNOWN: (p: { kind: string; choices: readonly string[] }) => `没有“${p.kind}”这种登记，可选：${p.choices.join('、')}。`,

  // Dispatch (shipment-dispatch.ts).
  SHIPMENT_SAME_SITE: () => '不能发给本网点自己，请选择上级或下级网点。',
  SHIPMENT_SITE_OUT_OF_SCOPE: (p: { name: string; code: string }) => `${p.name}（${p.code}）不在本台账管辖范围内（省中心的收发在省卡管系统中办理）。`,
  SHIPMENT_NOT_IN_CHAIN: (p: { name: string; code: string }) =>
    `${p.name}（${p.code}）既不是本网点的下级，也不是上级。成品卡按“省—市—县—网点”逐级分发和回退，不能平级调拨。`,
  'SELECTION_EMPTY.shipmentNotReady': (p: { what: string; states: readonly string[] }) => `${p.what}在本网点没有可发出的卡（须为${p.states.join('或')}）。`,
  BOX_AMBIGUOUS: (p: { label: string; batches: readonly string[] }) =>
    `本网点有 ${p.batches.length} 个批次都有箱号 ${p.label}（${p.batches.join('、')}），请用“批次/箱号”指明。`,
  'BOX_NOT_HERE.shipment': (p: { box: string }) => `本网点没有箱号为 ${p.box} 的卡箱。`,
  'CARD_NOT_HERE.shipment': (p: { card: string; site: string; state: string }) => `卡 ${p.card} 不在本网点，台账记录在 ${p.site}（${p.state}）。`,
  CARD_NOT_DISPATCHABLE: (p: { card: string; state: string }) => `卡 ${p.card} 当前为“${p.state}”，不能发出。`,
  CARD_DEFECTIVE_GOES_UP: (p: { card: string }) => `卡 ${p.card} 不合格，只能退回上级重新制卡（湖北规则第十六条），不能发往下级网点。`,
  'SELECTION_EMPTY.shipment': () => '没有选择任何卡：请指定批次、箱或卡号。',
  CARD_IN_DRAFT: (p: { card: string; shipment: string }) => `卡 ${p.card} 已在待发出的交接单 ${p.shipment} 中；请先发出或撤销该单。`,
  SHIPMENT_METHOD: (p: { methods: readonly { code: string; label: string }[] }) =>
    `发放方式须为：${p.methods.map((m) => `${m.code}（${m.label}）`).join('、')}。`,
  'SHIPMENT_NOT_OURS.send': (p: { number: string; from: string }) => `交接单 ${p.number} 是 ${p.from} 的，只能由发出网点发出。`,
  'SHIPMENT_NOT_OURS.cancel': (p: { number: string; from: string }) => `交接单 ${p.number} 是 ${p.from} 的，只能由发出网点撤销。`,
  SHIPMENT_CANCELLED: (p: { number: string }) => `交接单 ${p.number} 已撤销，不能发出。`,
  'SHIPMENT_NOT_FOUND.dispatch': (p: { number: string }) => `没有交接单 ${p.number}。可用 sbk ship list 查看。`,
  SHIPMENT_ALREADY_SENT: (p: { number: string }) => `交接单 ${p.number} 已发出，不能撤销；请由收方签收后再退回。`,

  // Reading and signing for shipments (shipment-list.ts, shipment-sign-in.ts).
  'SHIPMENT_NOT_FOUND.list': (p: { number: string }) => `没有交接单 ${p.number}，或它与本网点无关。`,
  'SHIPMENT_NOT_FOUND.signIn': (p: { number: string }) => `没有交接单 ${p.number}。请核对交接单号。`,
  SHIPMENT_BLIND: (p: { number: string }) => `交接单 ${p.number} 尚未签收：接收方凭实物清点，提交签收清点之前，台账不向接收方显示卡数和卡片清单。`,
  SHIPMENT_WRONG_SITE: (p: { number: string; toName: string; toCode: string; site: string }) =>
    `交接单 ${p.number} 发往 ${p.toName}（${p.toCode}），只能由该网点签收；本网点是 ${p.site}。`,
  SHIPMENT_NOT_OPEN: (p: { number: string; statusLabel: string }) => `交接单 ${p.number} 当前为“${p.statusLabel}”，不能签收。`,
  SIGNER_REQUIRED: () => '签收必须登记签收人姓名（GD 第十二条）。',
  'NOT_SITE_OPERATOR.signer': (p: { who: string; available: readonly Operator[] }) =>
    `签收人“${p.who}”不是本网点的操作员：签收人须是本网点在岗的操作员，请填工号或从列表中选择。可选：${operatorList(p.available)}。`,
  'NOT_SITE_OPERATOR.custodian': (p: { who: string; available: readonly Operator[] }) =>
    `保管人“${p.who}”不是本网点的操作员：保管人（责任人）须是本网点在岗的操作员，请填工号或从列表中选择。可选：${operatorList(p.available)}。`,
  'NOT_SITE_OPERATOR.signerAmbiguous': (p: { who: string; logins: readonly string[] }) => `本网点有多名操作员叫“${p.who}”，请填签收人的工号（${p.logins.join('、')}）。`,
  'NOT_SITE_OPERATOR.custodianAmbiguous': (p: { who: string; logins: readonly string[] }) => `本网点有多名操作员叫“${p.who}”，请填保管人的工号（${p.logins.join('、')}）。`,
  'NOT_SITE_OPERATOR.signerLocked': (p: Operator) => `${p.name}（${p.login}）的账户已锁定，不能作签收人：请主管先解锁，或换人签收。`,
  'NOT_SITE_OPERATOR.custodianLocked': (p: Operator) => `${p.name}（${p.login}）的账户已锁定，不能作保管人：请主管先解锁，或换人保管。`,
  'PLACE_NOT_FOUND.signIn': (p: { name: string; available: readonly string[] }) =>
    `本网点没有保管地点“${p.name}”。可用的有：${p.available.join('、') || '无'}。`,
  'OPERATION_ID_REUSED.signIn': () => '同一操作编号已用于另一交接单的签收，未做任何更改。请重新发起签收。',
  CARD_NOT_IN_SHIPMENT: (p: { card: string; number: string }) =>
    `卡 ${p.card} 不是交接单 ${p.number} 中待签收的卡（可能已签收，或不在此单中：不在单中的卡请作为“多出”登记）。`,

  // Daily count of blanks (stock-count.ts).
  COUNT_NOT_FOUND: (p: { id: number }) => `没有编号为 ${p.id} 的盘点。`,
  COUNT_OPEN: (p: { id: number }) => `本网点已有未结束的盘点（编号 ${p.id}），请先完成（提交并复核）或放弃。`,
  'COUNT_OTHER_SITE.scan': () => '只能由本网点的操作员盘点本网点的预制卡。',
  'COUNT_OTHER_SITE.submit': () => '只能由本网点的操作员提交本网点的盘点。',
  'COUNT_NOT_OPEN.scan': (p: { id: number; status: keyof typeof COUNT_PAST }) => `盘点 ${p.id} 已${COUNT_PAST[p.status]}，不能再扫描。`,
  'COUNT_NOT_OPEN.submit': (p: { id: number }) => `盘点 ${p.id} 已提交或已结束。`,
  'COUNT_NOT_OPEN.abandon': (p: { id: number }) => `盘点 ${p.id} 已结束。`,
  'COUNT_NOT_OPEN.undo': (p: { id: number; status: keyof typeof COUNT_PAST }) => `盘点 ${p.id} 已${COUNT_PAST[p.status]}，扫描不能再撤销。`,
  COUNT_NOTHING_TO_UNDO: (p: { id: number }) => `盘点 ${p.id} 没有您录入的、可撤销的扫描（别人录入的由其本人撤销）。`,
  COUNT_SCAN_ALREADY_UNDONE: (p: { id: number }) => `盘点 ${p.id} 的这条扫描已被撤销（可能是在另一台终端上），未再撤销别的扫描。`,
  COUNT_NOT_SUBMITTED: (p: { id: number; status: 'counting' | 'closed' | 'abandoned' }) =>
    p.status === 'counting' ? `盘点 ${p.id} 还未提交。` : `盘点 ${p.id} 已${COUNT_PAST[p.status]}。`,
  COUNT_ARITHMETIC: (p: { id: number; banks: readonly string[] }) =>
    `盘点 ${p.id} 的账目不平（${p.banks.join('、')}）：期初 + 入库 − 使用 − 作废 − 调出 ≠ 期末，或实点与期末不符。台账可能被改动，请运行 sbk verify 并联系管理员。`,
  COUNT_REASON_REQUIRED: (p: { n: number; first: string }) => `还有 ${p.n} 处差异没有说明原因（如 ${p.first}），每处差异都须写明原因。`,
  COUNT_APPROVAL_REQUIRED: () => '盘点有差异，须由一名主管复核批准后才能结束。',
  COUNT_CONFIRM_REQUIRED: () => '盘点无差异，也须由另一名人员确认后结束。',
  'SECOND_OPERATOR_SAME.count': () => '复核人不能是盘点人本人。',
  'SECOND_OPERATOR_SCOPE.count': (p: { name: string }) => `${p.name}不属于本网点或其上级，不能复核本网点的盘点。`,
  DATE_RANGE: () => '起始日期晚于结束日期。',
  'REASON_REQUIRED.destroy': () => '销毁必须写明原因和方式（如：剪角后碎卡）。',

  // Instant issuance and its recovery (instant-issuance.ts, instant-recovery.ts).
  'CARD_NUMBER.instantPlaceholder': () => '“*”开头的是预制卡占位号，请填写省卡管系统分配的社保卡号。',
  'CARD_EXISTS.instant': (p: { card: string }) => `卡号 ${p.card} 已在台账中，不能再制一张。`,
  BANK_REQUIRED: () => '请选择申请人的服务银行（GD 第十二条：申请人可自主选择合作银行）。',
  'FACE_PHOTO_MISSING.instant': () => '没有申请人相片：年满7周岁的申请人须提供 JPEG 相片（未满7周岁的不采集相片，广东规程第五条），请采集或导入相片。',
  'FACE_PHOTO_MISSING.birthDate': () => '没有申请人相片，且证件号码中没有出生日期：未满7周岁的申请人可不提供相片，请填写出生日期（YYYY-MM-DD）或提供相片。',
  'BIRTH_DATE_FORMAT.instant': (p: { value: string }) => `出生日期“${p.value}”无效，请用 YYYY-MM-DD。`,
  'HOLDER_DECEASED.instant': () => '台账记载此证件号码的持卡人已身故，不能为其制卡。',
  'HOLDER_NAME_MISMATCH.instant': () => '此证件号码在台账中登记的姓名与所填姓名不同，请核对证件。',
  'HOPPER_NOT_FOUND.instant': (p: { name: string }) => `本网点台账中没有卡盒“${p.name}”：请检查设备配置中的卡盒对应关系。`,
  'PLACE_REQUIRED.instant': () => '本网点没有保管地点（保险柜、卡柜或货架），请先由管理员添加。',
  'OPERATION_ID_REUSED.instant': () => '同一操作编号已用于另一次制卡，未做任何更改。请重新发起操作。',
  INSTANT_UNRESOLVED: (p: { printer: string; jobNo: string }) => `制卡机 ${p.printer} 上还有未完成的制卡任务 ${p.jobNo}：请先处理（即时制卡页面会列出）。`,
  'HOPPER_EMPTY_LEDGER.instant': (p: { name: string }) => `台账记载卡盒“${p.name}”中没有预制卡：请先扫描登记装盒。`,
  HOPPER_WRONG_BANK: (p: { hopper: string; loaded: string; wanted: string }) =>
    `卡盒“${p.hopper}”装的是${p.loaded}的预制卡，申请人的服务银行是${p.wanted}：请选装有该行预制卡的卡盒。`,
  INSTANT_READBACK_MISMATCH: (p: { fields: readonly string[] }) =>
    `写卡后回读核对不符（${p.fields.join('、')}）：此卡已作废，请换下一张卡（湖北省社保卡业务经办规程第十六条：读卡检测不合格的卡不得发放）。`,
  HOPPER_ORDER_MISMATCH: (p: { found: string; expected: string; ejectProblem: string | null }) =>
    `卡盒顺序与台账不符：进卡读到${p.found}，台账的下一张应为 ${p.expected}。此卡已退至废卡口但没有作废；请取出卡盒中的卡，卸盒后按顺序重新扫描装盒。${p.ejectProblem ? `（退卡未成功：${p.ejectProblem}）` : ''}`,
  'CARD_NOT_FOUND.instantBlank': (p: { id: number }) => `台账中没有编号为 ${p.id} 的预制卡。`,
  'PLACE_NOT_FOUND.instantNone': () => '本网点没有保管地点，请先由管理员添加。',
  INSTANT_JOB_NOT_FOUND: (p: { jobNo: string }) => `本网点没有制卡任务 ${p.jobNo}。`,
  INSTANT_JOB_FINISHED: (p: { jobNo: string }) => `制卡任务 ${p.jobNo} 已经处理完毕。`,
  INSTANT_DECISION_REQUIRED: (p: { advice: string; jobNo: string }) => `${p.advice}（任务 ${p.jobNo}）`,
  /** A reader fault that came as a plain error: its own words. */
  'READER_ERROR.instantRecovery': (p: { detail: string }) => p.detail,

  // Devices at the counter (site-devices.ts).
  'DEVICE_NOT_FOUND.usb': (p: { device: string; usb: string; serial: string | null }) =>
    `找不到${p.device}（USB ${p.usb}${p.serial ? ` 序列号 ${p.serial}` : ''}）：请检查 USB 线和电源，或运行 sbk devices 查看连接的设备。`,
  'DEVICE_NOT_FOUND.scanner': (p: { id: string }) => `找不到扫描枪 ${p.id}：请检查 USB 线，或运行 sbk devices 查看连接的设备。`,
  'HID_UNAVAILABLE.devices': (p: { detail: string }) => p.detail,
  DEVICE_OPEN_FAILED: (p: { id: string; detail: string }) => `无法打开设备 ${p.id}：${p.detail}`,
  'DEVICE_ERROR.devices': (p: { detail: string }) => p.detail,
  // site-admin.ts: sites and places kept by administrators
  'NAME_REQUIRED.site': () => '请填写网点名称。',
  'NAME_REQUIRED.place': () => '请填写存放位置的名称（如 保险柜2、柜台1、制卡机1-卡盒1）。',
  SITE_BANK_REQUIRED: () => '银行网点须写明所属银行（--bank）。',
  SITE_RETIRED: (p: { code: string }) => `网点 ${p.code} 已撤销。`,
  SITE_EDIT_NOTHING: () => '没有要修改的内容：请给出 --name、--address、--phone 或 --bank。',
  SITE_RETIRE_OWN: (p: { code: string }) => `不能撤销您本人所在的网点 ${p.code}。`,
  SITE_NOT_EMPTY: (p: { code: string; count: number }) => `网点 ${p.code} 仍保管或待收 ${p.count} 张卡，不能撤销：请先调出或办结（GD 第十二条：保管地点、责任人须落实）。`,
  SITE_HAS_CHILDREN: (p: { code: string; children: readonly string[] }) => `网点 ${p.code} 下还有未撤销的网点：${p.children.join('、')}。`,
  PLACE_KIND_UNKNOWN: (p: { kind: string }) => `未知的存放位置类型“${p.kind}”：可用 vault（保险柜）、drawer（柜台）、hopper（卡盒）、shelf（退回架）、bank（服务银行代保管）。`,
  PLACE_NAME_TAKEN: (p: { site: string; name: string }) => `网点 ${p.site} 已有名为“${p.name}”的存放位置。`,
  PLACE_PRINTER_REQUIRED: () => '卡盒须写明所在制卡机（--printer，与设备配置中的制卡机编号一致）。',
  PLACE_PRINTER_NOT_HOPPER: () => '只有卡盒才属于制卡机：--printer、--hopper-no 只用于 hopper。',
  PLACE_HOPPER_NO: (p: { printer: string }) => `制卡机 ${p.printer} 的卡盒号应为 1-9 且未被占用。`,
  PLACE_HOPPER_TAKEN: (p: { printer: string; hopper: number }) => `制卡机 ${p.printer} 的 ${p.hopper} 号卡盒已登记。`,
  PLACE_NOT_EMPTY: (p: { name: string; count: number }) => `“${p.name}”中还有 ${p.count} 张卡，清空后才能撤销。`,
  // The ways back (remake-list.ts, destruction-handover.ts, take-back.ts): GD Art. 32; HB Art. 16, 33.
  DESTROY_COUNT_MISMATCH: (p: { counted: number; cards: number }) =>
    `清点数 ${p.counted} 张与所选卡数 ${p.cards} 张不符，未登记销毁移交。请重新清点（GD 第三十六条：重要空白证件须清点、两人在场）。`,
  'COUNTERPART_REQUIRED.bankReceiver': () => '请填写服务银行的接收人姓名。',
  'REASON_REQUIRED.destroyHandover': () => '销毁移交必须写明原因（如：换发旧卡、注销卡、读卡不合格）。',
  'SELECTION_EMPTY.destroyHandover': () => '没有要销毁移交的卡：请扫描或指定卡号。',
  'SELECTION_EMPTY.destroyAllEnded': () => '本网点没有待销毁的卡（已注销、已封存、读卡不合格、收回的旧卡或作废的预制卡）。',
  'CARD_NOT_HERE.destroyHandover': (p: { card: string; site: string }) => `卡 ${p.card} 不在本网点，在 ${p.site}：只能移交本网点保管的卡。`,
  'COUNTERPART_REQUIRED.takeBack': () => '请填写交回旧卡的人的姓名。',
  TAKE_BACK_REASON_UNKNOWN: (p: { reason: string }) => `未知的收回原因“${p.reason}”：可用 replacement（换发）、cancellation（注销）、found（拾获）。`,
  'HOLDER_ID_MISMATCH.takeBack': () => '所填证件号码与此卡持卡人不符：请核对交回的卡和证件。',
  'CARD_NO_EMPTY.takeBack': () => '请输入或扫描要收回的卡号。',
  'SELECTION_EMPTY.remakeOrder': () => '请给出已申请重新制卡的卡号。',
  REMAKE_NOT_ON_LIST: (p: { cards: readonly string[] }) => `以下卡不在您的重制清单上（不是读卡不合格的成品卡，或不在本网点及下级），未登记任何申请：${p.cards.join('、')}`,
  REMAKE_REF_INVALID: () => '申请单号最多 40 个字符，只能用字母、数字、汉字和 - _ / . 。',
} as const satisfies ErrorTextTable;
