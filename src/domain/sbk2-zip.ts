/**
 * The entries of a batch application zip (GD Annex 6), read with fflate. Entries above their
 * limit are listed without their bytes (never decompressed), so a zip bomb costs nothing. Names
 * without the zip's UTF-8 flag come from Chinese Windows tools in GBK: fflate hands them over as
 * Latin-1, and they are decoded again as the text files are (decode-text.ts).
 */
import { unzipSync } from 'fflate';
import { decodeMakerFile } from './decode-text.ts';

export type ZipEntry = { name: string; size: number; bytes: Uint8Array | null };

/** The entries, or null when the bytes are not a zip fflate can read. */
export function readZipEntries(zip: Uint8Array, maxBytes: (name: string) => number): ZipEntry[] | null {
  const sizes = new Map<string, number>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter: (f) => {
        sizes.set(f.name, f.originalSize);
        return f.originalSize <= maxBytes(entryName(f.name));
      },
    });
  } catch {
    return null;
  }
  return [...sizes.entries()].map(([raw, size]) => ({ name: entryName(raw), size, bytes: files[raw] ?? null }));
}

/** A name fflate read as Latin-1 (no UTF-8 flag) decoded from its bytes: UTF-8 if valid, else GB18030. */
function entryName(raw: string): string {
  if (!/[\u0080-\u00ff]/.test(raw) || /[^\u0000-\u00ff]/.test(raw)) return raw;
  return decodeMakerFile(Uint8Array.from(raw, (c) => c.charCodeAt(0))).text;
}
