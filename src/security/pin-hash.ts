/**
 * PINs are stored as scrypt(HMAC(pepper, pin)) with a per-PIN salt. The pepper lives in a file
 * beside the ledger, not in it, so a copied ledger file alone cannot be brute-forced offline
 * (ENGINEERING.md §4). Parameters are stored with each hash so they can be raised later.
 */
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { SbkError } from '../domain/errors.ts';

// ≈140 ms on this hardware: cheap for one login, costly for a guesser. N = 2^15 with p = 2 is
// OWASP's equal-cost alternative to 2^16 with p = 1 at half the memory (32 MiB): a login must
// not by itself push the import's process past its 150 MB goal (issue 18). Hashes made with
// the older parameters carry them and still verify.
const LOG2N = 15;
const R = 8;
const P = 2;
const KEYLEN = 32;

const PIN_MIN = 6;
const PIN_MAX = 12;
export const PIN_RULE = new RegExp(`^\\d{${PIN_MIN},${PIN_MAX}}$`);

export function checkPinFormat(pin: string): void {
  if (!PIN_RULE.test(pin)) {
    throw new SbkError('PIN_FORMAT', { min: PIN_MIN, max: PIN_MAX });
  }
  if (/^(\d)\1+$/.test(pin) || '0123456789012'.includes(pin) || '9876543210987'.includes(pin)) {
    throw new SbkError('PIN_TOO_SIMPLE');
  }
}

function derive(pin: string, pepper: Buffer, salt: Buffer, log2n: number, r: number, p: number): Buffer {
  const peppered = createHmac('sha256', pepper).update(pin, 'utf8').digest();
  return scryptSync(peppered, salt, KEYLEN, { N: 2 ** log2n, r, p, maxmem: 256 * 1024 * 1024 });
}

export function hashPin(pin: string, pepper: Buffer): string {
  const salt = randomBytes(16);
  const key = derive(pin, pepper, salt, LOG2N, R, P);
  return ['scrypt', LOG2N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export function verifyPin(pin: string, stored: string, pepper: Buffer): boolean {
  const [alg, log2n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !log2n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = derive(pin, pepper, Buffer.from(salt, 'base64'), Number(log2n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
