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
import { signatureLines } from './paper-form.ts';
import { TEXT_WIDTH, labeledLines, wrapText } from '../text/text-table.ts';
import { reportTexts } from '../i18n/domain/reports.ts';

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

const T = reportTexts.receipt;

export const GD_ISSUE_QUOTE = T.gdIssueQuote;
export const HB_AGENT_QUOTE = T.hbAgentQuote;
export const RECEIPT_TITLE = T.title;
export const HB_ISSUE_QUOTE = T.hbIssueQuote;
export const GD_AGENT_QUOTE = T.gdAgentQuote;

function dash(s: string | undefined): string {
  const t = (s ?? '').trim();
  return t === '' ? T.empty : t;
}

function receiptFields(r: IssueReceipt): [string, string][] {
  const f = T.fields;
  const agent: [string, string][] = [
    [f.agent, dash(r.agentName)],
    [f.agentId, dash(r.agentIdMasked)],
    [f.agentRelation, dash(r.agentRelation)],
  ];
  return [
    [f.cardNo, r.cardNo],
    [f.holder, dash(r.holderName)],
    [f.holderId, dash(r.holderIdMasked)],
    [f.bank, dash(r.bank)],
    [f.receiver, T.receivers[r.receiver]],
    ...(r.receiver === 'agent' ? agent : []),
    [f.issueKind, r.secondIssue ? T.issueKinds.second : T.issueKinds.first],
    [f.readCheck, T.readChecks[r.readCheck]],
    [f.site, dash(r.siteName)],
    [f.operator, dash(r.operatorName)],
    [f.at, formatLocalTime(r.at)],
  ];
}

/** The citations at the foot: the province's issuance article, and its agent article for an agent. */
function ruleQuotes(r: IssueReceipt): string[] {
  const [issue, agentQuote] = r.rules === 'guangdong' ? [GD_ISSUE_QUOTE, GD_AGENT_QUOTE] : [HB_ISSUE_QUOTE, HB_AGENT_QUOTE];
  return [...wrapText(issue, TEXT_WIDTH), ...(r.receiver === 'agent' ? wrapText(agentQuote, TEXT_WIDTH) : [])];
}

/** The receipt as plain text for printing; every line at most 80 display columns. */
export function formatIssueReceipt(r: IssueReceipt): string {
  const fields = receiptFields(r);
  const labelWidth = Math.max(...fields.map(([l]) => displayWidth(l)));
  const light = '-'.repeat(TEXT_WIDTH);
  const lines = [
    fitWidth(RECEIPT_TITLE, TEXT_WIDTH, 'center').trimEnd(),
    '='.repeat(TEXT_WIDTH),
    ...fields.flatMap(([l, v]) => labeledLines(l, v, TEXT_WIDTH, labelWidth)),
    light,
    T.confirm[r.receiver],
    '',
    ...signatureLines([T.signatures[r.receiver], T.signatures.operator]),
    '',
    light,
    ...ruleQuotes(r),
  ];
  return `${lines.join('\n')}\n`;
}
