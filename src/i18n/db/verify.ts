/**
 * The problems `sbk verify` reports (db/verify-ledger.ts), by key: the problem's code, or
 * `CODE.variant` where one code is said in several ways (the report shows the code).
 */
export const verifyProblemTexts = {
  SQLITE_INTEGRITY: (p: { detail: string }) => `SQLite 完整性检查：${p.detail}`,
  FOREIGN_KEY: (p: { table: string; rowid: number; parent: string }) => `表 ${p.table} 第 ${p.rowid} 行引用的 ${p.parent} 不存在`,
  GUARD_MISSING: (p: { trigger: string }) => `只增不改保护触发器 ${p.trigger} 被删除了，台账可能被人绕过程序修改。`,
  SEQUENCE_GAP: (p: { from: number; to: number }) => `流转记录编号不连续：缺少第 ${p.from}${p.to > p.from ? `-${p.to}` : ''} 条（有记录被删除）。`,
  CHAIN_BROKEN: (p: { id: number }) => `第 ${p.id} 条流转记录的前序哈希与上一条不符（前面的记录被改动或删除）。`,
  HASH_MISMATCH: (p: { id: number; cardNo: string }) =>
    `第 ${p.id} 条流转记录（卡 ${p.cardNo}）的内容与哈希不符：该记录或该卡的身份信息（识别码、银行卡号、持卡人）被改动过。`,
  HEAD_CHANGED: (p: { id: number }) => `第 ${p.id} 条流转记录与上次核验时记下的不同：此后的记录被改写过。`,
  TIME_BACKWARDS: (p: { id: number; at: string; before: string }) => `第 ${p.id} 条流转记录的时间早于前一条（${p.at} < ${p.before}）。`,
  FROM_STATE_MISMATCH: (p: { id: number; cardNo: string; recorded: string; replayed: string }) =>
    `第 ${p.id} 条记录称卡 ${p.cardNo} 原状态为 ${p.recorded}，按记录推算应为 ${p.replayed}。`,
  FROM_PLACE_MISMATCH: (p: { id: number; cardNo: string }) => `第 ${p.id} 条记录的来源网点/地点与卡 ${p.cardNo} 的上一条去向不符。`,
  ILLEGAL_TRANSITION: (p: { id: number; cardNo: string; type: string; from: string; to: string }) =>
    `第 ${p.id} 条记录（卡 ${p.cardNo}，${p.type}：${p.from} → ${p.to}）不是允许的状态变化。`,
  APPROVAL_MISSING: (p: { id: number; cardNo: string; type: string }) => `第 ${p.id} 条记录（卡 ${p.cardNo}，${p.type}）缺少另一名主管的复核。`,
  HEAD_MISSING: (p: { head: number; last: number }) => `上次核验时台账已有第 ${p.head} 条流转记录，现在只到第 ${p.last} 条：最新的记录被删除了。`,
  OPERATION_INCOMPLETE: (p: { operation: string; recorded: number; found: number }) =>
    `操作 ${p.operation} 登记了 ${p.recorded} 条流转记录，台账中只有 ${p.found} 条。`,
  DISPATCH_WITHOUT_SHIPMENT: (p: { id: number; cardNo: string; shipment: string | null }) =>
    `第 ${p.id} 条记录发出卡 ${p.cardNo}，但交接单 ${p.shipment ?? '（无）'} 中没有这张卡或收发网点不符。`,
  SHIPMENT_CARD_NOT_SENT: (p: { shipment: string; cardNo: string }) => `交接单 ${p.shipment} 已发出，但其中的卡 ${p.cardNo} 没有发出记录。`,
  INSTANT_JOB_WITHOUT_MOVEMENT: (p: { job: string; cardNo: string; spoiled: boolean }) =>
    `即时制卡任务 ${p.job} 记载预制卡 ${p.cardNo} ${p.spoiled ? '已作废' : '已制成社保卡'}，但台账中没有相应的流转记录或制成的卡。`,
  CONSUME_WITHOUT_JOB: (p: { id: number; cardNo: string; job: string }) =>
    `第 ${p.id} 条记录称预制卡 ${p.cardNo} 用于即时制卡任务 ${p.job}，但该任务没有制成记录。`,
  CARD_WITHOUT_MOVEMENTS: (p: { cardNo: string }) => `卡 ${p.cardNo} 没有任何流转记录（登记记录缺失）。`,
  'PROJECTION_MISMATCH.dates': (p: { cardNo: string }) => `卡 ${p.cardNo} 记载的接收时间或代领时间与流转记录不一致（逾期计算依据被改动）。`,
  'PROJECTION_MISMATCH.state': (p: { cardNo: string; stored: PlaceAndState; replayed: PlaceAndState }) =>
    `卡 ${p.cardNo} 的当前状态（${placeAndState(p.stored)}）与流转记录推算的（${placeAndState(p.replayed)}）不一致。`,
  HOLDER_DEATH_MISMATCH: (p: { holderId: number; recorded: string; flagged: string }) =>
    `持卡人 #${p.holderId} 的死亡日期（${p.recorded}）与其死亡登记记录（${p.flagged}）不符。`,
  COUNT_REVERSAL_INVALID: (p: { id: number; countId: number }) =>
    `盘点 ${p.countId} 的第 ${p.id} 条撤销记录不成立：它撤销的扫描不在此盘点中、本身是撤销、内容不符，或撤销在提交之后。`,
  MOVEMENT_FOR_MISSING_CARD: (p: { cardId: number }) => `流转记录指向的卡（内部编号 ${p.cardId}）在卡片表中不存在。`,
  SEALS_MISSING: (_p: object) => '台账没有任何封印记录（ledger_seals 被清空）：无法证明各表内容未被改动。',
  SEAL_GAP: (p: { from: number; to: number }) => `封印记录编号不连续：缺少第 ${p.from}${p.to > p.from ? `-${p.to}` : ''} 条（有封印被删除）。`,
  SEAL_CHAIN_BROKEN: (p: { seq: number }) => `第 ${p.seq} 条封印的前序哈希与上一条不符（前面的封印被改动或删除）。`,
  SEAL_HASH_MISMATCH: (p: { seq: number }) => `第 ${p.seq} 条封印的内容与其哈希不符：封印被改动过。`,
  SEAL_MAC_MISMATCH: (p: { seq: number }) =>
    `第 ${p.seq} 条封印的密钥签名不符：有人在没有台账密钥的情况下改写并重算了封印（伪造）。`,
  SEAL_UNSIGNED: (p: { seq: number }) => `第 ${p.seq} 条封印没有密钥签名：它不是持有台账密钥的程序写的。`,
  SEAL_OTHER_KEY: (p: { seq: number; keyId: string }) => `第 ${p.seq} 条封印是用另一把密钥（${p.keyId}）签的，不是本台账的密钥。`,
  SEAL_HEAD_CHANGED: (p: { seq: number }) => `第 ${p.seq} 条封印与上次核验（或打印的单据）记下的不同：此后的台账被改写过。`,
  SEAL_HEAD_MISSING: (p: { head: number; last: number }) => `上次核验（或单据）记下了第 ${p.head} 条封印，现在只到第 ${p.last} 条：最新的操作连同封印被删除了。`,
  TABLE_OFF_SEAL: (p: { table: string; sealedRows: number; rows: number }) =>
    `表 ${p.table} 的内容与最后一次封印不符（封印时 ${p.sealedRows} 行，现有 ${p.rows} 行）：有人绕过程序增删或改动了其中的记录。`,
  TABLE_CHANGED_BEFORE_UPGRADE: (p: { table: string; seq: number }) =>
    `升级台账结构（第 ${p.seq} 条封印）之前，表 ${p.table} 已被绕过程序改动过。`,
  SCHEMA_CHANGED: (p: { type: string; name: string; change: 'changed' | 'missing' | 'added' }) =>
    `数据库结构对象 ${p.type} ${p.name} ${p.change === 'changed' ? '的定义被改动（例如保护触发器被换成空触发器）' : p.change === 'missing' ? '被删除' : '是程序之外添加的'}。`,
} as const;

export type PlaceAndState = { state: string; siteId: number; placeId: number | null };

function placeAndState(s: PlaceAndState): string {
  return `${s.state}，网点 ${s.siteId}，地点 ${s.placeId ?? '-'}`;
}
