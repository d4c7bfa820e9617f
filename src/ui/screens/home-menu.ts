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
  { id: 'transfer', label: zh.menu.transfer, built: true },
  { id: 'sites', label: zh.menu.sites, built: true },
  { id: 'contact', label: zh.menu.contact, built: true },
];

/** The key that opens each item, by position: the number row's 1-9, then 0, - and = (registry `home.jump`). */
export const MENU_KEYS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '='];

/** The item a jump key opens, if any. */
export function menuItemForKey(key: string): MenuItem | undefined {
  const i = MENU_KEYS.indexOf(key);
  return i >= 0 ? MENU[i] : undefined;
}
