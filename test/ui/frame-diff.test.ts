import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diffFrames, parseFrame, parseLine, type Cell } from '../../src/ui/terminal/frame-diff.ts';
import { TerminalWriter } from '../../src/ui/terminal/terminal-writer.ts';
import { VirtualTerminal } from '../helpers/virtual-terminal.ts';

const ESC = '\u001B';
const COLS = 80;
const ROWS = 24;

// Chalk-style styling, as Ink emits it.
const bold = (s: string) => `${ESC}[1m${s}${ESC}[22m`;
const dim = (s: string) => `${ESC}[2m${s}${ESC}[22m`;
const inverse = (s: string) => `${ESC}[7m${s}${ESC}[27m`;
const red = (s: string) => `${ESC}[31m${s}${ESC}[39m`;
const yellow = (s: string) => `${ESC}[33m${s}${ESC}[39m`;

const SGR = /\u001B\[[0-9;:]*m/gu;
/** What a frame line shows: no SGR, no trailing spaces. */
const plainText = (line: string) => line.replace(SGR, '').replace(/ +$/u, '');
/** Pads (never truncates) to `width` display columns. */
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - stringWidth(s.replace(SGR, ''))));

type Frame = readonly string[];
const frameString = (lines: Frame) => lines.join('\n');
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** The screen as it looks when `lines` are painted from scratch (each line from a plain pen). */
function paintedFromScratch(lines: Frame): VirtualTerminal {
  const vt = new VirtualTerminal(COLS, ROWS);
  vt.write(`${ESC}[H${ESC}[2J`);
  lines.forEach((line, row) => vt.write(`${ESC}[0m${ESC}[${row + 1};1H${line}${ESC}[0m`));
  return vt;
}

/** Asserts the terminal shows exactly `lines`: text, and the style of every cell. */
function expectShows(vt: VirtualTerminal, lines: Frame): void {
  const text = Array.from({ length: ROWS }, (_, row) => plainText(lines[row] ?? ''));
  const reference = paintedFromScratch(lines);
  expect(reference.screenText()).toEqual(text); // the emulator itself agrees with the frame
  expect(vt.screenText()).toEqual(text);
  expect(vt.styledRuns()).toEqual(reference.styledRuns());
}

/** Plays the frames through diffFrames onto one terminal, checking the screen after each. */
function play(frames: readonly Frame[]): { vt: VirtualTerminal; costs: number[] } {
  const vt = new VirtualTerminal(COLS, ROWS);
  let shown: Cell[][] | null = null;
  const costs: number[] = [];
  for (const lines of frames) {
    const next = parseFrame(frameString(lines));
    const out = diffFrames(shown, next);
    costs.push(bytes(out));
    vt.write(out);
    expectShows(vt, lines);
    shown = next;
  }
  return { vt, costs };
}

const cost = (a: Frame, b: Frame) => bytes(diffFrames(parseFrame(frameString(a)), parseFrame(frameString(b))));

// ---------------------------------------------------------------------------------------------
// Console-like frames

const DEMO = [
  ['admin001', '123456', '王芳', '管理员', '市本级服务大厅'],
  ['clerk002', '234567', '李建国', '柜员', '东城区社保所'],
  ['clerk003', '345678', '欧阳娜娜', '柜员', '西城区社保所'],
  ['audit004', '456789', '张伟', '审计', '市本级服务大厅'],
];

function loginFrame(opts: { focus: 0 | 1; login: string; pin: string; message?: { text: string; error: boolean } }): string[] {
  const field = (focused: boolean, label: string, value: string) => pad(`${focused ? '›' : ' '}${pad(label, 4)} ${value}`, 40);
  const message = opts.message ? (opts.message.error ? red(pad(opts.message.text, 80)) : pad(opts.message.text, 80)) : pad('', 80);
  return [
    bold('操作员登录'),
    dim(pad('输入工号与密码；Tab 切换字段，Enter 确认，Esc 退出', 80)),
    ' ',
    field(opts.focus === 0, '工号', opts.login),
    field(opts.focus === 1, '密码', '*'.repeat(opts.pin.length)),
    message,
    ' ',
    yellow('演示账号'),
    ...DEMO.map(([login, pin, name, role, site]) => pad(`  ${pad(login!, 9)} ${pad(pin!, 7)} ${pad(name!, 9)} ${pad(role!, 7)} ${site}`, 80)),
  ];
}

const MENU = [
  ['卡片入库', false],
  ['调拨签收', false],
  ['窗口发放', false],
  ['召回注销', false],
  ['库存盘点', false],
  ['卡片查询', true],
  ['设备管理', false],
] as const;

const STOCK = [
  ['在库待发', '1,204', '36'],
  ['在途', '58', '0'],
  ['已发放', '20,311', '412'],
  ['召回中', '7', '0'],
  ['已注销', '96', '3'],
];

/** A 22-line home screen: menu with a `›` marker, stock table, alerts, a footer with a page counter. */
function homeFrame(opts: { selected: number; page?: number; alerts?: { level: 'danger' | 'warn'; text: string }[]; total?: string }): string[] {
  const { selected, page = 3 } = opts;
  const alerts = opts.alerts ?? [
    { level: 'danger', text: '东城区社保所：在库待发卡 12 张超过 90 天未领取' },
    { level: 'warn', text: '西城区社保所：预制卡库存低于 20 张' },
    { level: 'warn', text: '调拨单 DB20250312-004 已发出 3 个工作日仍未签收' },
  ];
  const stockRows = [pad('状态', 12) + pad('成品卡', 8) + pad('预制卡', 8), ...STOCK.map(([s, f, p]) => pad(s!, 12) + pad(f!, 8) + pad(p!, 8))];
  const menuRows = MENU.map(([label, built], i) => {
    const text = pad(`${i === selected ? '›' : ' '} ${i + 1} ${pad(label, 10)}${built ? '' : ' 未开通'}`, 22);
    return built ? text : dim(text);
  });
  const top = [bold(pad('功能', 22)) + '  ' + bold(`市本级服务大厅及下级 库存  共 ${opts.total ?? '21,676'} 张`)];
  for (let i = 0; i < 7; i++) top.push(menuRows[i]! + '  ' + (stockRows[i] ?? ''));
  const lines = [...top, '', bold('提醒')];
  for (const a of alerts) lines.push((a.level === 'danger' ? red : yellow)(pad(`${a.level === 'danger' ? '!!' : ' !'} ${a.text}`, 80)));
  while (lines.length < 21) lines.push('');
  lines.push(dim(pad(`↑↓ 选择  Enter 打开  / 查卡  F1 帮助  Esc 退出`, 66)) + `第 ${page}/10 页`);
  return lines;
}

function listFrame(selected: number, count = 10): string[] {
  const header = inverse(pad(' 序号  卡号            姓名      状态', 60));
  const rows = Array.from({ length: count }, (_, i) => `${i === selected ? '›' : ' '} ${pad(String(i + 1), 4)} ${pad(`A${String(1_000_000 + i * 7919)}`, 15)} ${pad(['张三', '李四', '王五', '赵六六'][i % 4]!, 9)} ${i % 3 === 0 ? yellow('待领取') : '已发放'}`);
  return ['卡片查询：共 10 条', header, ...rows, dim(`${selected + 1}/${count}`)];
}

// ---------------------------------------------------------------------------------------------

describe('VirtualTerminal (the test emulator itself)', () => {
  it('wraps like xterm: the last column sets a pending wrap that the next printable performs', () => {
    const vt = new VirtualTerminal(10, 3);
    vt.write('0123456789');
    expect(vt.cursor).toEqual({ row: 0, col: 9 });
    vt.write('\r\nab');
    expect(vt.screenText()).toEqual(['0123456789', 'ab', '']);
    vt.write(`${ESC}[H0123456789xy`);
    expect(vt.screenText()).toEqual(['0123456789', 'xy', '']);
  });

  it('puts a wide character in two cells, wraps it when it does not fit, and blanks halves it loses', () => {
    const vt = new VirtualTerminal(5, 3);
    vt.write('ab社保');
    expect(vt.screenText()).toEqual(['ab社', '保', '']);
    vt.write(`${ESC}[1;4Hx`); // right half of 社
    expect(vt.screenText()).toEqual(['ab x', '保', '']);
    vt.write(`${ESC}[2;1Hy`); // left half of 保
    expect(vt.screenText()).toEqual(['ab x', 'y', '']);
    vt.write(`${ESC}[3;2H卡${ESC}[3;1H社`); // 社 over a, and the left half of 卡
    expect(vt.screenText()).toEqual(['ab x', 'y', '社']);
  });

  it('scrolls at the bottom, erases with the pen background, tracks canonical styles', () => {
    const vt = new VirtualTerminal(6, 2);
    vt.write(`${ESC}[31;1mab${ESC}[22;7mc${ESC}[0m\r\n`);
    expect(vt.cellStyle(0, 0)).toBe(`${ESC}[1;31m`);
    expect(vt.cellStyle(0, 2)).toBe(`${ESC}[7;31m`);
    expect(vt.cellStyle(0, 3)).toBe('');
    vt.write('x\ny');
    expect(vt.screenText()).toEqual(['x', ' y']);
    expect(vt.cellStyle(0, 0)).toBe('');
    vt.write(`${ESC}[1;1H${ESC}[44m${ESC}[K${ESC}[0m`);
    expect(vt.screenText()).toEqual(['', ' y']);
    expect(vt.cellStyle(0, 5)).toBe(`${ESC}[44m`);
    vt.write(`${ESC}[2J${ESC}[?25l${ESC}[?2026hz${ESC}[?2026l${ESC}[?25h`);
    expect(vt.screenText()).toEqual(['z', '']);
  });

  it('keeps an escape sequence cut between two writes, and moves the cursor relatively', () => {
    const vt = new VirtualTerminal(10, 4);
    vt.write(`${ESC}[3`);
    vt.write(`;4Ha${ESC}[2Ab${ESC}[Ec${ESC}[3Cd${ESC}[2De`);
    expect(vt.screenText()).toEqual(['    b', 'c  ed', '   a', '']);
    expect(() => vt.write(`${ESC}[5X`)).toThrow(/unsupported/);
  });
});

describe('VirtualTerminal: scroll regions', () => {
  const rows = (vt: VirtualTerminal) => vt.screenText();
  const filled = () => {
    const vt = new VirtualTerminal(4, 6);
    ['a', 'b', 'c', 'd', 'e', 'f'].forEach((ch, i) => vt.write(`${ESC}[${i + 1};1H${ch}`));
    return vt;
  };

  it('a line feed at the bottom margin scrolls only the region, and DECSTBM homes the cursor', () => {
    const vt = filled();
    vt.write(`${ESC}[2;4r`);
    expect(vt.cursor).toEqual({ row: 0, col: 0 });
    vt.write(`${ESC}[4H\nx`);
    expect(rows(vt)).toEqual(['a', 'c', 'd', 'x', 'e', 'f']);
    vt.write(`${ESC}[r${ESC}[6H\n`); // the whole screen again
    expect(rows(vt)).toEqual(['c', 'd', 'x', 'e', 'f', '']);
  });

  it('a reverse index at the top margin scrolls the region down; elsewhere it moves up', () => {
    const vt = filled();
    vt.write(`${ESC}[3;5r${ESC}[3H${ESC}My`);
    expect(rows(vt)).toEqual(['a', 'b', 'y', 'c', 'd', 'f']);
    vt.write(`${ESC}[r${ESC}[2H${ESC}Mz`);
    expect(rows(vt)).toEqual(['z', 'b', 'y', 'c', 'd', 'f']);
  });

  it('SU and SD scroll the region by n; a region of one row is ignored', () => {
    const vt = filled();
    vt.write(`${ESC}[2;5r${ESC}[2S`);
    expect(rows(vt)).toEqual(['a', 'd', 'e', '', '', 'f']);
    vt.write(`${ESC}[T`);
    expect(rows(vt)).toEqual(['a', '', 'd', 'e', '', 'f']);
    vt.write(`${ESC}[r${ESC}[3;3r${ESC}[S`);
    expect(rows(vt)).toEqual(['', 'd', 'e', '', 'f', '']);
  });
});

describe('parseLine', () => {
  it('measures Chinese as two columns, Latin and the marker as one', () => {
    const cells = parseLine('›社保卡 3/10');
    expect(cells.map((c) => c.ch)).toEqual(['›', '社', '保', '卡', ' ', '3', '/', '1', '0']);
    expect(cells.map((c) => c.width)).toEqual([1, 2, 2, 2, 1, 1, 1, 1, 1]);
    expect(cells.every((c) => c.style === '')).toBe(true);
  });

  it('keeps a grapheme cluster (base + combining mark) in one cell', () => {
    expect(parseLine('e\u0301x').map((c) => [c.ch, c.width])).toEqual([
      ['e\u0301', 1],
      ['x', 1],
    ]);
  });

  it('canonicalises SGR: a style switched on and off again is plain', () => {
    expect(parseLine(`${ESC}[1m${ESC}[22mabc`)).toEqual(parseLine('abc'));
    expect(parseLine(`${ESC}[31m${ESC}[0mabc`)).toEqual(parseLine('abc'));
    expect(parseLine(`${ESC}[2m${ESC}[1m${ESC}[22mabc`)).toEqual(parseLine('abc'));
  });

  it('canonicalises SGR: equal looks get equal styles whatever the order and grouping', () => {
    const a = parseLine(`${ESC}[31m${ESC}[1m卡${ESC}[22m${ESC}[39m`);
    const b = parseLine(`${ESC}[1;31m卡${ESC}[0m`);
    const c = parseLine(`${ESC}[33m${ESC}[1m${ESC}[31m卡`);
    expect(a).toEqual(b);
    expect(a).toEqual(c);
    expect(a[0]!.style).toBe(`${ESC}[1;31m`);
    expect(parseLine(`${ESC}[7m${ESC}[2mx`)[0]!.style).toBe(`${ESC}[2;7m`);
    expect(parseLine(`${ESC}[38;5;208mx${ESC}[39my`).map((x) => x.style)).toEqual([`${ESC}[38;5;208m`, '']);
  });

  it('drops trailing spaces that show nothing (plain, bold, coloured, dim) but keeps inverse or underlined ones and inner spaces', () => {
    expect(parseLine('ab   ')).toEqual(parseLine('ab'));
    expect(parseLine(`ab ${ESC}[1m${ESC}[22m  `)).toEqual(parseLine('ab'));
    expect(parseLine(`ab ${ESC}[1m ${ESC}[22m `)).toEqual(parseLine('ab')); // a bold space looks empty
    expect(parseLine(`ab${ESC}[2;32m${' '.repeat(70)}${ESC}[0m`)).toEqual(parseLine('ab')); // Ink's padding of a dim green row
    expect(parseLine(`ab${ESC}[4m ${ESC}[24m `).map((c) => c.style)).toEqual(['', '', `${ESC}[4m`]); // an underlined space shows
    expect(parseLine(`ab${ESC}[41m ${ESC}[49m`).map((c) => c.style)).toEqual(['', '', `${ESC}[41m`]); // so does a background
    expect(parseLine(`ab${ESC}[41m ${ESC}[49m`, false)).toEqual(parseLine('ab')); // not under NO_COLOR
    expect(parseLine('a  b').map((c) => c.ch)).toEqual(['a', ' ', ' ', 'b']);
    const styled = parseLine(`ab${inverse('  ')}  `);
    expect(styled.map((c) => [c.ch, c.style])).toEqual([
      ['a', ''],
      ['b', ''],
      [' ', `${ESC}[7m`],
      [' ', `${ESC}[7m`],
    ]);
    expect(parseLine('   ')).toEqual([]);
  });

  it('parseFrame: one line per row, a final newline adds none', () => {
    expect(parseFrame('a\n\n社').map((l) => l.length)).toEqual([1, 0, 1]);
    expect(parseFrame('a\nb\n')).toHaveLength(2);
  });
});

describe('diffFrames: the screen always shows the latest frame', () => {
  it('login, typing, focus change, error, then the home screen and back', () => {
    play([
      loginFrame({ focus: 0, login: '', pin: '' }),
      loginFrame({ focus: 0, login: 'c', pin: '' }),
      loginFrame({ focus: 0, login: 'clerk002', pin: '' }),
      loginFrame({ focus: 1, login: 'clerk002', pin: '' }),
      loginFrame({ focus: 1, login: 'clerk002', pin: '2345' }),
      loginFrame({ focus: 1, login: 'clerk002', pin: '2345', message: { text: '正在核对……', error: false } }),
      loginFrame({ focus: 1, login: 'clerk002', pin: '', message: { text: '工号或密码不正确，还可尝试 4 次', error: true } }),
      loginFrame({ focus: 1, login: 'clerk002', pin: '234567' }),
      homeFrame({ selected: 0 }),
      homeFrame({ selected: 1 }),
      homeFrame({ selected: 5, page: 4 }),
      homeFrame({ selected: 5, page: 4, total: '21,677' }),
      homeFrame({ selected: 5, alerts: [] }),
      loginFrame({ focus: 0, login: '', pin: '' }),
    ]);
  });

  it('a list whose › marker moves down and wraps around', () => {
    play([0, 1, 2, 3, 9, 0, 5, 4].map((i) => listFrame(i)));
  });

  it('a line that gets shorter and longer, in Chinese and Latin', () => {
    const frame = (s: string) => ['库存摘要', s, '——'];
    play([
      frame('在库 1234 张'),
      frame('在库 12 张'),
      frame('在库 123456 张（含预制卡 36 张）'),
      frame('在库'),
      frame(''),
      frame('在库 1234 张'),
      frame('在库 1234 张 '), // a trailing plain space shows nothing
      frame(`在库 1234 张${inverse(' ')}`), // a styled one does
      frame('在库 1234 张'),
    ]);
  });

  it('wide and narrow characters trading places at the same width', () => {
    const frame = (s: string) => [s, `>${s}<`];
    play([frame('状态：发放'), frame('状态：ok放'), frame('状态：o社放'), frame('a社保卡'), frame('社保卡a'), frame('社a保卡'), frame('ab社卡'), frame('社ab卡'), frame('社保卡a')]);
  });

  it('a frame with fewer lines than before, and more again', () => {
    const home = homeFrame({ selected: 2 });
    play([home, ['帮助', '', '↑↓ 选择  Enter 打开'], home, home.slice(0, 10), [], home, ['', '', '']]);
  });

  it('a styled header (inverse / red / dim) changing text and style', () => {
    const frame = (header: string) => [header, '正文第一行', '正文第二行'];
    play([
      frame(inverse(pad(' 社保卡管理 | 首页', 80))),
      frame(inverse(pad(' 社保卡管理 | 卡片查询', 80))),
      frame(inverse(pad(' 社保卡管理 | 卡片查询', 40))),
      frame(pad(' 社保卡管理 | 卡片查询', 80)),
      frame(red(' 社保卡管理 | 卡片查询')),
      frame(dim(' 社保卡管理 | 卡片查询')),
      frame(`${ESC}[2m${ESC}[31m 社保卡管理${ESC}[39m | 卡片查询${ESC}[22m`),
      frame(bold(red(' 社保卡管理')) + inverse(' | 卡片查询')),
      frame(`${ESC}[44m${pad(' 社保卡管理 | 首页', 80)}${ESC}[49m`),
      frame(' 社保卡管理 | 首页'),
    ]);
  });

  it('full-width lines in all 24 rows', () => {
    const full = (ch: string) => Array.from({ length: ROWS }, (_, i) => (i % 2 ? ch.repeat(40) : `${ch}${'x'.repeat(77)}${ch === '社' ? '' : 'y'}`));
    play([full('社'), full('保'), full('社')]);
  });
});

// ---------------------------------------------------------------------------------------------
// Random frame sequences

const STYLES = {
  bold: ['1', '22'],
  dim: ['2', '22'],
  inverse: ['7', '27'],
  red: ['31', '39'],
  yellow: ['33', '39'],
} as const;
type StyleName = keyof typeof STYLES;
const STYLE_NAMES = Object.keys(STYLES) as StyleName[];

type Seg = { styles: StyleName[]; chars: string[]; close: 'chalk' | 'reset' | 'none' | 'combined' };

const charArb = fc.oneof(
  { arbitrary: fc.constantFrom(...'社保卡库存发放签收'), weight: 4 },
  { arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), weight: 3 },
  { arbitrary: fc.constantFrom('a', 'b', '1', '›'), weight: 2 },
  { arbitrary: fc.constant(' '), weight: 3 },
);
const segArb: fc.Arbitrary<Seg> = fc.record({
  styles: fc.subarray(STYLE_NAMES),
  chars: fc.array(charArb, { maxLength: 14 }),
  close: fc.constantFrom('chalk', 'reset', 'none', 'combined'),
});
const lineArb = fc.array(segArb, { maxLength: 7 });

/** Renders segments as a frame line of at most 80 columns (wide characters never split). */
function renderLine(segs: readonly Seg[]): string {
  let out = '';
  let width = 0;
  for (const seg of segs) {
    if (seg.close === 'combined') out += seg.styles.length ? `${ESC}[${seg.styles.map((s) => STYLES[s][0]).join(';')}m` : '';
    else out += seg.styles.map((s) => `${ESC}[${STYLES[s][0]}m`).join('');
    for (const ch of seg.chars) {
      const w = stringWidth(ch);
      if (width + w > COLS) break;
      out += ch;
      width += w;
    }
    if (seg.close === 'chalk') out += [...seg.styles].reverse().map((s) => `${ESC}[${STYLES[s][1]}m`).join('');
    else if (seg.close === 'reset' || seg.close === 'combined') out += `${ESC}[0m`;
    // 'none': the style runs on into the next segment
  }
  return out;
}

/** A line is a base line (shared between frames) with maybe one segment replaced. */
type RowSpec = { base: number; edit: { at: number; seg: Seg } | null };
const rowArb: fc.Arbitrary<RowSpec> = fc.record({ base: fc.nat(), edit: fc.option(fc.record({ at: fc.nat(), seg: segArb }), { nil: null }) });
type Step = { kind: 'fresh'; rows: RowSpec[] } | { kind: 'edit'; changes: { row: number; op: 'set' | 'insert' | 'delete'; spec: RowSpec }[] };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('fresh' as const), rows: fc.array(rowArb, { maxLength: 23 }) }),
  fc.record({
    kind: fc.constant('edit' as const),
    changes: fc.array(fc.record({ row: fc.nat({ max: 23 }), op: fc.constantFrom('set', 'set', 'insert', 'delete'), spec: rowArb }), { minLength: 1, maxLength: 4 }),
  }),
);
const scenarioArb = fc.record({
  bases: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  first: fc.array(rowArb, { maxLength: 23 }),
  steps: fc.array(stepArb, { maxLength: 6 }),
});

function scenarioFrames(sc: { bases: Seg[][]; first: RowSpec[]; steps: Step[] }): string[][] {
  const line = (spec: RowSpec) => {
    const segs = [...sc.bases[spec.base % sc.bases.length]!];
    if (spec.edit) segs[spec.edit.at % (segs.length + 1)] = spec.edit.seg;
    return renderLine(segs);
  };
  let rows = sc.first.map(line);
  const frames = [rows];
  for (const step of sc.steps) {
    if (step.kind === 'fresh') rows = step.rows.map(line);
    else {
      rows = [...rows];
      for (const c of step.changes) {
        if (c.op === 'set') rows[Math.min(c.row, rows.length)] = line(c.spec);
        else if (c.op === 'insert' && rows.length < 23) rows.splice(Math.min(c.row, rows.length), 0, line(c.spec));
        else if (c.op === 'delete') rows.splice(c.row, 1);
      }
      rows = rows.slice(0, 23);
    }
    frames.push(rows);
  }
  return frames;
}

describe('diffFrames: property', () => {
  it('any sequence of frames leaves the screen showing the last one, text and styles', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        play(scenarioFrames(sc));
      }),
      { numRuns: 200 },
    );
  });

  it('diffing a frame against itself writes nothing', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 23 }), (lines) => {
        const frame = parseFrame(lines.map(renderLine).join('\n'));
        expect(diffFrames(frame, frame)).toBe('');
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('diffFrames: byte economy', () => {
  it('moving the › marker between two rows of a 22-line Chinese frame costs < 60 bytes', () => {
    const a = homeFrame({ selected: 1 });
    const b = homeFrame({ selected: 2 });
    expect(a).toHaveLength(22);
    expect(cost(a, b)).toBeLessThan(60);
    expect(cost(homeFrame({ selected: 5 }), homeFrame({ selected: 6 }))).toBeLessThan(60); // built → not built
    expect(cost(listFrame(3), listFrame(4))).toBeLessThan(60);
  });

  it('a counter 3/10 → 4/10 costs < 30 bytes', () => {
    expect(cost(homeFrame({ selected: 0, page: 3 }), homeFrame({ selected: 0, page: 4 }))).toBeLessThan(30);
    expect(cost(['进度 3/10'], ['进度 4/10'])).toBeLessThan(30);
  });

  it('an unchanged frame costs 0 bytes', () => {
    const home = homeFrame({ selected: 4 });
    expect(cost(home, home)).toBe(0);
    // The same look written differently (trailing spaces, redundant SGR) is unchanged too.
    expect(cost(['社保卡', `${ESC}[1m${ESC}[22m在库`], ['社保卡   ', '在库'])).toBe(0);
  });

  it('the first frame costs about the frame’s own size', () => {
    const home = homeFrame({ selected: 0 });
    const frameBytes = bytes(frameString(home));
    const textBytes = bytes(home.map(plainText).join(''));
    const first = bytes(diffFrames(null, parseFrame(frameString(home))));
    expect(first).toBeGreaterThan(textBytes);
    expect(first).toBeLessThan(frameBytes * 1.25);
    expect(first).toBeGreaterThan(frameBytes * 0.75);
  });
});

/** A scan screen: a heading, a counter, `size` log lines newest first (older ones dimmed), a hint. */
function logFrame(scans: number, size = 6): string[] {
  const log = Array.from({ length: size }, (_, i) => {
    const n = scans - i;
    if (n < 1) return '';
    const text = pad(n % 5 === 0 ? `⚠ 不在清单中：C${1_000_000 + n}（将登记为多出）` : `✓ C${1_000_000 + n}`, 80);
    return i === 0 ? yellow(text) : dim(yellow(text));
  });
  return [bold(pad('签收交接单 420100-20261205-001', 80)), '来自 武汉市社保卡管理中心', `›扫描 ${inverse(' ')}`, bold(pad(`已点 ${scans} 张`, 80)), ...log, dim(pad('盲点：清单上的张数在提交点数后才显示。', 80))];
}

describe('diffFrames: a scrolling log', () => {
  it('scrolls the log with a region: the cost per line stays flat however long the log, the screen exact', () => {
    const { costs } = play(Array.from({ length: 40 }, (_, i) => logFrame(i, 12)));
    const full = costs.slice(14);
    // Each new line: the region scroll, the new line, the old newest dimmed, the counter.
    expect(Math.max(...full)).toBeLessThan(150);
    // The log's lines repeat every 5 scans: so do the costs, however many lines came before.
    for (let i = 14; i + 5 < costs.length; i++) expect(Math.abs(costs[i + 5]! - costs[i]!), costs.join(' ')).toBeLessThanOrEqual(2);
  });

  it('uses DECSTBM and a reverse index for a block that moved down, a line feed for one that moved up', () => {
    const a = parseFrame(['x', 'a1', 'a2', 'a3', 'a4', 'y'].join('\n'));
    const down = parseFrame(['x', 'new', 'a1', 'a2', 'a3', 'y'].join('\n'));
    expect(diffFrames(a, down)).toBe(`${ESC}[2;5r${ESC}[2H${ESC}M${ESC}[r${ESC}[2Hnew`);
    const up = parseFrame(['x', 'a2', 'a3', 'a4', 'new', 'y'].join('\n'));
    expect(diffFrames(a, up)).toBe(`${ESC}[2;5r${ESC}[5H\n${ESC}[r${ESC}[5Hnew`);
  });

  it('never scrolls a region that reaches past the screen, nor when rewriting is cheaper', () => {
    const a = parseFrame(['x', 'a1', 'a2', 'a3', 'a4'].join('\n'));
    const b = parseFrame(['x', 'new', 'a1', 'a2', 'a3'].join('\n'));
    expect(diffFrames(a, b, 5)).toContain(`${ESC}[2;5r`);
    expect(diffFrames(a, b, 4)).not.toMatch(/\u001B\[\d+;\d+r/u);
    // Two short lines swap places: a rewrite is cheaper than any scroll.
    expect(diffFrames(parseFrame('ab\ncd'), parseFrame('cd\nab'))).not.toMatch(/r/u);
  });

  it('any frames with blocks moved up or down by 1–3 rows still leave the screen exact', () => {
    const lineOf = (n: number) => (n % 3 === 0 ? dim(`第 ${n} 行 ✓`) : n % 3 === 1 ? red(`⚠ 行${n}`) : `row ${n}`);
    const framesArb = fc.array(fc.record({ at: fc.nat({ max: 20 }), len: fc.integer({ min: 2, max: 20 }), shift: fc.integer({ min: -3, max: 3 }), fresh: fc.nat({ max: 99 }) }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(framesArb, (steps) => {
        let rows = Array.from({ length: 22 }, (_, i) => lineOf(i));
        const frames = [rows];
        for (const st of steps) {
          const next = [...rows];
          const end = Math.min(22, st.at + st.len);
          for (let r = st.at; r < end; r++) {
            const from = r - st.shift;
            next[r] = from >= st.at && from < end ? rows[from]! : lineOf(100 + st.fresh + r);
          }
          rows = next;
          frames.push(rows);
        }
        play(frames);
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

class FakeOut extends EventEmitter {
  readonly writes: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write(s: string): boolean {
    this.writes.push(s);
    return true;
  }
  get all(): string {
    return this.writes.join('');
  }
}

describe('TerminalWriter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setup = (maxFps = 30) => {
    const out = new FakeOut(COLS, ROWS);
    const writer = new TerminalWriter(out, { maxFps });
    const vt = new VirtualTerminal(COLS, ROWS);
    const sync = () => vt.write(out.writes.splice(0).join(''));
    return { out, writer, vt, sync };
  };

  it('coalesces writes of one tick into one flush of the last frame', () => {
    const { out, writer, vt } = setup();
    writer.write(frameString(listFrame(0)));
    writer.write(frameString(listFrame(1)));
    writer.write(frameString(listFrame(2)));
    expect(out.writes).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(out.writes).toHaveLength(1);
    expect(out.writes[0]!.startsWith(`${ESC}[?25l`)).toBe(true); // cursor hidden once, first
    vt.write(out.writes[0]!);
    expectShows(vt, listFrame(2));
  });

  it('diffs later frames against what is shown, and writes nothing for an unchanged one', () => {
    const { out, writer, vt, sync } = setup();
    writer.write(frameString(homeFrame({ selected: 0 })));
    vi.advanceTimersByTime(0);
    sync();
    writer.write(frameString(homeFrame({ selected: 1 })));
    vi.advanceTimersByTime(1000);
    expect(out.writes).toHaveLength(1);
    expect(out.writes[0]).not.toContain(`${ESC}[2J`);
    expect(bytes(out.writes[0]!)).toBeLessThan(60);
    sync();
    expectShows(vt, homeFrame({ selected: 1 }));
    writer.write(frameString(homeFrame({ selected: 1 })));
    vi.advanceTimersByTime(1000);
    expect(out.writes).toHaveLength(0);
  });

  it('caps the update rate, still writing the last state', () => {
    const { out, writer, vt, sync } = setup(10);
    writer.write(frameString(listFrame(0)));
    vi.advanceTimersByTime(0);
    sync();
    writer.write(frameString(listFrame(1)));
    vi.advanceTimersByTime(50);
    writer.write(frameString(listFrame(2)));
    expect(out.writes).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(out.writes).toHaveLength(1);
    sync();
    expectShows(vt, listFrame(2));
  });

  it('end() flushes what is pending, resets the pen, and shows the cursor below the frame', () => {
    const { out, writer, vt } = setup();
    const frame = loginFrame({ focus: 0, login: 'a', pin: '' });
    writer.write(frameString(frame));
    writer.end(); // no timer has run
    const all = out.all;
    expect(all.endsWith(`${ESC}[?25h`)).toBe(true);
    vt.write(all);
    expectShows(vt, frame);
    expect(vt.cursor).toEqual({ row: frame.length, col: 0 });
    expect(vt.currentStyle).toBe('');
    expect(out.listenerCount('resize')).toBe(0);
    const count = out.writes.length;
    vi.runAllTimers();
    expect(out.writes).toHaveLength(count); // the cancelled timer writes nothing more
  });

  it('after a resize the next flush redraws the whole screen', () => {
    const { out, writer, sync } = setup();
    const resized = vi.fn();
    writer.on('resize', resized);
    writer.write(frameString(homeFrame({ selected: 0 })));
    vi.advanceTimersByTime(0);
    sync();
    out.columns = 100;
    out.rows = 30;
    out.emit('resize');
    expect(resized).toHaveBeenCalledTimes(1); // Ink re-renders on this
    expect(writer.columns).toBe(100);
    expect(writer.rows).toBe(30);
    writer.write(frameString(homeFrame({ selected: 0 })));
    vi.advanceTimersByTime(1000);
    expect(out.writes).toHaveLength(1);
    expect(out.writes[0]).toContain(`${ESC}[2J`);
    const vt = new VirtualTerminal(100, 30);
    vt.write(out.writes[0]!);
    expect(vt.screenText().slice(0, 22)).toEqual(homeFrame({ selected: 0 }).map(plainText));
    // ...and only that one: the frame after it is a diff again.
    writer.write(frameString(homeFrame({ selected: 1 })));
    vi.advanceTimersByTime(1000);
    expect(out.writes[1]).not.toContain(`${ESC}[2J`);
  });

  it('bytesWritten counts UTF-8 bytes of everything written', () => {
    const { out, writer } = setup();
    expect(writer.bytesWritten).toBe(0);
    writer.write(frameString(homeFrame({ selected: 0 })));
    vi.advanceTimersByTime(0);
    writer.write(frameString(homeFrame({ selected: 3 })));
    vi.advanceTimersByTime(1000);
    writer.end();
    const total = out.writes.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
    expect(writer.bytesWritten).toBe(total);
    expect(writer.bytesWritten).toBeGreaterThan(out.all.length); // Chinese: 3 bytes, 1 UTF-16 unit
  });
});

describe('NO_COLOR', () => {
  const ESC = '\u001B';
  it('drops colours and keeps bold, inverse and underline', () => {
    expect(parseLine(`${ESC}[1;31m卡${ESC}[7;44mx${ESC}[0m`, false).map((c) => c.style)).toEqual([`${ESC}[1m`, `${ESC}[1;7m`]);
    expect(parseLine(`${ESC}[38;5;208mx${ESC}[39my`, false).map((x) => x.style)).toEqual(['', '']);
  });
});
