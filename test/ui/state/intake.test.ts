import { describe, expect, it } from 'vitest';
import { canImport, canSaveReport, canStepBack, initialIntakeState, intakeReducer, type IntakeAction, type IntakeState } from '../../../src/ui/state/intake.ts';
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
});
