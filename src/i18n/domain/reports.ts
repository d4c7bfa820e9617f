/**
 * The paper forms and files the domain formatters print (src/domain/*-format.ts): the hand-over
 * sheet, the issuance receipt, the prefab count report and result, the batch register. Labels
 * end with the colon they are printed with; citations quote the regulations.
 */

/** A line a pen fills in. */
const SIGN_BLANK = '________________';
const DATE_BLANK = '日期：____年__月__日';

const GD = '《广东省社会保障卡业务经办规程》';
const HB = '《湖北省社会保障卡业务经办规程》';

export const reportTexts = {
  /** The seal head every count report and hand-over sheet ends with (src/domain/ledger-head.ts). */
  ledgerHead: {
    line: (p: { seq: number; code: string }) => `台账封印：第 ${p.seq} 号 ${p.code}`,
    check: (p: { seq: number; code: string }) => `（日后核对台账未被改写：sbk verify --seal ${p.seq}:${p.code}）`,
    csv: '台账封印',
  },
  sign: { blank: SIGN_BLANK, date: DATE_BLANK },

  /** 交接单 (GD Art. 12): hand-over-sheet-format.ts */
  handover: {
    title: '社会保障卡交接单',
    ruleQuote: `依据${GD}第十二条：纸质交接记录须与系统电子记录一致，至少保管5年。`,
    draftTime: '未发出（草稿）',
    noTracking: '—',
    prefabName: '（预制卡）',
    unit: ' 张',
    fields: {
      number: '交接单号：',
      from: '发出单位：',
      to: '接收单位：',
      method: '发放方式：',
      tracking: '运单号：',
      sender: '发出人：',
      createdBy: '制单人：',
      sentAt: '发出时间：',
    },
    batches: (n: number) => `批次（共 ${n} 个）：`,
    boxes: (n: number) => `箱（共 ${n} 个）：`,
    total: (n: number) => `卡片总数：${n} 张`,
    cardList: '卡片清单：',
    columns: { seq: '序号', cardNo: '社保卡号', batch: '批次', box: '箱号', name: '姓名' },
    note: '备注：',
    signatures: ['发出人签字：', '接收单位签收人签字：', '保管人（责任人）签字：'],
    /** `420100-2026-1120×24；420100-2026-1121×1`: one spreadsheet cell. */
    countCell: (items: readonly { label: string; count: number }[]) => items.map((i) => `${i.label}×${i.count}`).join('；'),
    csv: {
      number: '交接单号',
      from: '发出单位',
      to: '接收单位',
      method: '发放方式',
      tracking: '运单号',
      sender: '发出人',
      createdBy: '制单人',
      sentAt: '发出时间',
      batches: '批次',
      boxes: '箱',
      total: '卡片总数',
      note: '备注',
      signatures: ['发出人签字', '签收人签字', '保管人签字', '签收日期'],
    },
  },

  /** 社会保障卡领取回执 (HB Art. 15; GD Art. 14): issue-receipt-format.ts */
  receipt: {
    title: '社会保障卡领取回执',
    // GD Art. 14: verify the applicant's ID, read-check, the holder signs (个人领取).
    gdIssueQuote: `依据${GD}第十四条：核验领取人有效身份证件，做读卡检测，持卡人签收后发放社会保障卡。`,
    // GD Art. 14 二 is the issuance rule for agents; GD Art. 33 二 words the same duty for any business done by an agent.
    gdAgentQuote: `依据${GD}第十四条、第三十三条二：委托他人代办的，须核验持卡人和代办人的有效身份证明原件，留存代办人身份证明复印件或影像资料。`,
    hbIssueQuote: `依据${HB}第十五条：核验申领人有效身份证件，做读卡检测，申领人签字确认后发放社会保障卡。`,
    // HB Art. 7: 个人代办 needs both the holder's and the agent's valid ID originals.
    hbAgentQuote: `依据${HB}第七条：个人代办应提供委托人、代办人双方有效身份证件原件。`,
    empty: '—',
    fields: {
      cardNo: '社保卡号：',
      holder: '持卡人：',
      holderId: '持卡人证件号码：',
      bank: '服务银行：',
      receiver: '领取方式：',
      agent: '代领人：',
      agentId: '代领人证件号码：',
      agentRelation: '与持卡人关系：',
      issueKind: '发放类型：',
      readCheck: '读卡检测：',
      site: '发放网点：',
      operator: '经办人：',
      at: '发放时间：',
    },
    receivers: { self: '本人领取', agent: '他人代领' },
    issueKinds: { first: '首次发放', second: '回收后二次发放' },
    readChecks: { passed: '通过（芯片可读，卡内信息与卡面一致）', not_done: '未做' },
    confirm: {
      self: '本人已核对卡面信息，确认领取上述社会保障卡。',
      agent: '代领人已核对卡面信息，确认代持卡人领取上述社会保障卡。',
    },
    signatures: { self: '领取人签字：', agent: '代领人签字：', operator: '经办人签字：' },
  },

  /** 预制卡盘点 (GD Art. 36 一(四)): count-report-format.ts */
  count: {
    reportTitle: '预制卡盘点对账表',
    /** How the figures relate, one equation a line. */
    balanceRule: ['期初 + 入库 - 使用 - 作废 - 调出 = 期末；', '实点 = 期末 - 缺少 + 多出；差异 = 缺少 + 多出（单位：张）。'],
    dailyRule: '预制卡须每天盘点数量（GD 第三十六条）；⚠ 为工作日没有已结束的盘点。',
    warn: '⚠',
    /** How the count workflow keys a hopper among boxes: `卡盒:制卡机1-卡盒1`. */
    hopperKeyPrefix: '卡盒:',
    hopper: (name: string) => `卡盒 ${name}`,
    box: (key: string) => `箱 ${key}`,
    /** A long bank name's prefix the report's narrow column drops: 中国工商银行 → 工商银行. */
    bankPrefix: '中国',
    figures: {
      opening: '期初',
      received: '入库',
      consumed: '使用',
      spoiled: '作废',
      movedOut: '调出',
      closing: '期末',
      counted: '实点',
      differences: '差异',
    },
    columns: { date: '日期', bank: '银行', countedBy: '盘点人', approvedBy: '复核人', hint: '提示' },
    noCountDayOff: '无盘点（非工作日）',
    site: (p: { code: string; name: string }) => `网点：${p.code} ${p.name}`,
    period: (p: { from: string; to: string }) => (p.from === p.to ? `期间：${p.from}` : `期间：${p.from} 至 ${p.to}`),
    printed: (who: string) => `打印：${who}`,
    noPrefab: '本网点在此期间没有预制卡。',
    allCounted: (p: { days: number; rows: number }) => `共 ${p.days} 天、${p.rows} 行；每个工作日都有已结束的盘点。`,
    someMissing: (p: { days: number; rows: number; warnings: number }) =>
      `共 ${p.days} 天、${p.rows} 行；⚠ ${p.warnings} 行是工作日没有已结束的盘点：`,
    csv: {
      siteCode: '网点编码',
      site: '网点',
      from: '起始日期',
      to: '截止日期',
      printedAt: '打印时间',
      printedBy: '打印人',
    },
    /** One submitted count (formatCountResultText). */
    result: {
      clean: (id: number) => `盘点 ${id} 已提交：账实相符，没有差异。`,
      differences: (p: { id: number; missing: number; unexpected: number }) =>
        `盘点 ${p.id} 已提交：有差异，缺少 ${p.missing} 张，多出 ${p.unexpected} 张。`,
      noPrefab: '本网点没有预制卡。',
      balance: (l: { opening: number; received: number; consumed: number; spoiled: number; movedOut: number; closing: number }) =>
        `期初 ${l.opening} + 入库 ${l.received} - 使用 ${l.consumed} - 作废 ${l.spoiled} - 调出 ${l.movedOut} = 期末 ${l.closing}`,
      counted: (l: { counted: number; closing: number; missing: number; unexpected: number }) =>
        `实点 ${l.counted} = 期末 ${l.closing} - 缺少 ${l.missing} + 多出 ${l.unexpected}`,
      unbalanced: '⚠ 账目不平：请运行 sbk verify 并联系管理员。',
      boxesTitle: '箱与卡盒：',
      boxColumns: { box: '箱或卡盒', expected: '应有', counted: '实点', difference: '差异' },
      missingTitle: (n: number) => `缺少的卡（${n} 张，台账有、未点到）：`,
      unexpectedTitle: (n: number) => `多出的卡（${n} 张，点到了、台账不在本网点）：`,
      cardColumns: { cardNo: '卡号', bank: '银行', box: '箱或卡盒', where: '台账所在' },
      notOnBooks: '台账中无此卡',
    },
  },

  /** 登记造册 (GD Art. 12 一(三)): batch-register-format.ts */
  batchRegister: {
    title: '登记造册  ',
    empty: '（本辖区内没有这个批次的卡片）',
    csv: {
      batch: '批次',
      kind: '卡类',
      bank: '银行',
      maker: '卡商',
      declared: '应有张数',
      scope: '范围',
      generatedAt: '生成时间',
      generatedBy: '生成人',
      outsideScope: '不在本辖区',
      byState: '按状态',
      bySite: '按网点',
      state: '状态',
      count: '张数',
      siteCode: '网点编码',
      site: '网点',
      cardColumns: ['箱号', '箱内位置', '社保卡号', '姓名', '证件号码', '状态', '所在网点', '保管地点', '保管人/持有人', '状态时间'],
    },
    columns: { box: '箱号', cardNo: '社保卡号', name: '姓名', idNumber: '证件号码', state: '状态', site: '网点', heldBy: '保管人' },
    batch: (code: string) => `批次 ${code}`,
    declared: (n: number) => `应有 ${n} 张`,
    scope: (p: { code: string; name: string }) => `范围 ${p.code} ${p.name}`,
    inScope: (n: number) => `本辖区 ${n} 张`,
    outsideScope: (n: number) => `不在本辖区 ${n} 张`,
    bank: (name: string) => `银行 ${name}`,
    maker: (name: string) => `卡商 ${name}`,
    generated: (p: { at: string; by: string }) => `生成 ${p.at}  ${p.by}`,
    byState: '按状态：',
    bySite: '按网点：',
    siteHead: (p: { code: string; name: string }) => `${p.code} ${p.name}：`,
    count: (p: { label: string; n: number }) => `${p.label} ${p.n}`,
  },
} as const;
