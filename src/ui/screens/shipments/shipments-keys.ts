import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { ShipmentsTab } from '../../hooks/use-navigation.ts';
import type { Shipments } from '../../hooks/use-shipments.ts';

export type ShipmentsNav = { onTab: (tab: ShipmentsTab) => void; onSignIn: (number: string) => void; onNew: () => void };

/** The lists' keys; Enter signs in the shipment the last key marked. */
export function shipmentsKeys(s: Shipments, tab: ShipmentsTab, nav: ShipmentsNav): (e: KeyEvent) => boolean {
  return (e) => {
    if (matches('shipments.tab', e)) {
      s.clearNotice();
      nav.onTab(tab === 'inbound' ? 'outbound' : 'inbound');
      return true;
    }
    if (matches('shipments.move', e)) return s.move(e.name === 'up' ? -1 : 1), true;
    if (matches('shipments.new', e)) return nav.onNew(), true;
    if (tab === 'inbound' && matches('shipments.sign-in', e)) {
      const c = s.currentNow();
      if (c) nav.onSignIn(c.number);
      return true;
    }
    if (tab === 'outbound' && matches('shipments.save-sheet', e)) return s.saveSheet(), true;
    return false;
  };
}
