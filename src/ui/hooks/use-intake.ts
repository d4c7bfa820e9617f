import { useState } from 'react';
import { writeFileSync } from 'node:fs';
import { checkMakerFile, importMakerFile, type ImportResult } from '../../workflows/import-maker-file.ts';
import { readImportFile } from '../../workflows/read-import-file.ts';
import { formatMakerError } from '../../domain/maker-file.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type IntakePhase = 'file' | 'checking' | 'preview' | 'writing' | 'done';

export type Intake = {
  phase: IntakePhase;
  path: string;
  setPath: (v: string) => void;
  result: ImportResult | null;
  /** Lines checked so far while a file is read. */
  progress: { line: number; lines: number } | null;
  message: string | null;
  error: string | null;
  selected: number;
  check: (path: string) => void;
  confirm: () => void;
  move: (delta: number) => void;
  saveReport: () => void;
  back: () => boolean;
};

/**
 * Register a maker's file from the console: check it in full first (nothing written), show the
 * problems with their lines, and only then import it in one transaction.
 */
export function useIntake(actor: Actor): Intake {
  const { ledger } = useServices();
  const [phase, setPhase] = useState<IntakePhase>('file');
  const [path, setPath] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [file, setFile] = useState<{ fileName: string; bytes: Buffer; path: string } | null>(null);
  const [progress, setProgress] = useState<{ line: number; lines: number } | null>(null);

  const fail = (e: unknown) => setError(isSbkError(e) ? e.message : zh.errors.internal);
  // The work is synchronous: let the "正在…" line reach the screen before it starts.
  const later = (fn: () => void | Promise<void>) => setTimeout(() => void fn(), 0);

  return {
    phase,
    path,
    setPath: (v) => {
      setPath(v);
      setError(null);
    },
    result,
    progress,
    message,
    error,
    selected,
    check: (value) => {
      if (!value.trim()) return setError(zh.intake.needPath);
      setPhase('checking');
      setError(null);
      later(async () => {
        try {
          const f = readImportFile(value);
          const r = await checkMakerFile(ledger, actor, { fileName: f.fileName, bytes: f.bytes }, (p) => setProgress({ ...p }));
          setFile(f);
          setResult(r);
          setSelected(0);
          setMessage(r.message);
          setPhase(r.status === 'already-imported' ? 'done' : 'preview');
        } catch (e) {
          fail(e);
          setPhase('file');
        } finally {
          setProgress(null);
        }
      });
    },
    confirm: () => {
      if (!file || result?.status !== 'valid') return;
      setPhase('writing');
      later(() => {
        try {
          const r = importMakerFile(ledger, actor, { fileName: file.fileName, bytes: file.bytes });
          setResult(r);
          setMessage(r.message);
          setPhase(r.status === 'invalid' ? 'preview' : 'done');
        } catch (e) {
          fail(e);
          setPhase('preview');
        }
      });
    },
    move: (delta) => setSelected((i) => Math.max(0, Math.min((result?.errors.length ?? 1) - 1, i + delta))),
    saveReport: () => {
      if (!file || !result?.errors.length) return;
      const out = `${file.path}.问题清单.txt`;
      try {
        writeFileSync(out, result.errors.map(formatMakerError).join('\n') + '\n', { mode: 0o600 });
        setMessage(zh.intake.reportSaved(out));
      } catch (e) {
        fail(e);
      }
    },
    /** Esc inside the screen: from the preview back to the file field; false = leave the screen. */
    back: () => {
      if (phase === 'preview' || phase === 'done') {
        setPhase('file');
        setResult(null);
        setMessage(null);
        return true;
      }
      return false;
    },
  };
}
