import type { ErrorTextTable } from '../error-text-table.ts';

/**
 * Error messages raised in src/workflows/ along the custody chain (shipments, recall, stock counts, prefab and instant issuance, operators, settings, sites and devices), by key. A key is the error's code, or `CODE.variant`
 * where one code has several texts. Parameters are typed; rule figures come in as parameters.
 */
export const custodyWorkflowErrors = {} as const satisfies ErrorTextTable;
