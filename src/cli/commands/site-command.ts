import type { Argv } from 'yargs';
import { listSites } from '../../../db/sites-repo.ts';
import { adminText } from '../../i18n/cli/admin.ts';
import { emit, type Out } from '../cli-io.ts';
import { withLedger, type GlobalArgs } from '../cli-context.ts';

const t = adminText.site;

export function siteCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('site', t.describe, (c) =>
    c
      .command(
        'list',
        t.list,
        (cc) => cc,
        (argv) =>
          withLedger(argv, (ledger) => {
            const all = listSites(ledger.db);
            const byId = new Map(all.map((s) => [s.id, s.code]));
            const rows = all.map((s) => ({
              code: s.code,
              name: s.name,
              kind: s.kind,
              regionCode: s.regionCode,
              parent: s.parentId ? byId.get(s.parentId) ?? null : null,
              inScope: s.inScope,
            }));
            emit(out(), rows, () => rows.map((r) => `${r.code.padEnd(11)} ${t.kinds[r.kind] ?? r.kind}\t${r.name}${r.parent ? `\t${t.parent({ code: r.parent })}` : ''}`).join('\n'));
          }),
      )
      .demandCommand(1, t.demand),
  );
}
