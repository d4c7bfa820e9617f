/**
 * Every failure an operator can meet carries a stable code (for logs, tests and `--json`)
 * and a Chinese message that says what went wrong and what to do.
 */
export class SbkError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'SbkError';
    this.code = code;
    this.details = details;
  }
}

export function isSbkError(e: unknown): e is SbkError {
  return e instanceof SbkError;
}
