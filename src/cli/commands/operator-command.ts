import type { Argv } from 'yargs';
import { addOperator, changePin, operatorList, unlock, ROLES } from '../../workflows/operators.ts';
import { ROLE_LABELS } from '../../workflows/authenticate.ts';
import type { Role } from '../../../db/operators-repo.ts';
import { readPin } from '../read-pin.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';

export function operatorCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('operator', '操作员账号', (c) =>
    c
      .command(
        'add',
        '新增实名操作员（管理员）；新操作员的密码取自 $SBK_NEW_PIN 或提示输入',
        (cc) =>
          cc
            .option('id', { type: 'string', demandOption: true, describe: '工号' })
            .option('name', { type: 'string', demandOption: true, describe: '真实姓名' })
            .option('role', { choices: ROLES, demandOption: true, describe: '角色' })
            .option('site', { type: 'string', demandOption: true, describe: '所属网点编码' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const pin = await readPin(`新操作员 ${argv.id} 的密码（6-12 位数字）：`, 'SBK_NEW_PIN');
            const id = addOperator(ledger, actor, { login: argv.id, name: argv.name, role: argv.role as Role, siteCode: argv.site, pin });
            emit(out(), { id, login: argv.id, name: argv.name, role: argv.role, site: argv.site }, () => `已新增操作员 ${argv.name}（${argv.id}，${ROLE_LABELS[argv.role as Role]}）。`);
          }),
      )
      .command(
        'list',
        '列出操作员（主管及以上）',
        (cc) => cc,
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const rows = operatorList(ledger, actor).map((r) => ({ ...r, locked: r.lockedAt != null }));
            emit(out(), rows, () =>
              rows.map((r) => `${r.login.padEnd(12)} ${r.name}\t${ROLE_LABELS[r.role]}\t${r.siteCode} ${r.siteName}${r.locked ? '\t已锁定' : ''}`).join('\n'),
            );
          }),
      )
      .command(
        'unlock <id>',
        '解锁因连续输错密码而锁定的账号（主管）',
        (cc) => cc.positional('id', { type: 'string', demandOption: true }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            unlock(ledger, actor, argv.id);
            emit(out(), { unlocked: argv.id }, () => `已解锁 ${argv.id}。`);
          }),
      )
      .command(
        'passwd [id]',
        '修改本人密码；管理员可重置他人密码。新密码取自 $SBK_NEW_PIN 或提示输入',
        (cc) => cc.positional('id', { type: 'string' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const self = !argv.id || argv.id === actor.login;
            const newPin = await readPin('新密码（6-12 位数字）：', 'SBK_NEW_PIN');
            // The actor just typed the current PIN to log in: that is the old PIN for a self-change.
            const oldPin = self ? await readPin('再次输入原密码：') : undefined;
            changePin(ledger, actor, { login: argv.id, oldPin, newPin });
            emit(out(), { changed: argv.id ?? actor.login }, () => `已修改 ${argv.id ?? actor.login} 的密码。`);
          }),
      )
      .demandCommand(1, '请指定子命令：add、list、unlock 或 passwd'),
  );
}
