/**
 * The sort characters of rare-name pinyin (rare-names.ts pinyinSortChar).
 *
 * sbk-data-table: one common Han character per Mandarin syllable, a lookup table for sorting
 * names by pinyin; never shown to anyone.
 */

/**
 * One character per Mandarin syllable, chosen to have a single common reading, so that a rare
 * character sorts where its pinyin puts it among ordinary characters: Intl.Collator('zh-CN')
 * orders Han by pinyin but puts every Latin letter after every Han character, so keeping the
 * raw pinyin would push 张[CHUI] behind 张左. The order of this list under the collator is
 * checked by a test. V stands for ü (LV, LVE, NV, NVE), as on Chinese keyboards.
 */
export const SYLLABLE_CHARS =
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
