/**
 * Decoding of the text files makers and banks send. DOMAIN.md: "Real files come as UTF-8 or
 * GB18030/GBK, with CRLF or LF, sometimes a BOM", and nothing in the file says which.
 *
 * UTF-8 is tried first and strictly: text in GB18030 is almost never valid UTF-8 (its
 * multi-byte sequences have lead bytes 0x81-0xFE followed by bytes that rarely form UTF-8
 * continuation runs), while ASCII is valid in both. Everything that is not valid UTF-8 is
 * read as GB18030, which is a superset of GBK and GB2312, so one decoder covers all three.
 * Line ends are left alone here; the readers accept CRLF, LF and CR.
 */

export type DecodedText = { text: string; encoding: 'utf-8' | 'gb18030'; bom: boolean };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function decodeMakerFile(bytes: Uint8Array): DecodedText {
  const bom = bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
  const body = bom ? bytes.subarray(3) : bytes;
  // ignoreBOM: the BOM is already gone; a second one would be content and should show up.
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    // fall through to GB18030
  }
  if (bom) {
    // The file says it is UTF-8 but has broken sequences (a truncated or damaged copy).
    // Reading it as GB18030 would turn every Chinese character into nonsense; reading it as
    // UTF-8 with U+FFFD in the broken places keeps the rest legible, and the file checks
    // report the lines that hold U+FFFD.
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: 'utf-8', bom };
  }
  return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030', bom };
}
