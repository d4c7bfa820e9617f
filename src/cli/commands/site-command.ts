import type { Argv } from 'yargs';
import { listSites } from '../../../db/sites-repo.ts';
import { emit, type Out } from '../cli-io.ts';
import { withLedger, type GlobalArgs } from '../cli-context.ts';

const KIND_LABELS: Record<string, string> = {
  province: '省卡管中心',
  city_centre: '市卡管中心',
  county: '县（市、区）',
  service_office: '经办网点',
  bank_branch: '银行网点',
};

export function siteCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('site', '网点', (c) =>
    c
      .command(
        'list',
        '列出台账中的全部网点',
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
            emit(out(), rows, () => rows.map((r) => `${r.code.padEnd(11)} ${KIND_LABELS[r.kind] ?? r.kind}\t${r.name}${r.parent ? `\t上级 ${r.parent}` : ''}`).join('\n'));
          }),
      )
      .demandCommand(1, '请指定子命令：sbk site list'),
  );
}
