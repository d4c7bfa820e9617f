import { Line } from '../../components/line.tsx';
import { fitWidth } from '../../../text/display-width.ts';
import { Table, type ColumnSpec } from '../../components/table.tsx';
import { TextField } from '../../components/text-field.tsx';
import { Question } from '../shared/question.tsx';
import type { useWaysBack } from '../../hooks/use-ways-back.ts';
import type { WaysTab } from '../../hooks/use-navigation.ts';
import { remakeDetail, remakeLines, scannedTail, type RemakeLine } from './ways-back-lines.ts';
import { waysBackText } from '../../../i18n/workflows/ways-back.ts';
import { zh } from '../../../i18n/zh-CN.ts';

type Ways = ReturnType<typeof useWaysBack>;

const W = zh.waysBack;
const LABEL_WIDTH = 12;
/** The tab line, the table's header, rule and overflow line, the detail line, the notice. */
export const REMAKE_CHROME = 1 + 3 + 1 + 1;
const REMAKE_COLUMNS: ColumnSpec<RemakeLine>[] = [
  { key: 'cardNo', header: W.columns.cardNo, width: 10 },
  { key: 'name', header: W.columns.name, width: 8, min: 6 },
  { key: 'state', header: W.columns.state, width: 8, min: 6 },
  { key: 'where', header: W.columns.where, width: 22, min: 8, drop: 2 },
  { key: 'reason', header: W.columns.reason, width: 16, min: 8, drop: 1 },
  { key: 'ordered', header: W.columns.ordered, width: 6 },
  { key: 'newer', header: W.columns.newer, width: 10, drop: 3 },
];

type ViewProps = { w: Ways; width: number; height: number; editable: boolean };

function RemakeView({ w, width, height }: ViewProps) {
  const rows = remakeLines(w.remake.rows);
  const r = w.remake.rows[w.remakeIndex];
  return (
    <>
      <Table data={rows} columns={REMAKE_COLUMNS} width={width} height={Math.max(1, height - REMAKE_CHROME)} selectedIndex={rows.length ? w.remakeIndex : undefined} emptyText={W.noneRemake} />
      <Line text={r ? remakeDetail(r) : ''} width={width} dim />
    </>
  );
}

function TakeBackView({ w, width, editable }: ViewProps) {
  const f = w.takeBack;
  const T = W.takeBack;
  const reason = waysBackText.takeBack.reasons[w.reason];
  return (
    <>
      <Line text={T.intro} width={width} dim />
      <TextField label={T.cardNo} value={f.cardNo} placeholder={T.cardNoPlaceholder} onChange={(v) => w.setTakeBack('cardNo', v)} onSubmit={(v) => w.takeBackDone('cardNo', v)} focus={editable && f.focus === 'cardNo'} width={width} labelWidth={LABEL_WIDTH} />
      <Line text={`${f.focus === 'reason' && editable ? '›' : ' '}${fitWidth(T.reason, LABEL_WIDTH)} ‹ ${reason} ›`} width={width} />
      <TextField label={T.from} value={f.from} placeholder={T.fromPlaceholder} onChange={(v) => w.setTakeBack('from', v)} onSubmit={(v) => w.takeBackDone('from', v)} focus={editable && f.focus === 'from'} width={width} labelWidth={LABEL_WIDTH} />
      <Line text={T.hint} width={width} dim />
    </>
  );
}

function DestroyView({ w, width, editable }: ViewProps) {
  const f = w.destroy;
  const D = W.destroy;
  const field = (k: 'scan' | 'count' | 'receiver' | 'reason' | 'login' | 'pin', label: string, extra: { mask?: string; placeholder?: string } = {}) => (
    <TextField label={label} value={f[k]} onChange={(v) => w.setDestroy(k, v)} onSubmit={(v) => w.destroyDone(k, v)} focus={editable && f.focus === k} width={width} labelWidth={LABEL_WIDTH} {...extra} />
  );
  const tail = scannedTail(f.cards.map((c) => c.cardNo), Math.max(10, width - 16));
  return (
    <>
      <Line text={D.intro} width={width} dim />
      {field('scan', D.scan, { placeholder: D.scanPlaceholder })}
      <Line text={` ${D.scanned(f.cards.length, tail)}`} width={width} />
      {field('count', D.count)}
      {field('receiver', D.receiver)}
      {field('reason', D.reason)}
      {field('login', D.login)}
      {field('pin', D.pin, { mask: '*' })}
      <Line text={w.sheetPath ? D.sheet(w.sheetPath) : D.hint} width={width} dim />
    </>
  );
}

export type WaysBackViewProps = { w: Ways; tab: WaysTab; width: number; height: number; isActive: boolean };

/** The ways-back page under the tab line: its list or form, the notice, or the question before dropping a form. */
export function WaysBackView({ w, tab, width, height, isActive }: WaysBackViewProps) {
  const editable = isActive && !w.leaving;
  const props = { w, width, height, editable };
  const notice = w.notice ? { text: w.notice.text, color: w.notice.level === 'error' ? 'red' : 'green' } : { text: w.remake.error ?? '', color: 'red' };
  return (
    <>
      {tab === 'remake' ? <RemakeView {...props} /> : tab === 'takeback' ? <TakeBackView {...props} /> : <DestroyView {...props} />}
      {w.leaving ? <Question title={zh.overdue.leaveFormTitle} body={zh.overdue.leaveFormBody} width={width} /> : <Line text={notice.text} width={width} color={notice.color} />}
    </>
  );
}
