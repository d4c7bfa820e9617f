/**
 * A full copy reads the typed columns of a plain row straight off its text (plainTail); any row
 * it declines is typed by parsing (parsedTail, the rule every other change follows). Wherever the
 * fast way answers, it must answer exactly as the parsing way: rows made by SQLite's json_array.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parsedTail, plainTail, type PgType } from '../../db/pg/mirror-tables.ts';

const TYPES: PgType[] = ['bigint', 'text', 'bigint', 'text', 'double precision'];

describe('full copy: typed columns off the row text', () => {
  it('agrees with parsing on every row it answers, and answers the plain ones', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (a INTEGER, b TEXT, c INTEGER, d TEXT, e REAL)');
    const ins = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?)');
    const values: unknown[] = [
      null, 0, 1, -1, 42, 123456789012345, -123456789012345, 1234567890123456, 9007199254740993n, -9223372036854775808n,
      1.5, -0.25, 1e21, 2.0, '', 'x', 'a,b', '[1]', 'null', '12', '-7', '007', 'é字', 'a"b', 'a\\b', 'tab\there', 'new\nline', 'cr\rx', 'nul\u0000x', ' 5',
    ];
    let seed = 7;
    const pick = () => values[(seed = (seed * 1103515245 + 12345) % 2147483648) % values.length];
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) ins.run(pick(), pick(), pick(), pick(), i % 3 === 0 ? null : pick());
      ins.run(1, 'plain', 2, null, null);
    })();
    let answered = 0;
    for (const row of db.prepare('SELECT json_array(a, b, c, d, e) FROM t').pluck().iterate() as IterableIterator<string>) {
      const fast = /[\\\u0000]/.test(row) ? null : plainTail(row, TYPES); // as copyLine asks it: plain rows only
      if (fast === null) continue;
      answered += 1;
      expect(fast, row).toBe(parsedTail(row, TYPES));
    }
    expect(answered).toBeGreaterThan(10);
    expect(plainTail('[1,"plain",2,null,null]', TYPES)).toBe('\t1\tplain\t2\t\\N\t\\N');
    // Not such an array, or not plain: declined.
    for (const odd of ['[1,"a",2,"b"]', '[1,"a",2,"b",null,3]', '[1, "a",2,"b",null]', '{}', '[01,"a",2,"b",null]', '[1,"a",2,"b",1.5]', '["1","a",2,"b",null]'])
      expect(plainTail(odd, TYPES), odd).toBeNull();
    expect(plainTail('[]', [])).toBe('');
  });
});
