/**
 * `sbk register`: 登记造册 (GD Art. 12 一(三)) of one production batch within the operator's site
 * and the sites under it. Text for the terminal, a CSV (with BOM) for Excel/WPS, or the register
 * as JSON; ID numbers are masked in all three (HB Art. 42).
 */
import type { Argv } from 'yargs';
import { writeFileSync } from 'node:fs';
import { batchRegister } from '../../workflows/batch-register.ts';
import { formatBatchRegisterCsv, formatBatchRegisterText } from '../../domain/batch-register-format.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';

export function registerCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'register',
    '登记造册：某制卡批次每张卡的状态、所在网点与保管人（本网点及下级；证件号已脱敏）',
    (c) =>
      c
        .option('batch', { type: 'string', demandOption: true, describe: '制卡批次' })
        .option('csv', { type: 'boolean', default: false, describe: 'CSV（带 BOM，Excel/WPS 可直接打开）' })
        .option('out', { type: 'string', describe: '写入此文件，而不是输出到屏幕' }),
    (argv) =>
      withLedger(argv, async (ledger) => {
        const actor = await actorFor(ledger, argv);
        const reg = batchRegister(ledger, actor, argv.batch);
        const o = out();
        if (argv.out) {
          const content = argv.csv ? formatBatchRegisterCsv(reg) : formatBatchRegisterText(reg);
          // Holders' names: readable by the owner only (HB Art. 42), as the console's exports.
          writeFileSync(argv.out, content, { mode: 0o600 });
          emit(o, { batch: reg.batch.code, format: argv.csv ? 'csv' : 'text', rows: reg.rows.length, path: argv.out }, () => `批次 ${reg.batch.code} 的登记造册（${reg.rows.length} 张）已保存到 ${argv.out}`);
        } else if (o.json) emit(o, reg, () => '');
        else process.stdout.write(argv.csv ? formatBatchRegisterCsv(reg) : formatBatchRegisterText(reg));
      }),
  );
}
