/** The administrator's settings as the operator reads them: labels and what a value must be. */
export const settingsText = {
  labels: {
    'transit-warning-days': '在途超过多少个工作日提醒',
    'overdue-warning-days': '逾期前多少天开始预警',
    'counter-closing-time': '柜台下班时间（北京时间，之后提醒未发放卡入库）',
    'replication-lag-alert-seconds': '同步到副本数据库落后多少秒时提醒管理员',
  },
  clockTime: '须为 24 小时制的 HH:MM，例如 17:30',
  integerBetween: (p: { min: number; max: number }) => `须为 ${p.min} 到 ${p.max} 之间的整数`,
} as const;
