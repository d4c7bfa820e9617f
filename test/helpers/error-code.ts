import { isSbkError } from '../../src/domain/errors.ts';

/** The SbkError code `fn` throws, or undefined when it returns; any other error is rethrown. */
export function sbkCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isSbkError(e)) return e.code;
    throw e;
  }
  return undefined;
}
