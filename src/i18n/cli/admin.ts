/**
 * Running the ledger: `sbk operator` (accounts), `sbk settings` and `sbk site` (the sites it
 * covers): help texts and what they print.
 */
import { cliCommon } from './common.ts';

export const adminText = {
  operator: {
    describe: '操作员账号',
    demand: '请指定子命令：add、list、unlock 或 passwd',
    add: {
      describe: '新增实名操作员（管理员）；新操作员的密码取自 $SBK_NEW_PIN 或提示输入',
      id: '工号',
      name: '真实姓名',
      role: '角色',
      site: '所属网点编码',
      pinPrompt: (p: { login: string }) => `新操作员 ${p.login} 的密码（6-12 位数字）：`,
      done: (p: { name: string; login: string; role: string }) => `已新增操作员 ${p.name}（${p.login}，${p.role}）。`,
    },
    list: {
      describe: '列出操作员（主管及以上）',
      locked: '已锁定',
    },
    unlock: {
      describe: '解锁因连续输错密码而锁定的账号（主管）',
      done: (p: { login: string }) => `已解锁 ${p.login}。`,
    },
    passwd: {
      describe: '修改本人密码；管理员可重置他人密码。新密码取自 $SBK_NEW_PIN 或提示输入',
      newPin: '新密码（6-12 位数字）：',
      oldPin: '再次输入原密码：',
      done: (p: { login: string }) => `已修改 ${p.login} 的密码。`,
    },
  },
  settings: {
    describe: '设置：列出全部（settings set 键 值 修改，须管理员）',
    default: '（默认）',
    set: {
      describe: '修改一项设置（管理员），如 sbk settings set transit-warning-days 3',
      key: '设置名',
      value: '新值',
      done: (p: { label: string; key: string; value: string }) => `已修改：${p.label}（${p.key}）= ${p.value}`,
    },
  },
  site: {
    describe: cliCommon.columns.site,
    demand: '请指定子命令：sbk site list',
    kinds: { province: '省卡管中心', city_centre: '市卡管中心', county: '县（市、区）', service_office: '经办网点', bank_branch: '银行网点' } as Readonly<Record<string, string>>,
    list: '列出台账中的全部网点',
    parent: (p: { code: string }) => `上级 ${p.code}`,
  },
} as const;
