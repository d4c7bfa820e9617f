import { useEffect, useState } from 'react';
import type { Actor } from '../../domain/actor.ts';
import type { OpenReader, SiteDevices } from '../../workflows/site-devices.ts';

/**
 * The site's first configured reader, once the site's devices are open (the same objects the
 * 设备 page uses); null while opening, when there is none, or when no `devicesFor` is given.
 */
export function useSiteReader(actor: Actor, devicesFor: ((site: { id: number; code: string }) => Promise<SiteDevices>) | undefined): OpenReader | null {
  const [reader, setReader] = useState<OpenReader | null>(null);
  useEffect(() => {
    if (!devicesFor) return;
    let live = true;
    devicesFor({ id: actor.siteId, code: actor.siteCode }).then(
      (d) => live && setReader(d.readers[0] ?? null),
      () => live && setReader(null),
    );
    return () => {
      live = false;
    };
  }, [devicesFor, actor.siteId]);
  return reader;
}
