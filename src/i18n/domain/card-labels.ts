/**
 * What operators call the card states, movement types and card kinds of the state machine
 * (src/domain/card-states.ts): on screens, in card histories, registers and CSV files.
 */
export const cardLabels = {
  states: {
    expected: '待入库',
    in_transit: '在途',
    in_stock: '在库',
    agent_held: '代领中',
    issued: '已发放',
    recalled: '已回收',
    cancelled: '已注销',
    sealed: '已封存',
    defective: '不合格',
    lost: '已确认丢失',
    loaded: '已装入卡盒',
    consumed: '已制卡',
    spoiled: '已作废',
    destroyed: '已销毁',
    returning: '退回重制途中',
    taken_back: '已收回旧卡',
  },
  /** A card before its first movement. */
  noState: '未登记',
  movements: {
    register: '登记',
    receive: '签收入库',
    dispatch: '发出',
    transfer: '库内移位',
    agent_pickup: '集体代领',
    agent_return: '代领退回',
    issue: '发放',
    recall: '回收',
    cancel: '注销',
    seal: '封存',
    mark_defective: '判定不合格',
    declare_lost: '确认丢失',
    found: '找回',
    load: '装入卡盒',
    unload: '退出卡盒',
    consume: '即时制卡使用',
    spoil: '作废',
    destroy: '销毁',
    take_back: '收回旧卡',
  },
  kinds: {
    finished: '成品卡',
    prefab: '预制卡',
  },
} as const;
