/**
 * Every label the console shows, in one place (key descriptions live in the key registry,
 * which the footer and help read). Card-state and movement labels live with the state machine.
 */
export const zh = {
  app: {
    title: '社保卡库存与发放',
    demoBadge: '演示台账',
    quitTitle: '退出控制台？',
    quitBody: '按 Y 或 Enter 退出，按 N 或 Esc 返回。',
  },
  login: {
    title: '操作员登录',
    login: '工号',
    pin: '密码',
    hint: '实名制管理：请用本人工号登录，所有操作记在您名下。',
    checking: '正在核对…',
    demoAccounts: '演示账号（仅演示台账显示）：',
    empty: '请输入工号和密码。',
  },
  home: {
    stockTitle: (site: string) => `${site}及下级 库存`,
    alertsTitle: '提醒',
    noAlerts: '暂无提醒',
    menuTitle: '功能',
    operator: (name: string, role: string, site: string) => `${name}（${role}）  ${site}`,
    total: (n: number) => `合计 ${n} 张`,
    kindFinished: '成品卡',
    kindPrefab: '预制卡',
  },
  menu: {
    intake: '入库登记',
    shipments: '发运与签收',
    issuance: '发卡',
    recall: '逾期与回收',
    count: '预制卡盘点',
    lookup: '查卡',
    devices: '设备',
  },
  notBuilt: {
    title: (name: string) => `${name}：尚未开通`,
    body: '此功能正在建设中，本版本暂不可用。台账、查卡和命令行（sbk --help）已可使用。',
    back: '按 Esc 返回主页。',
  },
  lookup: {
    title: '查卡',
    prompt: '卡号',
    placeholder: '输入或扫描卡号后按 Enter',
    holder: '持卡人',
    noHolder: '无（预制卡）',
    place: '所在',
    batch: '批次',
    box: '箱/位置',
    bank: '银行',
    history: '流转记录',
    searching: '正在查询…',
    columns: { seq: '序号', at: '时间', type: '操作', state: '状态', site: '去向', operator: '经办' },
  },
  help: { title: '帮助' },
  errors: {
    internal: '程序出错，操作没有完成，台账未改动。请把屏幕内容告诉系统管理员。',
  },
} as const;
