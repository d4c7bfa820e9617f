/**
 * A small terminal emulator for tests: feed it the bytes a program writes and read back what
 * the screen shows, cell by cell, with the style each cell was written in.
 *
 * Written independently of src/ui/terminal/frame-diff.ts (its own SGR parser), so that painting
 * a frame directly and painting it through diffs can be compared.
 *
 * Handles: printable text (graphemes via Intl.Segmenter, widths via string-width; a wide
 * character takes its cell and a continuation cell; writing over half of a wide character
 * blanks the other half; writing past the last column wraps like xterm: the cursor stays on the
 * last column with a pending wrap that the next printable character performs), CR, LF (scrolls
 * at the bottom), BS, CUP (`ESC[r;cH`, `ESC[rH`, `ESC[H`, also `f`), CUU/CUD/CUF/CUB (`A/B/C/D`),
 * CNL/CPL (`E/F`), CHA (`G`), EL (`K`, 0/1/2), ED (`J`, 0/1/2/3), SGR (`m`), scroll regions
 * (DECSTBM `ESC[t;br`, which homes the cursor; LF at the region's bottom margin and RI `ESC M` at
 * its top scroll only the region; SU/SD `ESC[nS`/`ESC[nT`), and ignores private
 * modes (`ESC[?25l/h`, `ESC[?2026h/l`, ...) and OSC strings. Erased cells take the pen's
 * background colour, as xterm does (background colour erase). Anything else throws, so a test
 * notices an escape sequence the emulator (and probably the terminal) does not understand.
 */
import stringWidth from 'string-width';

/** A cell: `ch` is '' and `width` 0 for the right half of a wide character. */
export type VtCell = { ch: string; width: number; style: string };

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

const ESC = '\u001B';
const PLAIN_PEN: Pen = { bold: false, dim: false, italic: false, underline: false, inverse: false, strike: false, fg: '', bg: '' };
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/**
 * The canonical form of a pen: the single SGR sequence that sets it from a reset terminal, codes
 * in the order bold, dim, italic, underline, inverse, strike, foreground, background ('' when
 * plain). E.g. bold red is `ESC[1;31m`.
 */
export function penStyle(p: Pen): string {
  const codes: string[] = [];
  if (p.bold) codes.push('1');
  if (p.dim) codes.push('2');
  if (p.italic) codes.push('3');
  if (p.underline) codes.push('4');
  if (p.inverse) codes.push('7');
  if (p.strike) codes.push('9');
  if (p.fg) codes.push(p.fg);
  if (p.bg) codes.push(p.bg);
  return codes.length ? `${ESC}[${codes.join(';')}m` : '';
}

function sgr(pen: Pen, params: string): Pen {
  const p = { ...pen };
  const codes = params === '' ? [0] : params.split(/[;:]/).map((x) => (x === '' ? 0 : Number(x)));
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    switch (true) {
      case c === 0:
        Object.assign(p, PLAIN_PEN);
        break;
      case c === 1:
        p.bold = true;
        break;
      case c === 2:
        p.dim = true;
        break;
      case c === 3:
        p.italic = true;
        break;
      case c === 4:
        p.underline = true;
        break;
      case c === 7:
        p.inverse = true;
        break;
      case c === 9:
        p.strike = true;
        break;
      case c === 22:
        p.bold = false;
        p.dim = false;
        break;
      case c === 23:
        p.italic = false;
        break;
      case c === 24:
        p.underline = false;
        break;
      case c === 27:
        p.inverse = false;
        break;
      case c === 29:
        p.strike = false;
        break;
      case (c >= 30 && c <= 37) || (c >= 90 && c <= 97):
        p.fg = String(c);
        break;
      case c === 39:
        p.fg = '';
        break;
      case (c >= 40 && c <= 47) || (c >= 100 && c <= 107):
        p.bg = String(c);
        break;
      case c === 49:
        p.bg = '';
        break;
      case c === 38 || c === 48: {
        const mode = codes[i + 1];
        const n = mode === 5 ? 2 : mode === 2 ? 4 : 1;
        const value = codes.slice(i, i + 1 + n).join(';');
        if (c === 38) p.fg = value;
        else p.bg = value;
        i += n;
        break;
      }
      default:
        break; // blink, hidden, fonts...: not tracked
    }
  }
  return p;
}

// One token: a CSI sequence, an OSC string, another escape, a C0 control, or a run of text.
// An escape sequence cut off at the end of a write is kept until the next write.
const TOKEN = /\u001B\[([0-9;:?<=>]*)([\u0020-\u002F]*)([\u0040-\u007E])|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[^[\]]|[\u0000-\u001F\u007F]|[^\u0000-\u001F\u007F]+/gu;
const INCOMPLETE = /\u001B(?:\[[0-9;:?<=>\u0020-\u002F]*|\][^\u0007\u001B]*\u001B?)?$/u;

export class VirtualTerminal {
  private grid: VtCell[][];
  private row = 0;
  private col = 0;
  /** xterm's "pending wrap": the last column was just written; the next printable wraps. */
  private wrapPending = false;
  private pen: Pen = { ...PLAIN_PEN };
  private carry = '';
  /** Per style seen: is a space in it indistinguishable from an empty cell? */
  private readonly spaceShowsNothing = new Map<string, boolean>([['', true]]);
  /** The scroll region's top and bottom rows, 0-based, inclusive (DECSTBM). */
  private top = 0;
  private bottom: number;

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    this.grid = Array.from({ length: rows }, () => this.blankRow());
    this.bottom = rows - 1;
  }

  /** Cursor position, 0-based. */
  get cursor(): { row: number; col: number } {
    return { row: this.row, col: this.col };
  }

  /** The canonical style of the pen (see penStyle). */
  get currentStyle(): string {
    return penStyle(this.pen);
  }

  write(bytes: string): void {
    let data = this.carry + bytes;
    this.carry = '';
    const cut = INCOMPLETE.exec(data);
    if (cut) {
      this.carry = cut[0];
      data = data.slice(0, cut.index);
    }
    for (const m of data.matchAll(TOKEN)) {
      const tok = m[0];
      if (m[3] !== undefined) this.csi(m[1]!, m[2]!, m[3]);
      else if (tok.startsWith(`${ESC}]`)) continue; // OSC: titles, hyperlinks
      else if (tok === `${ESC}M`) this.reverseIndex();
      else if (tok.startsWith(ESC)) throw new Error(`VirtualTerminal: unsupported escape ${JSON.stringify(tok)}`);
      else if (tok.length === 1 && /[\u0000-\u001F\u007F]/u.test(tok)) this.control(tok);
      else this.print(tok);
    }
  }

  /** Each row's text, wide characters once, trailing spaces trimmed. */
  screenText(): string[] {
    return this.grid.map((cells) =>
      cells
        .map((c) => c.ch)
        .join('')
        .replace(/ +$/u, ''),
    );
  }

  /** The canonical style (see penStyle) of the cell at 0-based row/col; '' when plain. */
  cellStyle(row: number, col: number): string {
    return this.cellAt(row, col).style;
  }

  /** The cell at 0-based row/col (a copy). */
  cell(row: number, col: number): VtCell {
    return { ...this.cellAt(row, col) };
  }

  /**
   * Every row as `[text, style]` runs of cells of one style: compact, for toEqual. A space whose
   * style shows nothing on a blank (only a colour, bold, dim or italic) counts as plain: it looks
   * the same as an empty cell.
   */
  styledRuns(): [string, string][][] {
    return this.grid.map((cells) => {
      const runs: [string, string][] = [];
      for (const c of cells) {
        const style = c.ch === ' ' && this.spaceShowsNothing.get(c.style) === true ? '' : c.style;
        const last = runs[runs.length - 1];
        if (last && last[1] === style) last[0] += c.ch;
        else runs.push([c.ch, style]);
      }
      // Trailing plain blanks are the empty screen.
      const last = runs[runs.length - 1];
      if (last && last[1] === '') {
        last[0] = last[0].replace(/ +$/u, '');
        if (last[0] === '') runs.pop();
      }
      return runs;
    });
  }

  private cellAt(row: number, col: number): VtCell {
    const cell = this.grid[row]?.[col];
    if (!cell) throw new RangeError(`VirtualTerminal: no cell at ${row},${col} in ${this.columns}x${this.rows}`);
    return cell;
  }

  private blank(): VtCell {
    // Background colour erase: blanks take the pen's background, nothing else.
    return { ch: ' ', width: 1, style: penStyle({ ...PLAIN_PEN, bg: this.pen.bg }) };
  }

  private blankRow(): VtCell[] {
    return Array.from({ length: this.columns }, () => this.blank());
  }

  /** Blanks the cell and the other half of a wide character it belongs to. */
  private clearCell(row: number, col: number, blank: VtCell = this.blank()): void {
    const line = this.grid[row]!;
    const c = line[col];
    if (!c) return;
    if (c.width === 0 && col > 0) line[col - 1] = { ...blank };
    if (c.width === 2 && col + 1 < this.columns) line[col + 1] = { ...blank };
    line[col] = { ...blank };
  }

  private erase(row: number, from: number, to: number): void {
    const blank = this.blank();
    for (let c = Math.max(0, from); c < Math.min(this.columns, to); c++) this.clearCell(row, c, blank);
  }

  /** LF: down one row; at the region's bottom margin the region scrolls up (xterm). */
  private lineFeed(): void {
    if (this.row === this.bottom) this.scrollUp(1);
    else if (this.row < this.rows - 1) this.row++;
  }

  /** RI: up one row; at the region's top margin the region scrolls down. */
  private reverseIndex(): void {
    if (this.row === this.top) this.scrollDown(1);
    else if (this.row > 0) this.row--;
    this.wrapPending = false;
  }

  /** The region's rows move up `n`; blank rows (pen background) come in at its bottom. */
  private scrollUp(n: number): void {
    for (let i = 0; i < n; i++) {
      this.grid.splice(this.top, 1);
      this.grid.splice(this.bottom, 0, this.blankRow());
    }
  }

  /** The region's rows move down `n`; blank rows come in at its top. */
  private scrollDown(n: number): void {
    for (let i = 0; i < n; i++) {
      this.grid.splice(this.bottom, 1);
      this.grid.splice(this.top, 0, this.blankRow());
    }
  }

  /** DECSTBM: no parameters (or an invalid pair) means the whole screen; the cursor goes home. */
  private setRegion(args: readonly number[]): void {
    const top = Math.max(1, args[0] ?? 1) - 1;
    const bottom = Math.min(this.rows, Math.max(1, args[1] || this.rows)) - 1;
    if (top >= bottom) return; // xterm ignores a region of less than two rows
    this.top = top;
    this.bottom = bottom;
    this.moveTo(0, 0);
  }

  private moveTo(row: number, col: number): void {
    this.row = Math.min(this.rows - 1, Math.max(0, row));
    this.col = Math.min(this.columns - 1, Math.max(0, col));
    this.wrapPending = false;
  }

  private control(ch: string): void {
    switch (ch) {
      case '\r':
        this.col = 0;
        this.wrapPending = false;
        break;
      case '\n':
        this.lineFeed();
        this.wrapPending = false;
        break;
      case '\b':
        this.moveTo(this.row, this.col - 1);
        break;
      case '\u0007':
        break;
      default:
        throw new Error(`VirtualTerminal: unsupported control ${JSON.stringify(ch)}`);
    }
  }

  private print(text: string): void {
    const style = penStyle(this.pen);
    const p = this.pen;
    this.spaceShowsNothing.set(style, !p.inverse && !p.underline && !p.strike && p.bg === '');
    for (const { segment } of segmenter.segment(text)) {
      const width = stringWidth(segment);
      if (width === 0) {
        // A combining mark joins the character before the cursor.
        const at = this.wrapPending ? this.col : this.col - 1;
        const line = this.grid[this.row]!;
        let target = line[at];
        if (target && target.width === 0 && at > 0) target = line[at - 1];
        if (target) target.ch += segment;
        continue;
      }
      if (this.wrapPending || this.col + width > this.columns) {
        // Wrap: a pending wrap, or a wide character that does not fit in the last column.
        if (!this.wrapPending && width > 1) this.clearCell(this.row, this.col);
        this.col = 0;
        this.lineFeed();
        this.wrapPending = false;
      }
      for (let c = this.col; c < this.col + width; c++) this.clearCell(this.row, c, { ch: ' ', width: 1, style: '' });
      const line = this.grid[this.row]!;
      line[this.col] = { ch: segment, width, style };
      for (let c = 1; c < width; c++) line[this.col + c] = { ch: '', width: 0, style };
      this.col += width;
      if (this.col >= this.columns) {
        this.col = this.columns - 1;
        this.wrapPending = true;
      }
    }
  }

  private csi(params: string, intermediates: string, final: string): void {
    if (params.startsWith('?')) {
      if (final === 'h' || final === 'l') return; // private modes: cursor, sync output, ...
      throw new Error(`VirtualTerminal: unsupported private CSI ${params}${final}`);
    }
    if (intermediates !== '' || /[<=>?]/u.test(params)) throw new Error(`VirtualTerminal: unsupported CSI ${params}${intermediates}${final}`);
    const args = params === '' ? [] : params.split(';').map((x) => (x === '' ? 0 : Number(x)));
    const n = Math.max(1, args[0] ?? 1);
    switch (final) {
      case 'm':
        this.pen = sgr(this.pen, params);
        return;
      case 'H':
      case 'f':
        this.moveTo(Math.max(1, args[0] ?? 1) - 1, Math.max(1, args[1] ?? 1) - 1);
        return;
      case 'A':
        this.moveTo(this.row - n, this.col);
        return;
      case 'B':
        this.moveTo(this.row + n, this.col);
        return;
      case 'C':
        this.moveTo(this.row, this.col + n);
        return;
      case 'D':
        this.moveTo(this.row, this.col - n);
        return;
      case 'E':
        this.moveTo(this.row + n, 0);
        return;
      case 'F':
        this.moveTo(this.row - n, 0);
        return;
      case 'G':
        this.moveTo(this.row, n - 1);
        return;
      case 'r':
        this.setRegion(args);
        return;
      case 'S':
        this.scrollUp(n);
        return;
      case 'T':
        this.scrollDown(n);
        return;
      case 'K': {
        const mode = args[0] ?? 0;
        if (mode === 0) this.erase(this.row, this.col, this.columns);
        else if (mode === 1) this.erase(this.row, 0, this.col + 1);
        else if (mode === 2) this.erase(this.row, 0, this.columns);
        else throw new Error(`VirtualTerminal: unsupported EL ${mode}`);
        this.wrapPending = false;
        return;
      }
      case 'J': {
        const mode = args[0] ?? 0;
        if (mode === 0) {
          this.erase(this.row, this.col, this.columns);
          for (let r = this.row + 1; r < this.rows; r++) this.erase(r, 0, this.columns);
        } else if (mode === 1) {
          for (let r = 0; r < this.row; r++) this.erase(r, 0, this.columns);
          this.erase(this.row, 0, this.col + 1);
        } else if (mode === 2) {
          for (let r = 0; r < this.rows; r++) this.erase(r, 0, this.columns);
        } else if (mode !== 3) throw new Error(`VirtualTerminal: unsupported ED ${mode}`);
        this.wrapPending = false;
        return;
      }
      default:
        throw new Error(`VirtualTerminal: unsupported CSI ${params}${final}`);
    }
  }
}
