/**
 * How the CLI speaks: results as Chinese text or `--json`, errors as
 * `{"error":{"code","message"}}` with a non-zero exit code. Never prints a PIN or a full ID.
 *
 * The one way out to the terminal: every text passes `printableText` (a control character,
 * ESC, C1 or bidi control from data is shown as ␛, <U+202E>…, never obeyed) and every JSON
 * `printableJson` (the same escaped as \uXXXX), src/text/printable-text.ts.
 */
import { isSbkError } from '../domain/errors.ts';
import { programText } from '../i18n/cli/program.ts';
import { printableJson, printableText } from '../text/printable-text.ts';
import { writeFileSafely } from '../security/safe-write.ts';

export type Out = { json: boolean; write: (s: string) => void; error: (s: string) => void };

const line = (s: string): string => printableText(s.endsWith('\n') ? s : s + '\n');

export const stdio = (json: boolean): Out => ({
  json,
  write: (s) => process.stdout.write(line(s)),
  error: (s) => process.stderr.write(line(s)),
});

/** A text exactly as formatted (no newline added), made printable: documents, receipts, prompts. */
export function printText(s: string, to: NodeJS.WriteStream = process.stdout): void {
  to.write(printableText(s));
}

/** `data` as printable JSON (2-space indent), for `--json`. */
export function jsonOut(data: unknown): string {
  return printableJson(data, 2);
}

export function emit(out: Out, data: unknown, text: () => string): void {
  out.write(out.json ? jsonOut(data) : text());
}

/**
 * A printable document (a sheet, a report, a CSV): into the file `path` when given, readable by
 * the owner only (holders' names, HB Art. 42, as the console's exports), with a line saying
 * where; else `json` for `--json`, else the document itself as formatted (BOM, CRLF and tabs
 * kept; only a control character from data is shown instead of sent). The file keeps the bytes.
 */
export function printDocument(out: Out, doc: { text: string; path?: string; json: () => unknown; saved: (path: string) => { data: unknown; text: string } }): void {
  if (doc.path) {
    writeFileSafely(doc.path, doc.text); // never through a planted link (safe-write.ts)
    const saved = doc.saved(doc.path);
    emit(out, saved.data, () => saved.text);
  } else if (out.json) emit(out, doc.json(), () => doc.text);
  else printText(doc.text);
}

/** Exit codes: 1 an operator error with a code, 2 a usage error, 3 a verify failure, 70 a bug. */
export function reportError(out: Out, e: unknown): number {
  if (isSbkError(e)) {
    if (out.json) out.write(printableJson({ error: { code: e.code, message: e.message } }));
    else out.error(programText.error({ code: e.code, message: e.message }));
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (out.json) out.write(printableJson({ error: { code: 'INTERNAL', message } }));
  else out.error(programText.internalError({ message }));
  return 70;
}
