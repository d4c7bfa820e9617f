/**
 * What an instant-issuance printer prints on a card (GD Annex 9 二(二), iPrint): the province's
 * third-generation layout, the same for every city —
 *   “姓名  XXXXXX|宋体|8.5|320|180”、“社会保障号码  X…|宋体|8.5|320|230”、“卡号  X…|宋体|8.5|320|280”、
 *   “发卡日期  XXXX年XX月XX日|宋体|8.5|320|330”、“”、“”、“相片|46|127|234|300”。
 * “当姓名中包含生僻字时，系统自动将姓名项的“字体”打印参数替换为“宋体-18030”，姓名项的其他参数和其他项的参数不变。”
 * Pure: the workflow hands it the applicant's fields and sends the result to the printer.
 */
import type { CardFace, PrintText } from '../../drivers/printer/instant-printer.ts';
import { hasRareCharacters } from './rare-names.ts';
import { SbkError } from './errors.ts';

export const FACE_FONT = '宋体';
/** GD Annex 9: the font the counter PC must have for names with rare characters. */
export const RARE_NAME_FONT = '宋体-18030';

export type FaceInput = {
  /** The name as the ledger spells it; `张[CHUI]` marks a rare character (GD Art. 34). */
  ledgerName: string;
  /**
   * The name as it is printed: the ledger's name with each `[PINYIN]` replaced by the character
   * itself (Annex 9: “去除姓名中的半角中括号的生僻字表述，输入恰当的生僻字”). Needed only for
   * rare-character names.
   */
  printedName?: string;
  ssn: string;
  cardNo: string;
  /** YYYY-MM-DD */
  issueDate: string;
  photoBase64: string;
};

const text = (data: string, top: number, font = FACE_FONT): PrintText => ({ data, font, size: 8.5, left: 320, top });

/** The name the face shows, refusing a rare-character name whose characters were not typed in. */
export function printedNameOf(ledgerName: string, printedName?: string): { name: string; font: string } {
  if (!hasRareCharacters(ledgerName)) return { name: ledgerName, font: FACE_FONT };
  const p = (printedName ?? '').trim();
  if (!p || /[\[\]［］【】]/u.test(p)) {
    throw new SbkError(
      'FACE_RARE_NAME',
      `姓名“${ledgerName}”含生僻字：请把中括号及拼音换成该字本身后再制卡（广东省社保卡业务经办规程附件9：去除姓名中的半角中括号的生僻字表述，输入恰当的生僻字）。`,
    );
  }
  return { name: p, font: RARE_NAME_FONT };
}

export function cardFace(input: FaceInput): CardFace {
  const { name, font } = printedNameOf(input.ledgerName, input.printedName);
  const [y, m, d] = input.issueDate.split('-');
  if (!input.photoBase64) throw new SbkError('FACE_PHOTO_MISSING', '没有申请人相片，不能印制卡面：请先采集或导入相片。');
  return {
    texts: [
      text(`姓名  ${name}`, 180, font),
      text(`社会保障号码  ${input.ssn}`, 230),
      text(`卡号  ${input.cardNo}`, 280),
      text(`发卡日期  ${y}年${m}月${d}日`, 330),
      null,
      null,
    ],
    photos: [{ base64: input.photoBase64, left: 46, top: 127, width: 234, height: 300 }, null],
  };
}
