import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useDispatch, type DetailsFocus, type DispatchStep, type Group } from '../hooks/use-dispatch.ts';
import { displayWidth, fitWidth } from '../../text/display-width.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type DispatchScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
};

type DestRow = { code: string; name: string; direction: string };
type GroupRow = { batch: string; box: string; cards: string };

const D = zh.dispatch;
const DEST_COLUMNS: ColumnSpec<DestRow>[] = [
  { key: 'code', header: D.columns.code, width: 12 },
  { key: 'name', header: D.columns.name, width: 46 },
  { key: 'direction', header: D.columns.direction, width: 12 },
];
const GROUP_COLUMNS: ColumnSpec<GroupRow>[] = [
  { key: 'batch', header: D.columns.batch, width: 24 },
  { key: 'box', header: D.columns.box, width: 8 },
  { key: 'cards', header: D.columns.cards, width: 6, align: 'right' },
];

function contextOf(step: DispatchStep, focus: DetailsFocus): string {
  if (step === 'dest') return 'dispatch-dest';
  if (step === 'scan') return 'dispatch-scan';
  if (step === 'details') return focus === 'method' ? 'dispatch-details' : 'dispatch-details-edit';
  if (step === 'done') return 'dispatch-done';
  return 'confirm';
}

const FLAG_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;
const toRows = (groups: Group[]): GroupRow[] => groups.map((g) => ({ batch: g.batch, box: g.box, cards: String(g.cards) }));
const LABEL_WIDTH = 8;

export function DispatchScreen({ actor, width, height, isActive, onContext }: DispatchScreenProps) {
  const d = useDispatch(actor);
  const context = contextOf(d.step, d.focus);
  useLayoutEffect(() => onContext(context), [context]);
  const destPage = Math.max(1, height - 4);
  const stray = useStrayScan();
  useKeyHandler(
    (e) => {
      // A card scanned by habit on a question must not send the shipment or drop the list.
      const asking = d.step === 'confirm' || d.step === 'leave';
      if (asking && stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
      if (d.step === 'dest') {
        if (matches('dispatch.move', e)) return d.moveDest(e.name === 'up' ? -1 : 1), true;
        if (matches('dispatch.page', e)) return d.moveDest(e.name === 'pageup' ? -destPage : destPage), true;
        if (matches('dispatch.pick', e)) return d.pickDest(), true;
        return false;
      }
      if (d.step === 'leave') {
        if (matches('confirm.yes', e)) return d.dropList(), true;
        if (matches('confirm.no', e)) return d.back(), true;
        return true;
      }
      if (d.step === 'confirm') {
        if (matches('confirm.yes', e)) return d.confirm(), true;
        if (matches('confirm.no', e)) return d.back(), true;
        return true; // the question owns the keyboard until answered
      }
      if (d.step === 'scan' && matches('dispatch.undo', e)) return d.undo(), true;
      if (d.step === 'details') {
        if (matches('dispatch.field', e)) return d.nextField(e.name === 'backtab' ? -1 : 1), true;
        if (d.focus === 'method' && matches('dispatch.method', e)) return d.cycleMethod(e.name === 'left' ? -1 : 1), true;
        if (d.focus === 'method' && matches('dispatch.next', e)) return d.toConfirm(), true;
      }
      if (matches('back', e) && d.back()) return true;
      return false;
    },
    { priority: d.step === 'confirm' || d.step === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive },
  );

  const line = (s: string, color?: string) => <Text color={color}>{fitWidth(s, width)}</Text>;
  const flagLines = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const f = d.flags[i];
      return (
        <Text key={`f${i}`} color={f ? FLAG_COLOR[f.level] : undefined} dimColor={i > 0}>
          {fitWidth(f?.text ?? '', width)}
        </Text>
      );
    });

  if (d.step === 'dest') {
    const rows: DestRow[] = d.destinations.map((x) => ({ code: x.code, name: x.name, direction: x.direction === 'up' ? D.directionUp : D.directionDown }));
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text bold>{fitWidth(`${D.title}：${D.pickTitle}`, width)}</Text>
        <Table data={rows} columns={DEST_COLUMNS} height={destPage} selectedIndex={rows.length ? d.destIndex : undefined} emptyText={D.none} />
      </Box>
    );
  }

  const dest = d.dest ? D.to(d.dest.name, d.dest.code) : '';
  const title = <Text bold>{fitWidth(`${D.title}：${dest}`, width)}</Text>;
  const rows = toRows(d.groups);

  if (d.step === 'done' && d.done) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        {line(D.done(d.done.number, d.done.cards), 'green')}
        {line('')}
        {d.done.sheetError ? line(d.done.sheetError, 'red') : line(D.sheetSaved)}
        {d.done.sheet.map((p) => (
          <Text key={p}>{fitWidth(`  ${p}`, width)}</Text>
        ))}
        {line('')}
        {line(D.doneHint)}
      </Box>
    );
  }

  if (d.step === 'confirm') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        {line(D.confirmLine(D.method, d.methodLabel))}
        {line(D.confirmLine(D.tracking, d.trackingNo.trim() || '-'))}
        {line(D.confirmLine(D.sender, d.senderName.trim() || actor.name))}
        {line(D.confirmLine(D.countLabel, String(d.total)))}
        <Table data={rows} columns={GROUP_COLUMNS} height={Math.max(1, Math.min(rows.length, height - 12))} />
        <Text bold color="yellow">
          {fitWidth(D.confirmTitle, width)}
        </Text>
        <Text wrap="wrap">{D.confirmBody}</Text>
      </Box>
    );
  }

  if (d.step === 'details') {
    const marker = (f: DetailsFocus) => (d.focus === f ? '›' : ' ');
    const methods = d.methods.map((m) => (m.id === d.method ? `[${m.label}]` : ` ${m.label} `)).join(' ');
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        {line(D.total(d.total, d.additions.length))}
        {line('')}
        <Text>{fitWidth(`${marker('method')}${fitWidth(D.method, LABEL_WIDTH)} ${methods}`, width)}</Text>
        <TextField label={D.tracking} value={d.trackingNo} onChange={d.setTrackingNo} onSubmit={d.toConfirm} focus={isActive && d.focus === 'tracking'} placeholder={D.trackingPlaceholder} width={width} labelWidth={LABEL_WIDTH} />
        <TextField label={D.sender} value={d.senderName} onChange={d.setSenderName} onSubmit={d.toConfirm} focus={isActive && d.focus === 'sender'} width={width} labelWidth={LABEL_WIDTH} />
        {line('')}
        {line(D.detailsHint)}
      </Box>
    );
  }

  // scan (and the question before dropping the list)
  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      <TextField
        label={D.scan}
        value={d.input}
        onChange={d.setInput}
        onSubmit={d.submitScan}
        focus={isActive && d.step === 'scan'}
        placeholder={D.scanPlaceholder}
        width={width}
        labelWidth={Math.max(4, displayWidth(D.scan))}
      />
      <Text bold>{fitWidth(D.total(d.total, d.additions.length), width)}</Text>
      {flagLines(3)}
      {d.step === 'leave' ? (
        <Box flexDirection="column">
          <Text bold color="yellow">
            {fitWidth(D.leaveTitle, width)}
          </Text>
          <Text wrap="wrap">{D.leaveBody(d.total)}</Text>
        </Box>
      ) : (
        <Table data={rows} columns={GROUP_COLUMNS} height={Math.max(1, height - 9)} emptyText={D.emptyTable} />
      )}
    </Box>
  );
}
