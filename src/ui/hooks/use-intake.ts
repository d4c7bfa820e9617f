import { useMemo } from 'react';
import { checkMakerFile, importMakerFile } from '../../workflows/import-maker-file.ts';
import { readImportFile } from '../../workflows/read-import-file.ts';
import { saveProblemList } from '../../workflows/save-problem-list.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { canImport, canSaveReport, canStepBack, initialIntakeState, intakeReducer, type IntakeAction, type IntakePhase, type IntakeState } from '../state/intake.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorText } from '../state/error-text.ts';

export type { IntakePhase };

export type IntakeActions = {
  readonly setPath: (v: string) => void;
  readonly check: (path: string) => void;
  readonly confirm: () => void;
  readonly move: (delta: number) => void;
  readonly saveReport: () => void;
  /** Esc inside the screen: from the preview back to the file field; false = leave the screen. */
  readonly back: () => boolean;
};

export type Intake = IntakeState & IntakeActions & { readonly latest: () => IntakeState };

type Send = (a: IntakeAction) => void;

// The work is synchronous: let the "正在…" line reach the screen before it starts.
const later = (fn: () => void | Promise<void>) => setTimeout(() => void fn(), 0);

/** Reads the file and checks it in full (nothing written), reporting the lines checked as it goes. */
async function checkFile(ledger: Ledger, actor: Actor, path: string, send: Send): Promise<void> {
  try {
    const file = readImportFile(path);
    const result = await checkMakerFile(ledger, actor, { fileName: file.fileName, bytes: file.bytes }, (p) => send({ type: 'progress', progress: { ...p } }));
    send({ type: 'checked', file, result });
  } catch (e) {
    send({ type: 'check-failed', error: errorText(e) });
  }
}

function importFile(ledger: Ledger, actor: Actor, s: IntakeState, send: Send): void {
  try {
    send({ type: 'written', result: importMakerFile(ledger, actor, { fileName: s.file!.fileName, bytes: s.file!.bytes }) });
  } catch (e) {
    send({ type: 'write-failed', error: errorText(e) });
  }
}

function saveReport(s: IntakeState, send: Send): void {
  const out = zh.intake.problemListFile(s.file!.path);
  try {
    saveProblemList(out, s.result!.errors);
    send({ type: 'report-saved', path: out });
  } catch (e) {
    send({ type: 'report-failed', error: errorText(e) });
  }
}

/**
 * Register a maker's file from the console: check it in full first (nothing written), show the
 * problems with their lines, and only then import it in one transaction. The actions act on the
 * latest state, so they are made once.
 */
export function useIntake(actor: Actor): Intake {
  const { ledger } = useServices();
  const { state, dispatch, latest } = useLatestReducer(intakeReducer, initialIntakeState);
  const actions = useMemo(
    (): IntakeActions => ({
      setPath: (value) => void dispatch({ type: 'path', value }),
      check: (value) => {
        if (!value.trim()) return void dispatch({ type: 'need-path' });
        dispatch({ type: 'check-started' });
        later(() => checkFile(ledger, actor, value, dispatch));
      },
      confirm: () => {
        if (!canImport(latest())) return;
        dispatch({ type: 'write-started' });
        later(() => importFile(ledger, actor, latest(), dispatch));
      },
      move: (delta) => void dispatch({ type: 'move', delta }),
      saveReport: () => {
        if (canSaveReport(latest())) saveReport(latest(), dispatch);
      },
      back: () => canStepBack(latest()) && (dispatch({ type: 'back' }), true),
    }),
    [ledger, actor, dispatch, latest],
  );
  return { ...state, ...actions, latest };
}
