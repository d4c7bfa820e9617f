import type { ErrorTextTable } from '../error-text-table.ts';

/**
 * Error messages raised in src/workflows/ at the counter (intake, check-in, issuance, pickups, discrepancies, alerts, login, demo), by key. A key is the error's code, or `CODE.variant`
 * where one code has several texts. Parameters are typed; rule figures come in as parameters.
 */
export const counterWorkflowErrors = {} as const satisfies ErrorTextTable;
