/** How hand-overs (src/domain/shipment.ts) are named on screens, sheets and in CSV files. */
export const shipmentLabels = {
  /** 发放方式 (GD Art. 12). */
  methods: {
    post: '邮寄',
    courier: '快递',
    staff: '专人送达',
    collected: '上门自取',
    province: '省中心寄出',
  },
  statuses: {
    draft: '待发出',
    in_transit: '在途',
    partial: '部分签收',
    received: '已签收',
    closed: '已结单（有短缺）',
    cancelled: '已撤销',
  },
} as const;
