import { useMemo } from 'react';
import { join } from 'node:path';
import { checkMakerFile, importMakerFile } from '../../workflows/import-maker-file.ts';
import { completeIntakePath, openIntakePath } from '../../workflows/intake-path.ts';
import { saveProblemList } from '../../workflows/save-problem-list.ts';
import { applicationsForIntake, isApplicationFileName } from '../../workflows/intake-applications.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import {
  canImport,
  canSaveReport,
  canStepBack,
  initialIntakeState,
  intakeReducer,
  isInvalidPreview,
  needsCityConfirmation,
  type IntakeAction,
  type IntakePhase,
  type IntakeState,
} from '../state/intake.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorText } from '../state/error-text.ts';

export type { IntakePhase };

export type IntakeActions = {
  readonly setPath: (v: string) => void;
  /** Tab in the path field: complete the name being typed, list the choices when several fit. */
  readonly complete: () => void;
  /** Enter on a path: a folder lists its maker files, a file is checked. */
  readonly check: (path: string) => void;
  /**
   * Enter in the path field: the path as the reducer has it, not as the field last rendered
   * it, so that a Tab completion in the same read as the Enter is what gets opened.
   */
  readonly checkPath: () => void;
  readonly pickMove: (delta: number) => void;
  /** Enter on a folder's list: check the file under the marker. */
  readonly pick: () => void;
  /** Enter on a file with problems: read the same file again (after it was fixed). */
  readonly reread: () => void;
  /** Enter on a clean file: import it, or first ask when it is for another city. */
  readonly confirm: () => void;
  /** Y to the question: import the other city's file all the same. */
  readonly importOtherCity: () => void;
  /** N or Esc to the question: nothing is imported. */
  readonly keepOut: () => void;
  readonly move: (delta: number) => void;
  readonly saveReport: () => void;
  /** Esc inside the screen: question → preview → folder list (if picked from one) → path field; false = leave the screen. */
  readonly back: () => boolean;
};

export type Intake = IntakeState & IntakeActions & { readonly latest: () => IntakeState };

type Send = (a: IntakeAction) => void;

// The work is synchronous: let the "正在…" line reach the screen before it starts.
const later = (fn: () => void | Promise<void>) => setTimeout(() => void fn(), 0);

/**
 * Opens the path: a folder's maker files are listed; a file is read and checked in full (nothing
 * written), reporting the lines checked as it goes.
 */
async function checkPath(ledger: Ledger, actor: Actor, path: string, send: Send): Promise<void> {
  try {
    const target = openIntakePath(path);
    if (target.kind === 'folder') return send({ type: 'folder', folder: { path: target.path, files: target.files } });
    const file = target.file;
    // A batch application file (GD Annex 6) is checked as one; everything else is a maker's file.
    if (isApplicationFileName(file.fileName)) return send({ type: 'checked', file, result: applicationsForIntake(ledger, actor, file, true) });
    const result = await checkMakerFile(ledger, actor, { fileName: file.fileName, bytes: file.bytes }, (p) => send({ type: 'progress', progress: { ...p } }));
    send({ type: 'checked', file, result });
  } catch (e) {
    send({ type: 'check-failed', error: errorText(e) });
  }
}

function importFile(ledger: Ledger, actor: Actor, s: IntakeState, send: Send, otherCity: boolean): void {
  try {
    const file = s.file!;
    const result = isApplicationFileName(file.fileName) ? applicationsForIntake(ledger, actor, file, false) : importMakerFile(ledger, actor, { fileName: file.fileName, bytes: file.bytes, otherCity });
    send({ type: 'written', result });
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
  const actions = useMemo((): IntakeActions => {
    const check = (value: string): void => {
      if (!value.trim()) return void dispatch({ type: 'need-path' });
      dispatch({ type: 'check-started' });
      later(() => checkPath(ledger, actor, value, dispatch));
    };
    const write = (otherCity: boolean): void => {
      dispatch({ type: 'write-started' });
      later(() => importFile(ledger, actor, latest(), dispatch, otherCity));
    };
    return {
      setPath: (value) => void dispatch({ type: 'path', value }),
      complete: () => {
        if (latest().phase === 'file') dispatch({ type: 'completed', ...completeIntakePath(latest().path) });
      },
      check,
      checkPath: () => check(latest().path),
      pickMove: (delta) => void dispatch({ type: 'pick-move', delta }),
      pick: () => {
        const { phase, folder, picked } = latest();
        const name = folder?.files[picked];
        if (phase === 'pick' && folder && name) check(join(folder.path, name));
      },
      reread: () => {
        const s = latest();
        if (isInvalidPreview(s)) check(s.file!.path);
      },
      confirm: () => {
        const s = latest();
        if (needsCityConfirmation(s)) dispatch({ type: 'ask-other-city' });
        else if (canImport(s)) write(false);
      },
      importOtherCity: () => {
        if (latest().phase === 'other-city') write(true);
      },
      keepOut: () => void dispatch({ type: 'keep-out' }),
      move: (delta) => void dispatch({ type: 'move', delta }),
      saveReport: () => {
        if (canSaveReport(latest())) saveReport(latest(), dispatch);
      },
      back: () => canStepBack(latest()) && (dispatch({ type: 'back' }), true),
    };
  }, [ledger, actor, dispatch, latest]);
  return { ...state, ...actions, latest };
}
