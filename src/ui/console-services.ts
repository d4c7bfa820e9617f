import { createContext, useContext } from 'react';
import type { Ledger } from '../../db/open-ledger.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';

/** What the screens' hooks need from outside React: the open ledger and the calendar. */
export type ConsoleServices = {
  readonly ledger: Ledger;
  readonly calendar: WorkingCalendar;
  readonly isDemo: boolean;
  readonly lowBandwidth: boolean;
  readonly now: () => Date;
};

export const ConsoleServicesContext = createContext<ConsoleServices | null>(null);

export function useServices(): ConsoleServices {
  const s = useContext(ConsoleServicesContext);
  if (!s) throw new Error('useServices: no ConsoleServicesContext above this component');
  return s;
}
