/**
 * The home screen's alerts for the operator's site and the sites under it. The full overdue
 * and recall rules (profiles, deadlines) belong to the recall workflow; these are the facts an
 * operator must see on logging in.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { countInStateSince } from '../../db/card-queries.ts';
import { overdueCounts } from './recall.ts';
import { subtreeIds } from '../../db/sites-repo.ts';
import { listDiscrepancies } from '../../db/discrepancies-repo.ts';
import { todayInChina, type WorkingCalendar } from '../domain/calendar.ts';
import type { Actor } from './authenticate.ts';
import { listShipments } from './shipment-list.ts';
import { missedCountDays } from './stock-count.ts';
import { transitWarningDays } from './settings.ts';

/** In the order the home screen shows them: what must be done first comes first. */
export type Alert = { level: 'danger' | 'warn' | 'info'; text: string };

export function homeAlerts(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, now: Date = new Date()): Alert[] {
  const ids = subtreeIds(ledger.db, actor.siteId);
  const nowIso = now.toISOString();
  const today = todayInChina(now);
  const alerts: Alert[] = [];
  // GD Art. 32, HB Art. 17, with the ledger's rule profile (recall.ts): overdue, sleeping and dead holders' cards, one line.
  // The counts only: the list's holders, masking and order would be thrown away here.
  const due = overdueCounts(ledger, actor, calendar, {}, now);
  if (due.total) {
    const n = due.byCategory;
    const parts = [n.unclaimed && `逾期未领 ${n.unclaimed}`, n.sleeping && `睡眠卡 ${n.sleeping}`, n.deceased && `持卡人死亡 ${n.deceased}`].filter(Boolean);
    alerts.push({ level: 'danger', text: `${due.total} 张卡应回收（${parts.join('、')}）${due.late ? `，${due.late} 张已过 10 个工作日期限` : ''}` });
  }
  const late = listShipments(ledger, actor, { direction: 'inbound' }, calendar, now).filter((s) => s.late);
  if (late.length) {
    alerts.push({ level: 'danger', text: `${late.length} 个交接单在途超过 ${transitWarningDays(ledger)} 个工作日未签收（${late[0]!.number}${late.length > 1 ? ' 等' : ''}）` });
  }
  const open = listDiscrepancies(ledger.db, ids, true).length;
  if (open) alerts.push({ level: 'warn', text: `${open} 条清点差异未关闭（缺少、多出或损坏），待主管核实处理` });
  // GD Art. 36 一(四): blanks are counted every day; a working day without a closed count is flagged.
  const missed = missedCountDays(ledger, actor, calendar, now);
  if (missed.length === 1) {
    alerts.push({ level: 'warn', text: `${missed[0]!.site}：近 7 天有 ${missed[0]!.dates.length} 个工作日没有完成预制卡盘点（最近 ${missed[0]!.dates.at(-1)}）` });
  } else if (missed.length > 1) {
    alerts.push({ level: 'warn', text: `${missed.length} 个网点近 7 天有工作日没有完成预制卡盘点（${missed[0]!.site} 等）` });
  }
  const inTransit = countInStateSince(ledger.db, ids, 'in_transit', nowIso);
  if (inTransit) alerts.push({ level: 'warn', text: `${inTransit} 张卡在途，待签收` });
  const expected = countInStateSince(ledger.db, ids, 'expected', nowIso);
  if (expected) alerts.push({ level: 'info', text: `${expected} 张卡已登记待签收或清点入库` });
  const year = Number(today.slice(0, 4)) + 1;
  const basis = calendar.basisForYear(year);
  if (basis !== 'official') {
    alerts.push({
      level: 'info',
      text: basis === 'no-data' ? `缺少 ${year} 年节假日数据，跨年期限按周一至周五估算` : `${year} 年节假日安排为暂定数据，请在国务院通知发布后更新`,
    });
  }
  return alerts;
}
