import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useCountReview, type ReviewFocus, type ReviewMode } from '../hooks/use-count-review.ts';
import { fitWidth } from '../../text/display-width.ts';
import { boxLabel, shortBank } from '../../domain/count-report-format.ts';
import type { SubmitResult } from '../../workflows/stock-count.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type CountReviewScreenProps = {
  actor: Actor;
  countId: number;
  result: SubmitResult | null;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
  onLeave: () => void;
};

type BoxRow = { where: string; expected: string; counted: string; diff: string; off: boolean };
type DiffRow = { cardNo: string; kind: string; where: string; reason: string };

const C = zh.count;
const BOX_COLUMNS: ColumnSpec<BoxRow>[] = [
  { key: 'where', header: C.columns.where, width: 30 },
  { key: 'expected', header: C.columns.expected, width: 4, align: 'right' },
  { key: 'counted', header: C.columns.actual, width: 4, align: 'right' },
  { key: 'diff', header: C.columns.diff, width: 5, align: 'right' },
];
const DIFF_COLUMNS: ColumnSpec<DiffRow>[] = [
  { key: 'cardNo', header: C.columns.cardNo, width: 12 },
  { key: 'kind', header: C.columns.kind, width: 4 },
  { key: 'where', header: C.columns.place, width: 24 },
  { key: 'reason', header: C.columns.reason, width: 30 },
];
const LABEL_WIDTH = 14;
/** A table's header and rule. */
const TABLE_HEAD = 2;

function contextOf(mode: ReviewMode, focus: ReviewFocus, clean: boolean): string {
  if (mode === 'leave') return 'confirm';
  if (mode === 'done' || mode === 'failed') return 'count-done';
  if (clean) return 'count-confirm';
  return focus === 'reason' ? 'count-reason' : 'count-approve';
}

/** Rows for the box table and the differences table in `avail` lines (an overflow line counts). */
function split(avail: number, boxes: number, diffs: number): [number, number] {
  if (boxes + diffs <= avail) return [boxes, diffs];
  if (diffs === 0) return [Math.max(1, avail - 1), 0];
  const b = Math.min(boxes, Math.max(1, Math.min(4, avail - 3)));
  const rest = avail - b - (boxes > b ? 1 : 0);
  return [b, diffs <= rest ? diffs : Math.max(1, rest - 1)];
}

export function CountReviewScreen({ actor, countId, result, width, height, isActive, onContext, onLeave }: CountReviewScreenProps) {
  const r = useCountReview(actor, countId, result);
  const context = contextOf(r.mode, r.focus, r.clean);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();

  useKeyHandler(
    (e) => {
      if (r.mode === 'leave') {
        if (stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
        if (matches('confirm.yes', e)) return onLeave(), true;
        if (matches('confirm.no', e)) return r.cancelLeave(), true;
        return true; // the question owns the keyboard until answered
      }
      if (r.checking) return !matches('quit-ctrl-c', e);
      if (r.mode === 'review') {
        if (!r.clean && matches('count.diff-move', e)) return r.moveDiff(e.name === 'up' ? -1 : 1), true;
        if (r.focus === 'reason' && matches('count.reason-all', e)) return r.applyToRest(), true;
        if (matches('count.field', e)) return r.nextField(e.name === 'backtab' ? -1 : 1), true;
      }
      if (matches('back', e)) {
        if (!r.back()) onLeave();
        return true;
      }
      return false;
    },
    { priority: r.mode === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive },
  );

  const line = (text: string, color?: string, dim?: boolean) => (
    <Text color={color} dimColor={dim}>
      {fitWidth(text, width)}
    </Text>
  );
  const missing = r.diffs.filter((d) => d.kind === 'missing').length;
  const title = (
    <Text bold color={r.clean ? 'green' : 'yellow'}>
      {fitWidth(r.clean ? C.resultClean(countId) : C.resultDiff(countId, missing, r.diffs.length - missing), width)}
    </Text>
  );
  const balance = r.lines.length
    ? r.lines.flatMap((l) => [
        <Text key={`${l.bank}-1`}>{fitWidth(C.balance(shortBank(l.bank), l), width)}</Text>,
        <Text key={`${l.bank}-2`}>{fitWidth(`${' '.repeat(10)}${C.counted(l)}`, width)}</Text>,
      ])
    : [line(C.noBanks)];

  if (r.mode === 'failed') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text bold>{fitWidth(C.scanTitle(countId, ''), width)}</Text>
        <Text color="red" wrap="wrap">
          {r.loadError ?? ''}
        </Text>
        {line(C.doneHint, undefined, true)}
      </Box>
    );
  }

  if (r.mode === 'done') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        {balance}
        {line('')}
        <Text color="green" wrap="wrap">
          {r.done ?? ''}
        </Text>
        {r.clean ? null : line(C.closedNext)}
        {line('')}
        {line(C.doneHint, undefined, true)}
      </Box>
    );
  }

  // Title, balance, the fields, two lines of message and the hint; the tables share the rest.
  const fields = r.clean ? 2 : 3;
  const fixed = 1 + balance.length + fields + 2 + 1;
  const boxes = r.boxes ?? [];
  const boxBlock = r.boxes ? TABLE_HEAD : 1;
  const diffBlock = r.clean ? 0 : TABLE_HEAD;
  const [boxRows, diffRows] = split(Math.max(2, height - fixed - boxBlock - diffBlock), r.boxes ? boxes.length : 0, r.clean ? 0 : r.diffs.length);
  const boxData: BoxRow[] = boxes.map((b) => {
    const d = b.counted - b.expected;
    return { where: boxLabel(b.box), expected: String(b.expected), counted: String(b.counted), diff: d === 0 ? '0' : `${d > 0 ? '+' : ''}${d}`, off: d !== 0 };
  });
  const diffData: DiffRow[] = r.diffs.map((d) => ({
    cardNo: d.cardNo,
    kind: C.kinds[d.kind],
    where: d.where,
    reason: r.reasons[d.cardNo]?.trim() ? r.reasons[d.cardNo]! : C.noReason,
  }));
  const editable = isActive && r.mode === 'review' && !r.checking;
  const who = r.clean ? { login: C.confirmerLogin, pin: C.confirmerPin } : { login: C.approverLogin, pin: C.approverPin };

  let bottom;
  if (r.mode === 'leave') {
    bottom = (
      <Box flexDirection="column" height={3}>
        <Text bold color="yellow">
          {fitWidth(C.leaveReviewTitle, width)}
        </Text>
        <Text wrap="wrap">{C.leaveReviewBody}</Text>
      </Box>
    );
  } else {
    const message = r.checking ? { text: C.checking, color: 'yellow' } : r.error ? { text: r.error, color: 'red' } : r.notice ? { text: r.notice, color: 'green' } : { text: '', color: undefined };
    bottom = (
      <>
        <Box height={2} overflow="hidden">
          <Text color={message.color} wrap="wrap">
            {message.text}
          </Text>
        </Box>
        {line(r.clean ? C.cleanHint : C.diffHint, undefined, true)}
      </>
    );
  }

  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      {balance}
      {r.boxes ? (
        <Table data={boxData} columns={BOX_COLUMNS} height={Math.max(1, boxRows)} rowColor={(b) => (b.off ? 'yellow' : undefined)} />
      ) : (
        line(C.boxesLater, undefined, true)
      )}
      {r.clean ? null : <Table data={diffData} columns={DIFF_COLUMNS} height={Math.max(1, diffRows)} selectedIndex={r.sel} />}
      {r.clean || !r.current ? null : (
        <TextField
          label={C.reason(r.current.cardNo)}
          value={r.reason}
          onChange={r.setReason}
          onSubmit={r.reasonDone}
          focus={editable && r.focus === 'reason'}
          placeholder={C.reasonPlaceholder}
          width={width}
          labelWidth={LABEL_WIDTH}
        />
      )}
      <TextField label={who.login} value={r.login} onChange={r.setLogin} onSubmit={(v) => r.fieldDone('login', v)} focus={editable && r.focus === 'login'} width={width} labelWidth={LABEL_WIDTH} />
      <TextField label={who.pin} value={r.pin} onChange={r.setPin} onSubmit={(v) => r.fieldDone('pin', v)} focus={editable && r.focus === 'pin'} mask="*" width={width} labelWidth={LABEL_WIDTH} />
      {bottom}
    </Box>
  );
}
