/**
 * Names with rare characters (生僻字), GD Art. 34 and 人社信息函〔2019〕17号: a character outside
 * GB18030 is written as half-width square brackets around its upper-case pinyin, `张[CHUI]`,
 * once per rare character. Such names are valid input everywhere, are compared and sorted
 * like other names, and must survive a round trip through our files unchanged.
 */
import { fail, ok } from './check-result.ts';
import type { CheckResult } from './check-result.ts';

export type NameSegment = { kind: 'text'; text: string } | { kind: 'rare'; pinyin: string };

/** The middle dot of minority and transliterated names (阿卜杜·热合曼), as GB 18030 has it. */
export const NAME_DOT = '\u00B7';

/**
 * Dots people type instead of U+00B7: bullet, hyphenation point, katakana and half-width
 * katakana middle dots, bullet/dot operators, Greek ano teleia, full-width full stop.
 * Mapped before NFKC because NFKC turns U+FF0E into an ASCII full stop.
 */
const DOT_VARIANTS = /[\u2022\u2027\u2219\u22C5\u30FB\uFF65\uFF0E\u0387\u2E31]/gu;

/** GD Art. 34 asks for half-width brackets; IMEs produce these instead. */
const BRACKET_VARIANTS: Readonly<Record<string, string>> = { '【': '[', '】': ']', '［': '[', '］': ']' };

/** The longest Mandarin syllables (ZHUANG, CHUANG, SHUANG) have 6 letters. */
const MAX_PINYIN = 6;

/**
 * Canonical spelling of a name, before validation: brackets and dots unified, NFKC applied,
 * pinyin upper-cased, stray spaces removed. Latin letters outside brackets keep their case
 * (a foreign holder's name is data, not a code).
 */
export function normalizeName(s: string): string {
  let t = s.replace(/[【】［］]/gu, (c) => BRACKET_VARIANTS[c] ?? c).replace(DOT_VARIANTS, NAME_DOT);
  t = t.normalize('NFKC');
  // An ASCII full stop between Chinese characters can only be a mistyped middle dot; between
  // Latin letters it may be an initial (JOHN F. KENNEDY), so it is left alone there.
  t = t.replace(/(?<=[\p{Script=Han}\]])\s*\.\s*(?=[\p{Script=Han}\[])/gu, NAME_DOT);
  t = t.replace(/[\u200B-\u200D\u2060]/gu, '').replace(/\s+/gu, ' ').trim();
  // Spaces matter only between Latin words; "张 三" and "张三" are the same person's name.
  t = t.replace(/ (?=[\p{Script=Han}\[\]·])|(?<=[\p{Script=Han}\[\]·]) /gu, '');
  t = t.replace(/\[([^\[\]]*)\]/gu, (_m, p: string) => `[${p.replace(/ /g, '').toUpperCase()}]`);
  return t;
}

/**
 * Splits a name into ordinary text and rare characters. Rejected, with a reason: empty
 * names, unbalanced or nested brackets, pinyin that is not 1-6 letters A-Z, digits,
 * private-use characters, other symbols, and misplaced middle dots.
 */
export function parseName(s: string): CheckResult<NameSegment[]> {
  const n = normalizeName(s);
  if (n === '') return fail('NAME_EMPTY', '姓名为空，请按证件填写姓名。');
  if (/^·|·$|··/u.test(n)) {
    return fail('NAME_DOT', '姓名中的间隔号“·”只能出现在两个字之间，且不能连用，请按证件核对。');
  }
  const segments: NameSegment[] = [];
  let text = '';
  let pinyin: string | null = null;
  for (const ch of n) {
    if (ch === '[') {
      if (pinyin !== null) return fail('NAME_BRACKET', bracketMessage('中括号不能嵌套'));
      if (text !== '') segments.push({ kind: 'text', text });
      text = '';
      pinyin = '';
    } else if (ch === ']') {
      if (pinyin === null) return fail('NAME_BRACKET', bracketMessage('出现了没有配对“[”的“]”'));
      const bad = checkPinyin(pinyin);
      if (bad) return bad;
      segments.push({ kind: 'rare', pinyin });
      pinyin = null;
    } else if (pinyin !== null) {
      pinyin += ch;
    } else {
      const bad = checkTextChar(ch);
      if (bad) return bad;
      text += ch;
    }
  }
  if (pinyin !== null) return fail('NAME_BRACKET', bracketMessage('“[”没有配对的“]”'));
  if (text !== '') segments.push({ kind: 'text', text });
  return ok(segments);
}

function bracketMessage(what: string): string {
  return `姓名中的生僻字写法有误：${what}。每个生僻字应写成半角中括号加大写拼音，如 张[CHUI]（广东省社保卡业务经办规程第三十四条）。`;
}

function checkPinyin(p: string): { ok: false; code: string; message: string } | null {
  if (p === '') return fail('NAME_PINYIN', bracketMessage('中括号内没有拼音'));
  if (/[0-9]/.test(p)) return fail('NAME_PINYIN', bracketMessage('拼音不带声调数字'));
  if (/Ü/u.test(p)) return fail('NAME_PINYIN', bracketMessage('拼音 ü 请写作 V（如 LV）'));
  if (!/^[A-Z]+$/.test(p)) return fail('NAME_PINYIN', bracketMessage('中括号内只能是英文字母拼音'));
  if (p.length > MAX_PINYIN) {
    return fail('NAME_PINYIN', bracketMessage(`中括号内只写一个字的拼音（最长${MAX_PINYIN}个字母）`));
  }
  return null;
}

function checkTextChar(ch: string): { ok: false; code: string; message: string } | null {
  if (/\p{Nd}/u.test(ch)) return fail('NAME_DIGIT', '姓名中不能含有数字，请按证件核对。');
  if (/\p{Co}/u.test(ch)) {
    return fail(
      'NAME_PRIVATE_USE',
      '姓名中含有造字区（私用区）字符，其他系统无法识别；生僻字请写成半角中括号加大写拼音，如 张[CHUI]（广东省社保卡业务经办规程第三十四条）。',
    );
  }
  // Letters of any script (Han, including the extension blocks, and Latin for foreign
  // holders), combining marks, 〇 (a letter number used in names), the middle dot, and the
  // space, full stop, hyphen and apostrophe of Latin names (JOHN F. O'NEIL-SMITH).
  if (/[\p{L}\p{M}〇· .'-]/u.test(ch)) return null;
  return fail('NAME_CHAR', `姓名中含有不允许的字符“${ch}”，请按证件核对。`);
}

export function formatName(segments: readonly NameSegment[]): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : `[${s.pinyin}]`)).join('');
}

/**
 * True when a name uses the rare-character notation. A name too malformed to parse counts
 * when it still contains a bracket, so that the GD Art. 34 (三) exemption from name matching
 * and the 宋体-18030 print font (GD Annex 9) are not lost to a typo.
 */
export function hasRareCharacters(s: string): boolean {
  const r = parseName(s);
  if (r.ok) return r.value.some((seg) => seg.kind === 'rare');
  return /[\[\]]/.test(normalizeName(s));
}

/** Equality of the normalised spellings; case of Latin text still matters. */
export function namesEqual(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/**
 * One character per Mandarin syllable, chosen to have a single common reading, so that a rare
 * character sorts where its pinyin puts it among ordinary characters: Intl.Collator('zh-CN')
 * orders Han by pinyin but puts every Latin letter after every Han character, so keeping the
 * raw pinyin would push 张[CHUI] behind 张左. The order of this list under the collator is
 * checked by a test. V stands for ü (LV, LVE, NV, NVE), as on Chinese keyboards.
 */
const SYLLABLE_CHARS =
  'A啊 AI爱 AN安 ANG昂 AO奥 BA八 BAI白 BAN班 BANG帮 BAO包 BEI北 BEN本 ' +
  'BENG崩 BI比 BIAN边 BIAO标 BIE别 BIN宾 BING兵 BO波 BU不 CA擦 CAI才 CAN餐 ' +
  'CANG仓 CAO草 CE册 CEN岑 CENG层 CHA茶 CHAI柴 CHAN产 CHANG常 CHAO超 CHE彻 CHEN陈 ' +
  'CHENG成 CHI吃 CHONG冲 CHOU抽 CHU出 CHUAI揣 CHUAN川 CHUANG窗 CHUI吹 CHUN春 CHUO戳 CI次 ' +
  'CONG从 COU凑 CU粗 CUAN窜 CUI催 CUN村 CUO错 DA答 DAI带 DAN丹 DANG当 DAO刀 ' +
  'DE德 DENG灯 DI低 DIA嗲 DIAN点 DIAO刁 DIE爹 DING丁 DIU丢 DONG东 DOU斗 DU毒 ' +
  'DUAN段 DUI对 DUN吨 DUO多 E鹅 EN恩 ER二 FA发 FAN反 FANG方 FEI飞 FEN分 ' +
  'FENG风 FO仏 FOU缶 FU夫 GA嘎 GAI该 GAN甘 GANG刚 GAO高 GE哥 GEI给 GEN根 ' +
  'GENG耕 GONG工 GOU沟 GU古 GUA瓜 GUAI乖 GUAN关 GUANG光 GUI归 GUN滚 GUO国 HA哈 ' +
  'HAI海 HAN汉 HANG航 HAO好 HE河 HEI黑 HEN很 HENG横 HONG洪 HOU后 HU湖 HUA花 ' +
  'HUAI怀 HUAN欢 HUANG黄 HUI灰 HUN婚 HUO火 JI机 JIA家 JIAN间 JIANG江 JIAO交 JIE街 ' +
  'JIN金 JING京 JIONG窘 JIU九 JU居 JUAN捐 JUE决 JUN军 KA喀 KAI开 KAN看 KANG康 ' +
  'KAO考 KE科 KEN肯 KENG坑 KONG空 KOU口 KU苦 KUA夸 KUAI快 KUAN宽 KUANG框 KUI亏 ' +
  'KUN昆 KUO阔 LA拉 LAI来 LAN兰 LANG狼 LAO老 LE叻 LEI雷 LENG冷 LI里 LIA俩 ' +
  'LIAN连 LIANG良 LIAO辽 LIE列 LIN林 LING零 LIU刘 LONG龙 LOU楼 LU路 LV吕 LUAN乱 ' +
  'LVE略 LUN论 LUO罗 MA马 MAI买 MAN满 MANG忙 MAO毛 MEI美 MEN门 MENG梦 MI米 ' +
  'MIAN面 MIAO苗 MIE灭 MIN民 MING明 MIU谬 MO摸 MOU某 MU木 NA拿 NAI奶 NAN男 ' +
  'NANG囊 NAO脑 NE讷 NEI内 NEN嫩 NENG能 NI你 NIAN年 NIANG娘 NIAO袅 NIE捏 NIN您 ' +
  'NING宁 NIU牛 NONG农 NU奴 NV女 NUAN暖 NVE虐 NUO挪 O噢 OU欧 PA怕 PAI排 ' +
  'PAN盘 PANG旁 PAO跑 PEI陪 PEN盆 PENG朋 PI皮 PIAN片 PIAO飘 PIE撇 PIN品 PING平 ' +
  'PO坡 POU剖 PU铺 QI七 QIA恰 QIAN千 QIANG枪 QIAO桥 QIE切 QIN琴 QING青 QIONG穷 ' +
  'QIU秋 QU趋 QUAN全 QUE缺 QUN群 RAN然 RANG让 RAO绕 RE热 REN人 RENG仍 RI日 ' +
  'RONG容 ROU肉 RU如 RUAN软 RUI瑞 RUN润 RUO弱 SA撒 SAI赛 SAN三 SANG桑 SAO扫 ' +
  'SE涩 SEN森 SENG僧 SHA沙 SHAI晒 SHAN山 SHANG上 SHAO少 SHE社 SHEN身 SHENG生 SHI十 ' +
  'SHOU手 SHU书 SHUA刷 SHUAI帅 SHUAN拴 SHUANG双 SHUI水 SHUN顺 SHUO硕 SI四 SONG松 SOU搜 ' +
  'SU苏 SUAN酸 SUI岁 SUN孙 SUO所 TA他 TAI太 TAN谈 TANG汤 TAO桃 TE特 TENG疼 ' +
  'TI体 TIAN天 TIAO条 TIE铁 TING听 TONG同 TOU头 TU土 TUAN团 TUI推 TUN吞 TUO托 ' +
  'WA挖 WAI外 WAN晚 WANG王 WEI微 WEN文 WENG翁 WO我 WU五 XI西 XIA下 XIAN先 ' +
  'XIANG香 XIAO小 XIE写 XIN心 XING星 XIONG熊 XIU修 XU需 XUAN选 XUE学 XUN寻 YA牙 ' +
  'YAN言 YANG阳 YAO摇 YE夜 YI一 YIN音 YING英 YONG永 YOU有 YU鱼 YUAN元 YUE月 ' +
  'YUN云 ZA杂 ZAI在 ZAN赞 ZANG脏 ZAO早 ZE则 ZEI贼 ZEN怎 ZENG增 ZHA炸 ZHAI摘 ' +
  'ZHAN站 ZHANG章 ZHAO找 ZHE者 ZHEN真 ZHENG正 ZHI之 ZHONG中 ZHOU周 ZHU主 ZHUA抓 ZHUAI拽 ' +
  'ZHUAN专 ZHUANG装 ZHUI追 ZHUN准 ZHUO桌 ZI子 ZONG总 ZOU走 ZU足 ZUAN钻 ZUI最 ZUN尊 ' +
  'ZUO做';

const SYLLABLES: ReadonlyMap<string, string> = new Map(
  SYLLABLE_CHARS.split(' ').map((e) => [e.replace(/\P{Lu}/gu, ''), e.replace(/\p{Lu}/gu, '')]),
);
/** Sorted as the collator sorts pinyin: ü counts as u (lu < lü < luan < lüe < lun). */
export const PINYIN_SYLLABLES: readonly string[] = [...SYLLABLES.keys()].sort((x, y) => pinyinOrder(x, y));

function pinyinOrder(x: string, y: string): number {
  const px = x.replace(/V/g, 'U');
  const py = y.replace(/V/g, 'U');
  if (px !== py) return px < py ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The character a rare segment sorts as. A syllable missing from the list (interjections
 * like DEI or NOU, or a non-standard spelling) sorts with the nearest syllable before it.
 */
export function pinyinSortChar(pinyin: string): string {
  const p = pinyin.toUpperCase().replace(/^([LN])UE$/, '$1VE');
  const exact = SYLLABLES.get(p);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  for (const syl of PINYIN_SYLLABLES) {
    if (pinyinOrder(syl, p) <= 0) best = syl;
    else break;
  }
  return best === undefined ? p : (SYLLABLES.get(best) ?? p);
}

/**
 * A string to sort by with Intl.Collator('zh-CN'): the normalised name with each rare
 * segment replaced by a common character of the same pinyin. Not for display or storage.
 */
export function nameSortKey(s: string): string {
  const r = parseName(s);
  if (!r.ok) return normalizeName(s);
  return r.value.map((seg) => (seg.kind === 'text' ? seg.text : pinyinSortChar(seg.pinyin))).join('');
}

const collator = new Intl.Collator('zh-CN');

/**
 * Orders names by pinyin with rare characters in their pinyin place; ties (张[CHUI] and 张锤
 * share a sort key) are broken by the spelling so that the order is total and stable.
 */
export function compareNames(a: string, b: string): number {
  const byKey = collator.compare(nameSortKey(a), nameSortKey(b));
  if (byKey !== 0) return byKey;
  const na = normalizeName(a);
  const nb = normalizeName(b);
  const byName = collator.compare(na, nb);
  if (byName !== 0) return byName;
  return na < nb ? -1 : na > nb ? 1 : 0;
}
