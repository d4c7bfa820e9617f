import type { FeatureId } from '../hooks/use-navigation.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type MenuItem = { id: FeatureId; label: string; built: boolean };

/** The workflow screens, in the order of a card's life. */
export const MENU: readonly MenuItem[] = [
  { id: 'intake', label: zh.menu.intake, built: true },
  { id: 'checkin', label: zh.menu.checkin, built: true },
  { id: 'shipments', label: zh.menu.shipments, built: true },
  { id: 'issuance', label: zh.menu.issuance, built: true },
  { id: 'recall', label: zh.menu.recall, built: true },
  { id: 'count', label: zh.menu.count, built: true },
  { id: 'lookup', label: zh.menu.lookup, built: true },
  { id: 'instant', label: zh.menu.instant, built: true },
  { id: 'devices', label: zh.menu.devices, built: true },
];
