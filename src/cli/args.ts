/**
 * Reading the command line's arguments, shared by the commands: repeatable options as clean
 * lists, `CARDNO=REASON` pairs, and checks that main.ts reports as usage errors (exit 2).
 */
import { isIsoDate } from '../domain/china-dates.ts';
import { cliCommon } from '../i18n/cli/common.ts';

/**
 * A yargs check whose failure main.ts reports as a usage error (exit 2). yargs prints a failed
 * check as the check function's text, so the function carries the Chinese message as its text.
 */
export function usageCheck<A>(message: string, ok: (argv: A) => boolean): (argv: A) => boolean {
  const f = (argv: A) => ok(argv);
  f.toString = () => message;
  return f;
}

/** A repeatable option's values, trimmed, the empty ones dropped. */
export function list(v: readonly (string | number)[] | undefined): string[] {
  return (v ?? []).map((x) => String(x).trim()).filter(Boolean);
}

/** True for a value given and not blank. */
export function filled(s: string | undefined): boolean {
  return (s ?? '').trim() !== '';
}

/** `--<flag>`, when given, must be a real YYYY-MM-DD date. */
export function dateCheck(flag: string): (argv: Record<string, unknown>) => boolean {
  return usageCheck(cliCommon.dateInvalid({ flag }), (a: Record<string, unknown>) => a[flag] === undefined || isIsoDate(a[flag]));
}

/** A positional `<id>` that must be a positive whole number (`message` says how to write one). */
export function positiveIdCheck(message: string): (argv: { id?: unknown }) => boolean {
  return usageCheck(message, (a: { id?: unknown }) => Number.isInteger(a.id) && (a.id as number) > 0);
}

/**
 * `CARDNO=REASON`, as `--damaged` and `--reason` take it; the card number as `card` turns it
 * (trimmed by default). The reason may be empty. Null when there is no card number before `=`.
 */
export function parseCardReason(raw: string, card: (s: string) => string = (s) => s.trim()): { cardNo: string; reason: string } | null {
  const eq = raw.indexOf('=');
  if (eq <= 0) return null;
  const cardNo = card(raw.slice(0, eq));
  return cardNo ? { cardNo, reason: raw.slice(eq + 1).trim() } : null;
}

/** Every `CARDNO=REASON` in a repeatable option is well formed (an absent option is). */
export function cardReasonsCheck<K extends string>(flag: K, message: string, card?: (s: string) => string): (argv: { [F in K]?: unknown[] }) => boolean {
  return usageCheck(message, (a: { [F in K]?: unknown[] }) => list(a[flag] as string[] | undefined).every((r) => parseCardReason(r, card) !== null));
}
