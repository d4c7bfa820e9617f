/**
 * `sbk settings`: the settings an administrator may change (transit warning days, …), listed
 * by anyone, changed by an admin only (every change goes to the audit log).
 */
import type { Argv } from 'yargs';
import { changeSetting, listSettings } from '../../workflows/settings.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';

export function settingsCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'settings',
    '设置：列出全部（settings set 键 值 修改，须管理员）',
    (c) =>
      c.command(
        'set <key> <value>',
        '修改一项设置（管理员），如 sbk settings set transit-warning-days 3',
        (cc) => cc.positional('key', { type: 'string', demandOption: true, describe: '设置名' }).positional('value', { type: 'string', demandOption: true, describe: '新值' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            changeSetting(ledger, actor, argv.key, String(argv.value));
            const s = listSettings(ledger).find((x) => x.key === argv.key)!;
            emit(out(), s, () => `已修改：${s.label}（${s.key}）= ${s.value}`);
          }),
      ),
    (argv) =>
      withLedger(argv, (ledger) => {
        const rows = listSettings(ledger);
        emit(out(), rows, () => rows.map((s) => `${s.key}  ${s.value}${s.isDefault ? '（默认）' : ''}  ${s.label}`).join('\n'));
      }),
  );
}
