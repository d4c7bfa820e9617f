/**
 * One open set of devices per site for a long-running console: a USB device opened twice would
 * see its replies split between two readers.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { openSiteDevices, type SiteDevices } from './site-devices.ts';

export function siteDevicesCache(ledger: Ledger): { open: (site: { id: number; code: string }) => Promise<SiteDevices>; closeAll: () => Promise<void> } {
  const bySite = new Map<number, Promise<SiteDevices>>();
  return {
    open: (site) => {
      let p = bySite.get(site.id);
      if (!p) {
        p = openSiteDevices(ledger, site);
        bySite.set(site.id, p);
      }
      return p;
    },
    closeAll: async () => {
      const all = await Promise.allSettled(bySite.values());
      await Promise.allSettled(all.flatMap((r) => (r.status === 'fulfilled' ? [r.value.close()] : [])));
      bySite.clear();
    },
  };
}
