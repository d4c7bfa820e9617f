/**
 * What an operator types or a keyboard-wedge scanner sends for a card number: full-width
 * characters from a Chinese IME, stray spaces, lower case. Normalise before looking up.
 */
export function normalizeCardInput(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
