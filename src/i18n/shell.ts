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
  instant: '即时制卡',
  'hopper-load': '装入卡盒',
  devices: '设备',
  'not-built': '尚未开通',
} as const;

export const helpText = {
  title: '帮助',
  /** `帮助：发卡` */
  titleFor: (screen: string) => `帮助：${screen}`,
  close: 'Esc/? 关闭',
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
