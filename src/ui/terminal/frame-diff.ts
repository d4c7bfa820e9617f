/**
 * Turns "the screen showed frame A, now show frame B" into the fewest bytes we know how to
 * write: only the cells that changed, each run reached with one absolute cursor move.
 *
 * Why not Ink's own `incrementalRendering`: in ink 6.8 it moves the cursor up one row too few
 * when the frame ends with a newline (every frame shorter than the terminal does), so on a real
 * terminal unchanged lines are left where the previous frame had them and a changed line lands
 * one row low (reproduced in tmux: a 5-line frame, one line updated every 300 ms, piles the
 * updates up one row each). And it rewrites whole lines, where one keystroke usually changes a
 * marker cell or a counter. Ink still lays the frames out; this module only writes them.
 *
 * Frames are Ink's output: lines of text with SGR colour/style escapes, nothing else.
 */
import stringWidth from 'string-width';

export type Cell = { readonly ch: string; readonly width: number; readonly style: string };

const ESC = '\u001B';
// SGR sequences, or any other CSI/OSC sequence (kept with the style, never measured as text).
const TOKEN = /\u001B\[[0-9;:]*m|\u001B\[[0-9;?]*[A-Za-z]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|./gsu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** The pen: the SGR attributes in force, canonicalised so equal looks compare equal. */
type Pen = {
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
  strike: boolean;
  fg: string;
  bg: string;
};

const PLAIN: Pen = { bold: false, dim: false, italic: false, underline: false, inverse: false, strike: false, fg: '', bg: '' };

function applySgr(pen: Pen, params: string): Pen {
  const p = { ...pen };
  const codes = params === '' ? [0] : params.split(/[;:]/).map((x) => (x === '' ? 0 : Number(x)));
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 0) Object.assign(p, PLAIN);
    else if (c === 1) p.bold = true;
    else if (c === 2) p.dim = true;
    else if (c === 22) p.bold = p.dim = false;
    else if (c === 3) p.italic = true;
    else if (c === 23) p.italic = false;
    else if (c === 4) p.underline = true;
    else if (c === 24) p.underline = false;
    else if (c === 7) p.inverse = true;
    else if (c === 27) p.inverse = false;
    else if (c === 9) p.strike = true;
    else if (c === 29) p.strike = false;
    else if ((c >= 30 && c <= 37) || (c >= 90 && c <= 97)) p.fg = String(c);
    else if (c === 39) p.fg = '';
    else if ((c >= 40 && c <= 47) || (c >= 100 && c <= 107)) p.bg = String(c);
    else if (c === 49) p.bg = '';
    else if (c === 38 || c === 48) {
      const mode = codes[i + 1];
      const n = mode === 5 ? 2 : mode === 2 ? 4 : 1;
      const value = codes.slice(i, i + 1 + n).join(';');
      if (c === 38) p.fg = value;
      else p.bg = value;
      i += n;
    }
  }
  return p;
}

/** A space in this pen shows nothing (no background, inverse, underline or strike-through). */
const looksBlank = (p: Pen, color: boolean): boolean => !p.inverse && !p.underline && !p.strike && (!color || p.bg === '');

/** The SGR sequence that sets exactly this pen from a reset terminal ('' for plain); without `color`, no colours (NO_COLOR). */
function penSgr(p: Pen, color = true): string {
  const codes: string[] = [];
  if (p.bold) codes.push('1');
  if (p.dim) codes.push('2');
  if (p.italic) codes.push('3');
  if (p.underline) codes.push('4');
  if (p.inverse) codes.push('7');
  if (p.strike) codes.push('9');
  if (color && p.fg) codes.push(p.fg);
  if (color && p.bg) codes.push(p.bg);
  return codes.length ? `${ESC}[${codes.join(';')}m` : '';
}

/**
 * One frame line as cells; a wide character is one cell of width 2. `color: false` (NO_COLOR,
 * https://no-color.org) drops colours but keeps bold, inverse and underline, which carry meaning
 * (the selected row, the header).
 */
export function parseLine(line: string, color = true): Cell[] {
  const cells: Cell[] = [];
  // Per cell: would a space in its pen look like an empty cell?
  const blank: boolean[] = [];
  let pen = PLAIN;
  let style = '';
  let text = '';
  const flushText = () => {
    for (const { segment } of segmenter.segment(text)) {
      const width = stringWidth(segment);
      if (width === 0 && cells.length > 0) {
        // A combining mark belongs to the cell before it.
        const last = cells[cells.length - 1]!;
        cells[cells.length - 1] = { ...last, ch: last.ch + segment };
      } else if (width > 0) {
        cells.push({ ch: segment, width, style });
        blank.push(segment === ' ' && looksBlank(pen, color));
      }
    }
    text = '';
  };
  for (const m of line.matchAll(TOKEN)) {
    const tok = m[0];
    if (tok.startsWith(`${ESC}[`) && tok.endsWith('m')) {
      flushText();
      pen = applySgr(pen, tok.slice(2, -1));
      style = penSgr(pen, color);
    } else if (tok.startsWith(ESC)) {
      flushText(); // other control sequences carry no cells
    } else {
      text += tok;
    }
  }
  flushText();
  // Trailing spaces that look like an empty screen (plain, or only coloured or dimmed: Ink pads a
  // styled row with styled spaces) are dropped, so "ab" and "ab   " compare equal and a log line
  // costs its text, not the width of the terminal.
  while (cells.length && blank[cells.length - 1]) {
    cells.pop();
    blank.pop();
  }
  return cells;
}

export function parseFrame(frame: string, color = true): Cell[][] {
  const lines = frame.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => parseLine(l, color));
}

const sameCell = (a: Cell | undefined, b: Cell | undefined) => !!a && !!b && a.ch === b.ch && a.style === b.style && a.width === b.width;

function widthOf(cells: readonly Cell[], from = 0, to = cells.length): number {
  let w = 0;
  for (let i = from; i < to; i++) w += cells[i]!.width;
  return w;
}

/** Writes cells, switching the pen only where the style changes; ends with a plain pen. */
function emitCells(cells: readonly Cell[], from: number, to: number): string {
  let out = '';
  let pen = '';
  for (let i = from; i < to; i++) {
    const c = cells[i]!;
    if (c.style !== pen) {
      // The terminal's pen is plain between writes (every run ends with a reset).
      out += `${pen === '' ? '' : `${ESC}[0m`}${c.style}`;
      pen = c.style;
    }
    out += c.ch;
  }
  if (pen !== '') out += `${ESC}[0m`;
  return out;
}

const moveTo = (row: number, col: number) => `${ESC}[${row + 1}${col === 0 ? '' : `;${col + 1}`}H`;

/** The bytes that turn line `prev` (already on screen at `row`) into `next`. */
export function diffLine(prev: readonly Cell[], next: readonly Cell[], row: number): string {
  let start = 0;
  while (start < prev.length && start < next.length && sameCell(prev[start], next[start])) start++;
  if (start === prev.length && start === next.length) return '';
  const col = widthOf(next, 0, start);
  const prevWidth = widthOf(prev);
  const nextWidth = widthOf(next);
  if (nextWidth < prevWidth) {
    // The line got shorter: write the rest and erase what is left of the old one.
    return moveTo(row, col) + emitCells(next, start, next.length) + `${ESC}[K`;
  }
  // Same or greater width: a common tail that sits at the same columns need not be written.
  let endNext = next.length;
  let endPrev = prev.length;
  if (nextWidth === prevWidth) {
    while (endNext > start && endPrev > start && sameCell(prev[endPrev - 1], next[endNext - 1])) {
      endNext--;
      endPrev--;
    }
  }
  return moveTo(row, col) + emitCells(next, start, endNext);
}

/**
 * The bytes that turn the screen from `prev` (null: unknown, e.g. at start or after a resize)
 * into `next`, with the frame's top-left corner at the screen's top-left, on a screen of
 * `screenRows` rows. When a block of rows
 * moved up or down (a scan log gaining a line), the terminal scrolls it (scrollBlock) and only
 * what is new is written, so a log costs the same per line however long it is.
 */
export function diffFrames(prev: readonly (readonly Cell[])[] | null, next: readonly (readonly Cell[])[], screenRows = Infinity): string {
  if (prev === null) {
    let out = `${ESC}[H${ESC}[2J`;
    next.forEach((line, row) => {
      if (line.length) out += moveTo(row, 0) + emitCells(line, 0, line.length);
    });
    return out;
  }
  let best = diffRows(prev, next);
  // A region must lie on the screen: a terminal ignores one that does not, and the line feed would scroll it all.
  for (const scroll of scrollCandidates(prev, next).filter((c) => c.bottom < screenRows)) {
    const out = scrollBytes(scroll) + diffRows(scrolled(prev, scroll), next);
    if (Buffer.byteLength(out) < Buffer.byteLength(best)) best = out;
  }
  return best;
}

/** Row by row: each changed row rewritten from its first changed cell. */
function diffRows(prev: readonly (readonly Cell[])[], next: readonly (readonly Cell[])[]): string {
  let out = '';
  const rows = Math.max(prev.length, next.length);
  for (let row = 0; row < rows; row++) {
    const p = prev[row];
    const n = next[row];
    if (n === undefined) {
      if (p && p.length) out += `${moveTo(row, 0)}${ESC}[2K`;
    } else {
      out += diffLine(p ?? [], n, row);
    }
  }
  return out;
}

/**
 * A scroll of rows `top`..`bottom` (0-based, inclusive) by `shift` rows: negative moves the
 * content up (blank rows come in at the bottom), positive down.
 */
export type Scroll = { readonly top: number; readonly bottom: number; readonly shift: number };

/** A scan log gains one line per scan; a burst of scans may add a few in one frame. */
const MAX_SHIFT = 3;

const lineKey = (cells: readonly Cell[]): string => cells.map((c) => `${c.style}\u0000${c.ch}`).join('\u0001');

/**
 * For each shift, the longest run of rows that show in `next` what `prev` showed `shift` rows
 * away, among runs that save at least one row's rewrite. diffFrames keeps whichever costs fewest bytes.
 */
export function scrollCandidates(prev: readonly (readonly Cell[])[], next: readonly (readonly Cell[])[]): Scroll[] {
  const p = prev.map(lineKey);
  const n = next.map(lineKey);
  const out: Scroll[] = [];
  for (let k = 1; k <= MAX_SHIFT; k++) {
    for (const shift of [-k, k]) {
      const run = bestRun(p, n, shift);
      if (run) out.push(shift < 0 ? { top: run.s, bottom: run.e - shift, shift } : { top: run.s - shift, bottom: run.e, shift });
    }
  }
  return out;
}

type Run = { s: number; e: number; gain: number };

/** The run of rows r with n[r] = p[r - shift] that saves the most non-blank rows (null: none saves any). */
function bestRun(p: readonly string[], n: readonly string[], shift: number): Run | null {
  let best: Run | null = null;
  let run: Run | null = null;
  for (let r = 0; r < n.length; r++) {
    const from = r - shift;
    if (from < 0 || from >= p.length || n[r] !== p[from]) {
      run = null;
      continue;
    }
    const cur: Run = run === null ? { s: r, e: r, gain: 0 } : { s: run.s, e: r, gain: run.gain };
    // A row that moved and is not blank is a row the scroll saves writing.
    if (n[r] !== (p[r] ?? '') && n[r] !== '') cur.gain++;
    if (cur.gain > 0 && (best === null || cur.gain > best.gain)) best = { ...cur };
    run = cur;
  }
  return best;
}

/** What the screen shows after `scroll` (rows past the frame's end are blank). */
export function scrolled(prev: readonly (readonly Cell[])[], { top, bottom, shift }: Scroll): Cell[][] {
  const rows: Cell[][] = Array.from({ length: Math.max(prev.length, bottom + 1) }, (_, r) => [...(prev[r] ?? [])]);
  for (let r = top; r <= bottom; r++) {
    const from = r - shift;
    rows[r] = from >= top && from <= bottom ? [...(prev[from] ?? [])] : [];
  }
  return rows;
}

/**
 * DECSTBM sets the scroll region; a line feed at its bottom margin (or a reverse index at its
 * top) scrolls only the region — VT100 sequences every terminal and tmux knows, unlike SU/SD.
 * `ESC[r` restores the whole screen as the region (and homes the cursor; every write after
 * this one starts with an absolute move).
 */
export function scrollBytes({ top, bottom, shift }: Scroll): string {
  const region = `${ESC}[${top + 1};${bottom + 1}r`;
  const moves = shift < 0 ? moveTo(bottom, 0) + '\n'.repeat(-shift) : moveTo(top, 0) + `${ESC}M`.repeat(shift);
  return `${region}${moves}${ESC}[r`;
}
