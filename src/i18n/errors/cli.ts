import type { ErrorTextTable } from '../error-text-table.ts';

/**
 * Error messages raised in `src/cli/`, by key. A key is the error's code, or `CODE.variant`
 * where one code has several texts. Parameters are typed; rule figures come in as parameters.
 */
export const cliErrors = {
  OPERATOR_REQUIRED: () => '请用 --operator 工号（或环境变量 SBK_OPERATOR）说明是谁在操作。',
  PIN_REQUIRED: (p: { env: string }) => `请输入密码：在终端中运行，或设置环境变量 ${p.env}。`,
  CANCELLED: () => '已取消。',
  'SECOND_OPERATOR_SAME.countConfirmer': () => '确认人不能是盘点人本人，请换另一名人员确认。',
  'LEDGER_EXISTS.demo': (p: { path: string }) => `${p.path} 已存在。请换一个 --db 路径，或先删除旧的演示台账。`,
  HEAD_FILE_MISSING: (p: { path: string }) =>
    `链头文件 ${p.path} 不存在。它若是被删掉的，台账可能同时被改写过：请从备份恢复它；第一次使用时请加 --init-head。`,
  SEAL_REF_INVALID: (p: { text: string }) => `“${p.text}”不是单据上的台账封印。请照单据抄写：编号:代码，例如 1234:3f9a0c12ab34cd56。`,
  HEAD_FILE_INVALID: (p: { path: string }) => `链头文件 ${p.path} 无法读取或格式不对。请从备份恢复，或删除后重新核验以重新记录。`,
  'LEDGER_NOT_A_DATABASE.folder': (p: { path: string }) => `${p.path} 是一个文件夹，不是台账文件。请用 --db 指定台账文件本身（例如 ${p.path}/ledger.db）。`,
  'LEDGER_NOT_A_DATABASE.file': (p: { path: string }) => `${p.path} 不是 sbk 台账（不是 SQLite 数据库文件），未做任何操作。请检查 --db 路径或环境变量 SBK_DB。`,
  'LEDGER_NOT_A_DATABASE.empty': (p: { path: string }) =>
    `${p.path} 是一个空文件（0 字节），不是 sbk 台账，未做任何操作。请检查 --db 路径或环境变量 SBK_DB；要在此新建台账请用 sbk init。`,
  'LEDGER_NOT_A_DATABASE.unopenable': (p: { path: string }) => `无法打开台账文件 ${p.path}：请检查该路径及其文件夹是否存在、当前用户是否有读写权限。`,
  RECEIPT_FILE_UNWRITABLE: (p: { path: string; why: string }) => `无法写入回执文件 ${p.path}（${p.why}）。卡未发放；请换一个路径再试。`,
  PHOTO_UNREADABLE: (p: { path: string; why: string }) => `读不到相片文件 ${p.path}（${p.why}），请检查路径。未做任何操作。`,
  PRINTER_NOT_CONFIGURED: () => '本网点没有配置制卡机。',
  'PRINTER_NOT_CONFIGURED.named': (p: { printer: string }) => `本网点没有制卡机“${p.printer}”。`,
  'PRINTER_NOT_CONFIGURED.instant': () => '本网点没有配置制卡机：请在 devices.json 中配置（见 README“设备”一节）。',
  READER_NOT_CONFIGURED: () => '本网点没有配置读卡器。',
  'READER_NOT_CONFIGURED.named': (p: { device: string }) => `本网点没有设备“${p.device}”。`,
  INSTANT_NO_CA: () => '本网点没有接入省卡管系统加密机，不能写入 CA 证书：即时制卡暂不可用（培训环境可在 devices.json 中设 "ca": "simulated"）。',
  HOPPER_NO_BANK: (p: { printer: string; bank: string }) => `制卡机 ${p.printer} 的卡盒里没有${p.bank}的预制卡：请先装盒（sbk prefab load --hopper …）。`,
} as const satisfies ErrorTextTable;
