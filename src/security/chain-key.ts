/**
 * The key of the ledger's seal chain (issue 18): derived from the `<ledger>.key` file that
 * already holds the PIN pepper, readable by the service account only. Whoever can write the
 * ledger file but cannot read this key cannot make a seal link that verifies.
 */
import { createHmac, hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { pepperPath, readPepper } from './pepper-file.ts';

export type ChainKey = { readonly key: Buffer; readonly id: string };

/** A key of its own for the chain, never the pepper itself: one secret, two uses kept apart. */
export function chainKeyFromPepper(pepper: Buffer): ChainKey {
  const key = createHmac('sha256', pepper).update('sbk ledger seal chain v1').digest();
  return { key, id: hash('sha256', Buffer.concat([Buffer.from('sbk key id\n'), key]), 'hex').slice(0, 16) };
}

/** The chain key of this ledger, or null when its key file is missing or unreadable. */
export function chainKeyFor(ledgerPath: string): ChainKey | null {
  if (!existsSync(pepperPath(ledgerPath))) return null;
  try {
    return chainKeyFromPepper(readPepper(ledgerPath));
  } catch {
    return null;
  }
}
