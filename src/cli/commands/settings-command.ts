/**
 * `sbk settings`: the settings an administrator may change (transit warning days, …), listed
 * by anyone, changed by an admin only (every change goes to the audit log).
 */
import type { Argv } from 'yargs';
import { changeSetting, listSettings } from '../../workflows/settings.ts';
import { adminText } from '../../i18n/cli/admin.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withLedger, type GlobalArgs } from '../cli-context.ts';

const t = adminText.settings;

export function settingsCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'settings',
    t.describe,
    (c) =>
      c.command(
        'set <key> <value>',
        t.set.describe,
        (cc) => cc.positional('key', { type: 'string', demandOption: true, describe: t.set.key }).positional('value', { type: 'string', demandOption: true, describe: t.set.value }),
        (argv) =>
          withActor(argv, (ledger, actor) => {
            changeSetting(ledger, actor, argv.key, String(argv.value));
            const s = listSettings(ledger).find((x) => x.key === argv.key)!;
            emit(out(), s, () => t.set.done(s));
          }),
      ),
    (argv) =>
      withLedger(argv, (ledger) => {
        const rows = listSettings(ledger);
        emit(out(), rows, () => rows.map((s) => `${s.key}  ${s.value}${s.isDefault ? t.default : ''}  ${s.label}`).join('\n'));
      }),
  );
}
