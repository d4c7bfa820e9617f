/**
 * Settings an administrator may change. Each has a default, a check and a Chinese label; a change
 * is attributed (audit log), like everything else an operator does.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { getSetting, putSetting } from '../../db/settings-repo.ts';
import { logAudit } from '../../db/audit-log.ts';
import { SbkError } from '../domain/errors.ts';
import { requireRole, type Actor } from './authenticate.ts';

type SettingSpec = { label: string; default: string; check: (v: string) => string | null };

export const SETTINGS = {
  // No regulation fixes a transit time; five working days is a working week of post or courier.
  'transit-warning-days': {
    label: '在途超过多少个工作日提醒',
    default: '5',
    check: (v: string) => (/^\d{1,3}$/.test(v) && Number(v) >= 1 ? null : '须为 1 到 999 之间的整数'),
  },
  // GD Art. 32 一(二) wants 超期预警; how early is not fixed anywhere. Two weeks leaves time to call the holder.
  'overdue-warning-days': {
    label: '逾期前多少天开始预警',
    default: '15',
    check: (v: string) => (/^\d{1,3}$/.test(v) && Number(v) <= 180 ? null : '须为 0 到 180 之间的整数'),
  },
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof SETTINGS;

export function isSettingKey(k: string): k is SettingKey {
  return Object.hasOwn(SETTINGS, k);
}

export function readSetting(ledger: Pick<Ledger, 'db'>, key: SettingKey): string {
  return getSetting(ledger.db, key) ?? SETTINGS[key].default;
}

export function listSettings(ledger: Pick<Ledger, 'db'>): { key: SettingKey; label: string; value: string; isDefault: boolean }[] {
  return (Object.keys(SETTINGS) as SettingKey[]).map((key) => {
    const stored = getSetting(ledger.db, key);
    return { key, label: SETTINGS[key].label, value: stored ?? SETTINGS[key].default, isDefault: stored === undefined };
  });
}

export function changeSetting(ledger: Ledger, actor: Actor, key: string, value: string): void {
  requireRole(actor, 'admin');
  if (!isSettingKey(key)) {
    throw new SbkError('SETTING_UNKNOWN', `没有名为 ${key} 的设置。可设置的有：${Object.keys(SETTINGS).join('、')}。`, { key });
  }
  const problem = SETTINGS[key].check(value.trim());
  if (problem) throw new SbkError('SETTING_INVALID', `${SETTINGS[key].label}：${problem}。`, { key, value });
  writeTx(ledger, (tx) => {
    const before = getSetting(tx, key) ?? SETTINGS[key].default;
    putSetting(tx, key, value.trim(), actor.id, new Date().toISOString());
    logAudit(tx, { type: 'setting_changed', operatorId: actor.id, siteId: actor.siteId, detail: `${key}: ${before} → ${value.trim()}` });
  });
}

export function transitWarningDays(ledger: Pick<Ledger, 'db'>): number {
  return Number(readSetting(ledger, 'transit-warning-days'));
}
