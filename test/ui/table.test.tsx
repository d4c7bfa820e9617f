import { useState } from 'react';
import { Box } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { fitColumns, MARKER, Table, tableWidth, type ColumnSpec } from '../../src/ui/components/table.tsx';
import { windowStart } from '../../src/ui/components/table-window.ts';
import { KeyRouterProvider, PRIORITY, useKeyHandler } from '../../src/ui/keys/key-router.tsx';
import { displayWidth } from '../../src/text/display-width.ts';
import { KEYS, renderConsole, type RenderedConsole } from '../helpers/render-console.tsx';

type Card = { seq: number; name: string; id: string; bank: string; status: string };

const NAMES = ['张三', '李四', '欧阳娜娜', '王五', 'Zhang Wei', '司马相如', '买买提·艾力', '刘一'];
const BANKS = ['工商银行汉口支行', '建行', 'Bank of China 武昌', '农商行临湘营业部'];
const STATUS = ['在库', '已发放', '待签收', '挂失'];

const cards: Card[] = Array.from({ length: 1000 }, (_, i) => ({
  seq: i + 1,
  name: NAMES[i % NAMES.length] ?? '',
  id: `4201${String(i).padStart(4, '0')}**********`,
  bank: BANKS[i % BANKS.length] ?? '',
  status: STATUS[i % STATUS.length] ?? '',
}));

const COLUMNS: ColumnSpec<Card>[] = [
  { key: 'seq', header: '序号', width: 5, align: 'right' },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'id', header: '证件号', width: 18 },
  { key: 'bank', header: '发卡银行', width: 16 },
  { key: 'status', header: '状态', width: 6 },
];

function ListScreen({ data, initial = 0, height = 15 }: { data: Card[]; initial?: number; height?: number }) {
  const [sel, setSel] = useState(initial);
  useKeyHandler(
    (e) => {
      if (e.name === 'down') setSel((s) => Math.min(data.length - 1, s + 1));
      else if (e.name === 'up') setSel((s) => Math.max(0, s - 1));
      else if (e.name === 'pagedown') setSel((s) => Math.min(data.length - 1, s + height));
      else return false;
      return true;
    },
    { priority: PRIORITY.screen },
  );
  return (
    <Box flexDirection="column" height={23}>
      <Table data={data} columns={COLUMNS} width={80} height={height} selectedIndex={sel} />
    </Box>
  );
}

let app: RenderedConsole | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const mount = (el: React.ReactElement) => {
  app = renderConsole(<KeyRouterProvider escDelayMs={0} scanGapMs={0}>{el}</KeyRouterProvider>);
  return app;
};

// Display column at which each cell of a row starts: marker (1), then gap + width per column.
function columnStarts(): number[] {
  const starts: number[] = [];
  let x = 1;
  for (const c of COLUMNS) {
    x += 1;
    starts.push(x);
    x += c.width;
  }
  return starts;
}

/** The display column where `needle` starts in `line`. */
function columnOf(line: string, needle: string): number {
  const i = line.indexOf(needle);
  return i < 0 ? -1 : displayWidth(line.slice(0, i));
}

describe('Table', () => {
  it('aligns Chinese and mixed columns by display width within 80 columns', () => {
    const c = mount(<ListScreen data={cards} />);
    const lines = c.lastFrame().split('\n');
    expect(tableWidth(COLUMNS)).toBeLessThanOrEqual(80);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    const starts = columnStarts();
    expect(lines[0]).toContain('姓名');
    expect(columnOf(lines[0] ?? '', '姓名')).toBe(starts[1]);
    expect(columnOf(lines[0] ?? '', '发卡银行')).toBe(starts[3]);
    expect(lines[1]).toMatch(/^-+$/);
    // Every data row: the bank and status cells start at the same display column whatever the name.
    for (const line of lines.slice(2, 17)) {
      const bank = BANKS.find((b) => line.includes(b.slice(0, 2)));
      expect(bank, line).toBeDefined();
      expect(columnOf(line, (bank ?? '').slice(0, 2)), line).toBe(starts[3]);
      const status = STATUS.find((s) => line.includes(s)) ?? '';
      expect(columnOf(line, status), line).toBe(starts[4]);
    }
    // A value too wide for its column is cut with the ellipsis, not wrapped.
    expect(lines.join('\n')).toContain('Bank of China …');
    expect(lines.join('\n')).toContain('买买提·艾…');
  });

  it('renders only the visible window of a 1,000-row list, with a status line', () => {
    const c = mount(<ListScreen data={cards} height={15} />);
    const lines = c.lastFrame().split('\n');
    const dataRows = lines.filter((l) => /^[ ›]\s+\d+ /.test(l));
    expect(dataRows).toHaveLength(15);
    expect(lines.some((l) => l.includes('  16 '))).toBe(false);
    expect(lines.join('\n')).toContain('第 1-15 条，共 1000 条');
    expect(lines[2]?.startsWith(MARKER)).toBe(true);
  });

  it('moving the selection from row 5 to 6 changes only the marker cells', async () => {
    const c = mount(<ListScreen data={cards} initial={5} />);
    const before = c.lastFrame().split('\n');
    const bytes = c.bytesWritten();
    await c.press(KEYS.down);
    const after = c.lastFrame().split('\n');
    expect(after).toHaveLength(before.length);
    const changed: { row: number; cols: number[] }[] = [];
    before.forEach((line, row) => {
      const a = [...(after[row] ?? '')];
      const b = [...line];
      const cols: number[] = [];
      for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) cols.push(i);
      if (cols.length) changed.push({ row, cols });
    });
    // Rows 5 and 6 of the data (lines 7 and 8 after header + rule), only in column 0.
    expect(changed).toEqual([
      { row: 7, cols: [0] },
      { row: 8, cols: [0] },
    ]);
    expect(before[7]?.startsWith(MARKER)).toBe(true);
    expect(after[8]?.startsWith(MARKER)).toBe(true);
    // The terminal writer rewrites just those two cells.
    expect(c.bytesWritten() - bytes).toBeLessThan(40);
  });

  it('scrolls only when the selection leaves the window', async () => {
    const c = mount(<ListScreen data={cards} height={5} />);
    for (let i = 0; i < 4; i++) await c.press(KEYS.down);
    expect(c.lastFrame()).toContain('第 1-5 条，共 1000 条');
    await c.press(KEYS.down);
    expect(c.lastFrame()).toContain('第 2-6 条，共 1000 条');
    await c.press(KEYS.pageDown);
    expect(c.lastFrame()).toContain('第 7-11 条，共 1000 条');
    for (let i = 0; i < 4; i++) await c.press(KEYS.up);
    expect(c.lastFrame()).toContain('第 7-11 条，共 1000 条');
    await c.press(KEYS.up);
    expect(c.lastFrame()).toContain('第 6-10 条，共 1000 条');
  });

  it('shows the empty text and keeps its height', () => {
    const c = mount(<ListScreen data={[]} height={4} />);
    const lines = c.lastFrame().split('\n');
    expect(lines[2]).toContain('（无记录）');
    expect(c.lastFrame()).not.toContain('共');
  });
});

describe('fitColumns: the window’s width decides which columns show, and how wide', () => {
  type Ship = { number: string; from: string; method: string; status: string; cards: string; age: string };
  const SHIP: ColumnSpec<Ship>[] = [
    { key: 'number', header: '交接单号', width: 22 },
    { key: 'from', header: '发出单位', width: 18, min: 8 },
    { key: 'method', header: '方式', width: 10, drop: 1 },
    { key: 'status', header: '状态', width: 8, drop: 3 },
    { key: 'cards', header: '张数', width: 4, drop: 2 },
    { key: 'age', header: '在途工作日', width: 10 },
  ];
  const shape = (cols: ColumnSpec<Ship>[]) => cols.map((c) => `${c.key}:${c.width}`).join(' ');

  it('keeps every column at its width when the table fits', () => {
    expect(tableWidth(SHIP)).toBe(79);
    expect(fitColumns(SHIP, 80)).toEqual(SHIP);
  });

  it('narrows first, then drops by the declared order, then gives the room back', () => {
    // 70: narrowing 发出单位 to 9 is enough.
    expect(shape(fitColumns(SHIP, 70))).toBe('number:22 from:9 method:10 status:8 cards:4 age:10');
    // 60: even narrowed it does not fit; 方式 (drop 1) goes, and 发出单位 gets the room back.
    expect(shape(fitColumns(SHIP, 60))).toBe('number:22 from:10 status:8 cards:4 age:10');
    // 45: 张数 (2) and 状态 (3) go too; 交接单号 and 在途工作日 are never cut or dropped.
    expect(shape(fitColumns(SHIP, 45))).toBe('number:22 from:9 age:10');
    for (const w of [79, 70, 60, 50, 45]) expect(tableWidth(fitColumns(SHIP, w)), String(w)).toBeLessThanOrEqual(w);
  });

  it('never writes past the window, even when the kept columns do not fit', async () => {
    const data: Ship[] = [{ number: '420100-20261205-001', from: '武汉市社保卡管理中心', method: '快递', status: '在途', cards: '30', age: '1 ⚠' }];
    for (const width of [80, 60, 40, 30]) {
      const c = mount(<Table data={data} columns={SHIP} width={width} height={3} selectedIndex={0} />);
      const lines = c.lastFrame().split('\n');
      for (const l of lines) expect(displayWidth(l), `${width}: ${l}`).toBeLessThanOrEqual(width);
      // The whole shipment number, from its first digit, whatever the width (the marker before it).
      if (width >= 40) expect(lines[2]).toMatch(/^› 420100-20261205-001 /u);
      c.unmount();
      app = undefined;
    }
  });
});

describe('windowStart', () => {
  it('keeps the window while the selection stays inside', () => {
    expect(windowStart(3, 5, 100, 0)).toBe(0);
    expect(windowStart(7, 5, 100, 5)).toBe(5);
  });
  it('moves by the least amount when the selection leaves', () => {
    expect(windowStart(5, 5, 100, 0)).toBe(1);
    expect(windowStart(4, 5, 100, 5)).toBe(4);
    expect(windowStart(50, 5, 100, 0)).toBe(46);
  });
  it('clamps to the list', () => {
    expect(windowStart(0, 5, 3, 9)).toBe(0);
    expect(windowStart(99, 5, 100, 0)).toBe(95);
    expect(windowStart(undefined, 5, 100, 200)).toBe(95);
    expect(windowStart(500, 5, 100, 0)).toBe(95);
    expect(windowStart(2, 5, 0, 7)).toBe(0);
  });
  it('is idempotent (safe to derive during render)', () => {
    for (const [sel, h, total, prev] of [
      [5, 5, 100, 0],
      [0, 3, 10, 8],
      [9, 4, 10, 0],
    ] as const) {
      const once = windowStart(sel, h, total, prev);
      expect(windowStart(sel, h, total, once)).toBe(once);
    }
  });
});
