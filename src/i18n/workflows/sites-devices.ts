/** Names the device workflows give the counter's devices. */
export const devicesText = {
  /** A demo ledger's simulated devices (also the name of the simulator's state file). */
  demoPrinterId: '制卡机1',
  demoReaderId: '读卡器1',
  printer: (p: { id: string }) => `制卡机 ${p.id}`,
  reader: (p: { id: string }) => `读卡器 ${p.id}`,
} as const;
