/**
 * Running the ledger: `sbk operator` (accounts), `sbk settings` and `sbk site` (the sites it
 * covers): help texts and what they print.
 */
import { cliCommon } from './common.ts';

export const adminText = {
  operator: {
    describe: '操作员账号',
    demand: '请指定子命令：add、list、unlock、passwd 或 recover',
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
    recover: {
      describe: '恢复被锁定的管理员账号：解锁并设新密码（仅限台账文件所有者即服务账号，无须登录；记入审计日志）。新密码取自 $SBK_NEW_PIN 或提示输入',
      newPin: (p: { login: string }) => `管理员 ${p.login} 的新密码（6-12 位数字）：`,
      done: (p: { login: string }) => `已恢复管理员 ${p.login}：已解锁并设置新密码。`,
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
    demand: '请指定子命令：list、add、edit 或 retire',
    kinds: { province: '省卡管中心', city_centre: '市卡管中心', county: '县（市、区）', service_office: '经办网点', service_point: '乡镇/社区服务点', bank_branch: '银行网点' } as Readonly<Record<string, string>>,
    list: '列出台账中的全部网点',
    parent: (p: { code: string }) => `上级 ${p.code}`,
    retired: '已撤销',
    add: {
      describe: '新增网点（上级网点的管理员）：县区、经办网点、乡镇/社区服务点或银行网点；编码按规则自动编排',
      parent: '上级网点编码',
      kind: '网点类型：county（县区）、service_office（经办网点）、service_point（乡镇/社区服务点）、bank_branch（银行网点）',
      name: '网点名称',
      region: '6 位行政区划代码（默认同上级网点）',
      code: '网点编码（默认按规则取下一个空号）',
      address: '地址',
      phone: '电话',
      bank: '所属银行（银行网点必填）',
      done: (p: { code: string; name: string; kind: string }) => `已新增${p.kind} ${p.code} ${p.name}。`,
    },
    edit: {
      describe: '修改网点名称、地址、电话或所属银行（管理员）',
      code: '网点编码',
      done: (p: { code: string; name: string }) => `已修改网点 ${p.code} ${p.name}。`,
    },
    retire: {
      describe: '撤销网点（管理员）：须无在保管或在途的卡、无下级网点',
      done: (p: { code: string; name: string }) => `已撤销网点 ${p.code} ${p.name}。`,
    },
  },
  place: {
    describe: '网点内的存放位置：保险柜、柜台、卡盒、退回架',
    demand: '请指定子命令：add、list 或 retire',
    site: '网点编码（默认本人所在网点）',
    kinds: { vault: '保险柜', drawer: '柜台', hopper: '卡盒', shelf: '退回架', bank: '服务银行代保管' } as const,
    hopperOf: (p: { printer: string; no: number }) => `制卡机 ${p.printer} 第 ${p.no} 号卡盒`,
    add: {
      describe: '新增存放位置（管理员）：vault 保险柜、drawer 柜台、hopper 制卡机卡盒、shelf 退回架、bank 服务银行代保管（回收卡实物）',
      name: '名称，如 保险柜2、柜台1、制卡机1-卡盒1',
      kind: '类型：vault、drawer、hopper、shelf 或 bank',
      printer: '卡盒所在制卡机的编号（与设备配置 devices.json 中一致）',
      hopperNo: '制卡机上的卡盒号 1-9（默认下一个空号）',
      done: (p: { site: string; name: string; kind: string; printer: string }) => `已在网点 ${p.site} 新增${p.kind}“${p.name}”${p.printer ? `（${p.printer}）` : ''}。`,
    },
    list: {
      describe: '列出网点的存放位置及其中的卡数',
      all: '包括已撤销的',
      held: (p: { count: number }) => `${p.count} 张`,
    },
    retire: {
      describe: '撤销存放位置（管理员）：须已清空',
      done: (p: { site: string; name: string }) => `已撤销网点 ${p.site} 的“${p.name}”。`,
    },
  },
} as const;
