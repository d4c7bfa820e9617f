/**
 * The ledger itself: `sbk` (the console), `sbk init`, `sbk demo` and `sbk verify`: help texts
 * and what they print.
 */
export const ledgerText = {
  console: {
    describe: '打开控制台',
    demo: '打开演示台账（不存在则先生成）',
    lowBandwidth: '低带宽模式（设置了 SSH_CONNECTION 时默认开启）',
    creatingDemo: (p: { path: string }) => `正在生成演示台账 ${p.path} …\n`,
  },
  init: {
    describe: '建立新台账：指定本市卡管中心（或其下级）网点，并设第一位管理员',
    site: '台账覆盖的网点编码，如 420100（武汉市）',
    siteName: '网点名称：网点编码不在内置目录中时必填（如 --site 440100 --site-name 广州市社保卡管理中心）',
    admin: '管理员工号',
    name: '管理员真实姓名',
    profile: '逾期与回收规则（默认按省份：42 开头为湖北，其余为广东）',
    pinPrompt: (p: { login: string }) => `管理员 ${p.login} 的密码（6-12 位数字）：`,
    done: (p: { path: string; sites: number; name: string; login: string }) => `已建立台账 ${p.path}：${p.sites} 个网点，管理员 ${p.name}（${p.login}）。`,
  },
  demo: {
    describe: '生成演示台账（武汉市，含模拟数据与演示账号）',
    done: (p: { path: string; cards: number; movements: number }) => `已生成演示台账 ${p.path}：${p.cards} 张卡，${p.movements} 条流转记录。`,
    accounts: '演示账号（密码见登录界面）：',
  },
  verify: {
    describe: '核验台账：重放全部流转记录、校验哈希链与当前状态',
    headFile: '记录链头的文件（放在台账之外）：核验时检查上次记下的链头仍在，通过后写入新的链头',
    ok: (p: { movements: number; cards: number }) => `台账核验通过：${p.movements} 条流转记录，${p.cards} 张卡，哈希链完整，当前状态与记录一致。`,
    problems: (p: { count: number }) => `台账核验发现 ${p.count} 处问题：`,
    sealed: (p: { seals: number; tables: number; head: string }) => `封印链：${p.seals} 条封印，${p.tables} 张表内容与封印一致，链头 ${p.head}。`,
    keyed: '封印链的密钥签名已逐条核对。',
    noKey: (p: { path: string }) =>
      `注意：没有读到台账密钥（${p.path}），只核对了哈希：能改写台账又会重算哈希的人可以伪造而不被发现。请以台账所属的服务账户运行 sbk verify。`,
    initHead: '链头文件不存在时新建它（第一次使用 --head-file 时）',
    seal: '核对打印单据上的台账封印（如 1234:3f9a0c12ab34cd56，可重复）：它必须仍在链中且未被改动',
  },
} as const;
