/**
 * The problems found in a maker's file, saved as a text list beside it for the maker (the console's
 * intake screen, S on the preview): one problem a line, as the CLI prints them.
 */
import { writeFileSync } from 'node:fs';
import { formatMakerError, type MakerFileError } from '../domain/maker-file.ts';

/** Writes the list to `outPath`, readable by the owner only (it names cards and holders). */
export function saveProblemList(outPath: string, errors: readonly MakerFileError[]): void {
  writeFileSync(outPath, errors.map(formatMakerError).join('\n') + '\n', { mode: 0o600 });
}
