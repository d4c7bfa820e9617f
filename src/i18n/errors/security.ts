import type { ErrorTextTable } from '../error-text-table.ts';

/**
 * Error messages raised in `src/security/`, by key. A key is the error's code, or `CODE.variant`
 * where one code has several texts. Parameters are typed; rule figures come in as parameters.
 */
const RESTORE = '请从备份恢复该文件（它与台账一同备份），或联系系统管理员。';

export const securityErrors = {
  PEPPER_MISSING: (p: { path: string }) => `找不到密钥文件 ${p.path}，无法核对密码。${RESTORE}`,
  PEPPER_INVALID: (p: { path: string }) => `密钥文件 ${p.path} 已损坏或无法读取，无法核对密码。${RESTORE}`,
  PIN_FORMAT: (p: { min: number; max: number }) => `密码须为 ${p.min} 至 ${p.max} 位数字。`,
  PIN_TOO_SIMPLE: () => '密码过于简单（连续或重复数字），请换一个。',
  FILE_IS_SYMLINK: (p: { path: string }) => `${p.path} 是一个符号链接，为防止覆盖其他文件，不向它写入。请删除该链接或换一个路径再试。`,
  FILE_UNWRITABLE: (p: { path: string; why: string }) => `无法写入文件 ${p.path}（${p.why}）。请检查文件夹是否存在、是否有写权限，或换一个路径再试。`,
} as const satisfies ErrorTextTable;
