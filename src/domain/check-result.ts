/**
 * Outcome of checking one piece of operator or file input. Checks return this instead of
 * throwing because a batch file produces many of them and each becomes a line in a report.
 * `message` is Simplified Chinese and says what is wrong and what to do; it must never echo
 * a full identity, card or bank number (PIPL Art. 28; HB Art. 42; GD Art. 41), because
 * messages end up on screen, in logs and in `--json` output.
 */
export type CheckResult<T = string> = { ok: true; value: T } | { ok: false; code: string; message: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(code: string, message: string): { ok: false; code: string; message: string } {
  return { ok: false, code, message };
}
