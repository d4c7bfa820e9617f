/**
 * A connection to the replica: a PostgreSQL URL (postgres://user@host/db?sslmode=require, or a
 * unix socket: postgres:///db?host=/run/postgresql). The password comes from the URL or, better,
 * PGPASSWORD / ~/.pgpass; a URL is never printed. A connection that dies (a server restart) is
 * told through `onLost` instead of crashing the process.
 */
import pg from 'pg';
import { SbkError } from '../../src/domain/errors.ts';

export type { Client } from 'pg';

export async function connectReplica(url: string, onLost?: (e: Error) => void): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, application_name: 'sbk' });
  c.on('error', (e: Error) => onLost?.(e));
  try {
    await c.connect();
  } catch (e) {
    await c.end().catch(() => undefined);
    throw new SbkError('REPLICA_UNREACHABLE', { host: hostOf(url), why: (e as Error).message });
  }
  return c;
}

/** The server named without its password (for messages). */
export function hostOf(url: string): string {
  try {
    const u = new URL(url);
    const socket = u.searchParams.get('host');
    return `${socket ?? u.host}${u.pathname}`;
  } catch {
    return '?';
  }
}

/**
 * Whether an error is the network or the server going away, or a deadlock the server broke by
 * rolling this shipment back (two first copies into a new replica's empty mirrors): worth a retry, not a refusal.
 */
export function isConnectionError(e: unknown): boolean {
  if (e instanceof SbkError) return e.code === 'REPLICA_UNREACHABLE';
  const code = (e as { code?: string }).code ?? '';
  const msg = (e as Error).message ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08003', '08001', '40P01'].includes(code) ||
    /Connection terminated|not queryable|terminating connection|Client has encountered a connection error/i.test(msg)
  );
}
