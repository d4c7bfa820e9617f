/**
 * `sbk prefab`: the prefab blanks (GD Art. 36, Annex 9): help texts and what it prints.
 */
export const prefabText = {
  describe: '预制卡：库存、装入卡盒、作废、销毁（GD 第三十六条、附件9）',
  demand: '请指定子命令：stock、load、spoil 或 destroy',
  stock: {
    describe: '本网点的预制卡：按银行、卡商、批次、箱或卡盒',
    none: (p: { site: string }) => `${p.site}没有预制卡。`,
    head: (p: { site: string; code: string; inStock: number; loaded: number }) => `${p.site}（${p.code}）预制卡：在库 ${p.inStock} 张，已装入卡盒 ${p.loaded} 张`,
    columns: { bank: '银行', maker: '卡商', where: '位置', loaded: '卡盒内' },
  },
  load: {
    describe: '把预制卡装入制卡机卡盒（同一卡盒只装同一银行、同一卡商的卡）',
    cardNos: '预制卡号（可多张）',
    hopper: '卡盒名称（如 制卡机1-卡盒1）',
    done: (p: { loaded: number; hopper: string }) => `已按扫描顺序把 ${p.loaded} 张预制卡装入卡盒 ${p.hopper}（第一张先进卡）。`,
  },
  unload: {
    describe: '把卡盒中的预制卡全部取出放回保管地点（卡盒顺序与台账不符时，卸下后按顺序重新装盒）',
    hopper: '卡盒名称',
    to: '放回的保管地点（如 保险柜）',
    done: (p: { hopper: string; unloaded: number; to: string }) => `已从卡盒 ${p.hopper} 取出 ${p.unloaded} 张预制卡，放回 ${p.to}。`,
  },
  spoil: {
    describe: '作废一张预制卡（打印失败、芯片写入失败、损坏），须写明原因；作废卡保存至销毁',
    cardNo: '预制卡号',
    reason: '作废原因',
    done: (p: { cardNo: string; reason: string }) => `已作废预制卡 ${p.cardNo}（${p.reason}），请保存至销毁：sbk prefab destroy ${p.cardNo} --reason 方式 --approver 主管工号`,
  },
  consume: {
    describe: '登记一张预制卡已用于即时制卡：制成的社保卡号和持卡人（证件号码在记录中只留掩码）',
    cardNo: '用掉的预制卡号',
    card: '制成的社保卡号',
    holderName: '持卡人姓名',
    done: (p: { cardNo: string; card: string }) => `已登记预制卡 ${p.cardNo} 用于即时制卡（制成 ${p.card}）。`,
  },
  destroy: {
    describe: '销毁作废的预制卡：须写明原因和方式，并由一名主管在场复核（密码取自 $SBK_APPROVER_PIN 或提示输入）',
    cardNos: '作废的预制卡号（可多张）',
    reason: '销毁原因和方式（如：剪角后碎卡）',
    approver: '在场复核主管的工号（不能是本人）',
    done: (p: { destroyed: number; approver: string }) => `已销毁 ${p.destroyed} 张作废的预制卡（复核：${p.approver}）。`,
  },
} as const;
