import { rowTamperSuite } from './tamper-rows.ts';

// Half of the sealed tables; tamper-rows-b.test.ts has the other half (the two run in parallel).
rowTamperSuite(0, 2);
