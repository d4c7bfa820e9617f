// sbk-data-table: the suffixes that end a Chinese city-level place name (市, 州, 自治州, 林区, 地区, 盟), matched against file names as input data
/**
 * Which city a maker's return file is for, and whether that is the ledger's city.
 *
 * The file names its city card body: GD Annex 9 一(四) “回盘数据文件名：
 * YZKCG_银行_市卡管机构_批次_数量_卡商_开户行号_时间.txt”, and the cards go to that body
 * (GD Annex 9 一(一) 第5步 “预制卡成品卡配送市卡管机构”, 第7步 “市卡管机构接收预制卡并…分发到…
 * 服务网点”). A file naming another city's body was most likely sent to the wrong office. The
 * regulations do not forbid taking it in (HB Art. 40: an office may make cards for applicants
 * from elsewhere in the province and mail them on), so the import asks instead of refusing.
 *
 * The name, not the content, decides: the Annex gives the rows no city (its 卡识别码 sample is
 * `sbm4567890…`, with no region code in it), and a holder's ID number says where the holder was
 * born, not which city made the card.
 */

/** The ledger's city: its card centre's region code and name (`420100`, `武汉市社保卡管理中心`). */
export type LedgerCity = { readonly code: string; readonly name: string };

// What ends the place name of a city-level body: 武汉市, 恩施州 / 恩施土家族苗族自治州,
// 神农架林区, 锡林郭勒盟, 大兴安岭地区. At least two characters come first, so that 荆州 is
// not read as 荆 (which would match 荆门).
const PLACE = /^(.{2,}?)(?:自治州|林区|地区|市|州|盟)/u;

/** The place a body's name starts with, without its 市/州: `广州市社会保险卡管理中心` → `广州`; null if none. */
export function placeStem(body: string): string | null {
  const m = PLACE.exec(body.normalize('NFKC').trim());
  return m ? m[1]! : null;
}

/** A city's region code shared by its counties: 4201xx for 420100; a province-administered city (429004) is its own. */
const cityPart = (code: string): string => (code.endsWith('00') ? code.slice(0, 4) : code);

/**
 * Whether the file's 市卡管机构 names the ledger's city: by a 6-digit region code if it holds
 * one, else by place name, where one may be the longer form of the other (恩施州 and
 * 恩施土家族苗族自治州). A body whose city cannot be read is not the ledger's.
 */
export function isLedgerCity(cityBody: string, city: LedgerCity): boolean {
  const code = /\d{6}/.exec(cityBody)?.[0];
  if (code) return code.startsWith(cityPart(city.code));
  const file = placeStem(cityBody);
  const ours = placeStem(city.name);
  if (!file || !ours) return false;
  return file.startsWith(ours) || ours.startsWith(file);
}
