/**
 * Every failure an operator can meet carries a stable code (for logs, tests and `--json`),
 * typed parameters, and a Chinese message rendered from the one catalogue
 * (`src/i18n/error-messages.ts`) that says what went wrong and what to do.
 */
import { errorCodeOf, errorText, isErrorKey, type ErrorKey, type ErrorParams } from '../i18n/error-messages.ts';

type Details = Record<string, unknown>;
type Rest<K extends ErrorKey> = ErrorParams<K> extends undefined
  ? [params?: undefined, details?: Details]
  : [params: ErrorParams<K>, details?: Details];

export class SbkError<K extends ErrorKey = ErrorKey> extends Error {
  /** Stable, for logs, tests and `--json`: the key up to its first dot. */
  readonly code: string;
  /** The catalogue entry the message came from. */
  readonly key: string;
  readonly params: Readonly<Details>;
  /** Machine-readable facts for callers (defaults to the parameters). */
  readonly details: Readonly<Details>;

  constructor(key: K, ...rest: Rest<K>);
  constructor(key: string, paramsOrMessage?: unknown, details?: Details) {
    const legacy = typeof paramsOrMessage === 'string';
    const params = (legacy ? {} : (paramsOrMessage ?? {})) as Details;
    super(legacy ? paramsOrMessage : isErrorKey(key) ? errorText(key, params as never) : key);
    this.name = 'SbkError';
    this.code = errorCodeOf(key);
    this.key = key;
    this.params = params;
    this.details = details ?? params;
  }

  /**
   * An error whose words were already rendered from the catalogue where it was raised (a domain
   * check's result, a device that failed to open), passed on with its own code: the code stays
   * what `--json` and tests read, and no text is written here.
   */
  static rendered(code: string, message: string, details: Details = {}): SbkError {
    const Raw = SbkError as unknown as new (code: string, message: string, details: Details) => SbkError;
    return new Raw(code, message, details);
  }
}

export function isSbkError(e: unknown): e is SbkError {
  return e instanceof SbkError;
}
