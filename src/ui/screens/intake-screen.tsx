import type { ContextId } from '../keys/registry.ts';
import { binding } from '../keys/registry.ts';
import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { Table } from '../components/table.tsx';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useIntake, type Intake } from '../hooks/use-intake.ts';
import { intakeContext, type IntakeProgress } from '../state/intake.ts';
import { intakeKeys } from './intake/intake-keys.ts';
import { candidateLines, fileColumns, intakeView, PROBLEM_COLUMNS, type IntakeView } from './intake/intake-view.ts';
import { Question } from './shared/question.tsx';
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

/** Title, path field and status line above whatever the step shows. */
const HEAD = 3;

export function IntakeScreen({ actor, width, height, isActive, onCheckIn, onContext }: IntakeScreenProps) {
  const it = useIntake(actor);
  const stray = useStrayScan();
  const asking = it.phase === 'other-city';
  useKeyHandler(intakeKeys(it, stray, onCheckIn), { priority: asking ? PRIORITY.modal : PRIORITY.screen, isActive });
  const context = intakeContext(it);
  useLayoutEffect(() => onContext(context), [context]);
  const view = intakeView(it);
  const fieldFocus = isActive && it.phase === 'file';
  const body = Math.max(1, height - HEAD);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{zh.intake.title}</Text>
      <TextField label={zh.intake.file} value={it.path} onChange={it.setPath} onSubmit={it.checkPath} focus={fieldFocus} placeholder={zh.intake.placeholder} width={width} labelWidth={4} />
      <IntakeStatus progress={it.phase === 'checking' ? it.progress : null} view={view} width={width} />
      {it.phase === 'pick' && it.folder ? (
        <FolderList it={it} width={width} height={body} />
      ) : it.phase === 'file' && it.candidates.length > 0 ? (
        candidateLines(it.candidates, body).map((text, i) => <Line key={i} text={text} width={width} dim={i === 0} />)
      ) : (
        <IntakeResult it={it} view={view} width={width} height={body} />
      )}
    </Box>
  );
}

/** The line under the file field: the check's progress while a file is read, else the status. */
function IntakeStatus({ progress, view, width }: { progress: IntakeProgress | null; view: IntakeView; width: number }) {
  if (progress) return <ProgressBar done={progress.line} total={progress.lines} width={width} label={zh.intake.progressUnit} />;
  return <Line text={view.status} color={view.statusColor} width={width} />;
}

/** A folder typed as the path: its maker files, ↑↓ to choose, Enter to check one (title, hint, table with its range line). */
function FolderList({ it, width, height }: { it: Intake; width: number; height: number }) {
  const folder = it.folder!;
  const hint = zh.intake.pickHint(binding('intake.pick-move').keys, binding('intake.pick').keys, binding('back').keys);
  return (
    <>
      <Line text={zh.intake.pickTitle(folder.path, folder.files.length)} width={width} />
      <Line text={hint} width={width} color="green" />
      <Table data={folder.files.map((name) => ({ name }))} columns={fileColumns(width)} width={width} height={Math.max(1, height - 5)} selectedIndex={it.picked} />
    </>
  );
}

/** After a check: the file's summary, a warning for another city, what to do next, the problems or the question. */
function IntakeResult({ it, view, width, height }: { it: Intake; view: IntakeView; width: number; height: number }) {
  const o = it.result?.otherCity;
  // Summary, warning, hint; the table adds its header, rule and range line.
  const lines = 2 + (view.warning ? 1 : 0);
  return (
    <>
      <Line text={view.summary} width={width} />
      {view.warning ? <Line text={view.warning} color="yellow" width={width} /> : null}
      <Line text={view.hint} color={view.hintColor} width={width} />
      {view.rows.length > 0 ? <Table data={view.rows} columns={PROBLEM_COLUMNS} width={width} height={Math.max(1, height - lines - 3)} selectedIndex={it.selected} /> : null}
      {it.phase === 'other-city' && o ? (
        <Question title={zh.intake.otherCityTitle} body={zh.intake.otherCityBody(o.city, binding('intake.other-city-yes').keys, binding('intake.other-city-no').keys)} width={width} wrap />
      ) : null}
    </>
  );
}
