import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useIssuance, type IssueField, type IssueStep, type ReadState } from '../hooks/use-issuance.ts';
import { displayWidth, fitWidth } from '../../text/display-width.ts';
import type { Actor } from '../../domain/actor.ts';
import type { IssueCandidate } from '../../workflows/issue-card.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type IssuanceScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
};

type Row = { cardNo: string; holder: string; id: string; state: string; site: string; can: string; blocked: boolean };

const I = zh.issuance;
const COLUMNS: ColumnSpec<Row>[] = [
  { key: 'cardNo', header: I.columns.cardNo, width: 10 },
  { key: 'holder', header: I.columns.holder, width: 10 },
  { key: 'id', header: I.columns.id, width: 18 },
  { key: 'state', header: I.columns.state, width: 8 },
  { key: 'site', header: I.columns.site, width: 18 },
  { key: 'can', header: I.columns.can, width: 4 },
];
const toRow = (c: IssueCandidate): Row => ({
  cardNo: c.cardNo,
  holder: c.holderName ?? '-',
  id: c.holderIdMasked ?? '-',
  state: c.stateLabel,
  site: c.siteName,
  can: c.blocked ? I.cannot : I.can,
  blocked: c.blocked !== null,
});

function contextOf(step: IssueStep, focus: IssueField): string {
  switch (step) {
    case 'query':
      return 'issue-query';
    case 'pick':
      return 'issue-pick';
    case 'form':
      return focus === 'receiver' ? 'issue-form' : 'issue-form-edit';
    case 'leave':
      return 'confirm';
    case 'done':
    case 'defective':
      return 'issue-done';
  }
}

function readLine(read: ReadState, hasReader: boolean, label: string | null): { text: string; color?: string } {
  if (!hasReader) return { text: I.readerNone, color: 'yellow' };
  switch (read.kind) {
    case 'none':
      return { text: I.readerIdle(label ?? '') };
    case 'reading':
      return { text: I.reading, color: 'yellow' };
    case 'passed':
      return { text: I.readPassed, color: 'green' };
    case 'mismatch':
      return { text: I.readMismatch(read.text), color: 'red' };
    case 'chip-fault':
      return { text: I.readChipFault(read.message), color: 'red' };
    case 'fault':
      return { text: I.readFault(read.message), color: 'yellow' };
  }
}

const MESSAGE_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;
const LABEL_WIDTH = 14;
/** Title, query row, message, the table's header, rule and overflow line, the detail line. */
const LIST_CHROME = 7;

export function IssuanceScreen({ actor, width, height, isActive, onContext }: IssuanceScreenProps) {
  const s = useIssuance(actor);
  const context = contextOf(s.step, s.focus);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  useKeyHandler(
    (e) => {
      // Reading the card or writing the issue: the keys wait (Ctrl+C and the global keys still work).
      if (s.busy) return !matches('quit-ctrl-c', e);
      if (s.step === 'leave') {
        if (stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
        if (matches('confirm.yes', e)) return s.dropForm(), true;
        if (matches('confirm.no', e)) return s.cancelLeave(), true;
        return true; // the question owns the keyboard until answered
      }
      if (s.step === 'query' && matches('issue.clear', e)) return s.clearQuery(), true;
      if (s.step === 'pick') {
        // A card scanned by habit on the list must not choose the selected one with its Enter.
        if (stray.swallow(e, (k) => matches('help', k) || matches('quit', k))) return true;
        if (matches('issue.move', e)) return s.movePick(e.name === 'up' ? -1 : 1), true;
        if (matches('issue.choose', e)) return s.choose(), true;
      }
      if (s.step === 'form') {
        if (matches('issue.field', e)) return s.moveFocus(e.name === 'backtab' || e.name === 'up' ? -1 : 1), true;
        if (matches('issue.read-edit', e)) return void s.readCheck(), true;
        if (s.focus === 'receiver') {
          if (stray.swallow(e, (k) => matches('issue.receiver', k) || matches('issue.read', k) || matches('help', k) || matches('quit', k))) return true;
          if (matches('issue.receiver', e)) {
            // 1 本人, 2 代领; ←→ switch between the two.
            s.setReceiver(e.char === '1' ? 'self' : e.char === '2' ? 'agent' : s.receiver === 'self' ? 'agent' : 'self');
            return true;
          }
          if (matches('issue.read', e)) return void s.readCheck(), true;
          if (matches('issue.submit', e)) return s.issue(), true;
        }
      }
      if ((s.step === 'done' || s.step === 'defective') && stray.swallow(e, (k) => matches('help', k) || matches('quit', k))) return true;
      if (matches('back', e) && s.back()) return true;
      return false;
    },
    { priority: s.step === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive },
  );

  const line = (text: string, color?: string) => <Text color={color}>{fitWidth(text, width)}</Text>;
  const messageLine = line(s.message?.text ?? '', s.message ? MESSAGE_COLOR[s.message.level] : undefined);

  if (s.step === 'done' && s.done) {
    const d = s.done;
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text bold>{fitWidth(I.cardTitle(d.cardNo), width)}</Text>
        {d.replayed ? line(I.replayed(d.cardNo), 'yellow') : line(I.done(d.cardNo, d.holderName, d.how, d.secondIssue), 'green')}
        {line(I.doneState(d.stateLabel, I.readCheckText[d.readCheck]))}
        {line('')}
        {d.receiptPath ? line(I.receiptSaved) : null}
        {d.receiptPath ? <Text wrap="wrap">{`  ${d.receiptPath}`}</Text> : null}
        {d.receiptError ? <Text color="red" wrap="wrap">{d.receiptError}</Text> : null}
        {line('')}
        {line(I.doneHint)}
      </Box>
    );
  }

  const card = s.card;
  if (s.step === 'defective' && card) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text bold>{fitWidth(I.cardTitle(card.cardNo), width)}</Text>
        <Text bold color="red">
          {fitWidth(I.defectiveTitle, width)}
        </Text>
        <Text color="red" wrap="wrap">
          {s.defect ?? ''}
        </Text>
        {line('')}
        {line(I.defectHint)}
      </Box>
    );
  }

  if ((s.step === 'form' || s.step === 'leave') && card) {
    const inForm = isActive && s.step === 'form' && !s.busy;
    const receivers = (['self', 'agent'] as const).map((r, i) => (r === s.receiver ? `[${i + 1} ${I.receivers[r]}]` : ` ${i + 1} ${I.receivers[r]} `)).join(' ');
    const receiverRow = `${s.focus === 'receiver' ? '›' : ' '}${fitWidth(I.receiver, LABEL_WIDTH)} ${receivers}   `;
    const field = (f: 'holderId' | 'agentName' | 'agentId' | 'relation') => (
      <TextField
        key={f}
        label={I.fields[f]}
        value={s.fields[f]}
        onChange={(v) => s.setField(f, v)}
        onSubmit={(v) => s.fieldDone(f, v)}
        focus={inForm && s.focus === f}
        placeholder={I.placeholders[f]}
        width={width}
        labelWidth={LABEL_WIDTH}
      />
    );
    const r = readLine(s.read, s.hasReader, s.readerLabel);
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text bold>{fitWidth(I.cardTitle(card.cardNo), width)}</Text>
        {line(I.cardLine(card.holderName ?? '-', card.holderIdMasked ?? '-', card.bank, card.batch, card.stateLabel))}
        {line('')}
        <Text>
          {receiverRow}
          <Text dimColor>{fitWidth(I.receiverHint, Math.max(0, width - displayWidth(receiverRow)))}</Text>
        </Text>
        {field('holderId')}
        {s.receiver === 'agent' ? [field('agentName'), field('agentId'), field('relation')] : null}
        {line('')}
        {/* The reader's and the workflow's messages can be long: wrapped, never cut. */}
        <Text color={r.color} wrap="wrap">
          {r.text}
        </Text>
        {s.busy && s.read.kind !== 'reading' ? (
          line(I.issuing, 'yellow')
        ) : (
          <Text color={s.message ? MESSAGE_COLOR[s.message.level] : undefined} wrap="wrap">
            {s.message?.text ?? ' '}
          </Text>
        )}
        <Text dimColor>{fitWidth(s.hasReader ? I.formHint : I.formHintNoReader, width)}</Text>
        {s.step === 'leave' ? (
          <Box flexDirection="column">
            {line('')}
            <Text bold color="yellow">
              {fitWidth(I.leaveTitle, width)}
            </Text>
            <Text wrap="wrap">{I.leaveBody}</Text>
          </Box>
        ) : null}
      </Box>
    );
  }

  // query and pick
  const rows = s.candidates.map(toRow);
  const current = s.step === 'pick' ? s.candidates[s.pickIndex] : undefined;
  const detail = current ? (current.blocked ? { text: I.blocked(current.cardNo, current.blocked), color: 'red' } : { text: I.pickHint, color: 'green' }) : { text: '' };
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitWidth(I.findTitle, width)}</Text>
      <TextField
        label={I.query}
        value={s.query}
        onChange={s.setQuery}
        onSubmit={s.search}
        focus={isActive && s.step === 'query'}
        placeholder={I.queryPlaceholder}
        width={width}
        labelWidth={displayWidth(I.query)}
      />
      {messageLine}
      {rows.length > 0 ? (
        <Table
          data={rows}
          columns={COLUMNS}
          height={Math.max(1, height - LIST_CHROME)}
          selectedIndex={s.step === 'pick' ? s.pickIndex : undefined}
          rowColor={(row) => (row.blocked ? 'gray' : undefined)}
        />
      ) : null}
      {line(detail.text, detail.color)}
    </Box>
  );
}
