/** What the daily count of blanks writes for people to read. */
export const stockCountText = {
  /**
   * How a count keys a printer hopper among its boxes (`卡盒:制卡机1-卡盒1`); the count report
   * (src/domain/count-report-format.ts) reads the same prefix back.
   */
  hopperKey: (p: { place: string }) => `卡盒:${p.place}`,
  /** The report's mark on a working day without a closed count. */
  noClosedCount: '当日无已结束的盘点',
  varianceNote: (p: { kind: 'missing' | 'unexpected'; box: string | null; reason: string }) =>
    `${p.kind === 'missing' ? '盘点缺少' : '盘点多出'}${p.box ? `（${p.box}）` : ''}：${p.reason}`,
} as const;
