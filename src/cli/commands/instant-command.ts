/**
 * `sbk instant`: instant issuance at the counter's desk printer (即时制卡, GD Annex 9 二) from a
 * terminal or a script: make a card for an applicant, list jobs an interruption left unfinished,
 * and resolve them. The console's 即时制卡 page runs the same workflows.
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { makeInstantCard, type InstantResult } from '../../workflows/instant-issuance.ts';
import type { PhotoWarning } from '../../domain/card-photo.ts';
import { interruptedJobs, resolveInstantJob, type InterruptedJob, type Resolution } from '../../workflows/instant-recovery.ts';
import { instantStations, stationForBank } from '../../workflows/instant-stations.ts';
import { failpoint } from '../../workflows/failpoint.ts';
import { saveIssueReceipt } from '../../workflows/shipment-export.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { SbkError } from '../../domain/errors.ts';
import { instantText as t } from '../../i18n/cli/instant.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withSiteDevices, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { usageCheck } from '../args.ts';
import type { SiteDevices } from '../../workflows/site-devices.ts';

function printerOf(devices: SiteDevices, id?: string) {
  const p = id ? devices.printers.find((x) => x.id === id) : devices.printers[0];
  if (!p) {
    const problem = devices.problems.find((x) => x.kind === 'printer');
    // A printer that failed to open: its own error (code and text rendered where it was raised).
    if (problem) throw SbkError.rendered(problem.code, problem.message);
    throw id ? new SbkError('PRINTER_NOT_CONFIGURED.named', { printer: id }) : new SbkError('PRINTER_NOT_CONFIGURED.instant');
  }
  return p;
}

/** What each outcome of `make` prints, by outcome. */
const MADE: { [S in InstantResult['status']]: (r: Extract<InstantResult, { status: S }>) => string } = {
  issued: (r) => t.make.issued({ jobNo: r.jobNo, cardNo: r.cardNo, blankNo: r.blankNo, holder: r.receipt.holderName }),
  stocked: (r) => t.stocked(r),
  failed: (r) => t.make.failed({ jobNo: r.jobNo, code: r.code, message: r.message, blankNo: r.blankNo ?? '' }),
  void: (r) => t.make.void(r),
};

/** What each outcome of `resolve` prints, by outcome. */
const RESOLVED: { [O in Resolution['outcome']]: (r: Extract<Resolution, { outcome: O }>) => string } = {
  issued: (r) => t.resolve.issued(r),
  stocked: (r) => t.stocked(r),
  failed: (r) => t.resolve.failed(r),
  void: (r) => t.resolve.void(r),
};

const madeText = (r: InstantResult): string => (MADE[r.status] as (x: InstantResult) => string)(r);
const resolvedText = (r: Resolution): string => (RESOLVED[r.outcome] as (x: Resolution) => string)(r);

type Applicant = {
  name: string;
  'printed-name'?: string;
  id: string;
  'id-type'?: string;
  ssn?: string;
  'birth-date'?: string;
  bank: string;
  'card-no': string;
  photo?: string;
  printer?: string;
};

/** Picks the printer and the hopper of the applicant's bank, then makes the card. */
function makeCard(ledger: Ledger, actor: Actor, a: Applicant): Promise<InstantResult & { warnings?: PhotoWarning[] }> {
  // No photo for a child under 7 (GD Art. 5 (五)); the workflow checks the age.
  const photoBase64 = a.photo ? readPhoto(a.photo) : '';
  return withSiteDevices(ledger, actor, async (devices) => {
    const p = printerOf(devices, a.printer);
    if (!devices.ca) throw new SbkError('INSTANT_NO_CA');
    const station = stationForBank(instantStations(ledger, actor, { printers: [p] }), a.bank.trim());
    if (!station) throw new SbkError('HOPPER_NO_BANK', { printer: p.id, bank: a.bank });
    const applicant = {
      name: a.name,
      printedName: a['printed-name'],
      idType: a['id-type'],
      idNumber: a.id,
      ssn: a.ssn,
      birthDate: a['birth-date'],
      bank: a.bank.trim(),
      cardNo: a['card-no'],
      photoBase64,
    };
    return makeInstantCard(ledger, actor, { ...station, ca: devices.ca }, { operationId: randomUUID(), applicant }, { afterStep: failpoint });
  });
}

function makeSubcommand(y: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): Argv<GlobalArgs> {
  return y.command(
    'make',
    t.make.describe,
    (c) =>
      c
        .option('name', { type: 'string', demandOption: true, describe: t.make.name })
        .option('printed-name', { type: 'string', describe: t.make.printedName })
        .option('id', { type: 'string', demandOption: true, describe: t.make.id })
        .option('id-type', { type: 'string', describe: t.make.idType })
        .option('ssn', { type: 'string', describe: t.make.ssn })
        .option('birth-date', { type: 'string', describe: t.make.birthDate })
        .option('bank', { type: 'string', demandOption: true, describe: t.make.bank })
        .option('card-no', { type: 'string', demandOption: true, describe: t.make.cardNo })
        .option('photo', { type: 'string', describe: t.make.photo })
        .option('printer', { type: 'string', describe: t.make.printer })
        .option('receipt', { type: 'boolean', default: false, describe: t.make.receipt }),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const r = await makeCard(ledger, actor, argv);
        // Only an issued card has a receipt.
        const saved = argv.receipt && 'receipt' in r ? saveIssueReceipt(ledger, r.receipt) : null;
        emit(out(), { ...r, ...(saved ? { receiptFile: saved } : {}) }, () => [...(r.warnings ?? []).map((w) => t.make.warning(w.message)), madeText(r), ...(saved ? [t.make.receiptSaved({ path: saved })] : [])].join('\n'));
        if (r.status === 'failed' || r.status === 'void') setExit(1);
      }),
  );
}

function pendingText(j: InterruptedJob): string {
  return [
    t.pending.job({ jobNo: j.jobNo, at: formatLocalTime(j.at), printer: j.printerId, hopper: j.hopperNo, applicant: j.applicantName, idMasked: j.applicantIdMasked, cardNo: j.cardNo, blankNo: j.blankNo }),
    `  ${j.advice}`,
    `  ${t.pending.resolveWith({ jobNo: j.jobNo, face: j.needs === 'face_check', handTo: j.needs !== 'nothing' })}`,
  ].join('\n');
}

function pendingSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'pending',
    t.pending.describe,
    (c) => c,
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const jobs = interruptedJobs(ledger, actor);
        emit(out(), jobs, () => (jobs.length === 0 ? t.pending.none : jobs.map(pendingText).join('\n')));
      }),
  );
}

function resolveSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'resolve <job>',
    t.resolve.describe,
    (c) =>
      c
        .positional('job', { type: 'string', demandOption: true, describe: t.resolve.job })
        .option('face', { choices: ['good', 'bad'] as const, describe: t.resolve.face })
        .option('hand-to', { choices: ['applicant', 'stock'] as const, describe: t.resolve.handTo })
        .option('place', { type: 'string', describe: t.resolve.place })
        .check(usageCheck(t.resolve.placeOnlyForStock, (a: { place?: unknown; 'hand-to'?: unknown }) => a.place === undefined || a['hand-to'] === 'stock')),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const r = await withSiteDevices(ledger, actor, async (devices) => {
          const job = interruptedJobs(ledger, actor).find((j) => j.jobNo === argv.job);
          const p = printerOf(devices, job?.printerId);
          return resolveInstantJob(ledger, actor, p.printer, argv.job, { face: argv.face, handTo: argv['hand-to'], placeName: argv.place });
        });
        emit(out(), r, () => resolvedText(r));
      }),
  );
}

export function instantCommand(y: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): Argv<GlobalArgs> {
  return y.command('instant', t.describe, (c) => withSubcommands(c, out, [(s) => makeSubcommand(s, out, setExit), pendingSubcommand, resolveSubcommand]));
}

/** The applicant's photo; a wrong path is the operator's to fix (exit 1 with a code), not an internal error. */
function readPhoto(path: string): string {
  try {
    return readFileSync(path).toString('base64');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = (code && t.photoUnreadable[code]) ?? String(code ?? e);
    throw new SbkError('PHOTO_UNREADABLE', { path, why }, { path });
  }
}
