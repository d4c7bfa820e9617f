import type { Argv } from 'yargs';
import { writeFileSync } from 'node:fs';
import { importMakerFile } from '../../workflows/import-maker-file.ts';
import { formatMakerError } from '../../domain/maker-file.ts';
import { readImportFile } from '../../workflows/read-import-file.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';

export function importCommand(y: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): Argv<GlobalArgs> {
  return y.command(
    'import <file>',
    '导入卡商回盘数据文件（YZKCG_…/CPKCG_….txt）：全部检查无误才写入，卡片进入“待入库”',
    (c) =>
      c
        .positional('file', { type: 'string', demandOption: true })
        .option('site', { type: 'string', describe: '收卡网点编码（默认本人所属网点）' })
        .option('place', { type: 'string', describe: '保管地点（与 --receive 同用；默认网点的第一个）' })
        .option('receive', { type: 'boolean', default: false, describe: '同时按清单全部入库（已按箱核对数量时用）' })
        .option('report', { type: 'string', describe: '把问题清单另存到此文件' }),
    (argv) =>
      withLedger(argv, async (ledger) => {
        const actor = await actorFor(ledger, argv);
        const { fileName, bytes } = readImportFile(argv.file);
        const r = importMakerFile(ledger, actor, {
          fileName,
          bytes,
          receive: argv.receive,
          ...(argv.site ? { siteCode: argv.site } : {}),
          ...(argv.place ? { placeName: argv.place } : {}),
        });
        if (argv.report && r.errors.length) writeFileSync(argv.report, r.errors.map(formatMakerError).join('\n') + '\n', { mode: 0o600 });
        const { file, kind, bank, batch, rows, registered, received, errors, status, previous } = r;
        emit(out(), { file, kind, bank, batch, rows, registered, received, status, ...(previous ? { previous } : {}), errors }, () =>
          [r.message, ...errors.slice(0, 200).map((e) => `  ${formatMakerError(e)}`), ...(errors.length > 200 ? [`  …另有 ${errors.length - 200} 处（用 --report 保存全部）`] : [])].join('\n'),
        );
        if (status === 'invalid') setExit(1);
      }),
  );
}
