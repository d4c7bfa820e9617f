import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches, type BindingId } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useOverdue, type EndFocus, type OverdueMode } from '../hooks/use-overdue.ts';
import type { OverdueTab } from '../hooks/use-navigation.ts';
import { fitWidth } from '../../text/display-width.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { stateLabel, type StateOrNone } from '../../domain/card-states.ts';
import type { CancellationRow, OverdueRow } from '../../workflows/recall.ts';
import type { OpenPickup } from '../../workflows/agent-pickup.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type OverdueScreenProps = {
  actor: Actor;
  tab: OverdueTab;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
  onTab: (tab: OverdueTab) => void;
  onSettle: (ref: string) => void;
  onNewPickup: () => void;
  onLeave: () => void;
};

const O = zh.overdue;
const TABS: readonly OverdueTab[] = ['due', 'warn', 'pickups', 'cancel'];

type DueRow = { sel: string; cardNo: string; name: string; site: string; category: string; from: string; due: string; late: boolean };
type PickupRow = { ref: string; agent: string; since: string; site: string; held: string };
type CancelRow = { sel: string; cardNo: string; name: string; site: string; state: string; recalled: string; reason: string };

const DUE_COLUMNS: ColumnSpec<DueRow>[] = [
  { key: 'sel', header: '', width: 1 },
  { key: 'cardNo', header: O.columns.cardNo, width: 10 },
  { key: 'name', header: O.columns.name, width: 10 },
  { key: 'site', header: O.columns.site, width: 18 },
  { key: 'category', header: O.columns.category, width: 10 },
  { key: 'from', header: O.columns.from, width: 10 },
  { key: 'due', header: O.columns.due, width: 12 },
];
const PICKUP_COLUMNS: ColumnSpec<PickupRow>[] = [
  { key: 'ref', header: O.columns.pickupRef, width: 24 },
  { key: 'agent', header: O.columns.agent, width: 26 },
  { key: 'since', header: O.columns.since, width: 10 },
  { key: 'site', header: O.columns.site, width: 8 },
  { key: 'held', header: O.columns.held, width: 4, align: 'right' },
];
const CANCEL_COLUMNS: ColumnSpec<CancelRow>[] = [
  { key: 'sel', header: '', width: 1 },
  { key: 'cardNo', header: O.columns.cardNo, width: 10 },
  { key: 'name', header: O.columns.name, width: 10 },
  { key: 'site', header: O.columns.site, width: 14 },
  { key: 'state', header: O.columns.state, width: 6 },
  { key: 'recalled', header: O.columns.recalled, width: 10 },
  { key: 'reason', header: O.columns.reason, width: 20 },
];

const MARK = '✓';
/** Printable keys that are commands on the lists; other text (a card scanned by habit) is ignored. */
const LIST_COMMANDS: readonly BindingId[] = ['overdue.toggle', 'overdue.all', 'overdue.recall', 'overdue.stats', 'overdue.new-pickup', 'overdue.cancel', 'overdue.seal', 'help', 'quit'];

function contextOf(mode: OverdueMode, tab: OverdueTab, canSeal: boolean, reasonIsOther: boolean): string {
  switch (mode) {
    case 'leave':
      return 'confirm';
    case 'recall':
      return reasonIsOther ? 'overdue-recall-note' : 'overdue-recall';
    case 'end':
      return 'overdue-end';
    case 'stats':
      return 'overdue-stats';
    case 'list':
      return tab === 'cancel' ? (canSeal ? 'overdue-cancel-seal' : 'overdue-cancel') : `overdue-${tab}`;
  }
}

/** Title, the table's header, rule and overflow line, the detail line, two notice lines. */
const CHROME = 1 + 3 + 1 + 2;
const LABEL_WIDTH = 12;

export function OverdueScreen({ actor, tab, width, height, isActive, onContext, onTab, onSettle, onNewPickup, onLeave }: OverdueScreenProps) {
  const o = useOverdue(actor, tab);
  const canSeal = o.endActions.includes('seal');
  const context = contextOf(o.mode, tab, canSeal, o.reason.code === 'other');
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  const tableRows = Math.max(1, height - CHROME);

  useKeyHandler(
    (e) => {
      if (o.mode === 'leave') {
        if (stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
        if (matches('confirm.yes', e)) return o.confirmLeave(), true;
        if (matches('confirm.no', e)) return o.cancelLeave(), true;
        return true; // the question owns the keyboard until answered
      }
      if (o.checking) return !matches('quit-ctrl-c', e);
      if (o.mode === 'stats') {
        if (matches('overdue.stats-close', e)) return o.closeDialog(), true;
        return false;
      }
      if (o.mode === 'recall') {
        const typing = o.reason.code === 'other';
        // A card scanned by habit must not confirm the recall with its Enter.
        if (!typing && stray.swallow(e, (k) => matches('help', k) || matches('quit', k))) return true;
        if (matches('overdue.reason', e)) return o.moveReason(e.name === 'up' ? -1 : 1), true;
        if (!typing && matches('overdue.recall-confirm', e)) return o.confirmRecall(), true;
        if (matches('overdue.dialog-close', e)) return o.closeDialog(), true;
        return false;
      }
      if (o.mode === 'end') {
        if (matches('overdue.end-field', e)) return o.nextEndField(e.name === 'backtab' || e.name === 'up' ? -1 : 1), true;
        if (matches('overdue.dialog-close', e)) return o.closeDialog(), true;
        return false;
      }
      // The lists.
      if (stray.swallow(e, (k) => LIST_COMMANDS.some((id) => matches(id, k)))) return true;
      if (matches('overdue.tab', e)) {
        o.clearNotice();
        const i = TABS.indexOf(tab);
        onTab(TABS[(i + (e.name === 'backtab' ? -1 : 1) + TABS.length) % TABS.length]!);
        return true;
      }
      if (matches('overdue.move', e)) return o.move(e.name === 'up' ? -1 : 1), true;
      if (matches('overdue.page', e)) return o.move(e.name === 'pageup' ? -tableRows : tableRows), true;
      if (tab === 'due' || tab === 'cancel') {
        if (matches('overdue.toggle', e)) return o.toggle(), true;
        if (matches('overdue.all', e)) return o.toggleAll(), true;
      }
      if (tab === 'due') {
        if (matches('overdue.recall', e)) return o.openRecall(), true;
        if (matches('overdue.stats', e)) return o.openStats(), true;
      }
      if (tab === 'pickups') {
        const p = o.lists.pickups[o.index];
        if (matches('overdue.settle', e)) {
          if (p) o.guardLeave(() => onSettle(p.ref));
          return true;
        }
        if (matches('overdue.new-pickup', e)) return o.guardLeave(onNewPickup), true;
      }
      if (tab === 'cancel') {
        if (matches('overdue.cancel', e)) return o.openEnd('cancel'), true;
        if (canSeal && matches('overdue.seal', e)) return o.openEnd('seal'), true;
      }
      if (matches('back', e)) return o.guardLeave(onLeave), true;
      return false;
    },
    { priority: o.mode === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive },
  );

  const line = (text: string, color?: string, dim?: boolean) => (
    <Text color={color} dimColor={dim}>
      {fitWidth(text, width)}
    </Text>
  );
  const counts: Record<OverdueTab, number> = { due: o.lists.due.length, warn: o.lists.warn.length, pickups: o.lists.pickups.length, cancel: o.lists.cancel.length };
  const tabLabel = (t: OverdueTab) => (t === tab ? `[${O.tabs[t](counts[t])}]` : ` ${O.tabs[t](counts[t])} `);
  const title = <Text bold>{fitWidth(`${O.title}  ${TABS.map(tabLabel).join(' ')}`, width)}</Text>;
  const noticeLine = o.notice ? line(o.notice.text, o.notice.level === 'error' ? 'red' : 'green') : line(o.error ?? '', 'red');

  // Under a question about dropping what was typed, its dialog stays on screen.
  const view: OverdueMode = o.mode === 'leave' && o.leaving?.what === 'form' ? o.leaving.back : o.mode;
  const formPrompt = o.mode === 'leave' ? leavePrompt(width, O.leaveFormTitle, O.leaveFormBody) : null;

  if (view === 'recall') {
    const rows = o.chosenDue;
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        <Text bold>{fitWidth(O.recallTitle(rows.length, summary(rows)), width)}</Text>
        {line(preview(rows.map((r) => `${r.cardNo} ${r.holderName ?? ''}`)), undefined, true)}
        {line('')}
        {line(O.reasonPrompt)}
        {o.reasons.map((r, i) => (
          <Text key={r.code}>{fitWidth(`${i === o.reasonIndex ? '›' : ' '} ${i === o.reasonIndex ? '●' : '○'} ${r.label}`, width)}</Text>
        ))}
        {o.reason.code === 'other' ? (
          <TextField label={O.note} value={o.note} onChange={o.setNote} onSubmit={(v) => o.confirmRecall(v)} focus={isActive && o.mode === 'recall'} placeholder={O.notePlaceholder} width={width} labelWidth={LABEL_WIDTH} />
        ) : (
          line('')
        )}
        {line('')}
        {line(o.dialogError ?? '', 'red')}
        {line(O.recallHint, undefined, true)}
        {formPrompt}
      </Box>
    );
  }

  if (view === 'end') {
    const rows = o.chosenCancel;
    const editable = isActive && o.mode === 'end' && !o.checking;
    const field = (f: EndFocus, label: string, value: string, set: (v: string) => void, extra: { mask?: string; placeholder?: string } = {}) => (
      <TextField label={label} value={value} onChange={set} onSubmit={(v) => o.endFieldDone(f, v)} focus={editable && o.endFocus === f} width={width} labelWidth={LABEL_WIDTH} {...extra} />
    );
    const word = o.action === 'seal' ? O.seal : O.cancel;
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        <Text bold>{fitWidth(O.endTitle(word, rows.length), width)}</Text>
        {line(preview(rows.map((r) => `${r.cardNo} ${r.holderName ?? ''}`)), undefined, true)}
        {line('')}
        {field('reason', O.endReason, o.endReason, o.setEndReason, { placeholder: o.suggestedReason })}
        {field('login', O.approverLogin, o.login, o.setLogin)}
        {field('pin', O.approverPin, o.pin, o.setPin, { mask: '*' })}
        {line('')}
        {o.checking ? line(O.checking, 'yellow') : line(o.dialogError ?? '', 'red')}
        {line(O.endHint(word), 'yellow')}
        {formPrompt}
      </Box>
    );
  }

  if (view === 'stats' && o.stats) {
    const st = o.stats;
    const room = Math.max(1, height - 6);
    const lines = [
      ...st.byCategory.map((c) => `  ${fitWidth(c.label, 36)} ${String(c.n).padStart(4)} 张`),
      ...(st.bySite.length ? ['', O.statsBySite, ...st.bySite.map((x) => `  ${fitWidth(x.siteName, 20)} ${fitWidth(x.label, 30)} ${String(x.n).padStart(4)} 张`)] : []),
    ];
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        <Text bold>{fitWidth(O.statsTitle(actor.siteName, st.total), width)}</Text>
        {line('-'.repeat(width))}
        {st.total === 0 ? line(O.statsNone) : null}
        {lines.slice(0, room).map((l, i) => (
          <Text key={i}>{fitWidth(l, width)}</Text>
        ))}
        {line('')}
        {line(O.statsHint, undefined, true)}
      </Box>
    );
  }

  const leaving = view === 'leave' ? leavePrompt(width, O.leaveTitle(o.selectionSize), O.leaveBody) : null;
  let table;
  let detail = '';
  let detailColor: string | undefined;
  if (tab === 'due' || tab === 'warn') {
    const list = o.lists[tab];
    const rows: DueRow[] = list.map((r) => ({
      sel: tab === 'due' && o.isChosen('due', r.cardNo) ? MARK : '',
      cardNo: r.cardNo,
      name: r.holderName ?? '-',
      site: r.site.name,
      category: O.categories[r.category],
      from: r.overdueFrom,
      due: `${r.recallDueBy}${r.late ? ` ${O.late}` : ''}`,
      late: r.late,
    }));
    table = (
      <Table
        data={rows}
        columns={DUE_COLUMNS}
        height={tableRows}
        selectedIndex={rows.length ? o.index : undefined}
        emptyText={tab === 'due' ? O.noneDue : O.noneWarn}
        rowColor={(row) => (row.late ? 'red' : undefined)}
      />
    );
    const c: OverdueRow | undefined = list[o.index];
    if (c) {
      detail = O.dueDetail(c.holderIdMasked ?? '-', c.batch ?? '-', stateLabel(c.state as StateOrNone), c.receivedOn ?? '-', c.phase === 'overdue' ? c.daysOverdue : null);
      if (c.late) detailColor = 'red';
    }
  } else if (tab === 'pickups') {
    const rows: PickupRow[] = o.lists.pickups.map((p: OpenPickup) => ({ ref: p.ref, agent: p.agent, since: formatLocalTime(p.since).slice(0, 10), site: p.site, held: String(p.held) }));
    table = <Table data={rows} columns={PICKUP_COLUMNS} height={tableRows} selectedIndex={rows.length ? o.index : undefined} emptyText={O.nonePickups} />;
    const p = o.lists.pickups[o.index];
    if (p) detail = p.authorisation;
  } else {
    const rows: CancelRow[] = o.lists.cancel.map((r: CancellationRow) => ({
      sel: o.isChosen('cancel', r.cardNo) ? MARK : '',
      cardNo: r.cardNo,
      name: r.holderName ?? '-',
      site: r.site.name,
      state: r.stateLabel,
      recalled: r.recalledOn ?? '-',
      reason: r.label,
    }));
    table = <Table data={rows} columns={CANCEL_COLUMNS} height={tableRows} selectedIndex={rows.length ? o.index : undefined} emptyText={O.noneCancel} />;
    const r = o.lists.cancel[o.index];
    if (r) detail = `${r.holderIdMasked ?? '-'}  ${r.label}`;
  }
  const chosenCount = tab === 'due' ? o.chosenDue.length : tab === 'cancel' ? o.chosenCancel.length : 0;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      {table}
      {line(detail, detailColor, detailColor === undefined)}
      {leaving ?? (
        <>
          {noticeLine}
          {line(chosenCount ? O.chosen(chosenCount, tab === 'due' ? O.recallVerb : O.endVerb(canSeal)) : tab === 'cancel' && !canSeal ? O.noSeal : '', undefined, true)}
        </>
      )}
    </Box>
  );
}

function leavePrompt(width: number, title: string, body: string) {
  return (
    <Box flexDirection="column">
      <Text bold color="yellow">
        {fitWidth(title, width)}
      </Text>
      <Text>{fitWidth(body, width)}</Text>
    </Box>
  );
}

/** The chosen cards by category: 逾期未领 3 张、睡眠卡 1 张. */
function summary(rows: readonly OverdueRow[]): string {
  const n = new Map<OverdueRow['category'], number>();
  for (const r of rows) n.set(r.category, (n.get(r.category) ?? 0) + 1);
  return [...n].map(([c, k]) => `${O.categories[c]} ${k} 张`).join('、');
}

function preview(items: readonly string[]): string {
  return items.join('、');
}
