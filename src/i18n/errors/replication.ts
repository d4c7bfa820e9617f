import type { ErrorTextTable } from '../error-text-table.ts';

/** Error messages of replication to PostgreSQL, verify on the server and restore (issue 21). */
export const replicationErrors = {
  REPLICA_UNREACHABLE: (p: { host: string; why: string }) => `连不上副本数据库 ${p.host}（${p.why}）。请检查地址、网络与账户；台账本身不受影响。`,
  REPLICA_OTHER_TARGET: (p: { held: string; target: string }) =>
    `本台账已在同步到 ${p.held}，不能再同步到 ${p.target}：一个台账只有一个副本。要换到新的服务器，请先运行 sbk replicate off，再用新地址运行 sbk replicate（将整库重传）。`,
  REPLICATION_TURNED_OFF: () =>
    '本台账的同步已用 sbk replicate off 停止，同步进程不再运行。要重新开始（整库重传到副本），请运行 sbk replicate --to <地址> --resume。',
  REPLICA_URL_REQUIRED: () => '请用 --to（或 --from）给出副本数据库地址，例如 postgres://sbk@db.example.cn/sbk?sslmode=verify-full。',
  REPLICA_FORK: (p: { seq: number; ledgerId: string }) =>
    `拒绝同步：本台账第 ${p.seq} 号封印与副本中台账 ${p.ledgerId} 的同号封印不同——两边已分叉（台账被复制后两份都有写入，或被改写过）。未合并任何数据；请核查后改用新的台账编号或从副本恢复。`,
  REPLICA_SOURCE_BEHIND: (p: { local: number; replica: number; ledgerId: string }) =>
    `拒绝同步：本台账只到第 ${p.local} 号封印，而副本中台账 ${p.ledgerId} 已到第 ${p.replica} 号——本台账像是从旧备份恢复的。未合并任何数据；请用 sbk restore 从副本恢复。`,
  REPLICA_DIVERGED: (p: { table: string; missing: number }) =>
    `副本与台账不一致：表 ${p.table} 中有 ${p.missing} 行在副本里找不到，本批未写入。请运行 sbk verify --from 核查副本。`,
  REPLICA_LEDGER_UNKNOWN: (p: { ledgerId: string }) => `副本中没有台账 ${p.ledgerId}。`,
  REPLICA_NOT_RESTORABLE: (p: { ledgerId: string }) => `副本中台账 ${p.ledgerId} 还没有完整复制过（缺少结构记录），无法恢复。`,
  RESTORE_TARGET_EXISTS: (p: { path: string }) => `${p.path} 已存在：恢复只写入新文件，请换一个 --db 路径。`,
  RESTORE_KEY_UNREADABLE: (p: { path: string }) => `读不到密钥文件 ${p.path}。`,
  REPLICATION_NOT_SET_UP: () => '本台账还没有开启同步：请先运行 sbk replicate --to 地址。',
  PROVINCE_CITY_UNKNOWN: (p: { city: string; known: string[] }) => `副本中没有城市（台账）“${p.city}”。可选：${p.known.join('、')}。`,
  PROVINCE_NO_LEDGERS: () => '副本数据库中还没有任何台账：请先在各市运行 sbk replicate --to 地址。',
} as const satisfies ErrorTextTable;
