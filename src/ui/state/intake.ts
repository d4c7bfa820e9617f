/**
 * The intake screen's state (入库登记): a maker's file is checked in full first (nothing written),
 * its problems listed with their lines, and only then imported in one transaction. Pure: the hook
 * reads and writes files and the ledger and dispatches what came of it.
 */
import type { ImportResult } from '../../workflows/import-maker-file.ts';
import { clampIndex } from './list-index.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type IntakePhase = 'file' | 'checking' | 'preview' | 'writing' | 'done';

/** The file as read for the check: imported from these very bytes after the confirmation. */
export type IntakeFile = { readonly fileName: string; readonly bytes: Buffer; readonly path: string };
export type IntakeProgress = { readonly line: number; readonly lines: number };

export type IntakeState = {
  readonly phase: IntakePhase;
  readonly path: string;
  readonly file: IntakeFile | null;
  readonly result: ImportResult | null;
  /** Lines checked so far while a file is read. */
  readonly progress: IntakeProgress | null;
  readonly message: string | null;
  readonly error: string | null;
  /** The problem under the marker. */
  readonly selected: number;
};

export type IntakeAction =
  | { type: 'path'; value: string }
  | { type: 'need-path' }
  | { type: 'check-started' }
  | { type: 'progress'; progress: IntakeProgress }
  | { type: 'checked'; file: IntakeFile; result: ImportResult }
  | { type: 'check-failed'; error: string }
  | { type: 'write-started' }
  | { type: 'written'; result: ImportResult }
  | { type: 'write-failed'; error: string }
  | { type: 'move'; delta: number }
  | { type: 'report-saved'; path: string }
  | { type: 'report-failed'; error: string }
  | { type: 'back' };

export function initialIntakeState(): IntakeState {
  return { phase: 'file', path: '', file: null, result: null, progress: null, message: null, error: null, selected: 0 };
}

/** Esc steps back from the preview or the result to the file field; elsewhere it leaves the screen. */
export function canStepBack(s: IntakeState): boolean {
  return s.phase === 'preview' || s.phase === 'done';
}

/** Enter on the preview imports only a file the check passed, from the bytes that were checked. */
export function canImport(s: IntakeState): boolean {
  return s.file !== null && s.result?.status === 'valid';
}

/** S saves the problem list only when there are problems in a file that was read. */
export function canSaveReport(s: IntakeState): boolean {
  return s.file !== null && (s.result?.errors.length ?? 0) > 0;
}

export function intakeReducer(s: IntakeState, a: IntakeAction): IntakeState {
  switch (a.type) {
    case 'path':
      return { ...s, path: a.value, error: null };
    case 'need-path':
      return { ...s, error: zh.intake.needPath };
    case 'check-started':
      return { ...s, phase: 'checking', error: null };
    case 'progress':
      return { ...s, progress: a.progress };
    case 'checked':
      return { ...s, file: a.file, result: a.result, selected: 0, message: a.result.message, progress: null, phase: a.result.status === 'already-imported' ? 'done' : 'preview' };
    case 'check-failed':
      return { ...s, error: a.error, phase: 'file', progress: null };
    case 'write-started':
      return { ...s, phase: 'writing' };
    case 'written':
      return { ...s, result: a.result, message: a.result.message, phase: a.result.status === 'invalid' ? 'preview' : 'done' };
    case 'write-failed':
      return { ...s, error: a.error, phase: 'preview' };
    case 'move':
      return { ...s, selected: clampIndex(s.selected, a.delta, s.result?.errors.length ?? 1) };
    case 'report-saved':
      return { ...s, message: zh.intake.reportSaved(a.path) };
    case 'report-failed':
      return { ...s, error: a.error };
    case 'back':
      return canStepBack(s) ? { ...s, phase: 'file', result: null, message: null } : s;
  }
}
