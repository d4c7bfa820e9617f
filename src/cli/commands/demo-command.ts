import type { Argv } from 'yargs';
import { existsSync } from 'node:fs';
import { createDemoLedger, DEMO_OPERATORS } from '../../workflows/demo-ledger.ts';
import { demoLedgerPath } from '../../workflows/ledger-path.ts';
import { closeLedger } from '../../../db/open-ledger.ts';
import { SbkError } from '../../domain/errors.ts';
import { emit, type Out } from '../cli-io.ts';
import type { GlobalArgs } from '../cli-context.ts';

export function demoCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'demo',
    '生成演示台账（武汉市，含模拟数据与演示账号）',
    (c) => c,
    (argv) => {
      const path = demoLedgerPath(argv.db);
      if (existsSync(path)) throw new SbkError('LEDGER_EXISTS', `${path} 已存在。请换一个 --db 路径，或先删除旧的演示台账。`);
      const { ledger, cards, movements } = createDemoLedger(path);
      closeLedger(ledger);
      const operators = DEMO_OPERATORS.map(({ login, name, role, site }) => ({ login, name, role, site }));
      emit(out(), { path, cards, movements, operators }, () =>
        [`已生成演示台账 ${path}：${cards} 张卡，${movements} 条流转记录。`, '演示账号（密码见登录界面）：', ...operators.map((o) => `  ${o.login}  ${o.name}  ${o.role}  ${o.site}`)].join('\n'),
      );
    },
  );
}
