import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useNewPickup, type PickupStep } from '../hooks/use-new-pickup.ts';
import { displayWidth, fitWidth } from '../../text/display-width.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type PickupScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
  onLeave: () => void;
};

type Row = { label: string; kind: string; cards: string };

const P = zh.pickup;
const COLUMNS: ColumnSpec<Row>[] = [
  { key: 'label', header: P.columns.label, width: 24 },
  { key: 'kind', header: P.columns.kind, width: 6 },
  { key: 'cards', header: P.columns.cards, width: 6, align: 'right' },
];
const FLAG_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;
const LABEL_WIDTH = 14;

function contextOf(step: PickupStep): string {
  if (step === 'details') return 'pickup-details';
  if (step === 'scan') return 'pickup-scan';
  if (step === 'done') return 'pickup-done';
  return 'confirm';
}

export function PickupScreen({ actor, width, height, isActive, onContext, onLeave }: PickupScreenProps) {
  const p = useNewPickup(actor);
  const context = contextOf(p.step);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  useKeyHandler(
    (e) => {
      if (p.step === 'confirm' || p.step === 'leave') {
        // A card scanned by habit must not record the pickup or drop the form.
        if (stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
        if (matches('confirm.yes', e)) return p.step === 'confirm' ? p.confirm() : onLeave(), true;
        if (matches('confirm.no', e)) return p.back(), true;
        return true; // the question owns the keyboard until answered
      }
      if (p.step === 'details' && matches('pickup.field', e)) return p.moveFocus(e.name === 'backtab' || e.name === 'up' ? -1 : 1), true;
      if (p.step === 'scan' && matches('pickup.undo', e)) return p.undo(), true;
      if (matches('back', e) && p.back()) return true;
      return false;
    },
    { priority: p.step === 'confirm' || p.step === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive },
  );

  const line = (text: string, color?: string, dim?: boolean) => (
    <Text color={color} dimColor={dim}>
      {fitWidth(text, width)}
    </Text>
  );
  const title = <Text bold>{fitWidth(P.title(actor.siteName), width)}</Text>;
  const f = p.fields;
  const who = line(P.who(f.unit.trim(), f.agentName.trim(), f.agentId.trim() ? maskIdNumber(f.agentId) : '', f.authRef.trim()));
  const rows: Row[] = p.entries.map((e) => ({ label: e.label, kind: P.kinds[e.kind], cards: String(e.cards.length) }));

  if (p.step === 'done' && p.done) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        {who}
        {line(P.done(p.done.ref, p.done.cards), 'green')}
        {line(P.doneNext)}
        {line('')}
        {line(P.doneHint)}
      </Box>
    );
  }

  if (p.step === 'details' || p.step === 'leave') {
    const editable = isActive && p.step === 'details';
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        {line(P.detailsIntro, undefined, true)}
        {line('')}
        {(['unit', 'agentName', 'agentId', 'authRef'] as const).map((k) => (
          <TextField
            key={k}
            label={P.fields[k]}
            value={f[k]}
            onChange={(v) => p.setField(k, v)}
            onSubmit={(v) => p.fieldDone(k, v)}
            focus={editable && p.focus === k}
            placeholder={P.placeholders[k]}
            width={width}
            labelWidth={LABEL_WIDTH}
          />
        ))}
        {line('')}
        {line(p.error ?? '', 'red')}
        {p.total > 0 ? line(P.total(p.total, p.entries.length)) : null}
        {p.step === 'leave' ? (
          <Box flexDirection="column">
            <Text bold color="yellow">
              {fitWidth(P.leaveTitle, width)}
            </Text>
            {line(P.leaveBody(p.total))}
          </Box>
        ) : null}
      </Box>
    );
  }

  // scan, and the confirmation
  const tableRows = Math.max(1, height - (p.step === 'confirm' ? 10 : 11));
  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      {who}
      {p.step === 'scan' ? (
        <TextField label={P.scan} value={p.input} onChange={p.setInput} onSubmit={p.submitScan} focus={isActive} placeholder={P.scanPlaceholder} width={width} labelWidth={Math.max(4, displayWidth(P.scan))} />
      ) : null}
      <Text bold>{fitWidth(P.total(p.total, p.entries.length), width)}</Text>
      {p.step === 'scan'
        ? [0, 1, 2, 3].map((i) => {
            const fl = p.flags[i];
            return (
              <Text key={`f${i}`} color={fl ? FLAG_COLOR[fl.level] : undefined} dimColor={i > 0}>
                {fitWidth(fl?.text ?? '', width)}
              </Text>
            );
          })
        : null}
      <Table data={rows} columns={COLUMNS} height={tableRows} emptyText={P.emptyTable} />
      {p.step === 'confirm' ? (
        <Box flexDirection="column">
          <Text bold color="yellow">
            {fitWidth(P.confirmTitle, width)}
          </Text>
          <Text wrap="wrap">{P.confirmBody(p.total)}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
