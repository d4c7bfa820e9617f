import type { ErrorTextTable } from '../error-text-table.ts';

/**
 * Error messages raised in `drivers/`, by key. A key is the error's code, or `CODE.variant`
 * where one code has several texts. Parameters are typed; rule figures come in as parameters.
 * Codes that workflows raise too (HID_UNAVAILABLE, READER_ERROR) have a variant key here.
 */

/** devices.json problems: where in the file, then what is wrong there. */
const config = (where: string, what: string) => `设备配置 ${where}：${what}`;
const badReply = (what: string) => `设备返回的数据格式不对：${what}。`;
type Where = { where: string };
type ReaderFault = { returnCode: number };
type CaCmd = { command: string };
const caFormat = '格式：签名证书|加密证书|加密密钥|主控密钥|管理员PIN（GD 附件9 iWriteCaStep2）。';
const caStopped = '本次制卡未写入 CA，已中断：卡仍在制卡机中，请按未完成的制卡处理（sbk instant pending / 即时制卡页）。';
type PrinterFault = { returnCode: number; reason: string };

export const driverErrors = {
  // drivers/config/device-config.ts
  'DEVICE_CONFIG.usb_id': (p: Where) => config(p.where, '应为 USB 厂商号或产品号（如 "0x1d6b"）'),
  'DEVICE_CONFIG.transport': (p: Where & { keyboard: boolean }) => config(p.where, `transport 应为 ${p.keyboard ? '"keyboard"、' : '"library"、'}"hid" 或 "simulator"`),
  'DEVICE_CONFIG.report_size': (p: Where) => config(p.where, 'reportSize 应为 8 到 1024 的整数'),
  'DEVICE_CONFIG.report_id': (p: Where) => config(p.where, 'reportId 应为 0 到 255 的整数或 null'),
  'DEVICE_CONFIG.serial': (p: Where) => config(p.where, 'serial 应为字符串'),
  'DEVICE_CONFIG.id': (p: Where) => config(p.where, '每台设备须有名称 id'),
  'DEVICE_CONFIG.list': (p: Where) => config(p.where, '应为设备列表'),
  'DEVICE_CONFIG.hoppers': (p: Where) => config(p.where, 'hoppers 应写明卡盒号对应的台账卡盒，如 { "1": "制卡机1-卡盒1" }；也可省略，由 sbk place add --kind hopper --printer 登记'),
  'DEVICE_CONFIG.hopper_no': (p: Where & { hopper: string }) => config(p.where, `卡盒号“${p.hopper}”应为 1 到 9（iLoadCard 的 n）`),
  'DEVICE_CONFIG.hopper_place': (p: Where & { hopper: string }) => config(p.where, `卡盒 ${p.hopper} 应对应台账中的卡盒名称`),
  'DEVICE_CONFIG.scanner_report': (p: Where) => config(p.where, 'lengthByte 与 dataOffset 应为数字'),
  'DEVICE_CONFIG.ca': (p: Where) => config(p.where, '应为 "none"（不接加密机）、"simulated"（培训用模拟加密机）或 { "command": "加密机客户端程序", "args": [...], "timeoutMs": 30000 }'),
  'DEVICE_CONFIG.ca_command': (p: Where) => config(p.where, 'command 应为加密机客户端程序的路径'),
  'DEVICE_CONFIG.ca_args': (p: Where) => config(p.where, 'args 应为字符串列表'),
  'DEVICE_CONFIG.ca_timeout': (p: Where) => config(p.where, 'timeoutMs 应为 100 到 600000 的整数（毫秒）'),
  'DEVICE_CONFIG.duplicate_id': (p: Where & { id: string }) => config(p.where, `设备名称“${p.id}”重复`),
  'DEVICE_CONFIG.json': (p: Where & { reason: string }) => config(p.where, `不是有效的 JSON（${p.reason}）`),
  'DEVICE_CONFIG.sites': (p: Where) => config(p.where, '应有 "sites" 对象，按网点编码列出设备'),
  'DEVICE_CONFIG.site': (p: Where) => config(p.where, '应为对象'),
  'DEVICE_CONFIG.library_path': (p: Where) => config(p.where, 'path 应写明厂商动态库的位置，如 "C:\\SSCard\\SSCardDriver.DLL"'),
  'DEVICE_CONFIG.library_timeout': (p: Where) => config(p.where, 'timeoutMs 与 printTimeoutMs 应为 100 到 600000 的整数（毫秒）'),

  // drivers/protocol/, drivers/printer/protocol-printer.ts
  'DEVICE_BAD_REQUEST.int_range': (p: { value: number }) => `发给设备的整数参数超出范围：${p.value}（程序错误，请联系维护人员）。`,
  'DEVICE_BAD_REQUEST.text_length': (p: { bytes: number }) => `发给设备的文字参数太长（${p.bytes} 字节）。`,
  'DEVICE_BAD_REQUEST.face_items': () => '卡面最多 6 项文字和 2 张照片（程序错误，请联系维护人员）。',
  'DEVICE_BAD_REQUEST.separator': () => '发给制卡机的内容不能含有“|”。',
  'DEVICE_BAD_REPLY.int_truncated': () => badReply('整数字段被截断'),
  'DEVICE_BAD_REPLY.text_truncated': () => badReply('文字字段被截断'),
  'DEVICE_BAD_REPLY.not_gb18030': () => badReply('文字不是有效的 GB18030 编码'),
  'DEVICE_BAD_REPLY.field_tag': (p: { tag: number }) => badReply(`未知的字段类型 0x${p.tag.toString(16).padStart(2, '0')}`),
  'DEVICE_BAD_REPLY.reply_shape': () => badReply('应答应为返回码和说明文字'),
  'DEVICE_BAD_REPLY.printer_status': () => '制卡机返回的状态格式不对。',
  DEVICE_TIMEOUT: () => '设备没有响应：请检查连接和电源后重试。',
  DEVICE_CLOSED: () => '设备连接已关闭。',
  DEVICE_PAYLOAD_TOO_LARGE: (p: { bytes: number; max: number }) => `要发送给设备的数据太大（${p.bytes} 字节，上限 ${p.max} 字节）：请压缩照片后重试。`,

  // drivers/reader/basic-info.ts: the national reader interface's negative returns (READER_FAULTS)
  READER_WRONG_CARD: (_: ReaderFault) => '卡类型不对：请放入社会保障卡。',
  READER_NO_CARD: (_: ReaderFault) => '读卡器中没有卡：请插入或放上社保卡后重试。',
  READER_FAULT: (p: ReaderFault) => `读卡器故障（${p.returnCode}）：请检查读卡器连接后重试。`,
  READER_AUTH_FAILED: (_: ReaderFault) => '卡片内部认证失败：芯片可能损坏，此卡不能发放（须重新制卡）。',
  READER_WRONG_PIN: (_: ReaderFault) => '卡片密码错误。',
  READER_PIN_LOCKED: (_: ReaderFault) => '卡片密码已锁定。',
  READER_NO_PSAM: (_: ReaderFault) => '读卡器中没有 PSAM 卡：请联系设备管理员。',
  'READER_ERROR.return_code': (p: ReaderFault) => `读卡失败（返回码 ${p.returnCode}）。`,
  READER_BAD_REPLY: (p: { fields: number }) => `读卡器返回的数据格式不对（应为 ${p.fields} 个以“|”结尾的字段）。`,

  // drivers/printer/instant-printer.ts: the printer calls' negative returns (PRINTER_FAULTS)
  PRINTER_HOPPER_EMPTY: (_: PrinterFault) => '卡盒已空：请装入预制卡（先扫描登记）后重试。',
  PRINTER_JAM: (_: PrinterFault) => '制卡机卡住了：请打开机盖取出卡片，放到废卡处后重试。',
  PRINTER_COVER_OPEN: (_: PrinterFault) => '制卡机机盖未关：请关好机盖后重试。',
  PRINTER_RIBBON_OUT: (_: PrinterFault) => '色带用完：请更换色带后重试。',
  PRINTER_CHIP_WRITE_FAILED: (_: PrinterFault) => '芯片写入失败：此卡已作废，请换下一张卡。',
  PRINTER_PRINT_FAILED: (_: PrinterFault) => '卡面打印失败：此卡已作废，请换下一张卡。',
  PRINTER_NO_CARD: (_: PrinterFault) => '读卡位置没有卡：请先进卡。',
  PRINTER_CA_FAILED: (_: PrinterFault) => 'CA 证书写入失败：此卡已作废，请换下一张卡。',
  PRINTER_BAD_ARGUMENT: (_: PrinterFault) => '制卡机拒绝了参数（程序错误，请联系维护人员）。',
  PRINTER_ERROR: (p: PrinterFault) => `制卡机返回错误（${p.returnCode}）${p.reason ? `：${p.reason}` : ''}。`,

  // drivers/ca/command-ca.ts: the site's encryption-machine client (its output is never quoted)
  CA_LINK_TIMEOUT: (p: CaCmd & { seconds: number }) => `加密机客户端 ${p.command} 在 ${p.seconds} 秒内没有返回 CA 数据，已终止。${caStopped}`,
  CA_LINK_START: (p: CaCmd & { reason: string }) => `无法启动加密机客户端 ${p.command}（${p.reason}）：请检查 devices.json 中 ca.command 的路径和执行权限。${caStopped}`,
  CA_LINK_EXIT: (p: CaCmd & { code: number; signal: string | null }) => `加密机客户端 ${p.command} 执行失败（${p.signal ? `信号 ${p.signal}` : `退出码 ${p.code}`}）。${caStopped}`,
  CA_LINK_TOO_LARGE: (p: CaCmd & { max: number }) => `加密机客户端 ${p.command} 的输出超过 ${p.max} 字节，已终止。${caStopped}`,
  'CA_LINK_FORMAT.lines': (p: CaCmd) => `加密机客户端 ${p.command} 的输出应为一行。${caFormat}${caStopped}`,
  'CA_LINK_FORMAT.fields': (p: CaCmd & { count: number }) => `加密机客户端 ${p.command} 的输出有 ${p.count} 个字段，应为 5 个。${caFormat}${caStopped}`,
  'CA_LINK_FORMAT.empty': (p: CaCmd & { field: string }) => `加密机客户端 ${p.command} 的输出中“${p.field}”为空。${caFormat}${caStopped}`,

  // drivers/simulator/simulated-desk-printer.ts
  SIM_BAD_HOPPERS: (p: { hoppers: string }) => `模拟制卡机的卡盒编号不对：${p.hoppers}（应为 1-9，不重复）。`,
  SIM_STATE_MISMATCH: (p: { hoppers: string }) => `保存的状态里卡盒 ${p.hoppers} 还有卡，但现在没有配置这些卡盒。`,
  'SIM_STATE_UNREADABLE.unreadable': (p: { file: string }) => `模拟制卡机的状态文件读不出来：${p.file}。`,
  'SIM_STATE_UNREADABLE.shape': (p: { file: string }) => `模拟制卡机的状态文件内容不对：${p.file}。请删除该文件，模拟制卡机将按台账重新装卡。`,
  SIM_NO_HOPPER: (p: { hopper: number }) => `模拟制卡机没有卡盒 ${p.hopper}。`,

  // drivers/library/: the vendor's SSCardDriver library through koffi
  KOFFI_MISSING: (p: { device: string }) => `${p.device} 通过厂商动态库工作，但本机没有安装 koffi（调用动态库的组件）：请在 sbk 的安装目录运行 \`npm install koffi\` 后重试。`,
  DEVICE_LIBRARY_MISSING: (p: { device: string; path: string }) =>
    `找不到 ${p.device} 的厂商动态库 ${p.path}：请安装制卡机厂商提供的读写卡动态库（Windows 为 SSCardDriver.DLL，广东即时制卡驱动标准），并在 devices.json 中把 path 写成它的实际位置。`,
  DEVICE_LIBRARY_LOAD_FAILED: (p: { device: string; path: string; detail: string }) =>
    `无法载入 ${p.device} 的厂商动态库 ${p.path}（${p.detail}）：请确认它与本机的 Node.js 同为 64 位或同为 32 位，且它所依赖的其他动态库已由厂商安装程序装好。`,
  DEVICE_LIBRARY_FUNCTION_MISSING: (p: { device: string; path: string; fn: string }) =>
    `${p.device} 的厂商动态库 ${p.path} 缺少函数 ${p.fn}：它不符合社会保障卡读写终端接口规范或广东即时制卡驱动标准，请向厂商索取符合标准的 SSCardDriver 动态库。`,
  DEVICE_LIBRARY_TIMEOUT: (p: { device: string; fn: string; seconds: number }) =>
    `${p.device} 的动态库调用 ${p.fn} 超过 ${p.seconds} 秒没有返回，已中止：请检查制卡机（机盖、卡片、电源）；正在进行的制卡任务未完成，请用“待处理的制卡任务”（sbk instant pending）处理。`,
  DEVICE_LIBRARY_EXITED: (p: { device: string; detail: string }) => `${p.device} 的动态库调用进程意外结束（${p.detail}）：请重试；反复出现请联系厂商。`,
  DEVICE_LIBRARY_CALL_FAILED: (p: { device: string; detail: string }) => `调用 ${p.device} 的厂商动态库出错：${p.detail}。`,

  // drivers/transport/
  HID_BAD_LAYOUT: (p: { reportSize: number }) => `USB 报告长度设置不对：${p.reportSize}。`,
  HID_BAD_REPORT: () => 'USB 设备发来的报告格式不对。',
  HID_OPEN_FAILED: (p: { device: string; cause: string }) => `打不开 USB 设备 ${p.device}：${p.cause}。请检查连接和访问权限（udev 规则）后重试。`,
  HID_IO_ERROR: (p: { device: string; cause: string }) => `USB 设备 ${p.device} 读写出错（${p.cause}）：请检查连接后重试。`,
  HID_LIBUSB_MISSING: () => '找不到 USB 库 libusb-1.0-0：请让系统管理员执行 `sudo apt-get install libusb-1.0-0` 后重试。',
  'HID_UNAVAILABLE.node_hid': (p: { cause: string }) => `无法使用 USB HID 设备（node-hid）：${p.cause}。请联系系统管理员。`,
} as const satisfies ErrorTextTable;

/** The reader faults' keys: each takes the interface's return code. */
export type ReaderFaultKey = 'READER_WRONG_CARD' | 'READER_NO_CARD' | 'READER_FAULT' | 'READER_AUTH_FAILED' | 'READER_WRONG_PIN' | 'READER_PIN_LOCKED' | 'READER_NO_PSAM' | 'READER_ERROR.return_code';
/** The printer faults' keys: each takes the return code and the device's own reason. */
export type PrinterFaultKey =
  | 'PRINTER_HOPPER_EMPTY'
  | 'PRINTER_JAM'
  | 'PRINTER_COVER_OPEN'
  | 'PRINTER_RIBBON_OUT'
  | 'PRINTER_CHIP_WRITE_FAILED'
  | 'PRINTER_PRINT_FAILED'
  | 'PRINTER_NO_CARD'
  | 'PRINTER_CA_FAILED'
  | 'PRINTER_BAD_ARGUMENT'
  | 'PRINTER_ERROR';
