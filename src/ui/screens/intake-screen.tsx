import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useIntake, type IntakePhase } from '../hooks/use-intake.ts';
import { fitWidth } from '../../text/display-width.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type IntakeScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onCheckIn: (batch: string) => void;
  onContext: (context: string) => void;
};

type ErrorRow = { line: string; column: string; message: string };

const COLUMNS: ColumnSpec<ErrorRow>[] = [
  { key: 'line', header: zh.intake.columns.line, width: 6, align: 'right' },
  { key: 'column', header: zh.intake.columns.column, width: 10 },
  { key: 'message', header: zh.intake.columns.message, width: 58 },
];

export const INTAKE_CONTEXT: Record<IntakePhase, string> = {
  file: 'intake',
  checking: 'intake',
  preview: 'intake-preview',
  writing: 'intake-preview',
  done: 'intake-done',
};

export function IntakeScreen({ actor, width, height, isActive, onCheckIn, onContext }: IntakeScreenProps) {
  const it = useIntake(actor);
  const r = it.result;
  useKeyHandler(
    (e) => {
      if (it.phase === 'preview' && matches('intake.scroll', e)) return it.move(e.name === 'up' ? -1 : 1), true;
      if (it.phase === 'preview' && matches('intake.save-report', e)) return it.saveReport(), true;
      if (it.phase === 'preview' && matches('intake.import', e)) return it.confirm(), true;
      if (it.phase === 'done' && matches('intake.to-checkin', e) && r?.batch) return onCheckIn(r.batch), true;
      if (matches('back', e) && it.back()) return true;
      return false;
    },
    { priority: PRIORITY.screen, isActive },
  );
  useLayoutEffect(() => onContext(INTAKE_CONTEXT[it.phase]), [it.phase]);
  const status =
    it.phase === 'checking' ? zh.intake.checking : it.phase === 'writing' ? zh.intake.writing : (it.error ?? it.message ?? '');
  const kind = r?.kind === 'finished' ? '成品卡' : r?.kind === 'prefab' ? '预制卡' : '';
  const rows: ErrorRow[] = (r?.errors ?? []).map((e) => ({ line: e.line ? String(e.line) : '文件名', column: e.column ?? '', message: e.message }));
  const hint =
    it.phase === 'preview' && r?.status === 'valid'
      ? zh.intake.confirmHint
      : it.phase === 'preview' && rows.length
        ? zh.intake.problems(rows.length)
        : it.phase === 'done' && r?.status === 'imported' && !r.received
          ? zh.intake.doneHint
          : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{zh.intake.title}</Text>
      <TextField label={zh.intake.file} value={it.path} onChange={it.setPath} onSubmit={it.check} focus={isActive && it.phase === 'file'} placeholder={zh.intake.placeholder} width={width} labelWidth={4} />
      {it.phase === 'checking' && it.progress ? (
        <ProgressBar done={it.progress.line} total={it.progress.lines} width={width} label=" 行" />
      ) : (
        <Text color={it.error ? 'red' : r?.status === 'invalid' ? 'yellow' : undefined}>{fitWidth(status, width)}</Text>
      )}
      <Text>{fitWidth(r && r.batch ? zh.intake.summary(kind, r.bank ?? '', r.batch, r.rows, r.boxes, r.encoding) : '', width)}</Text>
      <Text color={rows.length ? 'yellow' : 'green'}>{fitWidth(hint, width)}</Text>
      {rows.length > 0 ? <Table data={rows} columns={COLUMNS} height={Math.max(1, height - 8)} selectedIndex={it.selected} /> : null}
    </Box>
  );
}
