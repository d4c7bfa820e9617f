/**
 * `sbk devices`: the counter's printers, readers and scanners: help texts and what it prints.
 * A device's status line is the console's (src/ui/device-status.ts), so both say it alike.
 */
export const devicesText = {
  describe: '本网点的制卡机、读卡器、扫描枪：配置、连接状态、测试读卡与测试退卡',
  list: {
    describe: '列出配置的设备及其状态（--json 便于脚本检查）',
    head: (p: { site: string; code: string; source: string }) => `${p.site}（${p.code}）的设备：${p.source}`,
    sourceDemo: '演示台账，全部为模拟设备',
    sourceFile: (p: { file: string | null }) => `配置文件 ${p.file}`,
    sourceNone: '没有配置文件（只有键盘式扫描枪）',
    usb: (p: { count: number }) => `USB 上的 HID 设备 ${p.count} 个：`,
  },
  read: {
    describe: '测试读卡：读出读卡器（或制卡机读卡位置）中卡片的基本信息（证件号码遮蔽）',
    device: '读卡器或制卡机名称（默认第一台读卡器）',
    blank: '（空白卡）',
    none: '—',
    card: (p: { cardNo: string; name: string; ssn: string }) => `卡号 ${p.cardNo}  姓名 ${p.name}  社会保障号码 ${p.ssn}`,
    chip: (p: { cardIdCode: string; specVersion: string; issueDate: string; expiryDate: string }) =>
      `卡识别码 ${p.cardIdCode}  规范版本 ${p.specVersion}  发卡日期 ${p.issueDate}  有效期 ${p.expiryDate}`,
  },
  eject: {
    describe: '测试退卡：把制卡机读卡位置的卡退到废卡口（--bin 1 为正常出卡口）',
    printer: '制卡机名称（默认第一台）',
    bin: '1 正常出卡口，2 废卡口',
    done: (p: { good: boolean }) => `已退卡到${p.good ? '正常出卡口' : '废卡口'}。`,
  },
} as const;
