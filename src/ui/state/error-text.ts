import { isSbkError } from '../../domain/errors.ts';
import { zh } from '../../i18n/zh-CN.ts';

/** What the operator reads for a failed workflow: its catalogue message, or the internal-error line. */
export function errorText(e: unknown): string {
  return isSbkError(e) ? e.message : zh.errors.internal;
}

/** The code of a refused workflow ('' for anything else). */
export function errorCode(e: unknown): string {
  return isSbkError(e) ? e.code : '';
}
