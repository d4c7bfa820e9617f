/**
 * Card states written into SQL text, from the state machine's named sets
 * (src/domain/card-states.ts) instead of a second copy of them in a query.
 *
 * As constants, not bound parameters: SQLite uses a partial index only when the query repeats
 * the index's WHERE clause term for term (cards_overdue_list_ix: `state in ('in_stock',
 * 'agent_held')`, db/migrations/0013), and a parameter is not the constant it has to match. The
 * text is made once, where a query module is loaded, so a query costs nothing more than before.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CardState } from '../src/domain/card-states.ts';

/** A state name is an identifier; anything else would not be a state and must not reach SQL. */
function quoted(state: CardState): string {
  if (!/^[a-z_]+$/.test(state)) throw new Error(`db/state-sql.ts: not a card state: ${JSON.stringify(state)}`);
  return `'${state}'`;
}

/** `'in_stock'`: one state as an SQL constant. */
export function stateLiteral(state: CardState): SQL {
  return sql.raw(quoted(state));
}

/** `('in_stock', 'agent_held')`: the states in the set's order, for `column in …`. */
export function stateList(states: readonly CardState[]): SQL {
  if (states.length === 0) throw new Error('db/state-sql.ts: an empty state list matches nothing');
  return sql.raw(`(${states.map(quoted).join(', ')})`);
}
