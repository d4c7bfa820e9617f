/**
 * What the input checks of src/domain say when a number, code or name is wrong (the `message`
 * of a failed CheckResult): what is wrong and what to do. They never echo a full identity,
 * card or bank number (PIPL Art. 28); the caller knows which value it was.
 */

const GD_ART_34 = '广东省社保卡业务经办规程第三十四条';
const RARE_NAME_HOWTO = `每个生僻字应写成半角中括号加大写拼音，如 张[CHUI]（${GD_ART_34}）。`;
const bracket = (what: string): string => `姓名中的生僻字写法有误：${what}。${RARE_NAME_HOWTO}`;

export const inputChecks = {
  /** card-codes.ts: 卡识别码 */
  cardIdCode: {
    empty: '卡识别码为空，请从读卡结果或卡商回盘文件中填写32位卡识别码。',
    chars: '卡识别码只能由英文字母和数字组成，请核对读卡结果或回盘文件。',
    length: (n: number) => `卡识别码应为32位，当前为${n}位，请核对读卡结果或回盘文件。`,
  },
  /** card-codes.ts: 社会保障卡卡号 */
  cardNumber: {
    empty: '社会保障卡卡号为空，请填写9位卡号。',
    length: (n: number) => `社会保障卡卡号应为9位，当前为${n}位，请对照卡面或回盘文件核对。`,
    chars: '社会保障卡卡号应由字母和数字组成（首位可为预制卡占位符 *），请对照卡面或回盘文件核对。',
  },
  /** card-codes.ts: 卡复位码 */
  resetCode: {
    empty: '卡复位码为空，请从读卡结果或卡商回盘文件中填写。',
    chars: '卡复位码只能由英文字母和数字组成，请核对读卡结果或回盘文件。',
    tooLong: (n: number) => `卡复位码最长66位（33字节），当前为${n}位，请核对读卡结果或回盘文件。`,
  },
  /** luhn.ts: 银行卡号 */
  bankCard: {
    empty: '银行卡号为空，请填写13至19位银行卡号。',
    chars: '银行卡号只能包含数字（可用空格或连字符分组），请核对后重新输入。',
    length: (n: number) => `银行卡号应为13至19位数字，当前为${n}位，请核对后重新输入。`,
    luhn: '银行卡号校验位不符（Luhn 校验）：号码中至少有一位有误，请对照卡面核对；若该银行卡号规则确实不用 Luhn 校验，请由管理员在配置中登记其卡号前缀。',
  },
  /** resident-id.ts: 公民身份号码 (GB 11643-1999) and the old 15-digit numbers */
  residentId: {
    /** What the messages call the number unless the caller names the document. */
    numberName: '公民身份号码',
    empty: '证件号码为空，请填写18位公民身份号码。',
    legacy15: '这是15位的旧身份证号码，社会保障号码须为18位公民身份号码；请按持证人现有证件填写18位号码。',
    format: (p: { numberName: string; length: number; otherChars: boolean }) =>
      `${p.numberName}应为18位：17位数字加1位校验码（校验码可为 X），当前为${p.length}位${p.otherChars ? '且含有数字和 X 以外的字符' : ''}，请对照证件重新输入。`,
    checksum: (numberName: string) => `${numberName}校验码不符（GB 11643-1999）：号码中至少有一位录入有误，请对照证件逐位核对。`,
    empty15: '证件号码为空，请填写15位旧身份证号码。',
    format15: (n: number) => `15位旧身份证号码应为15位数字，当前为${n}位，请对照证件重新输入。`,
    birthDateInvalid: '号码中的出生日期（第7-14位）不是实际存在的日期，请对照证件核对。',
    birthDateFuture: '号码中的出生日期（第7-14位）晚于今天，请对照证件核对。',
    birthDateTooEarly: (earliest: string) => `号码中的出生日期（第7-14位）早于 ${earliest}，不合常理，请对照证件核对。`,
  },
  /** id-documents.ts: the documents of HB Art. 5 / GD Art. 35 and their numbers */
  idDocument: {
    labels: {
      resident_id: '居民身份证',
      household: '居民户口簿',
      temporary_id: '临时居民身份证',
      hk_macao_permit: '港澳居民来往内地通行证',
      taiwan_permit: '台湾居民来往大陆通行证',
      hmt_residence_permit: '港澳台居民居住证',
      cn_passport: '中华人民共和国护照',
      foreign_passport: '外国护照',
      foreign_permanent_id: '外国人永久居留身份证',
    },
    /** `居民户口簿号码`: how a document's number is named in messages. */
    numberOf: (label: string) => `${label}号码`,
    unknownLabel: (p: { label: string; known: readonly string[] }) =>
      `无法识别的证件类型“${p.label}”。可用的证件类型：${p.known.join('、')}。`,
    unknownType: (type: string) => `无法识别的证件类型“${type}”，请选择有效的证件类型。`,
    empty: (label: string) => `${label}号码为空，请填写证件号码。`,
    hmtRegion:
      '港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头；若持证人使用的是居民身份证，请将证件类型改为居民身份证。',
    isHmtPermit: '这是港澳台居民居住证号码，请将证件类型改为港澳台居民居住证。',
    isForeignPermanentId: '这是外国人永久居留身份证号码，请将证件类型改为外国人永久居留身份证。',
    hkMacaoFormat: (p: { label: string; length: number }) =>
      `${p.label}号码应为 H（香港）或 M（澳门）加8位数字（旧版证件为加10位数字），当前为${p.length}位，请对照证件核对。`,
    taiwanFormat: (p: { label: string; length: number }) =>
      `${p.label}号码应为8位数字（旧版证件为10位，即8位数字加2位换发次数），当前为${p.length}位，请对照证件核对。`,
    cnPassportFormat: (label: string) =>
      `${label}号码应为9位：首位为 E、G、D、S 或 P，其后为8位数字（或1位字母加7位数字），请对照证件核对。`,
    foreignPassportFormat: (p: { label: string; length: number }) =>
      `${p.label}号码应为5至17位字母或数字（不含空格和符号），当前为${p.length}位，请对照护照资料页核对。`,
    foreignPermanentIdFormat:
      '外国人永久居留身份证号码应为18位（以9开头，2023年版）或15位（3位字母加12位数字，旧版），请对照证件核对。',
    ssnIsIdNumber: (label: string) => `持${label}的，社会保障号码就是证件号码（广东规程第三十五条），请不要另填或改填。`,
    ssnRequired: (label: string) => `持${label}的，社会保障号码由经办机构按全国统一规则编制（广东规程第三十五条），请填写省卡管系统分配的社会保障号码。`,
    ssnFormat: (p: { length: number }) => `社会保障号码应为8至18位数字或大写字母，当前为${p.length}位，请按省卡管系统核对。`,
  },
  /** card-photo.ts: the applicant's photo (HB Art. 12; GD Annex 6) */
  photo: {
    empty: '相片文件是空的，请重新采集相片。',
    notImage: '相片文件不是可识别的图片，请重新采集 JPEG 相片。',
    notJpeg: (type: string) => `相片须为 JPEG 格式（湖北规程第十二条），这是 ${type || '其他格式'} 图片，请转换为 JPEG 或重新采集。`,
    tooLarge: (p: { kb: number }) => `相片文件有 ${p.kb} KB，制卡机最多接收约 47 KB，请按标准（14–40 KB）重新压缩相片。`,
    fileSize: (p: { kb: number }) => `相片文件大小为 ${p.kb} KB，标准为 14–40 KB（湖北规程第十二条），请核对相片质量。`,
    pixels: (p: { width: number; height: number }) => `相片为 ${p.width}×${p.height} 像素，标准为 358×441 像素（宽×高），请核对相片规格。`,
  },
  /** rare-names.ts: names, with rare characters written `张[CHUI]` (GD Art. 34) */
  name: {
    empty: '姓名为空，请按证件填写姓名。',
    dot: '姓名中的间隔号“·”只能出现在两个字之间，且不能连用，请按证件核对。',
    nestedBrackets: bracket('中括号不能嵌套'),
    unpairedClose: bracket('出现了没有配对“[”的“]”'),
    unclosed: bracket('“[”没有配对的“]”'),
    noPinyin: bracket('中括号内没有拼音'),
    toneDigits: bracket('拼音不带声调数字'),
    umlaut: bracket('拼音 ü 请写作 V（如 LV）'),
    pinyinLetters: bracket('中括号内只能是英文字母拼音'),
    pinyinTooLong: (max: number) => bracket(`中括号内只写一个字的拼音（最长${max}个字母）`),
    digit: '姓名中不能含有数字，请按证件核对。',
    privateUse: `姓名中含有造字区（私用区）字符，其他系统无法识别；生僻字请写成半角中括号加大写拼音，如 张[CHUI]（${GD_ART_34}）。`,
    char: (ch: string) => `姓名中含有不允许的字符“${ch}”，请按证件核对。`,
  },
  /** read-check.ts: the chip read before issuance (HB Art. 15-16) */
  readCheck: {
    fields: { cardNo: '卡号', ssn: '社会保障号码', name: '姓名' },
    mismatch: (fields: readonly string[]) => `芯片与台账不一致：${fields.join('、')}`,
  },
} as const;
