import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useSignIn, type ResultFocus, type SignInMode } from '../hooks/use-sign-in.ts';
import { displayWidth, fitWidth } from '../../text/display-width.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type SignInScreenProps = {
  actor: Actor;
  number: string;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
  /** Leave the screen (after the operator agreed to drop an unsubmitted count). */
  onLeave: () => void;
};

type BoxRow = { box: string; expected: string; counted: string; status: string };
type MissingRow = { cardNo: string; box: string };

const S = zh.signIn;
const BOX_COLUMNS: ColumnSpec<BoxRow>[] = [
  { key: 'box', header: S.columns.box, width: 20 },
  { key: 'expected', header: S.columns.expected, width: 4, align: 'right' },
  { key: 'counted', header: S.columns.counted, width: 4, align: 'right' },
  { key: 'status', header: S.columns.status, width: 14 },
];
const MISSING_COLUMNS: ColumnSpec<MissingRow>[] = [
  { key: 'cardNo', header: S.columns.missing, width: 12 },
  { key: 'box', header: S.columns.missingBox, width: 4 },
];

function contextOf(mode: SignInMode, focus: ResultFocus): string {
  if (mode === 'result') return focus === 'place' ? 'signin-result' : 'signin-result-edit';
  if (mode === 'leave') return 'confirm';
  if (mode === 'done' || mode === 'failed') return 'signin-done';
  return 'signin';
}

const FLAG_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;
const LABEL_WIDTH = 8;
/** Lines above the two result tables: title, from, totals, three fields, actions, a message. */
const RESULT_CHROME = 8;

export function SignInScreen({ actor, number, width, height, isActive, onContext, onLeave }: SignInScreenProps) {
  const s = useSignIn(actor, number);
  const context = contextOf(s.mode, s.focus);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  useKeyHandler(
    (e) => {
      // A card scanned by habit on the result or a question must not sign or drop anything.
      const resultKeys = s.mode === 'result' && s.focus === 'place';
      if (resultKeys && stray.swallow(e, (k) => matches('signin.partial', k) || matches('help', k) || matches('quit', k))) {
        if (e.name === 'char' || e.name === 'scan') s.strayScan();
        return true;
      }
      if (s.mode === 'leave' && stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
      if (s.mode === 'leave') {
        if (matches('confirm.yes', e)) return onLeave(), true;
        if (matches('confirm.no', e)) return s.cancelLeave(), true;
        return true; // the question owns the keyboard until answered
      }
      if (s.mode === 'scan' || s.mode === 'box-count' || s.mode === 'damage-reason') {
        if (s.mode === 'scan' && matches('signin.submit', e)) return s.submitCount(), true;
        if (s.mode === 'scan' && matches('signin.damaged', e)) return s.damaged(), true;
      }
      if (s.mode === 'result') {
        if (matches('signin.field', e)) return s.nextField(e.name === 'backtab' ? -1 : 1), true;
        if (matches('signin.scroll', e)) return s.moveMissing(e.name === 'up' ? -1 : 1), true;
        if (s.focus === 'place') {
          if (matches('signin.place', e)) return s.cyclePlace(e.name === 'left' ? -1 : 1), true;
          if (matches('signin.close', e)) return s.sign(true), true;
          if (matches('signin.partial', e)) return s.sign(false), true;
        }
      }
      if (matches('back', e) && s.back()) return true;
      return false;
    },
    { priority: s.mode === 'leave' ? PRIORITY.modal : PRIORITY.screen, isActive },
  );

  const line = (text: string, color?: string) => <Text color={color}>{fitWidth(text, width)}</Text>;
  const flagLines = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const f = s.flags[i];
      return (
        <Text key={`f${i}`} color={f ? FLAG_COLOR[f.level] : undefined} dimColor={i > 0}>
          {fitWidth(f?.text ?? '', width)}
        </Text>
      );
    });
  const title = <Text bold>{fitWidth(S.title(s.start?.number ?? number), width)}</Text>;
  const from = s.start ? line(S.from(s.start.from.name, s.start.methodLabel)) : null;

  if (s.mode === 'failed') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        <Text color="red" wrap="wrap">
          {s.startError ?? ''}
        </Text>
        {line(S.doneHint)}
      </Box>
    );
  }

  if (s.mode === 'done' && s.summary) {
    const x = s.summary;
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        {from}
        {line(S.result(x.expected, x.received + x.damaged, x.missing, x.extras, x.damaged))}
        <Text color="green" wrap="wrap">
          {S.done(x)}
        </Text>
        {x.missing || x.extras || x.damaged ? line(S.doneDiscrepancy, 'yellow') : null}
        {line('')}
        {line(S.doneHint)}
      </Box>
    );
  }

  if (s.mode === 'result') {
    const t = s.totals;
    const r = s.result;
    const tableRows = Math.max(1, height - RESULT_CHROME - 3);
    const boxes: BoxRow[] = s.progress
      .map((p) => {
        const d = s.declared.get(p.box);
        // A box counted whole and matching has all its cards counted: 齐.
        const status = p.counted === p.expected ? S.status.complete : d !== undefined ? S.status.declared(d) : S.status.short(p.expected - p.counted);
        return { box: p.box, expected: String(p.expected), counted: String(p.counted), status, done: p.counted === p.expected };
      })
      // Boxes with a problem first: they are what the operator must look at.
      .sort((a, b) => Number(a.done) - Number(b.done));
    const missing: MissingRow[] = r.missing.map((m) => ({ cardNo: m.cardNo, box: m.box.slice(m.box.lastIndexOf('/') + 1) }));
    const placeRow = `${s.focus === 'place' ? '›' : ' '}${fitWidth(S.place, LABEL_WIDTH)} ${s.places.map((p) => (p.name === s.place ? `[${p.name}]` : ` ${p.name} `)).join(' ')}`;
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        {from}
        <Text bold>{fitWidth(`${S.result(t.expected, t.counted, t.missing, t.extras, t.damaged)}    ${S.blindCounted(s.blindCount ?? 0)}`, width)}</Text>
        <TextField label={S.signer} value={s.signer} onChange={s.setSigner} onSubmit={s.fieldDone} focus={isActive && s.focus === 'signer'} width={width} labelWidth={LABEL_WIDTH} />
        <TextField label={S.custodian} value={s.custodian} onChange={s.setCustodian} onSubmit={s.fieldDone} focus={isActive && s.focus === 'custodian'} placeholder={`${S.custodianPlaceholder}（${s.signer}）`} width={width} labelWidth={LABEL_WIDTH} />
        <Text>{fitWidth(placeRow, width)}</Text>
        {line(S.actions, 'yellow')}
        {flagLines(1)}
        <Box>
          <Table data={boxes} columns={BOX_COLUMNS} height={tableRows} />
          <Box marginLeft={2}>
            <Table data={missing} columns={MISSING_COLUMNS} height={tableRows} selectedIndex={missing.length ? s.missingSel : undefined} emptyText={S.noMissing} />
          </Box>
        </Box>
      </Box>
    );
  }

  // Counting: the expected number is never on screen here.
  const label = s.mode === 'box-count' ? S.boxCount(s.pendingBox ?? '') : s.mode === 'damage-reason' ? S.damageReason(s.lastCard ?? '') : S.scan;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      {from}
      <TextField
        label={label}
        value={s.input}
        onChange={s.setInput}
        onSubmit={s.submit}
        focus={isActive && (s.mode === 'scan' || s.mode === 'box-count' || s.mode === 'damage-reason')}
        placeholder={s.mode === 'scan' ? S.scanPlaceholder : ''}
        width={width}
        labelWidth={Math.max(4, displayWidth(label))}
      />
      <Text bold>{fitWidth(S.tally(s.tally, s.extras, s.duplicates, s.damagedCount), width)}</Text>
      {flagLines(6)}
      <Text dimColor>{fitWidth(S.blindHint, width)}</Text>
      {s.mode === 'leave' ? (
        <Box flexDirection="column">
          <Text bold color="yellow">
            {fitWidth(S.leaveTitle, width)}
          </Text>
          <Text wrap="wrap">{S.leaveBody(s.tally)}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
