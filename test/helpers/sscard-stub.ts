/**
 * The stub SSCardDriver library (drivers/library/stub/sscarddriver-stub.c), compiled once per
 * test file with the system C compiler into a temp dir, and its state file: read and written
 * here the way the stub does (one record a line, "-" for empty).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const SOURCE = fileURLToPath(new URL('../../drivers/library/stub/sscarddriver-stub.c', import.meta.url));

/** Whether a C compiler is there: without one the library tests are skipped (with that reason). */
export const HAVE_CC = spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;

let built: string | null = null;
/** Builds the stub (once) and returns the library's path. */
export function stubLibrary(): string {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'sbk-sscard-'));
  const out = join(dir, process.platform === 'darwin' ? 'libsscarddriver-stub.dylib' : 'libsscarddriver-stub.so');
  execFileSync('cc', ['-shared', '-fPIC', '-O1', '-o', out, SOURCE], { stdio: 'pipe' });
  built = out;
  return out;
}

export type StubCard = { idCode: string; reset: string; region: string; ssn: string; cardNo: string; name: string; printed: boolean; issue?: string; expiry?: string };
export type StubFaults = { cover: boolean; jam: boolean; chipFails: boolean; hangInPrint: boolean };
export type StubState = {
  faults: StubFaults;
  reader: StubCard | null;
  hoppers: { hopper: number; idCode: string; reset: string; region: string }[];
  good: StubCard[];
  bad: StubCard[];
};

const f = (s: string | undefined): string => (s === undefined || s === '-' ? '' : s);
const o = (s: string): string => s || '-';

export function readStub(file: string): StubState {
  const st: StubState = { faults: { cover: false, jam: false, chipFails: false, hangInPrint: false }, reader: null, hoppers: [], good: [], bad: [] };
  // Names are the GB18030 bytes the library was given.
  for (const line of iconv.decode(readFileSync(file), 'gb18030').split('\n')) {
    const a = line.split(' ');
    if (a[0] === 'F') st.faults = { cover: a[1] === '1', jam: a[2] === '1', chipFails: a[3] === '1', hangInPrint: a[4] === '1' };
    if (a[0] === 'R') st.reader = { idCode: f(a[1]), reset: f(a[2]), region: f(a[3]), ssn: f(a[4]), cardNo: f(a[5]), name: f(a[6]), issue: f(a[7]), expiry: f(a[8]), printed: a[9] === '1' };
    if (a[0] === 'H') st.hoppers.push({ hopper: Number(a[1]), idCode: f(a[2]), reset: f(a[3]), region: f(a[4]) });
    if (a[0] === 'G' || a[0] === 'B') (a[0] === 'G' ? st.good : st.bad).push({ idCode: f(a[1]), reset: '', region: '', ssn: f(a[2]), cardNo: f(a[3]), name: '', printed: a[4] === '1' });
  }
  return st;
}

/** Writes the faults and hoppers (the reader and bins as they are). */
export function writeStub(file: string, st: StubState): void {
  const b = (x: boolean) => (x ? '1' : '0');
  const lines = [`F ${b(st.faults.cover)} ${b(st.faults.jam)} ${b(st.faults.chipFails)} ${b(st.faults.hangInPrint)}`];
  const r = st.reader;
  if (r) lines.push(`R ${o(r.idCode)} ${o(r.reset)} ${o(r.region)} ${o(r.ssn)} ${o(r.cardNo)} ${o(r.name)} ${o(r.issue ?? '')} ${o(r.expiry ?? '')} ${b(r.printed)}`);
  for (const h of st.hoppers) lines.push(`H ${h.hopper} ${o(h.idCode)} ${o(h.reset)} ${o(h.region)}`);
  for (const c of st.good) lines.push(`G ${o(c.idCode)} ${o(c.ssn)} ${o(c.cardNo)} ${b(c.printed)}`);
  for (const c of st.bad) lines.push(`B ${o(c.idCode)} ${o(c.ssn)} ${o(c.cardNo)} ${b(c.printed)}`);
  writeFileSync(file, iconv.encode(lines.join('\n') + '\n', 'gb18030'));
}

/** Sets faults on demand, keeping the rest of the state. */
export function setStubFaults(file: string, faults: Partial<StubFaults>): void {
  const st = readStub(file);
  writeStub(file, { ...st, faults: { ...st.faults, ...faults } });
}
