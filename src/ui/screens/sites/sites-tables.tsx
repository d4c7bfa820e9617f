import { Table, type ColumnSpec } from '../../components/table.tsx';
import type { SiteListRow } from '../../../workflows/site-list.ts';
import type { PlaceListRow } from '../../../workflows/site-admin.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const S = zh.sites;

type SiteCells = { code: string; name: string; kind: string; retired: string };
type PlaceCells = { name: string; kind: string; hopper: string; held: string; retired: string };

const SITE_COLUMNS: ColumnSpec<SiteCells>[] = [
  { key: 'code', header: S.columns.code, width: 11 },
  { key: 'name', header: S.columns.name, width: 30, min: 12 },
  { key: 'kind', header: S.columns.kind, width: 16, min: 8, drop: 1 },
  { key: 'retired', header: S.columns.retired, width: 6 },
];

const PLACE_COLUMNS: ColumnSpec<PlaceCells>[] = [
  { key: 'name', header: S.columns.place, width: 16, min: 8 },
  { key: 'kind', header: S.columns.placeKind, width: 6 },
  { key: 'hopper', header: S.columns.hopper, width: 16, min: 8, drop: 1 },
  { key: 'held', header: S.columns.held, width: 6, align: 'right' },
  { key: 'retired', header: S.columns.retired, width: 6 },
];

const siteCells = (r: SiteListRow): SiteCells => ({ code: r.code, name: r.name, kind: S.kinds[r.kind], retired: r.retired ? S.retired : S.active });
const placeCells = (r: PlaceListRow): PlaceCells => ({
  name: r.name,
  kind: S.placeKinds[r.kind],
  hopper: r.printerId ? S.hopperOf(r.printerId, r.hopperNo ?? 0) : '',
  held: String(r.held),
  retired: r.retired ? S.retired : S.active,
});

export function SitesTable({ sites, selected, width, height }: { sites: readonly SiteListRow[]; selected: number; width: number; height: number }) {
  return <Table data={sites.map(siteCells)} columns={SITE_COLUMNS} width={width} height={height} selectedIndex={selected} emptyText={S.noSites} />;
}

export function PlacesTable({ places, width, height, emptyText }: { places: readonly PlaceListRow[]; width: number; height: number; emptyText: string }) {
  return <Table data={places.map(placeCells)} columns={PLACE_COLUMNS} width={width} height={height} emptyText={emptyText} />;
}
