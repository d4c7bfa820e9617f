import type { ContextId } from '../../keys/registry.ts';
import type { ColumnSpec } from '../../components/table.tsx';
import { boxProgress, checkInResult, totals } from '../../../domain/check-in-session.ts';
import { signInTally, type ResultFocus, type SignInMode, type SignInState } from '../../state/sign-in.ts';
import type { SignInStart, SignInSummary } from '../../../workflows/shipment-sign-in.ts';
import type { SiteOperator } from '../../../workflows/operators.ts';
import { displayWidth, fitWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type BoxRow = { box: string; expected: string; counted: string; status: string };
export type MissingRow = { cardNo: string; box: string };

const S = zh.signIn;
export const LABEL_WIDTH = 8;
export const BOX_COLUMNS: ColumnSpec<BoxRow>[] = [
  { key: 'box', header: S.columns.box, width: 20 },
  { key: 'expected', header: S.columns.expected, width: 4, align: 'right' },
  { key: 'counted', header: S.columns.counted, width: 4, align: 'right' },
  { key: 'status', header: S.columns.status, width: 14, min: 6 },
];
export const MISSING_COLUMNS: ColumnSpec<MissingRow>[] = [
  { key: 'cardNo', header: S.columns.missing, width: 12 },
  { key: 'box', header: S.columns.missingBox, width: 4 },
];

export function contextOf(mode: SignInMode, focus: ResultFocus): ContextId {
  if (mode === 'result') return focus === 'place' ? 'signin-result' : 'signin-result-edit';
  if (mode === 'leave') return 'confirm';
  if (mode === 'done' || mode === 'failed') return 'signin-done';
  return 'signin';
}

/** The title and the line under it: which shipment, from where, how it came. */
export function heading(start: SignInStart | null, number: string): { title: string; from: string | null } {
  return { title: S.title(start?.number ?? number), from: start ? S.from(start.from.name, start.methodLabel) : null };
}

/** Per box expected against counted, the boxes with a problem first: what the operator must look at. */
function resultBoxRows(s: SignInState): BoxRow[] {
  return boxProgress(s.session)
    .map((p) => {
      const d = s.declared.get(p.box);
      // A box counted whole and matching has all its cards counted: 齐.
      const status = p.counted === p.expected ? S.status.complete : d !== undefined ? S.status.declared(d) : S.status.short(p.expected - p.counted);
      return { row: { box: p.box, expected: String(p.expected), counted: String(p.counted), status }, done: p.counted === p.expected };
    })
    .sort((a, b) => Number(a.done) - Number(b.done))
    .map((x) => x.row);
}

/** `›保管地点 [保险柜]  柜台 `: the chosen place in brackets. */
function placeRow(s: SignInState, places: readonly { name: string }[], place: string): string {
  const names = places.map((p) => (p.name === place ? `[${p.name}]` : ` ${p.name} `)).join(' ');
  return `${s.focus === 'place' ? '›' : ' '}${fitWidth(S.place, LABEL_WIDTH)} ${names}`;
}

/** `›签收人   ‹ 陈静（chenjing） ›  1/3`: one of the site's operators, ←→ for the next. */
function personRow(s: SignInState, who: 'signer' | 'custodian', operators: readonly SiteOperator[]): string {
  const at = operators.findIndex((o) => o.login === s[who]);
  const o = operators[at];
  const name = o ? S.person(o.name, o.login) : s[who];
  return `${s.focus === who ? '›' : ' '}${fitWidth(who === 'signer' ? S.signer : S.custodian, LABEL_WIDTH)} ‹ ${name} ›  ${S.ofOperators(at + 1, operators.length)}`;
}

/** The result page worked out from the state: the component only lays it out. */
export type SignInResultView = {
  /** 应到 / 实到 / 缺少 / 多出 / 损坏, once the count is submitted, with the blind count beside it. */
  readonly result: string;
  readonly placeRow: string;
  readonly signerRow: string;
  readonly custodianRow: string;
  readonly boxes: BoxRow[];
  readonly missing: MissingRow[];
  readonly missingSel: number | undefined;
};

export function resultView(s: SignInState, places: readonly { name: string }[], place: string, operators: readonly SiteOperator[]): SignInResultView {
  const t = totals(s.session);
  const missing = checkInResult(s.session).missing.map((m) => ({ cardNo: m.cardNo, box: m.box.slice(m.box.lastIndexOf('/') + 1) }));
  return {
    result: `${S.result(t.expected, t.counted, t.missing, t.extras, t.damaged)}    ${S.blindCounted(s.blindCount ?? 0)}`,
    placeRow: placeRow(s, places, place),
    signerRow: personRow(s, 'signer', operators),
    custodianRow: personRow(s, 'custodian', operators),
    boxes: resultBoxRows(s),
    missing,
    missingSel: missing.length ? s.missingSel : undefined,
  };
}

/** The counting page: the expected number is never in it. */
export type SignInCountView = {
  readonly label: string;
  readonly labelWidth: number;
  readonly placeholder: string;
  readonly editing: boolean;
  /** The operator's own tally. */
  readonly tally: string;
  readonly leave: { title: string; body: string } | null;
};

function countLabel(s: SignInState): string {
  if (s.mode === 'box-count') return S.boxCount(s.pendingBox ?? '');
  if (s.mode === 'damage-reason') return S.damageReason(s.lastCard ?? '');
  return S.scan;
}

export function countView(s: SignInState): SignInCountView {
  const label = countLabel(s);
  const t = totals(s.session);
  return {
    label,
    labelWidth: Math.max(4, displayWidth(label)),
    placeholder: s.mode === 'scan' ? S.scanPlaceholder : '',
    editing: s.mode === 'scan' || s.mode === 'box-count' || s.mode === 'damage-reason',
    tally: S.tally(signInTally(s), t.extras, s.repeats, t.damaged),
    leave: s.mode === 'leave' ? { title: S.leaveTitle, body: S.leaveBody(signInTally(s)) } : null,
  };
}

export function doneLines(x: SignInSummary): { result: string; done: string; discrepancy: boolean } {
  return { result: S.result(x.expected, x.received + x.damaged, x.missing, x.extras, x.damaged), done: S.done(x), discrepancy: Boolean(x.missing || x.extras || x.damaged) };
}
