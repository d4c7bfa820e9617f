import { useLayoutEffect } from 'react';
import { Box } from 'ink';
import type { ScreenProps } from './screen-props.ts';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import { useSites } from '../hooks/use-sites.ts';
import { PlacesTable, SitesTable } from './sites/sites-tables.tsx';
import { zh } from '../../i18n/zh-CN.ts';

const S = zh.sites;

/**
 * 网点与库位 (read only): the sites in the operator's scope, and the selected site's storage places
 * with what each holds (GD Art. 12: every card has a 保管地点). Changes go through `sbk site|place`.
 */
export function SitesScreen({ actor, width, height, isActive, onContext }: ScreenProps) {
  const s = useSites(actor);
  useLayoutEffect(() => onContext('sites'), []);
  // Title, blank, places title, hint and each table's header and rule: 8 rows; then the rows,
  // and under a table longer than its rows, a line saying which part is shown.
  const siteRows = Math.max(1, Math.min(s.sites.length, Math.floor((height - 8) / 2)));
  const siteRange = s.sites.length > siteRows ? 1 : 0;
  const room = Math.max(1, height - 8 - siteRows - siteRange);
  const placeRows = s.places.length > room ? Math.max(1, room - 1) : room;
  const page = Math.max(1, siteRows - 1);
  useKeyHandler(
    (e: KeyEvent) => {
      if (matches('sites.move', e)) return s.move(e.name === 'up' ? -1 : 1), true;
      if (matches('sites.page', e)) return s.move(e.name === 'pageup' ? -page : page), true;
      return false;
    },
    { priority: PRIORITY.screen, isActive },
  );
  const site = s.site;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Line text={S.title(s.sites.length)} width={width} bold />
      <SitesTable sites={s.sites} selected={s.selected} width={width} height={siteRows} />
      <Line text="" width={width} />
      <Line text={site ? S.placesTitle(site.name, site.code) : ''} width={width} bold />
      <PlacesTable places={s.places} width={width} height={placeRows} emptyText={s.error ?? S.noPlaces} />
      <Line text={S.hint} width={width} dim />
    </Box>
  );
}
