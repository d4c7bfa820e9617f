/**
 * `sbk devices`: the counter's printers, readers and scanners: help texts and what it prints.
 * A device's status line is the console's (src/ui/device-status.ts), so both say it alike.
 */
export const devicesText = {
  describe: '本网点的制卡机、读卡器、扫描枪：配置、连接状态、测试读卡与测试退卡、模拟卡的放上与取下',
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
  insert: {
    describe: '把一张模拟卡放到模拟读卡器上（演示/培训：之后的测试读卡、发卡读卡检测读到的就是这张卡）',
    reader: '模拟读卡器名称（默认第一台模拟读卡器）',
    card: '卡号（台账中本网点及下级的卡）',
    auto: '此后每次发卡读卡检测时，自动把待发放的卡放到此读卡器上',
    needCard: '请用 --card 指定卡号，或用 --auto 设为自动放卡',
    done: (p: { reader: string; card: string | null; auto: boolean }) =>
      `${p.card ? `已把卡 ${p.card} 放到 ${p.reader} 上。` : `${p.reader} 上没有卡。`}${p.auto ? '发卡读卡检测时将自动放上待发放的卡。' : ''}`,
  },
  remove: {
    describe: '从模拟读卡器上取下模拟卡（并取消自动放卡）',
    reader: '模拟读卡器名称（默认第一台模拟读卡器）',
    done: (p: { reader: string; removed: string | null }) => (p.removed ? `已从 ${p.reader} 上取下卡 ${p.removed}。` : `${p.reader} 上本来就没有卡。`),
  },
  eject: {
    describe: '测试退卡：把制卡机读卡位置的卡退到废卡口（--bin 1 为正常出卡口）',
    printer: '制卡机名称（默认第一台）',
    bin: '1 正常出卡口，2 废卡口',
    done: (p: { good: boolean }) => `已退卡到${p.good ? '正常出卡口' : '废卡口'}。`,
  },
} as const;
