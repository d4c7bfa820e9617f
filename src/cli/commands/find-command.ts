/**
 * `sbk find`: the cards waiting to be issued that match a scanned card number, a holder's ID
 * number or name (names only within the operator's site and those under it; IDs masked).
 */
import type { Argv } from 'yargs';
import { findForIssue, type IssueCandidate } from '../../workflows/issue-card.ts';
import { idDocTypeOrThrow } from '../../workflows/id-check-error.ts';
import { textTable } from '../../text/text-table.ts';
import { issueText } from '../../i18n/cli/issue.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { maxOf } from '../../text/max-of.ts';

const t = issueText.find;

function findText(rows: readonly IssueCandidate[]): string {
  const blocked = rows.filter((r) => r.blocked);
  const table = textTable(
    [
      { header: cliCommon.columns.cardNo, min: maxOf(rows, (r) => r.cardNo.length) },
      { header: cliCommon.columns.holder },
      { header: cliCommon.columns.idNumber, min: 18 },
      { header: cliCommon.columns.state },
      { header: t.columns.site },
      { header: t.columns.issuable },
    ],
    rows.map((r) => [r.cardNo, r.holderName ?? '-', r.holderIdMasked ?? '-', r.stateLabel, r.siteName, r.blocked ? t.cannot : t.can]),
    100,
  );
  return [...table, ...(blocked.length > 0 ? ['', t.whyNot, ...blocked.map((r) => t.blocked({ cardNo: r.cardNo, why: r.blocked ?? '' }))] : [])].join('\n');
}

export function findCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'find <query>',
    t.describe,
    (c) => c.positional('query', { type: 'string', demandOption: true, describe: t.query }).option('id-type', { type: 'string', describe: t.idType }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const idType = argv['id-type'] === undefined ? undefined : idDocTypeOrThrow(null, argv['id-type']);
        const rows = findForIssue(ledger, actor, argv.query, ledger.now(), { idType });
        emit(out(), rows, () => findText(rows));
      }),
  );
}
