/**
 * The problems found in a maker's file, saved as a text list beside it for the maker (the console's
 * intake screen, S on the preview): one problem a line, as the CLI prints them.
 */
import { writeFileSafely } from '../security/safe-write.ts';
import { formatMakerError, type MakerFileError } from '../domain/maker-file.ts';

/** Writes the list to `outPath`, readable by the owner only (it names cards and holders), never through a link planted in a shared folder. */
export function saveProblemList(outPath: string, errors: readonly MakerFileError[]): void {
  writeFileSafely(outPath, errors.map(formatMakerError).join('\n') + '\n');
}
