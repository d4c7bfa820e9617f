import { createContext, useContext } from 'react';
import type { Ledger } from '../../db/open-ledger.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import type { CardReader } from '../../drivers/reader/card-reader.ts';
import type { BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import type { SiteDevices } from '../workflows/site-devices.ts';

/** What the screens' hooks need from outside React: the open ledger, the calendar, the devices. */
export type ConsoleServices = {
  readonly ledger: Ledger;
  readonly calendar: WorkingCalendar;
  readonly isDemo: boolean;
  readonly lowBandwidth: boolean;
  readonly now: () => Date;
  /** The card reader for the read-check (读卡检测) at issuance; none: cards are issued without one. */
  readonly reader?: CardReader;
  /**
   * A simulated reader has no physical card: before a read, the issuance screen hands it the
   * chip of the card being issued (built from the ledger), as if the operator had inserted it.
   * Absent for a real reader. Tests alter the chip here to make it disagree with the ledger.
   */
  readonly insertSimulatedCard?: (chip: BasicCardInfo) => void;
  /**
   * Without `reader`: the read-check uses the site's first configured reader from `devicesFor`
   * (the one the 设备 page tests), reading whatever card is on it; a simulated one holds what
   * was put there (`sbk devices insert`, the 设备 page), or the card being issued when set to auto.
   */
  readonly readerFromDevices?: boolean;
  /**
   * The printers, readers and scanners at a site's counter, opened once per site and kept open
   * while the console runs (the devices and instant-issuance screens share them).
   */
  readonly devicesFor?: (site: { id: number; code: string }) => Promise<SiteDevices>;
};

export const ConsoleServicesContext = createContext<ConsoleServices | null>(null);

export function useServices(): ConsoleServices {
  const s = useContext(ConsoleServicesContext);
  if (!s) throw new Error('useServices: no ConsoleServicesContext above this component');
  return s;
}
