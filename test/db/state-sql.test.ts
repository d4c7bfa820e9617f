import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { RECALLABLE_STATES, type CardState } from '../../src/domain/card-states.ts';
import { stateList, stateLiteral } from '../../db/state-sql.ts';

const text = (q: ReturnType<typeof sql>) => new SQLiteSyncDialect().sqlToQuery(q);

describe('card states in SQL text', () => {
  it('are constants, not parameters', () => {
    expect(text(sql`state in ${stateList(['in_stock', 'recalled'])} or state = ${stateLiteral('issued')}`)).toEqual({
      sql: "state in ('in_stock', 'recalled') or state = 'issued'",
      params: [],
    });
  });

  it('render the recallable states as the partial overdue index was made with, so SQLite can use it', () => {
    const migration = readFileSync(join(import.meta.dirname, '../../db/migrations/0013_overdue_list_index.sql'), 'utf8');
    expect(migration).toContain(`"cards"."state" in ${text(sql`${stateList(RECALLABLE_STATES)}`).sql}`);
  });

  it('refuse what is not a state name, and an empty list', () => {
    expect(() => stateList(["x') or 1=1 --" as CardState])).toThrow();
    expect(() => stateList([])).toThrow();
  });
});
