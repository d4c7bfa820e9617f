import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { SbkError } from '../domain/errors.ts';

const PEPPER_BYTES = 32;

/** The pepper sits beside the ledger as `<ledger>.key`, readable by its owner only. */
export function pepperPath(ledgerPath: string): string {
  return `${ledgerPath}.key`;
}

export function createPepper(ledgerPath: string): Buffer {
  const path = pepperPath(ledgerPath);
  if (existsSync(path)) return readPepper(ledgerPath);
  const pepper = randomBytes(PEPPER_BYTES);
  writeFileSync(path, pepper.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return pepper;
}

export function readPepper(ledgerPath: string): Buffer {
  const path = pepperPath(ledgerPath);
  if (!existsSync(path)) {
    throw new SbkError('PEPPER_MISSING', { path });
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    text = ''; // unreadable (a directory, no permission): refused below like a damaged key
  }
  const pepper = Buffer.from(text, 'base64');
  // A truncated or edited key would make every PIN look wrong, and each try would count towards
  // the lockout: a damaged key file is reported as such, before any PIN is checked.
  if (pepper.length !== PEPPER_BYTES || pepper.toString('base64') !== text) {
    throw new SbkError('PEPPER_INVALID', { path });
  }
  return pepper;
}
