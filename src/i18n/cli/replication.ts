/** `sbk replicate`, `sbk replicate status`, `sbk restore` and `sbk verify --from` (issue 21): help texts and what they print. */
export const replicationText = {
  replicate: {
    describe: '把台账（每条封印及其写入的行）持续同步到 PostgreSQL 副本数据库；status 查看落后多少',
    action: 'status：只查看本台账与副本的链头和落后情况；off：停止同步（副本保留已有内容，再次开启时整库重传）',
    to: '副本数据库地址，如 postgres://sbk@db.example.cn/sbk?sslmode=verify-full（也可用环境变量 SBK_REPLICA_URL；密码请放在 PGPASSWORD 或 ~/.pgpass）',
    once: '追平后即退出（供 cron 使用）；默认一直运行',
    resume: '重新开始已用 sbk replicate off 停止的同步（整库重传）',
    interval: '没有新写入时每隔多少毫秒查看一次台账',
    started: (p: { ledgerId: string; host: string }) => `开始同步台账 ${p.ledgerId} 到 ${p.host}（Ctrl+C 停止）。`,
    shipped: (p: { kind: string; seals: number; rows: number; head: number; ms: number }) =>
      `${p.kind === 'full' ? '全量复制' : '已同步'}：${p.seals} 条封印，${p.rows} 行，副本链头 #${p.head}（${p.ms} 毫秒）`,
    retry: (p: { why: string }) => `副本数据库暂时连不上（${p.why}），稍后自动重试；台账照常可用。`,
    done: (p: { ledgerId: string; head: number; seals: number; rows: number }) => `台账 ${p.ledgerId} 已同步到副本：链头 #${p.head}（本次 ${p.seals} 条封印，${p.rows} 行）。`,
    status: (p: { ledgerId: string; local: number; replica: number; lagSeals: number; lagSeconds: number; outbox: number }) =>
      `台账 ${p.ledgerId}：本地链头 #${p.local}，副本链头 #${p.replica}，落后 ${p.lagSeals} 条封印、${p.lagSeconds} 秒（待发送 ${p.outbox} 行）。`,
    off: (p: { ledgerId: string; target: string; dropped: number }) =>
      `已停止同步台账 ${p.ledgerId}（原副本 ${p.target}）：此后的写入不再保留待发送的行，丢弃了 ${p.dropped} 行尚未发送的内容。副本保留已有内容；再次运行 sbk replicate 会整库重传。`,
    alreadyOff: '本台账没有在同步，无需停止。',
    target: (p: { target: string }) => `副本：${p.target}`,
    refused: (p: { code: string; seq: number | string; at: string }) => `副本曾拒绝本台账的链（${p.code}，封印 #${p.seq}，${p.at}）。`,
  },
  restore: {
    describe: '从 PostgreSQL 副本恢复台账到新文件（灾难恢复）；恢复后自动核验',
    from: '副本数据库地址（也可用环境变量 SBK_REPLICA_URL）',
    ledger: '要恢复的台账编号（sbk replicate status 显示）',
    key: '台账密钥文件（<台账>.key 的副本，含密码盐）：副本数据库里没有它；不给则只能按哈希核验，且操作员密码在放回密钥前无法验证',
    done: (p: { path: string; head: number; rows: number; seals: number }) => `已恢复到 ${p.path}：${p.rows} 行，${p.seals} 条封印，链头 #${p.head}。`,
    noKey: (p: { path: string }) => `注意：没有给出密钥文件，恢复的台账只按哈希核验；请把原台账的密钥文件复制为 ${p.path} 后再启用。`,
  },
  verifyFrom: {
    from: '核验 PostgreSQL 副本中的台账（与 --ledger 一起使用）：在临时文件中重建后做与本地相同的核验',
    ledger: '副本中的台账编号',
    key: '台账密钥文件，用于核对封印签名（给了 --db 时默认用本地台账的密钥）',
    same: (p: { seq: number }) => `本地台账与副本链头一致（#${p.seq}）。`,
    replicaBehind: (p: { local: number; replica: number }) => `副本落后于本地台账：本地 #${p.local}，副本 #${p.replica}（同一条链）。`,
    localBehind: (p: { local: number; replica: number }) => `本地台账落后于副本：本地 #${p.local}，副本 #${p.replica}。`,
    fork: (p: { local: number; replica: number }) => `本地台账与副本已分叉：本地 #${p.local}，副本 #${p.replica}，同号封印不同。`,
  },
} as const;
