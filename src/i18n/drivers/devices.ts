/**
 * Device texts of `drivers/` that are not errors: the names the simulated devices go by (the
 * console shows them as the device's name), and the parts of a devices.json place or cause.
 */
export const deviceTexts = {
  names: {
    simulatedReader: '模拟读卡器',
    simulatedPrinter: '模拟制卡机',
    simulatedDevice: '模拟设备',
    /** The scanner every counter has when devices.json names none: a keyboard-wedge one. */
    keyboardScanner: '键盘式扫描枪',
  },
  /** A site's part of devices.json, in a DEVICE_CONFIG error's place. */
  configSite: (p: { file: string; site: string }) => `${p.file} 网点 ${p.site}`,
  /** Why a node-hid module that loads cannot be used. */
  nodeHidWithoutApi: 'node-hid 模块缺少 devicesAsync / HIDAsync',
} as const;
