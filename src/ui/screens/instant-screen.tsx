import type { ScreenProps } from './screen-props.ts';
import type { ContextId } from '../keys/registry.ts';
import { useLayoutEffect, type ReactNode } from 'react';
import { Box } from 'ink';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useInstant } from '../hooks/use-instant.ts';
import { Wrapped } from './shared/wrapped.tsx';
import { InstantJob } from './instant/instant-job.tsx';
import { InstantResolved } from './instant/instant-resolved.tsx';
import { InstantRun } from './instant/instant-run.tsx';
import { InstantForm } from './instant/instant-form.tsx';
import { instantKeys, loadKey } from './instant/instant-keys.ts';
import type { RunStatus } from './instant/instant-lines.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type InstantScreenProps = ScreenProps & {
  /** L: to 装入卡盒. */
  onLoadHopper: () => void;
};

type Instant = ReturnType<typeof useInstant>;

const T = zh.instant;

function contextOf(s: Instant): ContextId {
  switch (s.step) {
    case 'loading':
      return 'instant';
    case 'off':
      return s.noBlanks ? 'instant-no-blanks' : 'instant';
    case 'job':
      if (s.job?.needs === 'nothing') return 'instant-job';
      return s.job?.needs === 'face_check' && !s.faceGood ? 'instant-job-face' : 'instant-job-hand';
    case 'resolved':
      return s.resolved?.receipt ? 'instant-resolved-receipt' : 'instant-resolved';
    case 'form':
      return s.focus === 'bank' ? 'instant-form' : s.focus === 'idNumber' ? 'instant-form-id' : 'instant-form-edit';
    case 'running':
      return 'instant-running';
    case 'result':
      return s.result?.status === 'issued' ? 'instant-issued' : s.result?.status === 'failed' ? 'instant-failed' : 'instant-void';
    case 'error':
      return 'instant-error';
  }
}

/** How far the run on screen got, in the running, result and error steps. */
function runStatus(s: Instant): RunStatus | null {
  if (s.step === 'running') return 'running';
  if (s.step === 'error') return 'error';
  if (s.step === 'result') return s.result?.status ?? null;
  return null;
}

function Loading({ width }: { width: number }) {
  return (
    <>
      <Line text="" width={width} />
      <Line text={T.loading} width={width} color="yellow" />
    </>
  );
}

function Off({ reason, width }: { reason: string; width: number }) {
  return (
    <>
      <Line text="" width={width} />
      <Wrapped text={reason} color="yellow" />
      <Line text="" width={width} />
      <Line text={T.offHint} width={width} dim />
    </>
  );
}

/** The step's view under the title. */
function body(s: Instant, width: number, isActive: boolean): ReactNode {
  if (s.step === 'loading') return <Loading width={width} />;
  if (s.step === 'off') return <Off reason={s.offReason ?? ''} width={width} />;
  if (s.step === 'job' && s.job) return <InstantJob job={s.job} count={s.jobs.length} faceGood={s.faceGood} busy={s.busy} message={s.message} width={width} />;
  if (s.step === 'resolved' && s.resolved) return <InstantResolved resolved={s.resolved} jobs={s.jobs.length} receipt={s.receipt} width={width} />;
  const status = runStatus(s);
  if (s.run && (s.step === 'running' || s.step === 'result' || s.step === 'error')) {
    return <InstantRun run={s.run} status={status ?? 'running'} phase={s.phase} result={s.result} failure={s.failure} receipt={s.receipt} width={width} />;
  }
  const editable = isActive && s.step === 'form' && !s.busy;
  return <InstantForm fields={s.fields} training={s.training} focus={s.focus} banks={s.banks} bankIndex={s.bankIndex} idType={s.idType} message={s.message} editable={editable} width={width} onChange={s.setField} onDone={s.fieldDone} />;
}

export function InstantScreen({ actor, width, height, isActive, onContext, onLoadHopper }: InstantScreenProps) {
  const s = useInstant(actor);
  const context = contextOf(s);
  useLayoutEffect(() => onContext(context), [context]);
  const stray = useStrayScan();
  // L opens 装入卡盒 where the hoppers are empty, and on the form before the applicant is typed
  // in; a focused field would take it as text, so this sits just above the field's priority
  // (as H does on the count's scan field) and is active only while that field is empty.
  useKeyHandler(loadKey(s, onLoadHopper), { priority: PRIORITY.text + 1, isActive: isActive && !s.busy && (s.step === 'form' || s.noBlanks) });
  useKeyHandler(instantKeys(s, stray), { priority: PRIORITY.screen, isActive });
  const title = T.title(actor.siteName);
  const view = body(s, width, isActive);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={title} width={width} bold />
      {view}
    </Box>
  );
}
