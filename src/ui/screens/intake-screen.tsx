import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { Table } from '../components/table.tsx';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useIntake, type IntakePhase } from '../hooks/use-intake.ts';
import type { IntakeProgress } from '../state/intake.ts';
import { intakeKeys } from './intake/intake-keys.ts';
import { intakeView, PROBLEM_COLUMNS, type IntakeView } from './intake/intake-view.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type IntakeScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onCheckIn: (batch: string) => void;
  onContext: (context: ContextId) => void;
};

export const INTAKE_CONTEXT: Record<IntakePhase, ContextId> = {
  file: 'intake',
  checking: 'intake',
  preview: 'intake-preview',
  writing: 'intake-preview',
  done: 'intake-done',
};

export function IntakeScreen({ actor, width, height, isActive, onCheckIn, onContext }: IntakeScreenProps) {
  const it = useIntake(actor);
  useKeyHandler(intakeKeys(it, onCheckIn), { priority: PRIORITY.screen, isActive });
  useLayoutEffect(() => onContext(INTAKE_CONTEXT[it.phase]), [it.phase]);
  const view = intakeView(it);
  const fieldFocus = isActive && it.phase === 'file';
  const tableRows = Math.max(1, height - 8);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{zh.intake.title}</Text>
      <TextField label={zh.intake.file} value={it.path} onChange={it.setPath} onSubmit={it.check} focus={fieldFocus} placeholder={zh.intake.placeholder} width={width} labelWidth={4} />
      <IntakeStatus progress={it.phase === 'checking' ? it.progress : null} view={view} width={width} />
      <Line text={view.summary} width={width} />
      <Line text={view.hint} color={view.hintColor} width={width} />
      {view.rows.length > 0 ? <Table data={view.rows} columns={PROBLEM_COLUMNS} width={width} height={tableRows} selectedIndex={it.selected} /> : null}
    </Box>
  );
}

/** The line under the file field: the check's progress while a file is read, else the status. */
function IntakeStatus({ progress, view, width }: { progress: IntakeProgress | null; view: IntakeView; width: number }) {
  if (progress) return <ProgressBar done={progress.line} total={progress.lines} width={width} label={zh.intake.progressUnit} />;
  return <Line text={view.status} color={view.statusColor} width={width} />;
}
