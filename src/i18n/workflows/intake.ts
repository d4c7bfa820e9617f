/**
 * Intake at a card centre or office: registering a maker's return file (import-maker-file.ts),
 * counting a batch in (check-in.ts), the batch register (batch-register.ts). Results' messages,
 * problems found in a file, and the texts written on movements and discrepancies.
 */
const KIND = { finished: '成品卡', prefab: '预制卡' } as const;

export const intakeText = {
  import: {
    /** The maker file's columns (GD Annex 9 一(四)) a problem can be found in. */
    columns: { cardNo: '社保卡号', cardIdCode: '卡识别码', bankCardNo: '银行卡号' },
    alreadyImported: (p: { at: string; by: string; site: string }) => `此文件已于 ${p.at} 由${p.by}（${p.site}）导入，本次未做任何更改。`,
    cardInLedger: (p: { line: number; cardNo: string; site: string; state: string }) =>
      `第 ${p.line} 行：卡号 ${p.cardNo} 已在台账中（${p.site}，${p.state}），不能重复入库。`,
    codeInLedger: (p: { line: number; column: string; owner: string }) =>
      `第 ${p.line} 行：${p.column}与台账中卡 ${p.owner} 的相同，每张卡应各不相同。请联系卡商核对。`,
    batchExists: (p: { batch: string }) => `制卡批次 ${p.batch} 已在台账中登记过，请核对文件。`,
    invalid: (p: { problems: number }) => `文件有 ${p.problems} 处问题，未写入台账。请改正后重新导入。`,
    valid: (p: { batch: string; rows: number; kind: keyof typeof KIND; boxes: number }) =>
      `检查通过：批次 ${p.batch}，${p.rows} 张${KIND[p.kind]}，${p.boxes} 箱。`,
    imported: (p: { file: string; batch: string; registered: number; received: number; place: string; shipment: string | null }) =>
      `已导入 ${p.file}：批次 ${p.batch}，${p.registered} 张卡${p.received ? `，已入库 ${p.received} 张（${p.place}）` : '，待清点入库'}${p.shipment ? `；已记为省中心发来的交接单 ${p.shipment}` : ''}。`,
    /** The method on each card received with `--receive`. */
    receiveMethod: '按箱清点入库',
  },
  checkIn: {
    receiveMethod: '逐箱清点入库',
    /** HB Art. 16: a card that arrived damaged is recorded as such, with what was seen. */
    damaged: (p: { reason: string }) => `到货损坏：${p.reason}`,
    missing: (p: { box: string }) => `箱 ${p.box} 清点时缺少`,
    extraKnown: (p: { site: string; state: string }) => `不在本批清单中；台账记录在 ${p.site}（${p.state}）`,
    extraUnknown: '不在本批清单中，台账中也没有此卡',
  },
  register: {
    /** Who answers for a card on its way: the sender, until someone signs (GD Art. 12). */
    inTransit: (p: { sender: string | null }) => (p.sender ? `在途（发出人 ${p.sender}）` : '在途'),
  },
} as const;
