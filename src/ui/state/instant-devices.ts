import type { StationChoice } from '../../workflows/instant-stations.ts';
import type { SiteDevices } from '../../workflows/site-devices.ts';
import { zh } from '../../i18n/zh-CN.ts';

/** A service bank the counter can make cards for now, and the hopper its next blank is in. */
export type BankChoice = { readonly bank: string; readonly station: StationChoice };

const T = zh.instant;

/** Why no card can be made for want of a printer (none configured, or it failed to open), or null. */
export function whyNoPrinter(d: SiteDevices): string | null {
  if (d.printers.length > 0) return null;
  const problem = d.problems.find((p) => p.kind === 'printer');
  return problem ? T.printerProblem(problem.message) : T.noPrinter;
}

/** The banks with blanks in a hopper now (each bank's first hopper, as the printer picks). */
export function bankChoices(stations: readonly StationChoice[]): BankChoice[] {
  const out: BankChoice[] = [];
  for (const s of stations) {
    if (s.bank && s.remaining > 0 && !out.some((b) => b.bank === s.bank)) out.push({ bank: s.bank, station: s });
  }
  return out;
}

/** Why the form cannot be used now (no devices service, no printer, no CA, no blanks), or null. */
export function whyOff(hasService: boolean, d: SiteDevices | null, banks: readonly BankChoice[]): string | null {
  if (!hasService) return T.noService;
  if (!d) return null;
  const noPrinter = whyNoPrinter(d);
  if (noPrinter) return noPrinter;
  if (!d.ca) return T.noCa;
  if (banks.length === 0) return T.noBlanks;
  return null;
}
