/**
 * The console shell's own words: each screen's title (the screen table, the help overlay) and
 * the help overlay's headings. The screens' own labels are in zh-CN.ts.
 */
export const screenTitles = {
  login: '操作员登录',
  home: '主页',
  lookup: '查卡',
  intake: '入库登记',
  checkin: '清点入库',
  shipments: '发运与签收',
  dispatch: '新建发运',
  'sign-in': '签收交接单',
  issuance: '发卡',
  overdue: '逾期与回收',
  settle: '结清集体代领',
  pickup: '新建集体代领',
  count: '预制卡盘点',
  'count-scan': '盘点扫描',
  'count-review': '盘点差异复核',
  'count-report': '盘点对账表',
  'issued-report': '发放台账',
  contact: '待联系',
  instant: '即时制卡',
  'hopper-load': '装入卡盒',
  devices: '设备',
  transfer: '库内移交',
  sites: '网点与库位',
  'not-built': '尚未开通',
} as const;

/** What a screen is for, and what its submitting key does (the top of its `?`/F1 help). */
export type ScreenHelp = { readonly purpose: string; readonly submit: string };

/** One per screen of the screen table (src/ui/screen-table.tsx reads it; a test checks each). */
export const screenHelp = {
  login: { purpose: '用本人工号和密码登录，所有操作都记在登录人名下。', submit: 'Enter：核对工号和密码，正确后进入主页；连续输错 5 次账号被锁定。' },
  home: { purpose: '本网点及下级的库存、待办提醒和功能菜单。', submit: 'Enter 或数字键打开所选功能；在此扫描卡号直接查看该卡。' },
  lookup: { purpose: '查看一张卡的状态、所在网点和保管位置、持卡人及全部流转记录。', submit: 'Enter：按输入或扫描的卡号查询；只查看，不改动台账。' },
  intake: { purpose: '导入制卡厂商的回盘文件，登记将到本网点的卡。', submit: 'Enter 先检查整个文件，有问题只列出、不写入；无问题再按 Enter 导入，卡变为待入库。' },
  checkin: { purpose: '逐张或按箱清点已登记的卡，放入保管位置。', submit: '空行 Enter 并确认：点到的卡入库由您保管；缺少、多出、损坏记为差异，待主管处理。' },
  shipments: { purpose: '发往本网点待签收的交接单，和本网点发出的交接单。', submit: 'Enter 签收所选交接单；N 新建发运；S 保存交接单。' },
  dispatch: { purpose: '把卡发往其他网点：选收件单位，扫描卡号、箱号或批次，填发放方式。', submit: '核对后 Enter：卡变为在途，生成并保存交接单。' },
  'sign-in': { purpose: '盲点签收到达的交接单：清点时不显示应到数量。', submit: 'Ctrl+S 提交点数后才显示应到与差异；Enter 签收并结单，缺少的记为差异；P 部分签收。' },
  issuance: { purpose: '把卡发给持卡人本人或代领人，可先读卡检测。', submit: 'Enter 发放：卡记为已发放，保存发卡回执供签字；读卡不符的卡不发放。' },
  overdue: {
    purpose: '逾期回收、集体代领、待注销、邮寄中；Tab 后：重制清单、收回旧卡、销毁移交。',
    submit: '回收先确认才写入；注销、封存、销毁移交由另一位主管核验；D 签收 T 退回。',
  },
  settle: { purpose: '结清一张集体代领单：逐张记下已交持卡人或退回。', submit: 'Enter 并确认：交出的卡记为已发放，退回的卡回到库存，代领单结清。' },
  pickup: { purpose: '为单位集体代领建单：单位、代领人、证件号码、授权书编号，再扫描卡。', submit: '空行 Enter 并确认：卡交代领人，记为代领中，待结清。' },
  count: { purpose: '今天的预制卡盘点：未盘点、盘点中、待复核或已结束。', submit: 'N 开始盘点；Enter 继续已开始的盘点；R 查看盘点对账表。' },
  'count-scan': { purpose: '盲点预制卡：扫描卡号、箱号（输入实点张数）或卡盒；每次 Enter 立即记入台账。', submit: 'Ctrl+S 并确认：提交盘点，显示应有、实点和差异，进入复核。' },
  'count-review': { purpose: '核对盘点结果，为每个差异填写原因。', submit: '另一位操作员（有差异时为主管）输入工号和密码后结束盘点；差异转为待处理。' },
  contact: {
    purpose: '已到网点未发放的卡，三个工作日内联系领取；电话只显示后四位。',
    submit: 'P 电话、M 短信、U 单位：记录联系；V 显示完整电话（审计）；O 只看过期的。',
  },
  'issued-report': {
    purpose: '一天内本网点及下级的每笔发放：方式、代领人、读卡检测、回执号、经办人，须存签收回执份数，按经办人合计。',
    submit: 'S 保存为文本和 CSV，与签字回执核对；←→ 换一天；只查看，不改动台账。',
  },
  'count-report': { purpose: '最近 7 天每天每个银行的预制卡进出与盘点；工作日没有已结束的盘点标 ⚠。', submit: 'S 保存为文本和 CSV；只查看，不改动台账。' },
  instant: { purpose: '当场为申请人制卡：先处理中断的制卡任务，再填申请人信息。', submit: 'Ctrl+S 开始制卡：用一张预制卡，成功即记为已发放；失败的预制卡作废。' },
  'hopper-load': { purpose: '按出卡顺序把预制卡扫描装入制卡机卡盒，或把卡盒中的卡卸回保管位置。', submit: 'Ctrl+S 按扫描顺序一次登记装盒；卸盒按 Y 确认。' },
  devices: { purpose: '本柜台的制卡机、读卡器和扫描枪及其状态。', submit: 'R 测试读卡，E 测试出卡，G 刷新；I/O/A 模拟卡。不改动台账。' },
  transfer: { purpose: '网点内移动卡：按卡号、箱号或整个库位移到另一库位；交接班把我保管的全部卡交给接班人。', submit: 'Ctrl+S 登记并保存库内移交单；交接班须接收人输入本人密码。' },
  sites: { purpose: '本人可查看的网点，及所选网点的库位、种类和在库张数。', submit: '只查看，不改动台账；增改用命令行 sbk site / sbk place。' },
  'not-built': { purpose: '此功能尚未开通。', submit: '没有可提交的内容，Esc 返回。' },
} as const satisfies Record<keyof typeof screenTitles, ScreenHelp>;

export const helpText = {
  title: '帮助',
  /** `帮助：发卡` */
  titleFor: (screen: string) => `帮助：${screen}`,
  close: 'Esc/?/F1 关闭',
  purposeLabel: '用途：',
  submitLabel: '提交：',
  groups: { local: '本页', navigation: '导航', global: '全局' },
} as const;

export const headerText = {
  /** Who is logged in where, in the header row. */
  operator: (name: string, role: string, site: string) => `${name}（${role}） ${site}`,
} as const;

export const windowText = {
  /** The one line shown instead of the console while the window is below the minimum. */
  tooSmall: (columns: number, rows: number, minColumns: number, minRows: number) => `窗口太小（${columns}×${rows}），请放大到至少 ${minColumns}×${minRows}`,
} as const;
