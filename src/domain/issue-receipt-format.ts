/**
 * The issuance receipt (社会保障卡领取回执) printed at the counter for the receiver to sign.
 * HB Art. 15 issues a card only after the applicant signs; GD Art. 14 wants a signed record in
 * the issuance ledger (持卡人签收记录等发放管理台账). The receipt is the paper side of that
 * record, so it carries the same facts as the `issue` movement. Pure: no fs, no SQL, no Ink.
 *
 * Identity numbers arrive already masked: a receipt leaves the office in the receiver's
 * pocket (HB Art. 42; GD Art. 41).
 */
import { displayWidth, fitWidth } from '../text/display-width.ts';
import { formatLocalTime } from './china-dates.ts';
import { TEXT_WIDTH, labeledLines, wrapText } from '../text/text-table.ts';

export type IssueReceipt = {
  cardNo: string;
  holderName: string;
  holderIdMasked: string;
  receiver: 'self' | 'agent';
  agentName?: string;
  agentIdMasked?: string;
  agentRelation?: string;
  bank: string;
  siteName: string;
  operatorName: string;
  /** ISO time of the issuance (UTC); printed in China time. */
  at: string;
  readCheck: 'passed' | 'not_done';
  secondIssue: boolean;
  /** Whose rules the office works under: the footer cites that province's articles. Default Hubei. */
  rules?: 'guangdong' | 'hubei';
};

// GD Art. 14: verify the applicant's ID, read-check, the holder signs (个人领取).
export const GD_ISSUE_QUOTE =
  '依据《广东省社会保障卡业务经办规程》第十四条：核验领取人有效身份证件，做读卡检测，持卡人签收后发放社会保障卡。';

// HB Art. 7: 个人代办 needs both the holder's and the agent's valid ID originals.
export const HB_AGENT_QUOTE = '依据《湖北省社会保障卡业务经办规程》第七条：个人代办应提供委托人、代办人双方有效身份证件原件。';

export const RECEIPT_TITLE = '社会保障卡领取回执';

export const HB_ISSUE_QUOTE =
  '依据《湖北省社会保障卡业务经办规程》第十五条：核验申领人有效身份证件，做读卡检测，申领人签字确认后发放社会保障卡。';

// GD Art. 14 二 is the issuance rule for agents (核实申请人和领取人的有效身份证件原件，留存领取人
// 身份证件复印件或影像资料); GD Art. 33 二 words the same duty for any business done by an agent.
export const GD_AGENT_QUOTE =
  '依据《广东省社会保障卡业务经办规程》第十四条、第三十三条二：委托他人代办的，须核验持卡人和代办人的有效身份证明原件，留存代办人身份证明复印件或影像资料。';

const SIGN_BLANK = '________________';
const DATE_BLANK = '日期：____年__月__日';

const READ_CHECK_TEXT: Record<IssueReceipt['readCheck'], string> = {
  passed: '通过（芯片可读，卡内信息与卡面一致）',
  not_done: '未做',
};

function dash(s: string | undefined): string {
  const t = (s ?? '').trim();
  return t === '' ? '—' : t;
}

function signatureLines(labels: readonly string[]): string[] {
  const lw = Math.max(...labels.map(displayWidth));
  return labels.flatMap((l, i) => [...(i > 0 ? [''] : []), `${fitWidth(l, lw)}${SIGN_BLANK}  ${DATE_BLANK}`]);
}

/** The receipt as plain text for printing; every line at most 80 display columns. */
export function formatIssueReceipt(r: IssueReceipt): string {
  const agent = r.receiver === 'agent';
  const fields: [string, string][] = [
    ['社保卡号：', r.cardNo],
    ['持卡人：', dash(r.holderName)],
    ['持卡人证件号码：', dash(r.holderIdMasked)],
    ['服务银行：', dash(r.bank)],
    ['领取方式：', agent ? '他人代领' : '本人领取'],
    ...(agent
      ? ([
          ['代领人：', dash(r.agentName)],
          ['代领人证件号码：', dash(r.agentIdMasked)],
          ['与持卡人关系：', dash(r.agentRelation)],
        ] as [string, string][])
      : []),
    ['发放类型：', r.secondIssue ? '回收后二次发放' : '首次发放'],
    ['读卡检测：', READ_CHECK_TEXT[r.readCheck]],
    ['发放网点：', dash(r.siteName)],
    ['经办人：', dash(r.operatorName)],
    ['发放时间：', formatLocalTime(r.at)],
  ];
  const labelWidth = Math.max(...fields.map(([l]) => displayWidth(l)));
  const light = '-'.repeat(TEXT_WIDTH);
  const lines = [
    fitWidth(RECEIPT_TITLE, TEXT_WIDTH, 'center').trimEnd(),
    '='.repeat(TEXT_WIDTH),
    ...fields.flatMap(([l, v]) => labeledLines(l, v, TEXT_WIDTH, labelWidth)),
    light,
    agent ? '代领人已核对卡面信息，确认代持卡人领取上述社会保障卡。' : '本人已核对卡面信息，确认领取上述社会保障卡。',
    '',
    ...signatureLines([agent ? '代领人签字：' : '领取人签字：', '经办人签字：']),
    '',
    light,
    ...(r.rules === 'guangdong'
      ? [...wrapText(GD_ISSUE_QUOTE, TEXT_WIDTH), ...(agent ? wrapText(GD_AGENT_QUOTE, TEXT_WIDTH) : [])]
      : [...wrapText(HB_ISSUE_QUOTE, TEXT_WIDTH), ...(agent ? wrapText(HB_AGENT_QUOTE, TEXT_WIDTH) : [])]),
  ];
  return `${lines.join('\n')}\n`;
}
