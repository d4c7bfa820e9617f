import type { Argv } from 'yargs';
import { initLedger } from '../../workflows/init-ledger.ts';
import { resolveLedgerPath } from '../../workflows/ledger-path.ts';
import { closeLedger } from '../../../db/open-ledger.ts';
import { readPin } from '../read-pin.ts';
import { emit, type Out } from '../cli-io.ts';
import type { GlobalArgs } from '../cli-context.ts';

export function initCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'init',
    '建立新台账：指定本市卡管中心（或其下级）网点，并设第一位管理员',
    (c) =>
      c
        .option('site', { type: 'string', demandOption: true, describe: '台账覆盖的网点编码，如 420100（武汉市）' })
        .option('admin', { type: 'string', demandOption: true, describe: '管理员工号' })
        .option('name', { type: 'string', demandOption: true, describe: '管理员真实姓名' })
        .option('profile', { choices: ['guangdong', 'hubei'] as const, describe: '逾期与回收规则（默认按省份：42 开头为湖北，其余为广东）' }),
    async (argv) => {
      const pin = await readPin(`管理员 ${argv.admin} 的密码（6-12 位数字）：`);
      const { ledger, siteCount } = initLedger({
        path: resolveLedgerPath(argv.db),
        siteCode: argv.site,
        admin: { login: argv.admin, name: argv.name, pin },
        ...(argv.profile ? { ruleProfile: argv.profile } : {}),
      });
      const path = ledger.path;
      closeLedger(ledger);
      emit(out(), { path, site: argv.site, sites: siteCount, admin: argv.admin }, () => `已建立台账 ${path}：${siteCount} 个网点，管理员 ${argv.name}（${argv.admin}）。`);
    },
  );
}
