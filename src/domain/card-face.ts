/**
 * What an instant-issuance printer prints on a card (GD Annex 9 二(二), iPrint): the province's
 * layout (card-face-layout.ts) filled with the applicant's fields. “当姓名中包含生僻字时，系统自动
 * 将姓名项的“字体”打印参数替换为“宋体-18030”，姓名项的其他参数和其他项的参数不变。”
 * Pure: the workflow hands it the applicant's fields and sends the result to the printer.
 */
import { FACE_FONT, FACE_LINES, FACE_PHOTO, FACE_TEXT_LEFT, FACE_TEXT_SIZE, RARE_NAME_FONT, faceDate } from './card-face-layout.ts';
import type { CardFace, PrintText } from './card-face-layout.ts';
import { hasRareCharacters } from './rare-names.ts';
import { SbkError } from './errors.ts';

export { FACE_FONT, RARE_NAME_FONT };
export type { CardFace, PrintPhoto, PrintText } from './card-face-layout.ts';

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
  /** JPEG, base64; empty for an applicant under 7 (see `noPhoto`). */
  photoBase64: string;
  /**
   * The applicant is under 7 on the issue date: GD Art. 5 (五) “未满七周岁的学龄前儿童不采集和印刷
   * 相片，相片区域空置”, Annex 9 “申请人若未满7周岁版面可不打印相片”. The photo area stays empty.
   */
  noPhoto?: boolean;
};

type FaceLine = (typeof FACE_LINES)[keyof typeof FACE_LINES];

/** One text line: caption, two spaces, value (Annex 9: `姓名  XXXXXX`). */
const text = (line: FaceLine, value: string, font = FACE_FONT): PrintText => ({
  data: `${line.caption}  ${value}`,
  font,
  size: FACE_TEXT_SIZE,
  left: FACE_TEXT_LEFT,
  top: line.top,
});

/** Square brackets of any width: a rare character still written as `[PINYIN]`. */
const BRACKETS = /[\[\]\uFF3B\uFF3D\u3010\u3011]/u;

/** The name the face shows, refusing a rare-character name whose characters were not typed in. */
export function printedNameOf(ledgerName: string, printedName?: string): { name: string; font: string } {
  if (!hasRareCharacters(ledgerName)) return { name: ledgerName, font: FACE_FONT };
  const p = (printedName ?? '').trim();
  if (!p || BRACKETS.test(p)) throw new SbkError('FACE_RARE_NAME', { name: ledgerName });
  return { name: p, font: RARE_NAME_FONT };
}

export function cardFace(input: FaceInput): CardFace {
  const { name, font } = printedNameOf(input.ledgerName, input.printedName);
  const [y = '', m = '', d = ''] = input.issueDate.split('-');
  if (!input.photoBase64 && !input.noPhoto) throw new SbkError('FACE_PHOTO_MISSING');
  return {
    texts: [
      text(FACE_LINES.name, name, font),
      text(FACE_LINES.ssn, input.ssn),
      text(FACE_LINES.cardNo, input.cardNo),
      text(FACE_LINES.issueDate, faceDate(y, m, d)),
      null,
      null,
    ],
    photos: [input.photoBase64 ? { base64: input.photoBase64, ...FACE_PHOTO } : null, null],
  };
}
