/** What the batch application intake and the contact list (HB Art. 14) say. */
export const applicationsText = {
  imported: (p: { file: string; rows: number; photos: number }) => `已登记批量申请文件：申请人 ${p.rows} 名，相片 ${p.photos} 张（${p.file}）。`,
  alreadyImported: (p: { file: string; at: string; rows: number }) => `文件 ${p.file} 已于 ${p.at} 登记（${p.rows} 名申请人），本次未作任何更改。`,
  invalid: (p: { file: string; errors: number }) => `文件 ${p.file} 有 ${p.errors} 处问题，未登记任何内容：`,
  valid: (p: { file: string; rows: number; photos: number }) => `批量申请文件检查通过：申请人 ${p.rows} 名，相片 ${p.photos} 张（${p.file}）。`,
  channels: { phone: '电话', sms: '短信', unit: '通知单位' } as Record<'phone' | 'sms' | 'unit', string>,
  recorded: (p: { cardNo: string; channel: string }) => `已记录：卡 ${p.cardNo} 已${p.channel}联系。`,
};
