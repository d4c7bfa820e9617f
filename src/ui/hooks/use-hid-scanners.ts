import { useContext, useEffect } from 'react';
import { KeyRouterContext } from '../keys/key-router.tsx';
import { useServices } from '../console-services.ts';
import type { Actor } from '../../domain/actor.ts';

/**
 * USB HID POS scanners at the operator's counter feed the console like a keyboard-mode scanner:
 * every code goes through the key router (a field gets it as text and Enter, elsewhere it is a
 * scan). Subscribed after login, when the site (and so its devices) is known.
 */
export function useHidScanners(actor: Actor | null): void {
  const router = useContext(KeyRouterContext);
  const { devicesFor } = useServices();
  useEffect(() => {
    if (!actor || !devicesFor || !router) return;
    let off: (() => void)[] = [];
    let live = true;
    devicesFor({ id: actor.siteId, code: actor.siteCode }).then(
      (devices) => {
        if (live) off = devices.hidScanners.map((s) => s.onScan((code) => router.injectScan(code)));
      },
      () => {
        // The devices page reports why devices could not be opened; scanning by keyboard still works.
      },
    );
    return () => {
      live = false;
      for (const f of off) f();
    };
  }, [actor, devicesFor, router]);
}
