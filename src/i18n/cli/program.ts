/**
 * The `sbk` program's own words: its usage line, the global options, and how an error is
 * framed on stderr (the error texts themselves are in src/i18n/errors/).
 */
export const programText = {
  usage: '社保卡库存与发放控制台\n\n用法：$0 [命令] [选项]（不带命令则打开控制台）',
  options: {
    db: '台账文件（默认 $SBK_DB，否则 ~/.local/share/sbk/ledger.db）',
    json: '以 JSON 输出',
    operator: '操作员工号（默认 $SBK_OPERATOR）；密码取自 $SBK_PIN 或提示输入',
  },
  error: (p: { code: string; message: string }) => `错误 [${p.code}]：${p.message}`,
  internalError: (p: { message: string }) => `内部错误：${p.message}\n请把这条信息和操作步骤告诉系统管理员。`,
  usageError: (p: { message: string }) => `用法错误：${p.message}\n运行 sbk --help 查看全部命令。`,
  /** On stderr while a write waits for another process's (db/write-tx.ts). */
  waitingForLedger: '等待其他操作完成…',
  /** The prompt for the operator's own PIN. */
  pinPrompt: (p: { login: string }) => `${p.login} 的密码：`,
} as const;
