/** `sbk site list|add|edit|retire` and `sbk place add|list|retire`: the sites and storage places an admin keeps. */
import type { Argv } from 'yargs';
import { listSites } from '../../../db/sites-repo.ts';
import { addSite, editSite, retireSiteByCode, addPlaceAt, placeList, retirePlaceAt, PLACE_KINDS, type PlaceKindName } from '../../workflows/site-admin.ts';
import { ADDABLE_SITE_KINDS } from '../../domain/site-codes.ts';
import { adminText } from '../../i18n/cli/admin.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withLedger, withSubcommands, type GlobalArgs } from '../cli-context.ts';

const t = adminText.site;
const tp = adminText.place;

function listSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'list',
    t.list,
    (cc) => cc,
    (argv) =>
      withLedger(argv, (ledger) => {
        const all = listSites(ledger.db);
        const byId = new Map(all.map((s) => [s.id, s.code]));
        const rows = all.map((s) => ({
          code: s.code,
          name: s.name,
          kind: s.kind,
          regionCode: s.regionCode,
          parent: s.parentId ? byId.get(s.parentId) ?? null : null,
          inScope: s.inScope,
          retired: s.retiredAt !== null,
        }));
        emit(out(), rows, () =>
          rows.map((r) => `${r.code.padEnd(11)} ${t.kinds[r.kind] ?? r.kind}\t${r.name}${r.parent ? `\t${t.parent({ code: r.parent })}` : ''}${r.retired ? `\t${t.retired}` : ''}`).join('\n'),
        );
      }),
  );
}

const siteRow = (s: { code: string; name: string; kind: string; regionCode: string; address: string | null; phone: string | null; bank: string | null; retiredAt: string | null }) => ({
  code: s.code,
  name: s.name,
  kind: s.kind,
  regionCode: s.regionCode,
  address: s.address,
  phone: s.phone,
  bank: s.bank,
  retired: s.retiredAt !== null,
});

function addSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'add',
    t.add.describe,
    (c) =>
      c
        .option('parent', { type: 'string', demandOption: true, describe: t.add.parent })
        .option('kind', { choices: ADDABLE_SITE_KINDS, demandOption: true, describe: t.add.kind })
        .option('name', { type: 'string', demandOption: true, describe: t.add.name })
        .option('region', { type: 'string', describe: t.add.region })
        .option('code', { type: 'string', describe: t.add.code })
        .option('address', { type: 'string', describe: t.add.address })
        .option('phone', { type: 'string', describe: t.add.phone })
        .option('bank', { type: 'string', describe: t.add.bank }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const s = addSite(ledger, actor, {
          parent: argv.parent,
          kind: argv.kind,
          name: argv.name,
          ...(argv.region ? { region: argv.region } : {}),
          ...(argv.code ? { code: argv.code } : {}),
          ...(argv.address ? { address: argv.address } : {}),
          ...(argv.phone ? { phone: argv.phone } : {}),
          ...(argv.bank ? { bank: argv.bank } : {}),
        });
        emit(out(), siteRow(s), () => t.add.done({ code: s.code, name: s.name, kind: t.kinds[s.kind] ?? s.kind }));
      }),
  );
}

function editSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'edit <code>',
    t.edit.describe,
    (c) =>
      c
        .positional('code', { type: 'string', demandOption: true, describe: t.edit.code })
        .option('name', { type: 'string', describe: t.add.name })
        .option('address', { type: 'string', describe: t.add.address })
        .option('phone', { type: 'string', describe: t.add.phone })
        .option('bank', { type: 'string', describe: t.add.bank }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const patch = Object.fromEntries((['name', 'address', 'phone', 'bank'] as const).filter((k) => argv[k] !== undefined).map((k) => [k, argv[k]!]));
        const s = editSite(ledger, actor, argv.code, patch);
        emit(out(), siteRow(s), () => t.edit.done({ code: s.code, name: s.name }));
      }),
  );
}

function retireSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'retire <code>',
    t.retire.describe,
    (c) => c.positional('code', { type: 'string', demandOption: true, describe: t.edit.code }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const s = retireSiteByCode(ledger, actor, argv.code);
        emit(out(), siteRow(s), () => t.retire.done({ code: s.code, name: s.name }));
      }),
  );
}

export function siteCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('site', t.describe, (c) => withSubcommands(c, out, [listSubcommand, addSubcommand, editSubcommand, retireSubcommand]).demandCommand(1, t.demand));
}

const KIND_NAMES = Object.keys(PLACE_KINDS) as PlaceKindName[];

function placeAddSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'add <name>',
    tp.add.describe,
    (c) =>
      c
        .positional('name', { type: 'string', demandOption: true, describe: tp.add.name })
        .option('kind', { choices: KIND_NAMES, demandOption: true, describe: tp.add.kind })
        .option('site', { type: 'string', describe: tp.site })
        .option('printer', { type: 'string', describe: tp.add.printer })
        .option('hopper-no', { type: 'number', describe: tp.add.hopperNo }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const site = argv.site ?? actor.siteCode;
        const p = addPlaceAt(ledger, actor, { site, name: argv.name, kind: argv.kind, ...(argv.printer ? { printerId: argv.printer } : {}), ...(argv.hopperNo !== undefined ? { hopperNo: argv.hopperNo } : {}) });
        const row = { site, name: p.name, kind: argv.kind, printerId: p.printerId, hopperNo: p.hopperNo };
        emit(out(), row, () => tp.add.done({ site, name: p.name, kind: tp.kinds[argv.kind], printer: p.printerId ? tp.hopperOf({ printer: p.printerId, no: p.hopperNo ?? 0 }) : '' }));
      }),
  );
}

function placeListSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'list',
    tp.list.describe,
    (c) => c.option('site', { type: 'string', describe: tp.site }).option('all', { type: 'boolean', describe: tp.list.all }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const rows = placeList(ledger, actor, argv.site, { withRetired: Boolean(argv.all) });
        emit(out(), rows, () =>
          rows
            .map((r) => `${r.name}\t${tp.kinds[r.kind]}${r.printerId ? `\t${tp.hopperOf({ printer: r.printerId, no: r.hopperNo ?? 0 })}` : ''}\t${tp.list.held({ count: r.held })}${r.retired ? `\t${t.retired}` : ''}`)
            .join('\n'),
        );
      }),
  );
}

function placeRetireSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'retire <name>',
    tp.retire.describe,
    (c) => c.positional('name', { type: 'string', demandOption: true, describe: tp.add.name }).option('site', { type: 'string', describe: tp.site }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const site = argv.site ?? actor.siteCode;
        retirePlaceAt(ledger, actor, site, argv.name);
        emit(out(), { site, name: argv.name, retired: true }, () => tp.retire.done({ site, name: argv.name }));
      }),
  );
}

export function placeCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('place', tp.describe, (c) => withSubcommands(c, out, [placeAddSubcommand, placeListSubcommand, placeRetireSubcommand]).demandCommand(1, tp.demand));
}
