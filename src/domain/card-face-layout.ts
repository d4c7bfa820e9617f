/**
 * The province's third-generation card face (GD Annex 9 二(二), iPrint), the same for every
 * city: what the printer is sent, and the captions, fonts and positions the Annex fixes —
 *   “姓名  XXXXXX|宋体|8.5|320|180”、“社会保障号码  X…|宋体|8.5|320|230”、“卡号  X…|宋体|8.5|320|280”、
 *   “发卡日期  XXXX年XX月XX日|宋体|8.5|320|330”、“”、“”、“相片|46|127|234|300”。
 * The printer driver (drivers/printer/) and the face builder (card-face.ts) share these types.
 *
 * sbk-data-table: the card-face layout of GD Annex 9 二(二): the printed captions and font names
 * are part of the province's print standard (what the device is sent), not operator messages.
 */

/** `data|font|size|left|top`, e.g. `姓名  张三|宋体|8.5|320|180` (Annex 9 二(二) iPrint). */
export type PrintText = { data: string; font: string; size: number; left: number; top: number };
/** `base64|left|top|width|height`. */
export type PrintPhoto = { base64: string; left: number; top: number; width: number; height: number };
/** sData1..sData6 and sPhoto1..sPhoto2; null (or an empty data field) is not printed. */
export type CardFace = { texts: readonly (PrintText | null)[]; photos: readonly (PrintPhoto | null)[] };

export const FACE_FONT = '宋体';
/** GD Annex 9: “当姓名中包含生僻字时，系统自动将姓名项的“字体”打印参数替换为“宋体-18030””. */
export const RARE_NAME_FONT = '宋体-18030';
export const FACE_TEXT_SIZE = 8.5;
export const FACE_TEXT_LEFT = 320;

/** The four text lines, top to bottom: caption and vertical position. */
export const FACE_LINES = {
  name: { caption: '姓名', top: 180 },
  ssn: { caption: '社会保障号码', top: 230 },
  cardNo: { caption: '卡号', top: 280 },
  issueDate: { caption: '发卡日期', top: 330 },
} as const;

/** 发卡日期 as the face prints it: `2026年11月23日`. */
export function faceDate(y: string, m: string, d: string): string {
  return `${y}年${m}月${d}日`;
}

export const FACE_PHOTO = { left: 46, top: 127, width: 234, height: 300 } as const;
