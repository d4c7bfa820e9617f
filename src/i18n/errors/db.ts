import type { ErrorTextTable } from '../error-text-table.ts';

/**
 * Error messages raised in `db/`, by key. A key is the error's code, or `CODE.variant`
 * where one code has several texts. Parameters are typed; rule figures come in as parameters.
 * Codes that workflows raise too (CARD_NOT_FOUND, OPERATION_ID_REUSED, …) have a variant key
 * here, so each area keeps its own wording under the one code.
 */
export const ledgerErrors = {
  // db/append-movements.ts, db/operations-repo.ts
  'OPERATION_ID_REUSED.ledger': () => '同一操作编号已用于另一项不同的操作，未做任何更改。请重新发起操作。',
  OPERATION_EMPTY: () => '没有要登记的卡片。',
  BACKDATING_REFUSED: () => '正式台账不能补记过去的时间，所有流转按当前时间记录。',
  CLOCK_BEHIND: (p: { now: string; last: string }) => `本机时钟（${p.now}）早于台账最后一条记录（${p.last}），请校正系统时间后再操作。`,
  'CARD_NOT_FOUND.ledger_id': (p: { cardId: number }) => `台账中没有编号为 ${p.cardId} 的卡。`,
  'PLACE_REQUIRED.stock': (p: { cardNo: string }) => `卡 ${p.cardNo} 入库须指定保管地点（保险柜、卡柜或卡盒）。`,
  PLACE_NOT_AT_SITE: () => '所选保管地点不属于该网点，请重新选择保管地点。',
  'PLACE_KIND.hopper_only': () => '预制卡只能装入制卡机卡盒。',
  'PLACE_KIND.not_storage': () => '卡盒不是保管地点：入库请选择保险柜、卡柜或货架。',
  // db/open-ledger.ts
  LEDGER_NOT_FOUND: (p: { path: string }) => `找不到台账文件 ${p.path}。请用 --db 指定台账，或先运行 sbk init 建立台账。`,
  LEDGER_ON_NETWORK_FS: (p: { dir: string; fsType: string }) =>
    `台账目录 ${p.dir} 在网络文件系统（${p.fsType}）上，多人同时使用会损坏台账。请把台账放在本机磁盘上，操作员通过 SSH 登录本机使用。`,
  // db/write-tx.ts: another process holds the write lock (a long import) past the limit.
  LEDGER_BUSY: (p: { seconds: number }) =>
    `台账正被其他操作占用（已等待 ${p.seconds} 秒，可能是大批量导入或盘点正在进行），本次未做任何更改。请稍后重试。`,
  // db/register-cards.ts
  'BATCH_EXISTS.register': (p: { batch: string }) => `制卡批次 ${p.batch} 已在台账中，不能重复登记。`,
  'CODE_IN_LEDGER.card_id_code': (p: { cardNo: string }) => `卡 ${p.cardNo} 的卡识别码与台账中另一张卡相同，不能登记。请联系卡商核对。`,
  'CODE_IN_LEDGER.bank_card_no': (p: { cardNo: string }) => `卡 ${p.cardNo} 的银行卡号与台账中另一张卡相同，不能登记。请联系卡商核对。`,
  'CARD_EXISTS.register': (p: { cardNo: string }) => `卡号 ${p.cardNo} 已在台账中，不能重复登记。`,
  // db/sites-repo.ts
  SITE_PARENT_MISSING: (p: { site: string; parent: string }) => `网点 ${p.site} 的上级 ${p.parent} 不存在。`,
  'SITE_NOT_FOUND.ledger': (p: { code: string }) => `没有编码为 ${p.code} 的网点。可用 sbk site list 查看全部网点编码。`,
} as const satisfies ErrorTextTable;
