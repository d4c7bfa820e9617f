/**
 * The state machine answers the questions (src/domain/card-states.ts): which states allow a move,
 * which states a query lists. Nothing else restates them: a card-state name compared with a
 * state, listed in an array of states, or written into a SQL condition outside the state module
 * and the schema is a second copy of a rule that will drift.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { lineOf, places, productSources, visit } from './product-sources.ts';
import { FINISHED_STATES, PREFAB_STATES } from '../../src/domain/card-states.ts';

const STATES = new Set<string>([...FINISHED_STATES, ...PREFAB_STATES]);
const ALLOWED = new Set(['src/domain/card-states.ts', 'db/schema.ts']);
const STATE_EXPR = /(^|\.)(card)?state$|^(card)?state$|State\)?$/i;
const SQL_STATE = new RegExp(`state\\s*(=|<>|!=|IN\\s*\\()\\s*'(${[...STATES].join('|')})'`, 'i');

const isStateName = (n: ts.Node): n is ts.StringLiteral => ts.isStringLiteral(n) && STATES.has(n.text);

describe('card-state rules live in the state machine', () => {
  it('no raw card-state literal in a comparison, a list of states or SQL outside card-states.ts and the schema', () => {
    const found: { path: string; line: number; text: string }[] = [];
    for (const src of productSources()) {
      if (ALLOWED.has(src.path)) continue;
      const hit = (n: ts.Node) => found.push({ path: src.path, line: lineOf(src, n), text: n.getText(src.file).slice(0, 70) });
      visit(src.file, (n) => {
        // x.state === 'in_stock', eq(cards.state, 'in_stock')
        if (ts.isBinaryExpression(n) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(n.operatorToken.kind)) {
          const [lit, other] = isStateName(n.right) ? [n.right, n.left] : isStateName(n.left) ? [n.left, n.right] : [null, null];
          if (lit && other && STATE_EXPR.test(other.getText(src.file))) hit(n);
        }
        if (ts.isCallExpression(n) && ['eq', 'ne'].includes(n.expression.getText(src.file)) && n.arguments.some(isStateName)) hit(n);
        // case 'in_stock': under switch (x.state)
        if (ts.isCaseClause(n) && isStateName(n.expression) && ts.isSwitchStatement(n.parent.parent) && STATE_EXPR.test(n.parent.parent.expression.getText(src.file))) hit(n);
        // ['in_stock', 'recalled']: a list of states is a rule
        if (ts.isArrayLiteralExpression(n) && n.elements.length >= 2 && n.elements.every(isStateName)) hit(n);
        // sql`… state = 'in_stock' …` and SQL in strings
        if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) && SQL_STATE.test(n.text)) hit(n);
      });
    }
    expect(found.length, `card states restated outside the state machine:\n${places(found)}`).toBe(0);
  });
});
