/**
 * Bad input at scale: every file sbk reads, fed random and mutated files.
 *
 * The readers (found by grepping src/, drivers/ and db/ for readFileSync, TextDecoder and parse*):
 * - the maker's return file (YZKCG/CPKCG): readImportFile → decodeMakerFile → parseMakerFile →
 *   importMakerFile, in UTF-8 or GB18030, with or without BOM, CRLF or LF;
 * - devices.json (parseDeviceConfig, through siteDeviceConfig);
 * - the holiday-year JSON files (loadHolidayYears with an operator's folder);
 * - the chain head file of `sbk verify --head-file` (readHead);
 * - the PIN pepper `<ledger>.key` (readPepper);
 * - the simulated printer's state file (SimulatedDeskPrinter.fromFile);
 * - the applicant's photo of `sbk instant make --photo` (read as bytes; only its path can be wrong:
 *   test/security/security.test.ts runs that on a demo ledger);
 * - the bundled site directories (parseRegionsCsv, parseServiceOfficesCsv, parseBankBranchesCsv).
 *
 * Properties: a reader never throws anything but an SbkError with a code (no TypeError or
 * RangeError); a bad maker file writes nothing to a real ledger; every row-level problem names a
 * line that exists in the file; no problem repeats a holder's ID number or bank card number; a
 * good file imported again is recognised and changes nothing.
 *
 * Short by default; SBK_LONG_TESTS=1 runs many more cases.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeGb18030 } from '../../fixtures/maker-files/generate.ts';
import { isSbkError } from '../../src/domain/errors.ts';
import { decodeMakerFile } from '../../src/domain/decode-text.ts';
import { MAKER_HEADER, parseMakerFile, type MakerFileResult } from '../../src/domain/maker-file.ts';
import { parseMakerFileName } from '../../src/domain/maker-file-name.ts';
import { syntheticMakerRows, writeMakerFile, type MakerRowData } from '../../src/domain/maker-file-writer.ts';
import { addCalendarDays } from '../../src/domain/calendar.ts';
import { todayInChina } from '../../src/domain/china-dates.ts';
import { parseBankBranchesCsv, parseRegionsCsv, parseServiceOfficesCsv } from '../../src/domain/site-hierarchy.ts';
import { importMakerFile } from '../../src/workflows/import-maker-file.ts';
import { readImportFile } from '../../src/workflows/read-import-file.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { bundledHolidayDir, loadHolidayYears } from '../../src/workflows/load-calendar.ts';
import { siteDeviceConfig } from '../../src/workflows/site-devices.ts';
import { readPepper } from '../../src/security/pepper-file.ts';
import { readHead } from '../../src/cli/commands/verify-command.ts';
import { parseDeviceConfig } from '../../drivers/config/device-config.ts';
import { SimulatedDeskPrinter } from '../../drivers/simulator/simulated-desk-printer.ts';
import { blankChip } from '../../drivers/simulator/sim-chip.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { ADMIN, freshLedger, tempDir } from '../helpers/temp-ledger.ts';
import { runCli } from '../helpers/run-cli.ts';

const LONG = process.env.SBK_LONG_TESTS === '1';
/** fast-check settings: a short run always, a long one with SBK_LONG_TESTS=1. */
const runs = (short: number, long: number): fc.Parameters<unknown> => ({ numRuns: LONG ? long : short });
const SLOW = LONG ? 600_000 : 60_000;
if (LONG) vi.setConfig({ testTimeout: SLOW });

const TODAY = '2026-11-23';
const FIELDS = { bank: '中国工商银行', cityBody: '武汉市社保卡管理中心', maker: '金邦达', bankCode: '102521000013', time: '20261120093000' };
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

/** Runs `fn`; any throw that is not an SbkError with a code fails the property. Returns the code or undefined. */
function onlySbkErrors(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (!isSbkError(e)) throw new Error(`threw a ${(e as Error)?.constructor?.name ?? typeof e}, not an SbkError: ${String(e)}`, { cause: e });
    expect(e.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    return e.code;
  }
}

// ---- Valid files and their mutations --------------------------------------------------------

type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';
type Spec = { kind: 'prefab' | 'finished'; n: number; seed: number; boxSize: number; encoding: Encoding; eol: '\n' | '\r\n' };

const specArb: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constantFrom('prefab' as const, 'finished' as const),
  n: fc.integer({ min: 1, max: 25 }),
  seed: fc.integer(),
  boxSize: fc.integer({ min: 1, max: 12 }),
  encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'gb18030'),
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
});

type Built = { fileName: string; bytes: Uint8Array; rows: MakerRowData[]; encoding: Encoding };

function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'gb18030') return encodeGb18030(text);
  const body = utf8(text);
  return encoding === 'utf-8-bom' ? new Uint8Array([...BOM, ...body]) : body;
}

/** A valid maker file; `batch` and `prefix` keep files apart when several go into one ledger. */
function build(spec: Spec, batch = 'T001', prefix?: string, issueDate = '2026-11-18'): Built {
  const rows = syntheticMakerRows(spec.kind, spec.n, spec.seed, { boxSize: spec.boxSize, issueDate, ...(prefix ? { cardPrefix: prefix } : {}) });
  const w = writeMakerFile(spec.kind, { ...FIELDS, batch }, rows);
  return { fileName: w.fileName, bytes: encode(w.text.replace(/\n/g, spec.eol), spec.encoding), rows, encoding: spec.encoding };
}

/** Values a maker's software, a spreadsheet or a damaged copy might put in a field. */
const oddField = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1e9', '99999999999999999999', '１２３', 'Ｆ７０００００００１', '*00000001', '[', '张[', '[CHUI]', '\uFFFD', '\u0000', 'ｘ', '2026-02-30', '20261301', '-', '--', '01-', '·', '"', "'", '\t', '😀', 'NaN', 'undefined', '__proto__'),
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[0-9X]{15,19}$/),
);

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'deleteByte' | 'dupByte'; at: number }
  | { op: 'insertBytes'; at: number; bytes: Uint8Array }
  | { op: 'deleteLine' | 'dupLine'; at: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'insertLine'; at: number; text: string }
  | { op: 'field'; line: number; col: number; value: string }
  | { op: 'truncate'; at: number }
  | { op: 'swapEncoding' | 'toggleBom' | 'crOnly' }
  | { op: 'random'; bytes: Uint8Array };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constantFrom('deleteByte' as const, 'dupByte' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insertBytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }),
  fc.record({ op: fc.constantFrom('deleteLine' as const, 'dupLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('insertLine' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 60 }), fc.constant(MAKER_HEADER.join(',')), fc.constant(''), fc.constant('5')) }),
  fc.record({ op: fc.constant('field' as const), line: fc.nat(), col: fc.integer({ min: 0, max: 12 }), value: oddField }),
  { arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }), weight: 1 },
  fc.record({ op: fc.constantFrom('swapEncoding' as const, 'toggleBom' as const, 'crOnly' as const) }),
  { arbitrary: fc.record({ op: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 400 }) }), weight: 1 },
);

/** Lines cut at LF bytes (never inside a UTF-8 or GB18030 character), each keeping its LF. */
function byteLines(bytes: Uint8Array): number[][] {
  const lines: number[][] = [[]];
  for (const b of bytes) {
    lines[lines.length - 1]!.push(b);
    if (b === 0x0a) lines.push([]);
  }
  if (lines.length > 1 && lines[lines.length - 1]!.length === 0) lines.pop();
  return lines;
}

/** Text-level edits are written back in the file's own encoding, UTF-8 when GB18030 cannot hold them. */
function reencode(text: string, like: Uint8Array): Uint8Array {
  const d = decodeMakerFile(like);
  if (d.encoding === 'gb18030') {
    try {
      return encodeGb18030(text);
    } catch {
      return utf8(text);
    }
  }
  return d.bom ? new Uint8Array([...BOM, ...utf8(text)]) : utf8(text);
}

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const arr = [...bytes];
  const pos = (at: number, extra = 0) => at % (arr.length + extra || 1);
  switch (m.op) {
    case 'flip':
      if (arr.length) arr[pos(m.at)] = arr[pos(m.at)]! ^ (1 << m.bit);
      return new Uint8Array(arr);
    case 'set':
      if (arr.length) arr[pos(m.at)] = m.value;
      return new Uint8Array(arr);
    case 'deleteByte':
      arr.splice(pos(m.at), 1);
      return new Uint8Array(arr);
    case 'dupByte':
      if (arr.length) arr.splice(pos(m.at), 0, arr[pos(m.at)]!);
      return new Uint8Array(arr);
    case 'insertBytes':
      arr.splice(pos(m.at, 1), 0, ...m.bytes);
      return new Uint8Array(arr);
    case 'truncate':
      return new Uint8Array(arr.slice(0, pos(m.at, 1)));
    case 'random':
      return m.bytes;
    case 'deleteLine':
    case 'dupLine':
    case 'swapLines': {
      const lines = byteLines(bytes);
      if (m.op === 'swapLines') {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      } else {
        const i = m.at % lines.length;
        if (m.op === 'deleteLine') lines.splice(i, 1);
        else lines.splice(i, 0, [...lines[i]!]);
      }
      return new Uint8Array(lines.flat());
    }
    case 'insertLine':
    case 'field': {
      const { text } = decodeMakerFile(bytes);
      const lines = text.split('\n');
      if (m.op === 'insertLine') lines.splice(m.at % (lines.length + 1), 0, m.text);
      else {
        const i = m.line % lines.length;
        const cells = lines[i]!.split(',');
        cells[m.col % (cells.length + 1)] = m.value;
        lines[i] = cells.join(',');
      }
      return reencode(lines.join('\n'), bytes);
    }
    case 'swapEncoding': {
      const d = decodeMakerFile(bytes);
      if (d.encoding === 'gb18030') return utf8(d.text);
      try {
        return encodeGb18030(d.text);
      } catch {
        return bytes; // a character GB18030's two-byte area cannot hold: leave it
      }
    }
    case 'toggleBom':
      return arr[0] === 0xef && arr[1] === 0xbb && arr[2] === 0xbf ? new Uint8Array(arr.slice(3)) : new Uint8Array([...BOM, ...arr]);
    case 'crOnly': {
      // Lone CR line ends, or CRLF turned into LF: a file that went through an old Mac or a fix-up script.
      const d = decodeMakerFile(bytes);
      return reencode(d.text.includes('\r\n') ? d.text.replace(/\r\n/g, '\n') : d.text.replace(/\n/g, '\r'), bytes);
    }
  }
}

const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

/** The file's physical lines as the reader counts them. */
function physicalLines(bytes: Uint8Array): string[] {
  return decodeMakerFile(bytes).text.split(/\r\n|\r|\n/);
}

/** Every problem names its place: line 0 is the file name, any other line exists, a row problem names a row that is there. */
function checkErrorsNameLines(r: Pick<MakerFileResult, 'errors'>, bytes: Uint8Array, secrets: readonly string[]): void {
  const lines = physicalLines(bytes);
  let last = -1;
  for (const e of r.errors) {
    expect(Number.isInteger(e.line), JSON.stringify(e)).toBe(true);
    expect(e.line).toBeGreaterThanOrEqual(0);
    expect(e.line, `${e.code} names line ${e.line} of ${lines.length}`).toBeLessThanOrEqual(lines.length);
    expect(e.line).toBeGreaterThanOrEqual(last); // in file order
    last = e.line;
    expect(e.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    if (e.column !== null) {
      // A problem with one field is a row's: it names that row's line, which holds data.
      expect((MAKER_HEADER as readonly string[]).includes(e.column)).toBe(true);
      expect(e.line, JSON.stringify(e)).toBeGreaterThanOrEqual(1);
      expect(lines[e.line - 1]!.trim(), JSON.stringify(e)).not.toBe('');
    }
    // PIPL Art. 28: a problem report never repeats a holder's ID number or a bank card number.
    for (const s of secrets) expect(e.message, `${e.code} repeats ${s}`).not.toContain(s);
  }
}

const secretsOf = (rows: readonly MakerRowData[]): string[] => rows.flatMap((r) => [r.idNumber, r.bankCardNo].filter((x): x is string => !!x));

// ---- The maker file, parsed ------------------------------------------------------------------

describe('the maker return file reader (parseMakerFile), random and mutated files', () => {
  it('valid files in every encoding and line end read clean, each row naming its line', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const f = build(spec);
        const r = parseMakerFile(f.fileName, f.bytes, { today: TODAY });
        expect(r.errors).toEqual([]);
        expect(r.rows.map((x) => x.cardNo)).toEqual(f.rows.map((x) => x.cardNo));
        expect(r.rows.map((x) => x.line)).toEqual(f.rows.map((_, i) => i + 3));
        expect(r.encoding).toBe(spec.encoding === 'gb18030' ? 'gb18030' : 'utf-8');
      }),
      runs(60, 1000),
    );
  });

  it('mutated files never throw; every problem names an existing line and repeats no ID or bank number; every row read is on its line', () => {
    fc.assert(
      fc.property(specArb, mutationsArb, (spec, ms) => {
        const f = build(spec);
        const bytes = ms.reduce(mutate, f.bytes);
        let r: MakerFileResult | undefined;
        expect(onlySbkErrors(() => (r = parseMakerFile(f.fileName, bytes, { today: TODAY })))).toBeUndefined();
        checkErrorsNameLines(r!, bytes, secretsOf(f.rows));
        const lines = physicalLines(bytes);
        for (const row of r!.rows) {
          const text = lines[row.line - 1]!;
          expect(text.split(',')[0]!.trim()).toBe(String(row.seq));
          expect(text.normalize('NFKC').toUpperCase()).toContain(row.cardNo);
        }
        // A file is importable only when it has no problems; then every row is there once.
        if (r!.errors.length === 0) expect(new Set(r!.rows.map((x) => x.cardNo)).size).toBe(r!.rows.length);
      }),
      runs(400, 10_000),
    );
  });

  it('random bytes and random text never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.string({ maxLength: 300 }).map(utf8)), fc.constantFrom('YZKCG_工行_广州市_B1_5_金邦达_102_20261120093000.txt', 'CPKCG_工行_广州市_B1_5_金邦达_102_20261120093000.txt', 'x.txt', ''), (bytes, name) => {
        let r: MakerFileResult | undefined;
        expect(onlySbkErrors(() => (r = parseMakerFile(name, bytes, { today: TODAY })))).toBeUndefined();
        checkErrorsNameLines(r!, bytes, []);
      }),
      runs(200, 5000),
    );
  });

  it('file names: any string is read or refused with a code, never thrown', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.array(fc.oneof(fc.constantFrom('YZKCG', 'CPKCG', '工行', '5', '0', '-1', '20261120093000', '2026', '', '金邦达'), fc.string({ maxLength: 8 })), { maxLength: 10 }).map((p) => `${p.join('_')}.txt`),
        ),
        (name) => {
          const r = parseMakerFileName(name);
          if (!r.ok) expect(r.code).toMatch(/^MAKER_NAME_[A-Z_]+$/);
          else expect(r.value.declaredCount).toBeGreaterThan(0);
        },
      ),
      runs(300, 5000),
    );
  });
});

// ---- The maker file, imported into a real ledger --------------------------------------------

/** Rows in every table of the ledger: "writes nothing" means none of these moves. */
function tableCounts(ledger: Ledger): Record<string, number> {
  const tables = (ledger.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, (ledger.sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

describe('importing mutated maker files into a real ledger', () => {
  it(
    'a bad file writes nothing and names its lines; a good one is imported once, and again changes nothing',
    () => {
      const { ledger } = freshLedger();
      const admin = authenticate(ledger, ADMIN.login, ADMIN.pin);
      // Issue dates a few days back, so "not in the future" holds on any day the test runs.
      const issueDate = addCalendarDays(todayInChina(), -5);
      let serial = 0;
      let imported = 0;
      let refused = 0;
      fc.assert(
        fc.property(specArb, fc.oneof({ arbitrary: fc.constant([] as Mutation[]), weight: 1 }, { arbitrary: mutationsArb, weight: 4 }), (spec, ms) => {
          serial += 1;
          // Unique batch and card numbers per case, so a clean file can be imported.
          const prefix = `Q${'ABCDEFGHJKLMNPRSTUVWXYZ'[Math.floor(serial / 36) % 23]}${(serial % 36).toString(36).toUpperCase()}`;
          const f = build(spec, `PB${serial}`, prefix, issueDate);
          const bytes = ms.reduce(mutate, f.bytes);
          const before = tableCounts(ledger);
          let r: ReturnType<typeof importMakerFile> | undefined;
          const code = onlySbkErrors(() => (r = importMakerFile(ledger, admin, { fileName: f.fileName, bytes, receive: spec.n % 2 === 0 })));
          if (code !== undefined || r!.status !== 'imported') {
            // Refused (an SbkError, an invalid file, a file seen before): not one row anywhere.
            expect(tableCounts(ledger)).toEqual(before);
            if (r) {
              expect(r.status === 'invalid' ? r.errors.length : 1).toBeGreaterThan(0);
              checkErrorsNameLines(r, bytes, secretsOf(f.rows));
            }
            refused += 1;
            return;
          }
          imported += 1;
          expect(r!.registered).toBe(r!.rows);
          const after = tableCounts(ledger);
          expect(after.cards! - before.cards!).toBe(r!.registered);
          expect(after.imports! - before.imports!).toBe(1);
          // The same bytes again: recognised, nothing written.
          const again = importMakerFile(ledger, admin, { fileName: f.fileName, bytes });
          expect(again.status).toBe('already-imported');
          expect(again.message).toMatch(/本次未做任何更改/);
          expect(tableCounts(ledger)).toEqual(after);
        }),
        runs(60, 1500),
      );
      // Both sides of the property were exercised, and the ledger still proves itself.
      expect(imported).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
      expect(verifyLedger(ledger)).toMatchObject({ ok: true, problems: [] });
    },
    SLOW,
  );

  it('readImportFile: a path that is missing, a folder or not a file is refused with a code', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    const good = join(dir, 'ok.txt');
    writeFileSync(good, 'x');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }).map((s) => join(dir, s.replace(/\u0000/g, ''))), fc.constantFrom(join(dir, 'folder'), `${good}/x`, '', ' ', join(dir, 'nope.txt'))), (p) => {
        const code = onlySbkErrors(() => readImportFile(p));
        if (code !== undefined) expect(code).toBe('FILE_NOT_READABLE');
      }),
      runs(100, 2000),
    );
    expect(readImportFile(` ${good} `).bytes.toString()).toBe('x');
  });
});

// ---- The JSON and key files ------------------------------------------------------------------

/** Mutations of a JSON text: its characters edited, or its values replaced by random JSON. */
const jsonText = (valid: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.string({ maxLength: 4 }) }), { minLength: 1, maxLength: 4 }).map((edits) =>
      edits.reduce((s, e) => {
        const i = e.at % (s.length + 1);
        return s.slice(0, i) + e.ins + s.slice(i + e.del);
      }, valid),
    ),
    fc.jsonValue().map((j) => JSON.stringify(j)),
    fc.string({ maxLength: 100 }),
    fc.constantFrom('', 'null', '[]', '{}', '"x"', '0', '\uFEFF{}', valid.slice(0, valid.length >> 1)),
  );

/** Replaces one value somewhere inside a parsed JSON document by another JSON value. */
function replaceDeep(doc: unknown, path: number[], value: unknown): unknown {
  if (path.length === 0 || typeof doc !== 'object' || doc === null) return value;
  const keys = Object.keys(doc);
  if (keys.length === 0) return value;
  const k = keys[path[0]! % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(doc) ? ([...doc] as unknown as Record<string, unknown>) : { ...(doc as Record<string, unknown>) };
  copy[k] = replaceDeep((doc as Record<string, unknown>)[k], path.slice(1), value);
  return copy;
}

const deepEdit = (valid: unknown): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(fc.nat(), { maxLength: 6 }), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, -1, 0, 1.5, 65536, '', ' ', '0x1d6b', '0xZZ', '10', 'hid', 'simulator', 'keyboard', 'none', [], {})))
    .map(([path, value]) => JSON.stringify(replaceDeep(valid, path, value)));

const DEVICES = {
  sites: {
    '420102-B01': {
      printers: [{ id: '制卡机1', transport: 'hid', vendorId: '0x1d6b', productId: '0x0104', reportSize: 64, reportId: 0, serial: 'A1', hoppers: { '1': '制卡机1-卡盒1', '2': '制卡机1-卡盒2' } }],
      readers: [{ id: '读卡器1', transport: 'simulator' }],
      scanners: [{ id: '扫描枪1', transport: 'keyboard' }, { id: '扫描枪2', transport: 'hid', vendorId: '0x1eab', productId: '0x1d06', lengthByte: 1, dataOffset: 2 }],
      ca: 'simulator',
    },
  },
};

describe('devices.json', () => {
  it('the documented example reads', () => {
    expect(parseDeviceConfig(JSON.stringify(DEVICES), 'devices.json').sites.get('420102-B01')?.printers[0]?.hoppers.get(2)).toBe('制卡机1-卡盒2');
  });

  it('mutated and random files are read or refused as DEVICE_CONFIG naming the file, never thrown otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText(JSON.stringify(DEVICES, null, 2)), deepEdit(DEVICES)), (text) => {
        const code = onlySbkErrors(() => parseDeviceConfig(text, '/srv/sbk/devices.json'));
        if (code !== undefined) expect(code).toBe('DEVICE_CONFIG');
      }),
      runs(400, 10_000),
    );
  });

  it('read from beside a real ledger (siteDeviceConfig): a damaged file is refused with its name', () => {
    const { ledger, dir } = freshLedger();
    const site = { id: 1, code: '420102-B01' };
    fc.assert(
      fc.property(fc.oneof(jsonText(JSON.stringify(DEVICES)), deepEdit(DEVICES), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
        writeFileSync(join(dir, 'devices.json'), text);
        try {
          siteDeviceConfig(ledger, site);
        } catch (e) {
          expect(isSbkError(e), String(e)).toBe(true);
          expect((e as Error).message).toContain('devices.json');
        }
      }),
      runs(60, 2000),
    );
  });
});

describe('holiday-year files in an operator folder', () => {
  const valid = readFileSync(join(bundledHolidayDir(), '2026.json'), 'utf8');
  const validJson = JSON.parse(valid) as unknown;

  it('mutated and random year files are loaded or refused with a CALENDAR_ code naming the file', () => {
    const root = tempDir();
    let i = 0;
    fc.assert(
      fc.property(fc.oneof(jsonText(valid), deepEdit(validJson), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
        const dir = join(root, String(i++));
        mkdirSync(dir);
        writeFileSync(join(dir, '2026.json'), text);
        let code: string | undefined;
        try {
          loadHolidayYears(dir);
        } catch (e) {
          if (!isSbkError(e)) throw e;
          code = e.code;
          expect(e.message).toContain('2026.json');
        }
        if (code !== undefined) expect(code).toMatch(/^CALENDAR_/);
      }),
      runs(150, 3000),
    );
  });

  it('a folder that is missing or a file is refused with a code', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f'), '');
    expect(onlySbkErrors(() => loadHolidayYears(join(dir, 'none')))).toBe('CALENDAR_DIR_NOT_FOUND');
    expect(onlySbkErrors(() => loadHolidayYears(join(dir, 'f')))).toBe('CALENDAR_DIR_NOT_FOUND');
  });
});

describe('the chain head file of verify --head-file', () => {
  const valid = JSON.stringify({ id: 787, hash: 'a'.repeat(64), at: '2026-11-23T00:00:00.000Z' });

  it('mutated and random head files are read as a head or refused as HEAD_FILE_INVALID', () => {
    const dir = tempDir();
    const file = join(dir, 'head.json');
    fc.assert(
      fc.property(fc.oneof(jsonText(valid), deepEdit(JSON.parse(valid)), fc.uint8Array({ maxLength: 100 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
        writeFileSync(file, text);
        let head: { id: unknown; hash: unknown } | undefined;
        const code = onlySbkErrors(() => (head = readHead(file)));
        if (code !== undefined) expect(code).toBe('HEAD_FILE_INVALID');
        else expect(typeof head!.id === 'number' && typeof head!.hash === 'string').toBe(true);
      }),
      runs(200, 5000),
    );
    // A folder in its place is refused the same way.
    mkdirSync(join(dir, 'd'));
    expect(onlySbkErrors(() => readHead(join(dir, 'd')))).toBe('HEAD_FILE_INVALID');
  });

  it('through the real binary: a damaged head file is an operator error (exit 1), and is not overwritten', () => {
    const { ledger, dir } = freshLedger();
    const head = join(dir, 'head.json');
    for (const text of [valid.slice(0, 20), '{"id":"7","hash":1}']) {
      writeFileSync(head, text);
      const r = runCli(['verify', '--db', ledger.path, '--head-file', head, '--json']);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.json().error.code).toBe('HEAD_FILE_INVALID');
      expect(readFileSync(head, 'utf8')).toBe(text);
    }
  });
});

describe('the PIN pepper file', () => {
  it('a damaged key is refused as PEPPER_INVALID, never read as a shorter key', () => {
    const { ledger, dir } = freshLedger();
    const key = `${ledger.path}.key`;
    const good = readFileSync(key, 'utf8');
    expect(readPepper(ledger.path)).toHaveLength(32);
    const copy = join(dir, 'copy.db');
    fc.assert(
      fc.property(
        fc.oneof(
          jsonText(good),
          fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b).toString('latin1')),
          fc.nat({ max: good.length - 2 }).map((n) => good.slice(0, n)),
        ),
        (text) => {
          writeFileSync(`${copy}.key`, text);
          let pepper: Buffer | undefined;
          const code = onlySbkErrors(() => (pepper = readPepper(copy)));
          if (code !== undefined) expect(code).toBe('PEPPER_INVALID');
          else expect(pepper).toHaveLength(32);
        },
      ),
      runs(200, 5000),
    );
  });

  it('with a damaged key a login is refused as such and counts no failure towards the lockout', () => {
    const { ledger } = freshLedger();
    const key = `${ledger.path}.key`;
    const good = readFileSync(key, 'utf8');
    writeFileSync(key, good.slice(0, 10));
    for (let i = 0; i < 6; i++) expect(onlySbkErrors(() => authenticate(ledger, ADMIN.login, ADMIN.pin))).toBe('PEPPER_INVALID');
    writeFileSync(key, good);
    expect(authenticate(ledger, ADMIN.login, ADMIN.pin).login).toBe(ADMIN.login);
  });
});

describe('the simulated printer state file', () => {
  it('mutated and random state files are restored or refused with a SIM_ code', () => {
    const dir = tempDir();
    const seed = join(dir, 'seed.json');
    const sim = SimulatedDeskPrinter.fromFile(seed, [1, 2]);
    sim.placeInHopper(1, [blankChip({ cardIdCode: 'K1', bankCardNo: '6222020000000000001' })]);
    sim.injectFault('jam');
    const valid = readFileSync(seed, 'utf8');
    const file = join(dir, 'state.json');
    fc.assert(
      fc.property(fc.oneof(jsonText(valid), deepEdit(JSON.parse(valid))), fc.constantFrom([1], [1, 2], [2, 3]).map((h) => [...h]), (text, hoppers) => {
        writeFileSync(file, text);
        const code = onlySbkErrors(() => SimulatedDeskPrinter.fromFile(file, hoppers).snapshot());
        if (code !== undefined) expect(code).toMatch(/^SIM_/);
      }),
      runs(300, 5000),
    );
  });
});

describe('the bundled site directories (CSV)', () => {
  const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
  const readers: [string, (t: string) => unknown][] = [
    ['regions.csv', (t) => parseRegionsCsv(t)],
    ['hubei-service-offices.csv', (t) => parseServiceOfficesCsv(t)],
    ['linxiang-bank-branches.csv', (t) => parseBankBranchesCsv(t)],
  ];

  it('mutated directory files are read or refused with a code', () => {
    const texts = readers.map(([name]) => fixture(name).split('\n').slice(0, 12).join('\n'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: readers.length - 1 }), fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('"', ',', '\n', '\r', '""')) }), { minLength: 1, maxLength: 4 }), (which, edits) => {
        const text = edits.reduce((s, e) => {
          const i = e.at % (s.length + 1);
          return s.slice(0, i) + e.ins + s.slice(i + e.del);
        }, texts[which]!);
        const code = onlySbkErrors(() => readers[which]![1](text));
        if (code !== undefined) expect(['CSV_INVALID', 'SITE_DATA_INVALID']).toContain(code);
      }),
      runs(300, 5000),
    );
  });
});
