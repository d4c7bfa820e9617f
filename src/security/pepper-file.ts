import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { SbkError } from '../domain/errors.ts';

/** The pepper sits beside the ledger as `<ledger>.key`, readable by its owner only. */
export function pepperPath(ledgerPath: string): string {
  return `${ledgerPath}.key`;
}

export function createPepper(ledgerPath: string): Buffer {
  const path = pepperPath(ledgerPath);
  if (existsSync(path)) return readPepper(ledgerPath);
  const pepper = randomBytes(32);
  writeFileSync(path, pepper.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return pepper;
}

export function readPepper(ledgerPath: string): Buffer {
  const path = pepperPath(ledgerPath);
  if (!existsSync(path)) {
    throw new SbkError('PEPPER_MISSING', `找不到密钥文件 ${path}，无法核对密码。请从备份恢复该文件（它与台账一同备份），或联系系统管理员。`, {
      path,
    });
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
}
