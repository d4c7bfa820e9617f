import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useCountScan, type CountScanMode } from '../hooks/use-count-scan.ts';
import { displayWidth, fitWidth } from '../../text/display-width.ts';
import type { SubmitResult } from '../../workflows/stock-count.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type CountScanScreenProps = {
  actor: Actor;
  countId: number;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
  onSubmitted: (result: SubmitResult) => void;
  onLeave: () => void;
};

type Row = { where: string; counted: string };
type HopperRow = { name: string };

const C = zh.count;
const COLUMNS: ColumnSpec<Row>[] = [
  { key: 'where', header: C.columns.where, width: 40 },
  { key: 'counted', header: C.columns.counted, width: 6, align: 'right' },
];
const HOPPER_COLUMNS: ColumnSpec<HopperRow>[] = [{ key: 'name', header: C.columns.where, width: 40 }];
const FLAG_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;
const FLAG_LINES = 4;
/** Title, field, tally, the flags, the hint; then the table's header, rule and overflow line. */
const CHROME = 3 + FLAG_LINES + 1 + 3;

function contextOf(mode: CountScanMode): string {
  switch (mode) {
    case 'scan':
      return 'count-scan';
    case 'qty':
      return 'count-qty';
    case 'hopper':
      return 'count-hopper';
    case 'submit':
    case 'leave':
      return 'confirm';
    case 'closed':
      return 'count-done';
  }
}

export function CountScanScreen({ actor, countId, width, height, isActive, onContext, onSubmitted, onLeave }: CountScanScreenProps) {
  const s = useCountScan(actor, countId, onSubmitted);
  const context = contextOf(s.mode);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  const asking = s.mode === 'submit' || s.mode === 'leave';

  // H names a hopper only while the scan field is empty; the field would take it as text, so
  // this sits just above the field's priority and lets everything else through.
  useKeyHandler((e) => (matches('count.hopper', e) ? (s.openHopper(), true) : false), {
    priority: PRIORITY.text + 1,
    isActive: isActive && s.mode === 'scan' && s.input === '',
  });

  useKeyHandler(
    (e) => {
      if (asking) {
        // A card scanned by habit must not submit the count or drop the input with its Enter.
        if (stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
        if (matches('confirm.yes', e)) return s.mode === 'submit' ? s.confirmSubmit() : s.confirmLeave(), true;
        if (matches('confirm.no', e)) return s.cancelQuestion(), true;
        return true; // the question owns the keyboard until answered
      }
      if (s.mode === 'hopper') {
        if (stray.swallow(e, (k) => matches('help', k) || matches('quit', k))) return true;
        if (matches('count.hopper-move', e)) return s.moveHopper(e.name === 'up' ? -1 : 1), true;
        if (matches('count.pick-hopper', e)) return s.pickHopper(), true;
      }
      if (s.mode === 'scan' && matches('count.submit', e)) return s.askSubmit(), true;
      if (matches('back', e)) {
        if (!s.back(onLeave)) onLeave();
        return true;
      }
      return false;
    },
    { priority: asking ? PRIORITY.modal : PRIORITY.screen, isActive },
  );

  const line = (text: string, color?: string, dim?: boolean) => (
    <Text color={color} dimColor={dim}>
      {fitWidth(text, width)}
    </Text>
  );
  const title = <Text bold>{fitWidth(C.scanTitle(countId, s.bank ?? C.allBanks), width)}</Text>;

  if (s.mode === 'closed') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        <Text color="red" wrap="wrap">
          {s.error ?? C.notOpen(s.status ? (C.status[s.status as keyof typeof C.status] ?? s.status) : '')}
        </Text>
      </Box>
    );
  }

  const label = s.mode === 'qty' && s.pending ? (s.pending.kind === 'box' ? C.boxQuantity(s.pending.code) : C.hopperQuantity(s.pending.code)) : C.scan;
  const rows: Row[] = s.progress.map((p) => ({ where: p.kind === 'box' ? C.box(p.code) : C.hopper(p.code), counted: String(p.counted) }));
  if (s.cardCount > 0) rows.push({ where: C.loose, counted: String(s.cardCount) });
  const tableRows = Math.max(1, height - CHROME);

  let bottom;
  if (s.mode === 'submit' || s.mode === 'leave') {
    bottom = (
      <Box flexDirection="column">
        <Text bold color="yellow">
          {fitWidth(s.mode === 'submit' ? C.submitTitle : C.leaveInputTitle, width)}
        </Text>
        <Text wrap="wrap">{s.mode === 'submit' ? C.submitBody(s.scans, s.counted) : C.leaveInputBody}</Text>
      </Box>
    );
  } else if (s.mode === 'hopper') {
    bottom = (
      <Box flexDirection="column">
        {line(C.hopperPick, 'yellow')}
        <Table data={s.hoppers.map((name) => ({ name }))} columns={HOPPER_COLUMNS} height={Math.max(1, tableRows - 1)} selectedIndex={s.hopperIndex} />
      </Box>
    );
  } else {
    bottom = <Table data={rows} columns={COLUMNS} height={tableRows} emptyText={C.nothingYet} />;
  }

  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      <TextField
        label={label}
        value={s.input}
        onChange={s.setInput}
        onSubmit={s.submit}
        focus={isActive && (s.mode === 'scan' || s.mode === 'qty')}
        placeholder={s.mode === 'scan' ? C.scanPlaceholder : ''}
        width={width}
        labelWidth={Math.max(4, displayWidth(label))}
      />
      <Text bold>{fitWidth(C.tally(s.counted, s.scans), width)}</Text>
      {Array.from({ length: FLAG_LINES }, (_, i) => {
        const f = s.flags[i];
        return (
          <Text key={`f${i}`} color={f ? FLAG_COLOR[f.level] : undefined} dimColor={i > 0}>
            {fitWidth(f?.text ?? '', width)}
          </Text>
        );
      })}
      {line(C.blindHint, undefined, true)}
      {bottom}
    </Box>
  );
}
