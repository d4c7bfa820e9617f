import { rowTamperSuite } from './tamper-rows.ts';

// The other half of the sealed tables (see tamper-rows-a.test.ts).
rowTamperSuite(1, 2);
