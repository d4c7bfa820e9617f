/**
 * The import reads its file in chunks (issue 18): lines split across chunk boundaries (a GB18030
 * character, a CRLF), a problem in any chunk rolls back what earlier chunks wrote, and problems
 * in different chunks are all reported on their lines.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { IMPORT_CHUNK_ROWS, importMakerFile } from '../../src/workflows/import-maker-file.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { syntheticMakerRows, writeMakerFile } from '../../src/domain/maker-file-writer.ts';
import { decodeMakerFile } from '../../src/domain/decode-text.ts';
import { bytesSource, makerLines, sniffEncoding } from '../../src/domain/maker-file-lines.ts';
import { openImportKeys } from '../../db/import-keys.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { ADMIN, freshLedger } from '../helpers/temp-ledger.ts';

const dir = fileURLToPath(new URL('../../fixtures/maker-files/', import.meta.url));
const fixture = (batch: string) => {
  const name = readdirSync(dir).find((f) => f.startsWith('CPKCG') && f.includes(`_${batch}_`))!;
  return { fileName: name, bytes: readFileSync(join(dir, name)), otherCity: true };
};

function setup() {
  const f = freshLedger();
  return { ...f, admin: authenticate(f.ledger, ADMIN.login, ADMIN.pin) };
}

const counts = (l: ReturnType<typeof setup>['ledger']) =>
  l.sqlite.prepare('SELECT (SELECT count(*) FROM cards) c, (SELECT count(*) FROM movements) m, (SELECT count(*) FROM imports) i, (SELECT count(*) FROM operations) o, (SELECT count(*) FROM batches) b').get();

const wholeLines = (bytes: Uint8Array) => decodeMakerFile(bytes).text.split(/\r\n|\r|\n/);

describe('maker file lines read in chunks', () => {
  const gb = fixture('2026110002').bytes;
  const crlf = new TextEncoder().encode('3\r\n序号,a\r\n张三,1\r\r\n\r李四\n王[CHUI]\r');
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('2\n张,1\r\n')]);

  it('a GB18030 character, a CRLF and a BOM straddling a chunk boundary split as the whole text does', () => {
    for (const [what, bytes, encoding] of [['gb18030', gb, 'gb18030'], ['crlf', crlf, 'utf-8'], ['bom', bom, 'utf-8']] as const) {
      const want = wholeLines(bytes);
      for (let size = 1; size <= 17; size++) {
        const src = bytesSource(bytes, size);
        const enc = sniffEncoding(src);
        expect(enc, `${what} in chunks of ${size}`).toEqual({ encoding, bom: what === 'bom' });
        expect([...makerLines(src, enc)], `${what} in chunks of ${size}`).toEqual(want);
      }
    }
    // The GB18030 fixture really has two-byte characters to cut through.
    expect(gb.some((b) => b >= 0x81)).toBe(true);
  });

  it('a GB18030 file read 7 bytes at a time imports like the file in one piece', () => {
    const a = setup();
    const f = fixture('2026110002');
    const r = importMakerFile(a.ledger, a.admin, { fileName: f.fileName, source: bytesSource(f.bytes, 7), otherCity: true });
    expect(r).toMatchObject({ status: 'imported', encoding: 'gb18030', rows: 20, registered: 20 });
    const b = setup();
    importMakerFile(b.ledger, b.admin, f);
    const names = (l: typeof a.ledger) => l.sqlite.prepare('SELECT name FROM holders ORDER BY id').all();
    expect(names(a.ledger)).toEqual(names(b.ledger));
    expect(verifyLedger(a.ledger).ok).toBe(true);
  });
});

describe('an import across several chunks of rows', () => {
  const N = IMPORT_CHUNK_ROWS * 2 + 500;
  const fields = { bank: '中国工商银行', cityBody: '武汉市社会保险卡管理中心', batch: 'YZ2026120701', maker: '金邦达', bankCode: '102521000013', time: '20261207090000' };
  const file = (edit: (lines: string[]) => void) => {
    const w = writeMakerFile('prefab', fields, syntheticMakerRows('prefab', N, 7, { cardPrefix: 'S7', boxSize: 500 }));
    const lines = w.text.split('\n');
    edit(lines);
    return { fileName: w.fileName, bytes: new TextEncoder().encode(lines.join('\n')) };
  };
  /** Breaks the bank card number's check digit on a physical line (1-based). */
  const badLuhn = (lines: string[], line: number) => {
    const f = lines[line - 1]!.split(',');
    f[9] = f[9]!.slice(0, -1) + String((Number(f[9]!.slice(-1)) + 1) % 10);
    lines[line - 1] = f.join(',');
  };

  it('a problem on the last line rolls back every chunk written before it', () => {
    const { ledger, admin } = setup();
    const before = counts(ledger);
    const last = N + 2;
    const r = importMakerFile(ledger, admin, { ...file((l) => badLuhn(l, last)), receive: true });
    expect(r.status).toBe('invalid');
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([[last, '银行卡号']]);
    expect(counts(ledger)).toEqual(before);
    expect(verifyLedger(ledger).ok).toBe(true);
    // The same file fixed imports whole.
    const ok = importMakerFile(ledger, admin, { ...file(() => {}), receive: true });
    expect(ok).toMatchObject({ status: 'imported', registered: N, received: N });
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('problems in different chunks are all reported with their lines; a duplicate names its first line', () => {
    const { ledger, admin } = setup();
    const before = counts(ledger);
    const lines = [5, IMPORT_CHUNK_ROWS + 7, N + 1];
    const dupLine = IMPORT_CHUNK_ROWS * 2 + 3;
    const r = importMakerFile(ledger, admin, {
      ...file((l) => {
        for (const line of lines) badLuhn(l, line);
        // Line dupLine repeats line 4's card number.
        const f = l[dupLine - 1]!.split(',');
        f[1] = l[3]!.split(',')[1]!;
        l[dupLine - 1] = f.join(',');
      }),
      receive: true,
    });
    expect(r.status).toBe('invalid');
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [5, expect.any(String)],
      [IMPORT_CHUNK_ROWS + 7, expect.any(String)],
      [dupLine, 'MAKER_DUPLICATE_CARD'],
      [N + 1, expect.any(String)],
    ]);
    expect(r.errors.find((e) => e.code === 'MAKER_DUPLICATE_CARD')!.message).toContain('4');
    expect(counts(ledger)).toEqual(before);
  });
});

describe('the scratch store of a large file’s duplicate-check values', () => {
  it('answers like a map across flushes to its database', () => {
    const keys = openImportKeys(1000, 7);
    const memory = new Map<string, number>();
    try {
      for (let line = 1; line <= 3000; line++) {
        const value = `V${(line * 7919) % 1700}`;
        const kind = line % 2 === 0 ? 'cardNo' : 'bankCardNo';
        const k = `${kind}:${value}`;
        expect(keys.firstLine(kind, value, line), `line ${line}`).toBe(memory.get(k));
        if (!memory.has(k)) memory.set(k, line);
      }
    } finally {
      keys.close();
    }
  });
});
