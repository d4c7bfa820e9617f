/**
 * `sbk count`: the daily count of prefab blanks (GD Art. 36): help texts and what it prints.
 */
export const countText = {
  describe: '预制卡每日盘点：开始、盲扫、提交、复核结束、对账表（GD 第三十六条）',
  demand: '请指定子命令：start、scan、undo、submit、approve、abandon、show、status 或 report',
  id: '盘点编号',
  idInvalid: '盘点编号须是正整数，如 sbk count show 12。',
  statusLabels: { counting: '盘点中', submitted: '已提交，待复核', closed: '已结束', abandoned: '已放弃' },
  blind: '盲盘：提交前不显示应有数量。',
  start: {
    describe: '开始本网点的盘点（默认全部银行；--bank 只盘一家银行的预制卡）',
    bank: '只盘这家银行的预制卡（如 中国工商银行）',
    allBanks: '全部银行',
    started: (p: { id: number; site: string; bank: string }) => `已开始盘点 ${p.id}（${p.site}，${p.bank}）。`,
    howTo: (p: { id: number }) => `扫描：sbk count scan ${p.id} 箱号=张数 @卡盒名=张数 卡号 …；点完后提交：sbk count submit ${p.id}`,
  },
  scan: {
    describe: '记录扫描：卡号一张；“批次/箱号=张数”或“箱号=张数”整箱；“@卡盒名=张数”制卡机卡盒（只显示已点张数）',
    codes: '卡号、箱号=张数、@卡盒名=张数（可多个）',
    recorded: (p: { scans: number; counted: number }) => `已记录 ${p.scans} 条扫描；本次盘点已点 ${p.counted} 张。`,
  },
  undo: {
    describe: '撤销本人录入的最后一条扫描（追加一条撤销记录，原扫描不删除、不再计入）；再次执行撤销前一条；同一盘点中别人录入的扫描不受影响',
    done: (p: { what: string; counted: number }) => `已撤销：${p.what}；本次盘点已点 ${p.counted} 张。`,
    card: (p: { code: string }) => `卡 ${p.code}`,
    quantity: (p: { code: string; quantity: number }) => `${p.code}=${p.quantity}`,
  },
  submit: {
    describe: '提交盘点：此后才显示各银行的账目（期初、入库、使用、作废、调出、期末）与差异',
    nextClean: (p: { id: number }) => `结束盘点须另一名人员确认（其密码取自 $SBK_APPROVER_PIN 或提示输入）：\n  sbk count approve ${p.id} --confirm 工号`,
    nextVariance: (p: { id: number }) => `结束盘点须逐处写明原因（每处差异一条 --reason）并由主管复核：\n  sbk count approve ${p.id} --reason 卡号=原因 … --approver 主管工号`,
  },
  approve: {
    describe:
      '结束已提交的盘点：有差异时每处 --reason 卡号=原因，并由主管 --approver 复核；无差异时由另一名人员 --confirm 确认（密码取自 $SBK_APPROVER_PIN 或提示输入）',
    reason: '差异原因：卡号=原因（每处差异一条，可重复）',
    approver: '复核主管的工号（有差异时；不能是本人）',
    confirm: '确认人的工号（无差异时；另一名操作员）',
    reasonInvalid: '--reason 须写成“卡号=原因”，如 --reason Y10000012=保险柜内未找到。',
    closedWithVariances: (p: { id: number; variances: number; approver: string }) =>
      `盘点 ${p.id} 已结束：${p.variances} 处差异已写明原因（复核：${p.approver}），已登记为待处理差异：sbk discrepancy list`,
    closedClean: (p: { id: number; confirmer: string }) => `盘点 ${p.id} 已结束：账实相符（确认：${p.confirmer}）。`,
  },
  abandon: {
    describe: '放弃一次未结束的盘点，须写明原因（之后可重新开始）',
    reason: '放弃原因',
    done: (p: { id: number }) => `已放弃盘点 ${p.id}。`,
  },
  show: {
    describe: '查看一次盘点（提交前只显示扫描条数，提交后显示账目与差异）',
    head: (p: { id: number; status: string }) => `盘点 ${p.id}  ${p.status}`,
    site: (p: { code: string; name: string; bank: string }) => `网点：${p.code} ${p.name}  银行：${p.bank}`,
    allBanks: '全部',
    started: (p: { at: string; by: string; scans: number }) => `开始 ${p.at} ${p.by}  扫描 ${p.scans} 条`,
    submitted: (p: { at: string }) => `提交 ${p.at}`,
    closed: (p: { at: string; by: string }) => `结束 ${p.at} ${p.by}`,
    noPrefab: '没有预制卡。',
    variances: '差异：',
    columns: { cardNo: '卡号', box: '箱或卡盒' },
    noReason: '（未说明）',
    noVariance: '无差异。',
  },
  status: {
    describe: '今日盘点情况：本网点及下级有预制卡的网点，今天是否已盘点',
    none: '本网点及下级没有预制卡。',
    head: (p: { today: string }) => `今日（${p.today}）预制卡盘点：`,
    columns: { today: '今日盘点' },
    counted: (p: { status: string; id: number }) => `${p.status}（编号 ${p.id}）`,
    notCounted: '⚠ 未盘点',
  },
  report: {
    describe: '盘点对账表：每天每家银行一行，工作日没有已结束的盘点标 ⚠（--csv 表格文件，--out 存为文件）',
    to: '截止日期 YYYY-MM-DD（含）',
    yesterday: '昨天（中国日期），供每日定时任务打印',
    periodRequired: '请用 --from 和 --to 指定日期，或用 --yesterday。',
    saved: (p: { from: string; to: string; rows: number; path: string }) => `盘点对账表（${p.from} 至 ${p.to}，${p.rows} 行）已保存到 ${p.path}`,
  },
} as const;
