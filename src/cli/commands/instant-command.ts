/**
 * `sbk instant`: instant issuance at the counter's desk printer (即时制卡, GD Annex 9 二) from a
 * terminal or a script: make a card for an applicant, list jobs an interruption left unfinished,
 * and resolve them. The console's 即时制卡 page runs the same workflows.
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { makeInstantCard, type InstantResult } from '../../workflows/instant-issuance.ts';
import { interruptedJobs, resolveInstantJob } from '../../workflows/instant-recovery.ts';
import { instantStations, stationForBank } from '../../workflows/instant-stations.ts';
import { failpoint } from '../../workflows/failpoint.ts';
import { saveIssueReceipt } from '../../workflows/shipment-export.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { SbkError } from '../../domain/errors.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, withSiteDevices, type GlobalArgs } from '../cli-context.ts';
import { usageCheck } from './ship-command.ts';
import type { SiteDevices } from '../../workflows/site-devices.ts';

function printerOf(devices: SiteDevices, id?: string) {
  const p = id ? devices.printers.find((x) => x.id === id) : devices.printers[0];
  if (!p) {
    const problem = devices.problems.find((x) => x.kind === 'printer');
    throw problem ? new SbkError(problem.code, problem.message) : new SbkError('PRINTER_NOT_CONFIGURED', id ? `本网点没有制卡机“${id}”。` : '本网点没有配置制卡机：请在 devices.json 中配置（见 README“设备”一节）。');
  }
  return p;
}

function resultText(r: InstantResult): string {
  switch (r.status) {
    case 'issued':
      return `即时制卡完成（任务 ${r.jobNo}）：社保卡 ${r.cardNo} 已用预制卡 ${r.blankNo} 制成，写卡回读核对通过，已发给 ${r.receipt.holderName}。`;
    case 'stocked':
      return `任务 ${r.jobNo}：社保卡 ${r.cardNo} 已入库待领（${r.placeName}）。`;
    case 'failed':
      return `制卡失败（任务 ${r.jobNo}）[${r.code}]：${r.message}\n预制卡 ${r.blankNo ?? ''} 已登记作废。确认后可用下一张卡重试（再次运行同一命令）。`;
    case 'void':
      return `未制卡（任务 ${r.jobNo}）[${r.code}]：${r.message}`;
  }
}

export function instantCommand(y: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): Argv<GlobalArgs> {
  return y.command('instant', '即时制卡：用制卡机把预制卡制成申请人的社保卡并当场发放（GD 附件9）', (c) =>
    c
      .command(
        'make',
        '为一名申请人制卡：按服务银行选卡盒、进卡、核对空白卡、写卡、写 CA、回读核对、印卡面、登记发放',
        (cc) =>
          cc
            .option('name', { type: 'string', demandOption: true, describe: '申请人姓名（生僻字写作 张[CHUI]）' })
            .option('printed-name', { type: 'string', describe: '姓名含生僻字时：卡面上印的姓名（生僻字本身，字体用 宋体-18030）' })
            .option('id', { type: 'string', demandOption: true, describe: '申请人居民身份证号码' })
            .option('bank', { type: 'string', demandOption: true, describe: '服务银行（如 中国工商银行）' })
            .option('card-no', { type: 'string', demandOption: true, describe: '省卡管系统分配的社保卡号' })
            .option('photo', { type: 'string', demandOption: true, describe: '申请人相片文件（JPG 或 PNG）' })
            .option('printer', { type: 'string', describe: '制卡机名称（默认本网点第一台）' })
            .option('receipt', { type: 'boolean', default: false, describe: '把领取回执存入 exports/' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const photoBase64 = readPhoto(argv.photo);
            const r = await withSiteDevices(ledger, actor, async (devices) => {
              const p = printerOf(devices, argv.printer);
              if (!devices.ca) throw new SbkError('INSTANT_NO_CA', '本网点没有接入省卡管系统加密机，不能写入 CA 证书：即时制卡暂不可用（培训环境可在 devices.json 中设 "ca": "simulator"）。');
              const station = stationForBank(instantStations(ledger, actor, { printers: [p] }), argv.bank.trim());
              if (!station) throw new SbkError('HOPPER_NO_BANK', `制卡机 ${p.id} 的卡盒里没有${argv.bank}的预制卡：请先装盒（sbk prefab load --hopper …）。`);
              return makeInstantCard(ledger, actor, { ...station, ca: devices.ca }, {
                operationId: randomUUID(),
                applicant: { name: argv.name, printedName: argv['printed-name'], idNumber: argv.id, bank: argv.bank.trim(), cardNo: argv['card-no'], photoBase64 },
              }, { afterStep: failpoint });
            });
            const saved = r.status === 'issued' && argv.receipt ? saveIssueReceipt(ledger, r.receipt) : null;
            emit(out(), { ...r, ...(saved ? { receiptFile: saved } : {}) }, () => resultText(r) + (saved ? `\n领取回执：${saved}` : ''));
            if (r.status === 'failed' || r.status === 'void') setExit(1);
          }),
      )
      .command(
        'pending',
        '列出中断未完成的制卡任务（程序被关闭、断电、断线时留下的）',
        (cc) => cc,
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const jobs = interruptedJobs(ledger, actor);
            emit(out(), jobs, () =>
              jobs.length === 0
                ? '没有中断的制卡任务。'
                : jobs
                    .map((j) => `${j.jobNo}  ${formatLocalTime(j.at)}  ${j.printerId} 卡盒${j.hopperNo}  ${j.applicantName}（${j.applicantIdMasked}）  卡号 ${j.cardNo}  预制卡 ${j.blankNo}\n  ${j.advice}\n  处理：sbk instant resolve ${j.jobNo}${j.needs === 'face_check' ? ' --face good|bad' : ''}${j.needs !== 'nothing' ? ' --hand-to applicant|stock' : ''}`)
                    .join('\n'),
            );
          }),
      )
      .command(
        'resolve <job>',
        '处理一个中断的制卡任务：查询制卡机状态，按中断时的步骤作废、撤销或补登发放',
        (cc) =>
          cc
            .positional('job', { type: 'string', demandOption: true, describe: '任务号（sbk instant pending 列出）' })
            .option('face', { choices: ['good', 'bad'] as const, describe: '打印时中断：经办人查看卡面后选择 good（完好）或 bad（有误，作废）' })
            .option('hand-to', { choices: ['applicant', 'stock'] as const, describe: '卡已制好：applicant 发给申请人，stock 入库待领' })
            .option('place', { type: 'string', describe: '入库待领时的保管地点（默认本网点第一个）' })
            .check(usageCheck('--place 只用于 --hand-to stock。', (a: { place?: unknown; 'hand-to'?: unknown }) => a.place === undefined || a['hand-to'] === 'stock')),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const r = await withSiteDevices(ledger, actor, async (devices) => {
              const job = interruptedJobs(ledger, actor).find((j) => j.jobNo === argv.job);
              const p = printerOf(devices, job?.printerId);
              return resolveInstantJob(ledger, actor, p.printer, argv.job, { face: argv.face, handTo: argv['hand-to'], placeName: argv.place });
            });
            emit(out(), r, () =>
              r.outcome === 'issued'
                ? `任务 ${r.jobNo}：社保卡 ${r.cardNo} 已登记发给申请人。`
                : r.outcome === 'stocked'
                  ? `任务 ${r.jobNo}：社保卡 ${r.cardNo} 已入库待领（${r.placeName}）。`
                  : r.outcome === 'failed'
                    ? `任务 ${r.jobNo}：预制卡 ${r.blankNo} 已登记作废。${r.message}`
                    : `任务 ${r.jobNo} 已撤销。${r.message}`,
            );
          }),
      ),
  );
}

/** The applicant's photo; a wrong path is the operator's to fix (exit 1 with a code), not an internal error. */
function readPhoto(path: string): string {
  try {
    return readFileSync(path).toString('base64');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : String(code ?? e);
    throw new SbkError('PHOTO_UNREADABLE', `读不到相片文件 ${path}（${why}），请检查路径。未做任何操作。`, { path });
  }
}
