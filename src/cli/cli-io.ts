/**
 * How the CLI speaks: results as Chinese text or `--json`, errors as
 * `{"error":{"code","message"}}` with a non-zero exit code. Never prints a PIN or a full ID.
 */
import { isSbkError } from '../domain/errors.ts';

export type Out = { json: boolean; write: (s: string) => void; error: (s: string) => void };

export const stdio = (json: boolean): Out => ({
  json,
  write: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  error: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
});

export function emit(out: Out, data: unknown, text: () => string): void {
  out.write(out.json ? JSON.stringify(data, null, 2) : text());
}

/** Exit codes: 1 an operator error with a code, 2 a usage error, 3 a verify failure, 70 a bug. */
export function reportError(out: Out, e: unknown): number {
  if (isSbkError(e)) {
    if (out.json) out.write(JSON.stringify({ error: { code: e.code, message: e.message } }));
    else out.error(`错误 [${e.code}]：${e.message}`);
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (out.json) out.write(JSON.stringify({ error: { code: 'INTERNAL', message } }));
  else out.error(`内部错误：${message}\n请把这条信息和操作步骤告诉系统管理员。`);
  return 70;
}
