/**
 * `sbk instant`: instant issuance at the counter's printer (GD Annex 9 二): help texts and what
 * it prints.
 */
export const instantText = {
  describe: '即时制卡：用制卡机把预制卡制成申请人的社保卡并当场发放（GD 附件9）',
  /** A card made and left in stock for the applicant, after `make` or `resolve`. */
  stocked: (p: { jobNo: string; cardNo: string; placeName: string }) => `任务 ${p.jobNo}：社保卡 ${p.cardNo} 已入库待领（${p.placeName}）。`,
  make: {
    describe: '为一名申请人制卡：按服务银行选卡盒、进卡、核对空白卡、写卡、写 CA、回读核对、印卡面、登记发放',
    name: '申请人姓名（生僻字写作 张[CHUI]）',
    printedName: '姓名含生僻字时：卡面上印的姓名（生僻字本身，字体用 宋体-18030）',
    id: '申请人证件号码',
    idType:
      '证件类型（默认 resident_id 居民身份证）：household、temporary_id、hk_macao_permit 港澳居民来往内地通行证、taiwan_permit 台湾居民来往大陆通行证、hmt_residence_permit 港澳台居民居住证、cn_passport、foreign_passport 外国护照、foreign_permanent_id 外国人永久居留身份证，也可写中文名称',
    ssn: '社会保障号码：持通行证、护照或永久居留身份证的，填省卡管系统分配的号码（广东规程第三十五条）；其他证件即证件号码，可不填',
    birthDate: '出生日期 YYYY-MM-DD：证件号码中没有出生日期且不提供相片时填写（未满7周岁不采集相片）',
    bank: '服务银行（如 中国工商银行）',
    cardNo: '省卡管系统分配的社保卡号',
    photo: '申请人相片文件（JPEG，358×441 像素，14–40 KB；未满7周岁可不提供）',
    printer: '制卡机名称（默认本网点第一台）',
    receipt: '把领取回执存入 exports/',
    issued: (p: { jobNo: string; cardNo: string; blankNo: string; holder: string }) =>
      `即时制卡完成（任务 ${p.jobNo}）：社保卡 ${p.cardNo} 已用预制卡 ${p.blankNo} 制成，写卡回读核对通过，已发给 ${p.holder}。`,
    failed: (p: { jobNo: string; code: string; message: string; blankNo: string }) =>
      `制卡失败（任务 ${p.jobNo}）[${p.code}]：${p.message}\n预制卡 ${p.blankNo} 已登记作废。确认后可用下一张卡重试（再次运行同一命令）。`,
    void: (p: { jobNo: string; code: string; message: string }) => `未制卡（任务 ${p.jobNo}）[${p.code}]：${p.message}`,
    receiptSaved: (p: { path: string }) => `领取回执：${p.path}`,
    warning: (message: string) => `注意：${message}`,
  },
  /** Why the applicant's photo could not be read, by the system's error code. */
  photoUnreadable: { ENOENT: '文件不存在', EISDIR: '这是一个目录', EACCES: '没有读取权限' } as Readonly<Record<string, string>>,
  pending: {
    describe: '列出中断未完成的制卡任务（程序被关闭、断电、断线时留下的）',
    none: '没有中断的制卡任务。',
    job: (p: { jobNo: string; at: string; printer: string; hopper: number; applicant: string; idMasked: string; cardNo: string; blankNo: string }) =>
      `${p.jobNo}  ${p.at}  ${p.printer} 卡盒${p.hopper}  ${p.applicant}（${p.idMasked}）  卡号 ${p.cardNo}  预制卡 ${p.blankNo}`,
    resolveWith: (p: { jobNo: string; face: boolean; handTo: boolean }) =>
      `处理：sbk instant resolve ${p.jobNo}${p.face ? ' --face good|bad' : ''}${p.handTo ? ' --hand-to applicant|stock' : ''}`,
  },
  resolve: {
    describe: '处理一个中断的制卡任务：查询制卡机状态，按中断时的步骤作废、撤销或补登发放',
    job: '任务号（sbk instant pending 列出）',
    face: '打印时中断：经办人查看卡面后选择 good（完好）或 bad（有误，作废）',
    handTo: '卡已制好：applicant 发给申请人，stock 入库待领',
    place: '入库待领时的保管地点（默认本网点第一个）',
    placeOnlyForStock: '--place 只用于 --hand-to stock。',
    issued: (p: { jobNo: string; cardNo: string }) => `任务 ${p.jobNo}：社保卡 ${p.cardNo} 已登记发给申请人。`,
    failed: (p: { jobNo: string; blankNo: string; message: string }) => `任务 ${p.jobNo}：预制卡 ${p.blankNo} 已登记作废。${p.message}`,
    void: (p: { jobNo: string; message: string }) => `任务 ${p.jobNo} 已撤销。${p.message}`,
  },
} as const;
