import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useCheckIn, type CheckInMode } from '../hooks/use-check-in.ts';
import { displayWidth, fitWidth } from '../../text/display-width.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type CheckInScreenProps = {
  actor: Actor;
  batch: string | null;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
  /** Leave the screen (after the operator agreed to drop an unconfirmed count). */
  onLeave: () => void;
};

type BoxRow = { box: string; expected: string; counted: string; status: string };
type BatchRow = { code: string; kind: string; bank: string; expected: string };

const C = zh.checkin.columns;
const BOX_COLUMNS: ColumnSpec<BoxRow>[] = [
  { key: 'box', header: C.box, width: 10 },
  { key: 'expected', header: C.expected, width: 6, align: 'right' },
  { key: 'counted', header: C.counted, width: 6, align: 'right' },
  { key: 'status', header: C.status, width: 8 },
];
const BATCH_COLUMNS: ColumnSpec<BatchRow>[] = [
  { key: 'code', header: '批次', width: 24 },
  { key: 'kind', header: '卡类', width: 8 },
  { key: 'bank', header: '银行', width: 14 },
  { key: 'expected', header: '待入库', width: 8, align: 'right' },
];

const CONTEXT: Record<CheckInMode, string> = {
  pick: 'checkin-batches',
  scan: 'checkin',
  'box-count': 'checkin',
  'damage-reason': 'checkin',
  confirm: 'confirm',
  leave: 'confirm',
  done: 'checkin-done',
};

const FLAG_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;

export function CheckInScreen({ actor, batch, width, height, isActive, onContext, onLeave }: CheckInScreenProps) {
  const c = useCheckIn(actor, batch);
  useLayoutEffect(() => onContext(CONTEXT[c.mode]), [c.mode]);
  useKeyHandler(
    (e) => {
      if (c.mode === 'pick') {
        if (matches('checkin.move', e)) return c.movePick(e.name === 'up' ? -1 : 1), true;
        if (matches('checkin.pick', e)) return c.pick(), true;
        return false;
      }
      if (c.mode === 'leave') {
        if (matches('confirm.yes', e)) return onLeave(), true;
        if (matches('confirm.no', e)) return c.cancelConfirm(), true;
        return true;
      }
      if (c.mode === 'confirm') {
        if (matches('confirm.yes', e)) return c.confirm(), true;
        if (matches('confirm.no', e)) return c.cancelConfirm(), true;
        return true; // the question owns the keyboard until answered
      }
      if (matches('checkin.damaged', e)) return c.damaged(), true;
      if (matches('checkin.place', e)) return c.nextPlace(), true;
      if (matches('back', e) && c.back()) return true;
      return false;
    },
    { priority: c.mode === 'confirm' || c.mode === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive },
  );

  if (c.mode === 'pick') {
    const rows: BatchRow[] = c.batches.map((b) => ({ code: b.code, kind: b.kind === 'finished' ? '成品卡' : '预制卡', bank: b.bank, expected: String(b.expected) }));
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text bold>{zh.checkin.pickTitle}</Text>
        {rows.length === 0 ? <Text>{zh.checkin.none}</Text> : <Table data={rows} columns={BATCH_COLUMNS} height={Math.min(rows.length, height - 4)} selectedIndex={c.picked} />}
        {c.flags[0] ? <Text color={FLAG_COLOR[c.flags[0].level]}>{fitWidth(c.flags[0].text, width)}</Text> : null}
      </Box>
    );
  }

  const t = c.totals;
  const rows: BoxRow[] = c.progress.map((p) => ({
    box: p.box,
    expected: String(p.expected),
    counted: String(p.counted),
    status: p.counted === p.expected ? zh.checkin.status.complete : p.shortBy != null ? zh.checkin.status.short(p.shortBy) : zh.checkin.status.open,
  }));
  const label = c.mode === 'box-count' ? zh.checkin.boxCount(c.pendingBox ?? '') : c.mode === 'damage-reason' ? zh.checkin.damageReason(c.lastCard ?? '') : zh.checkin.scan;
  const r = c.result;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitWidth(`${zh.checkin.title(c.batch ?? '')}   ${zh.checkin.place(c.place)}`, width)}</Text>
      <TextField
        label={label}
        value={c.input}
        onChange={c.setInput}
        onSubmit={c.submit}
        focus={isActive && (c.mode === 'scan' || c.mode === 'box-count' || c.mode === 'damage-reason')}
        placeholder={c.mode === 'scan' ? zh.checkin.scanPlaceholder : ''}
        width={width}
        labelWidth={Math.max(12, displayWidth(label))}
      />
      <Text bold>{fitWidth(t ? zh.checkin.totals(t.counted, t.expected, t.extras, t.duplicates) : '', width)}</Text>
      {[0, 1, 2].map((i) => {
        const f = c.flags[i];
        return (
          <Text key={i} color={f ? FLAG_COLOR[f.level] : undefined} dimColor={i > 0}>
            {fitWidth(f?.text ?? '', width)}
          </Text>
        );
      })}
      {c.mode === 'leave' && t ? (
        <Box flexDirection="column">
          <Text bold color="yellow">{zh.checkin.leaveTitle}</Text>
          <Text wrap="wrap">{zh.checkin.leaveBody(t.counted)}</Text>
        </Box>
      ) : c.mode === 'confirm' && r ? (
        <Box flexDirection="column">
          <Text bold color="yellow">{zh.checkin.confirmTitle}</Text>
          <Text wrap="wrap">{zh.checkin.confirmBody(r.received.length, c.place, r.missing.length, r.damaged.length, r.extras.length)}</Text>
        </Box>
      ) : c.mode === 'done' && c.summary ? (
        <Text color="green">{fitWidth(zh.checkin.done(c.summary.received, c.summary.missing), width)}</Text>
      ) : (
        <Table data={rows} columns={BOX_COLUMNS} height={Math.max(1, Math.min(rows.length, height - 9))} />
      )}
    </Box>
  );
}
