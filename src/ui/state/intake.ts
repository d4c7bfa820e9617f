/**
 * The intake screen's state (入库登记): a maker's file is checked in full first (nothing written),
 * its problems listed with their lines, and only then imported in one transaction. A file with
 * problems can only be fixed and read again; a file for another city is asked about first.
 * Pure: the hook reads folders, files and the ledger and dispatches what came of it.
 */
import type { ImportResult } from '../../workflows/import-maker-file.ts';
import type { ContextId } from '../keys/registry.ts';
import { clampIndex } from './list-index.ts';
import { zh } from '../../i18n/zh-CN.ts';

/** file: typing the path; pick: a folder's maker files listed; other-city: asking before the import. */
export type IntakePhase = 'file' | 'checking' | 'pick' | 'preview' | 'other-city' | 'writing' | 'done';

/** The file as read for the check: imported from these very bytes after the confirmation. */
export type IntakeFile = { readonly fileName: string; readonly bytes: Buffer; readonly path: string };
export type IntakeProgress = { readonly line: number; readonly lines: number };
/** A folder typed as the path: its maker files, by name. */
export type IntakeFolder = { readonly path: string; readonly files: readonly string[] };

export type IntakeState = {
  readonly phase: IntakePhase;
  readonly path: string;
  /** What the last Tab could complete to, when more than one name matched. */
  readonly candidates: readonly string[];
  readonly folder: IntakeFolder | null;
  /** The file under the marker in a folder's list. */
  readonly picked: number;
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
  | { type: 'completed'; value: string; candidates: readonly string[]; none: boolean }
  | { type: 'need-path' }
  | { type: 'check-started' }
  | { type: 'folder'; folder: IntakeFolder }
  | { type: 'pick-move'; delta: number }
  | { type: 'progress'; progress: IntakeProgress }
  | { type: 'checked'; file: IntakeFile; result: ImportResult }
  | { type: 'check-failed'; error: string }
  | { type: 'ask-other-city' }
  | { type: 'keep-out' }
  | { type: 'write-started' }
  | { type: 'written'; result: ImportResult }
  | { type: 'write-failed'; error: string }
  | { type: 'move'; delta: number }
  | { type: 'report-saved'; path: string }
  | { type: 'report-failed'; error: string }
  | { type: 'back' };

export function initialIntakeState(): IntakeState {
  return { phase: 'file', path: '', candidates: [], folder: null, picked: 0, file: null, result: null, progress: null, message: null, error: null, selected: 0 };
}

/** Esc steps back inside the screen from these; from the path field it leaves the screen. */
export function canStepBack(s: IntakeState): boolean {
  return s.phase === 'preview' || s.phase === 'done' || s.phase === 'pick' || s.phase === 'other-city';
}

/** Enter on the preview imports only a file the check passed, from the bytes that were checked. */
export function canImport(s: IntakeState): boolean {
  return s.phase === 'preview' && s.file !== null && s.result?.status === 'valid';
}

/** A clean file addressed to another city's card body is imported only after a yes. */
export function needsCityConfirmation(s: IntakeState): boolean {
  return canImport(s) && s.result?.otherCity != null;
}

/** A file with problems: the only ways on are saving the list, and reading the fixed file again. */
export function isInvalidPreview(s: IntakeState): boolean {
  return s.phase === 'preview' && s.file !== null && s.result?.status === 'invalid';
}

/** Ctrl+W saves the problem list only when there are problems in a file that was read. */
export function canSaveReport(s: IntakeState): boolean {
  return isInvalidPreview(s) && (s.result?.errors.length ?? 0) > 0;
}

/** The key context of each step (the footer and `?` help read it): an invalid file offers no import. */
export function intakeContext(s: IntakeState): ContextId {
  switch (s.phase) {
    case 'file':
    case 'checking':
      return 'intake';
    case 'pick':
      return 'intake-pick';
    case 'other-city':
      return 'intake-other-city';
    case 'preview':
      return isInvalidPreview(s) ? 'intake-invalid' : 'intake-preview';
    case 'writing':
      return 'intake-writing';
    case 'done':
      return 'intake-done';
  }
}

/** Esc: from a file back to the folder it was picked from, else to the path field. */
function back(s: IntakeState): IntakeState {
  if (s.phase === 'other-city') return { ...s, phase: 'preview' };
  if (s.phase === 'pick') return { ...s, phase: 'file', folder: null, error: null };
  const phase = s.folder ? 'pick' : 'file';
  return { ...s, phase, result: null, message: null, error: null };
}

function opened(s: IntakeState, folder: IntakeFolder): IntakeState {
  if (folder.files.length === 0) return { ...s, phase: 'file', folder: null, error: zh.intake.folderEmpty(folder.path) };
  return { ...s, phase: 'pick', folder, picked: 0, candidates: [], error: null, message: null };
}

export function intakeReducer(s: IntakeState, a: IntakeAction): IntakeState {
  switch (a.type) {
    case 'path':
      return { ...s, path: a.value, error: null, candidates: [] };
    case 'completed':
      return { ...s, path: a.value, candidates: a.candidates, error: a.none ? zh.intake.noMatch : null };
    case 'need-path':
      return { ...s, error: zh.intake.needPath };
    case 'check-started':
      return { ...s, phase: 'checking', error: null, message: null, candidates: [] };
    case 'folder':
      return opened(s, a.folder);
    case 'pick-move':
      return { ...s, picked: clampIndex(s.picked, a.delta, s.folder?.files.length ?? 1) };
    case 'progress':
      return { ...s, progress: a.progress };
    case 'checked':
      return { ...s, file: a.file, result: a.result, selected: 0, message: a.result.message, progress: null, phase: a.result.status === 'already-imported' ? 'done' : 'preview' };
    case 'check-failed':
      return { ...s, error: a.error, phase: s.folder ? 'pick' : 'file', progress: null };
    case 'ask-other-city':
      return needsCityConfirmation(s) ? { ...s, phase: 'other-city' } : s;
    case 'keep-out':
      return s.phase === 'other-city' ? { ...s, phase: 'preview', message: zh.intake.keptOut } : s;
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
      return canStepBack(s) ? back(s) : s;
  }
}
