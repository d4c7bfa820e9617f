/**
 * Cards coming in: `sbk import` (a maker's return file) and `sbk discrepancy` (what a sign-in
 * or a count found missing, extra or damaged): help texts and what they print.
 */
export const intakeText = {
  import: {
    describe: '导入卡商回盘数据文件（YZKCG_…/CPKCG_….txt）：全部检查无误才写入，卡片进入“待入库”',
    site: '收卡网点编码（默认本人所属网点）',
    place: '保管地点（与 --receive 同用；默认网点的第一个）',
    receive: '同时按清单全部入库（已按箱核对数量时用）',
    report: '把问题清单另存到此文件',
    otherCity: '文件的市卡管机构不是本网点所属城市时仍然导入（默认拒绝）',
    more: (p: { count: number }) => `  …另有 ${p.count} 处（用 --report 保存全部）`,
  },
  discrepancy: {
    describe: '清点差异（缺少、多出、损坏）',
    demand: '请指定子命令：list、close、found 或 lost',
    list: {
      describe: '列出本网点及下级未关闭的差异（--all 含已关闭）',
      none: '没有未关闭的差异。',
      row: (p: { id: string; kind: string; cardNo: string; box: string; at: string; by: string; note: string; closed: string | null }) =>
        `${p.id}  ${p.kind}  卡 ${p.cardNo}  箱 ${p.box}  ${p.at} ${p.by}  ${p.note}${p.closed !== null ? `  已关闭：${p.closed}` : ''}`,
    },
    close: {
      describe: '关闭一条差异（主管），须写明原因',
      done: (p: { id: number }) => `已关闭差异 ${p.id}。`,
    },
    found: {
      describe: '“缺少”的卡找到了：签收入本网点保管地点并关闭差异',
      done: (p: { id: number; cardNo: string }) => `差异 ${p.id} 已关闭：卡 ${p.cardNo} 已找回并签收入库。`,
    },
    lost: {
      describe: '确认“缺少”的卡丢失：须写明原因，并由另一名主管复核（密码取自 $SBK_APPROVER_PIN 或提示输入）',
      reason: '丢失经过与已查找的范围',
      approver: '复核主管的工号',
      done: (p: { id: number; cardNo: string; approver: string }) => `差异 ${p.id} 已关闭：卡 ${p.cardNo} 确认丢失（复核：${p.approver}）。`,
    },
  },
} as const;
