/**
 * Every error text an operator can meet, by key: the one place the CLI, the console, receipts
 * and logs get an error's words from. A key is the error's stable code (`CARD_NOT_FOUND`), or
 * `CODE.variant` where one code is said in several ways; the code is what `--json`, logs and
 * tests see. Split by the area that raises them; a key lives in exactly one area (a test checks).
 */
import { domainErrors } from './errors/domain.ts';
import { counterWorkflowErrors } from './errors/workflows-counter.ts';
import { custodyWorkflowErrors } from './errors/workflows-custody.ts';
import { cliErrors } from './errors/cli.ts';
import { ledgerErrors } from './errors/db.ts';
import { driverErrors } from './errors/drivers.ts';
import { consoleErrors } from './errors/console.ts';
import { securityErrors } from './errors/security.ts';
import { replicationErrors } from './errors/replication.ts';

export const ERROR_AREAS = {
  domain: domainErrors,
  'workflows-counter': counterWorkflowErrors,
  'workflows-custody': custodyWorkflowErrors,
  cli: cliErrors,
  db: ledgerErrors,
  drivers: driverErrors,
  console: consoleErrors,
  security: securityErrors,
  replication: replicationErrors,
} as const;

export const ERROR_MESSAGES = {
  ...domainErrors,
  ...counterWorkflowErrors,
  ...custodyWorkflowErrors,
  ...cliErrors,
  ...ledgerErrors,
  ...driverErrors,
  ...consoleErrors,
  ...securityErrors,
  ...replicationErrors,
} as const;

type Messages = typeof ERROR_MESSAGES;
export type ErrorKey = keyof Messages & string;
/** The parameters key `K`'s text takes; `undefined` for a text without any. */
export type ErrorParams<K extends ErrorKey> = Parameters<Messages[K]> extends [] ? undefined : Parameters<Messages[K]>[0];
/** `CARD_NOT_HERE.shipment` → `CARD_NOT_HERE`. */
export type ErrorCodeOf<K extends string> = K extends `${infer C}.${string}` ? C : K;

export function errorCodeOf(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

export function isErrorKey(key: string): key is ErrorKey {
  return Object.hasOwn(ERROR_MESSAGES, key);
}

/** The operator-facing text of error `key` with `params`. */
export function errorText<K extends ErrorKey>(key: K, params: ErrorParams<K>): string {
  const render = ERROR_MESSAGES[key] as (p: ErrorParams<K>) => string;
  return render(params);
}
