/**
 * The `sbk` command line. Every command is a thin shell over a workflow that the console uses
 * too; this file only wires them to yargs and turns errors into exit codes.
 */
import yargs, { type Argv } from 'yargs';
import { outFor, type GlobalArgs } from './cli-context.ts';
import { reportError, stdio } from './cli-io.ts';
import { initCommand } from './commands/init-command.ts';
import { demoCommand } from './commands/demo-command.ts';
import { siteCommand } from './commands/site-command.ts';
import { operatorCommand } from './commands/operator-command.ts';
import { stockCommand } from './commands/stock-command.ts';
import { cardCommand } from './commands/card-command.ts';
import { verifyCommand } from './commands/verify-command.ts';
import { consoleCommand } from './commands/console-command.ts';
import { importCommand } from './commands/import-command.ts';
import { discrepancyCommand } from './commands/discrepancy-command.ts';
import { shipCommand } from './commands/ship-command.ts';
import { registerCommand } from './commands/register-command.ts';
import { settingsCommand } from './commands/settings-command.ts';
import { issueCommand } from './commands/issue-command.ts';
import { pickupCommand } from './commands/pickup-command.ts';
import { overdueCommand } from './commands/overdue-command.ts';
import { recallCommand } from './commands/recall-command.ts';
import { countCommand, prefabCommand } from './commands/count-command.ts';
import { instantCommand } from './commands/instant-command.ts';
import { devicesCommand } from './commands/devices-command.ts';

export async function main(args: string[]): Promise<number> {
  let exitCode = 0;
  let json = args.includes('--json');
  const out = () => stdio(json);
  const parser: Argv<GlobalArgs> = yargs(args)
    .scriptName('sbk')
    .locale('zh_CN')
    .usage('社保卡库存与发放控制台\n\n用法：$0 [命令] [选项]（不带命令则打开控制台）')
    .option('db', { type: 'string', global: true, describe: '台账文件（默认 $SBK_DB，否则 ~/.local/share/sbk/ledger.db）' })
    .option('json', { type: 'boolean', global: true, describe: '以 JSON 输出' })
    .option('operator', { type: 'string', global: true, describe: '操作员工号（默认 $SBK_OPERATOR）；密码取自 $SBK_PIN 或提示输入' })
    .middleware((argv) => {
      json = Boolean(argv.json);
    })
    .strict()
    .help('help')
    .alias('help', 'h')
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 80))
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
  consoleCommand(parser);
  initCommand(parser, out);
  demoCommand(parser, out);
  siteCommand(parser, out);
  operatorCommand(parser, out);
  stockCommand(parser, out);
  cardCommand(parser, out);
  verifyCommand(parser, out, (c) => (exitCode = c));
  importCommand(parser, out, (c) => (exitCode = c));
  discrepancyCommand(parser, out);
  shipCommand(parser, out);
  registerCommand(parser, out);
  settingsCommand(parser, out);
  issueCommand(parser, out);
  pickupCommand(parser, out);
  overdueCommand(parser, out);
  recallCommand(parser, out);
  countCommand(parser, out);
  prefabCommand(parser, out);
  instantCommand(parser, out, (c) => (exitCode = c));
  devicesCommand(parser, out);
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) {
      const o = outFor({ json });
      if (json) o.write(JSON.stringify({ error: { code: 'USAGE', message: e.message } }));
      else o.error(`用法错误：${e.message}\n运行 sbk --help 查看全部命令。`);
      return 2;
    }
    return reportError(out(), e);
  }
  return exitCode;
}

class UsageError extends Error {}
