import { describe, expect, it } from 'vitest';
import {
  canImport,
  canSaveReport,
  canStepBack,
  initialIntakeState,
  intakeContext,
  intakeReducer,
  isInvalidPreview,
  needsCityConfirmation,
  type IntakeAction,
  type IntakeState,
} from '../../../src/ui/state/intake.ts';
import type { ImportResult } from '../../../src/workflows/import-maker-file.ts';

const file = { fileName: 'YZKCG_1.txt', bytes: Buffer.from('x'), path: '/data/YZKCG_1.txt' };

function result(over: Partial<ImportResult>): ImportResult {
  return { status: 'valid', boxes: 2, file: file.fileName, kind: 'prefab', bank: '工商银行', batch: 'B1', rows: 10, registered: 0, received: 0, encoding: 'UTF-8', errors: [], message: '检查通过', ...over };
}

const problem = (line: number) => ({ line, column: null, code: 'X', message: `第 ${line} 行有误` });
const run = (actions: IntakeAction[], from: IntakeState = initialIntakeState()): IntakeState => actions.reduce(intakeReducer, from);

describe('intake state', () => {
  it('asks for a path when none was typed, and clears the error as the path is edited', () => {
    let s = run([{ type: 'need-path' }]);
    expect(s.error).toBe('请输入文件路径。');
    s = intakeReducer(s, { type: 'path', value: '/data/a.txt' });
    expect(s).toMatchObject({ path: '/data/a.txt', error: null, phase: 'file' });
  });

  it('checks, shows progress, then previews a valid file that can be imported', () => {
    let s = run([{ type: 'check-started' }, { type: 'progress', progress: { line: 5, lines: 10 } }]);
    expect(s).toMatchObject({ phase: 'checking', progress: { line: 5, lines: 10 } });
    s = intakeReducer(s, { type: 'checked', file, result: result({}) });
    expect(s).toMatchObject({ phase: 'preview', progress: null, message: '检查通过', file });
    expect(canImport(s)).toBe(true);
    expect(canSaveReport(s)).toBe(false);
    s = run([{ type: 'write-started' }, { type: 'written', result: result({ status: 'imported', message: '已导入' }) }], s);
    expect(s).toMatchObject({ phase: 'done', message: '已导入' });
    expect(canImport(s)).toBe(false);
  });

  it('a file imported before goes straight to done; a failed read returns to the field', () => {
    expect(run([{ type: 'check-started' }, { type: 'checked', file, result: result({ status: 'already-imported' }) }]).phase).toBe('done');
    const s = run([{ type: 'check-started' }, { type: 'check-failed', error: '读不到文件' }]);
    expect(s).toMatchObject({ phase: 'file', error: '读不到文件', progress: null });
  });

  it('an invalid file lists its problems: the marker stays on the list, and the list can be saved', () => {
    let s = run([{ type: 'checked', file, result: result({ status: 'invalid', errors: [problem(2), problem(3), problem(7)] }) }]);
    expect(canImport(s)).toBe(false);
    expect(canSaveReport(s)).toBe(true);
    s = run([{ type: 'move', delta: 1 }, { type: 'move', delta: 5 }], s);
    expect(s.selected).toBe(2);
    s = run([{ type: 'move', delta: -9 }], s);
    expect(s.selected).toBe(0);
    s = intakeReducer(s, { type: 'report-saved', path: '/data/x.问题清单.txt' });
    expect(s.message).toBe('问题清单已保存到 /data/x.问题清单.txt');
  });

  it('a write that fails stays on the preview with the error', () => {
    const s = run([{ type: 'checked', file, result: result({}) }, { type: 'write-started' }, { type: 'write-failed', error: '台账忙' }]);
    expect(s).toMatchObject({ phase: 'preview', error: '台账忙' });
  });

  it('Esc steps back from the preview to the field, and not from the field', () => {
    const preview = run([{ type: 'checked', file, result: result({}) }]);
    expect(canStepBack(preview)).toBe(true);
    const back = intakeReducer(preview, { type: 'back' });
    expect(back).toMatchObject({ phase: 'file', result: null, message: null });
    expect(canStepBack(back)).toBe(false);
    expect(intakeReducer(back, { type: 'back' })).toBe(back);
  });

  it('a file with problems offers no import: its context has only re-read, scroll, save and back', () => {
    const s = run([{ type: 'checked', file, result: result({ status: 'invalid', errors: [problem(2)] }) }]);
    expect(isInvalidPreview(s)).toBe(true);
    expect(canImport(s)).toBe(false);
    expect(intakeContext(s)).toBe('intake-invalid');
    expect(intakeContext(run([{ type: 'checked', file, result: result({}) }]))).toBe('intake-preview');
    // A re-read goes through the check again.
    expect(run([{ type: 'check-started' }], s)).toMatchObject({ phase: 'checking', message: null });
  });

  it('Tab puts the completion in the field and its choices under it; typing clears them', () => {
    let s = run([{ type: 'path', value: '/d/Y' }, { type: 'completed', value: '/d/YZKCG_', candidates: ['YZKCG_a.txt', 'YZKCG_b.txt'], none: false }]);
    expect(s).toMatchObject({ path: '/d/YZKCG_', candidates: ['YZKCG_a.txt', 'YZKCG_b.txt'], error: null });
    s = intakeReducer(s, { type: 'path', value: '/d/YZKCG_a' });
    expect(s.candidates).toEqual([]);
    expect(intakeReducer(s, { type: 'completed', value: '/d/YZKCG_a', candidates: [], none: true }).error).toBe('没有以此开头的文件或文件夹。');
  });

  it('a folder lists its maker files to pick from; Esc goes back to the list, then to the field', () => {
    const folder = { path: '/d', files: ['CPKCG_1.txt', 'YZKCG_1.txt'] };
    let s = run([{ type: 'check-started' }, { type: 'folder', folder }]);
    expect(s).toMatchObject({ phase: 'pick', picked: 0, folder });
    expect(intakeContext(s)).toBe('intake-pick');
    s = run([{ type: 'pick-move', delta: 1 }, { type: 'pick-move', delta: 1 }], s);
    expect(s.picked).toBe(1);
    const failed = run([{ type: 'check-started' }, { type: 'check-failed', error: '读不到文件' }], s);
    expect(failed).toMatchObject({ phase: 'pick', error: '读不到文件' });
    s = run([{ type: 'check-started' }, { type: 'checked', file, result: result({}) }, { type: 'back' }], s);
    expect(s).toMatchObject({ phase: 'pick', picked: 1, result: null });
    s = intakeReducer(s, { type: 'back' });
    expect(s).toMatchObject({ phase: 'file', folder: null, path: '' });
  });

  it('a folder without maker files says so and stays on the field', () => {
    const s = run([{ type: 'check-started' }, { type: 'folder', folder: { path: '/empty', files: [] } }]);
    expect(s).toMatchObject({ phase: 'file', folder: null, error: '文件夹 /empty 中没有卡商回盘文件（YZKCG_….txt 或 CPKCG_….txt）。' });
  });

  it('a clean file for another city asks first; N or Esc keeps it out, nothing else changes', () => {
    const otherCity = { cityBody: '广州市社会保险卡管理中心', city: '武汉市社保卡管理中心', code: '420100' };
    const preview = run([{ type: 'checked', file, result: result({ otherCity }) }]);
    expect(needsCityConfirmation(preview)).toBe(true);
    const asked = intakeReducer(preview, { type: 'ask-other-city' });
    expect(asked.phase).toBe('other-city');
    expect(intakeContext(asked)).toBe('intake-other-city');
    expect(canImport(asked)).toBe(false);
    expect(intakeReducer(asked, { type: 'keep-out' })).toMatchObject({ phase: 'preview', message: '未导入。请与卡商或发件方核对文件是否送错。' });
    expect(intakeReducer(asked, { type: 'back' }).phase).toBe('preview');
    // A file for the ledger's own city is not asked about.
    const own = run([{ type: 'checked', file, result: result({ otherCity: null }) }]);
    expect(needsCityConfirmation(own)).toBe(false);
    expect(intakeReducer(own, { type: 'ask-other-city' })).toBe(own);
  });
});
