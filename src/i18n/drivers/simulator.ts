/**
 * What the simulated devices send back as their reason text (the interface's pOutInfo), as a
 * real desk printer or reader does with a negative return. The host shows it next to the
 * error (PrinterError.reason); the codes themselves are the interface's.
 */
export const simulatorReplies = {
  badFields: '参数格式不对',
  badArgs: '参数不对',
  unsupportedCommand: (p: { cmd: number }) => `不支持的命令 0x${p.cmd.toString(16)}`,
  readerUnsupportedCommand: (p: { cmd: number }) => `读卡器不支持命令 0x${p.cmd.toString(16)}`,
  badInterface: '卡接口参数不对',
  noCard: '没有卡',
  injectedFault: '模拟故障',
  authFailed: '内部认证失败',
  jammedInside: '卡片卡在机器里：请打开机盖取出卡片',
  jammed: '卡片卡住',
  badPersonal: '个人信息参数不对',
  noCardAtReader: '读卡位置没有卡',
  chipWriteFailed: '写卡失败',
  badHopperArg: '卡盒参数不对',
  noSuchHopper: (p: { hopper: number }) => `没有卡盒 ${p.hopper}`,
  hopperEmpty: (p: { hopper: number }) => `卡盒 ${p.hopper} 无卡`,
  personalNotWritten: '尚未写入个人信息',
  caInitFailed: 'CA 环境初始化失败',
  badCaArgs: 'CA 参数不对',
  caNotInitialised: '尚未初始化 CA 环境',
  badCaInfo: 'CA 信息应为 签名证书|加密证书|加密密钥|主控密钥|管理员PIN',
  caWriteFailed: '写入 CA 失败',
  badPrintArgs: '印卡参数不对',
  badPrintData: '印卡数据格式不对',
  badOutputBin: (p: { bin: number | string }) => `出卡口参数不对：${p.bin}`,
  coverOpen: '机盖未关',
  ribbonOut: '色带用完',
  printFailed: '印卡失败，卡已退到废卡位',
} as const;
