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
import { stateAfter } from '../domain/card-states.ts';
import { homeAlertText } from '../i18n/workflows/home-alerts.ts';
import type { Actor } from './authenticate.ts';
import { ledgerProfile } from './issue-card.ts';
import { listShipments } from './shipment-list.ts';
import { missedCountDays } from './stock-count.ts';
import { counterClosingTime, transitWarningDays } from './settings.ts';
import { counterCardsAfterClosing } from './transfer.ts';
import { overdueContactCount } from './contact-list.ts';
import { CONTACT_WORKING_DAYS } from '../domain/contact-deadline.ts';
import { replicationLagPastLimit } from './replication-lag.ts';

/** Which alert it is: its entry in the catalogue (src/i18n/workflows/home-alerts.ts). */
export type AlertCode = keyof typeof homeAlertText;

/** In the order the home screen shows them: what must be done first comes first. */
export type Alert = { level: 'danger' | 'warn' | 'info'; code: AlertCode; text: string };

function alert<K extends AlertCode>(level: Alert['level'], code: K, params: Parameters<(typeof homeAlertText)[K]>[0]): Alert {
  const render = homeAlertText[code] as (p: typeof params) => string;
  return { level, code, text: render(params) };
}

/** GD Art. 36 一(四): blanks are counted every day; the home screen looks back this many calendar days. */
const COUNT_LOOKBACK_DAYS = 7;

export function homeAlerts(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, now: Date = ledger.now()): Alert[] {
  const ids = subtreeIds(ledger.db, actor.siteId);
  const nowIso = now.toISOString();
  const alerts: Alert[] = [...recallAlerts(ledger, actor, calendar, now)];
  const open = listDiscrepancies(ledger.db, ids, true).length;
  if (open) alerts.push(alert('warn', 'openDiscrepancies', { count: open }));
  alerts.push(...countAlerts(ledger, actor, calendar, now));
  // HB Art. 14: 当日尚未发放的社会保障卡必须入库管理 — after closing, the counter's cards go back in.
  const closing = counterClosingTime(ledger);
  const onCounter = counterCardsAfterClosing(ledger.db, ids, closing, now);
  if (onCounter) alerts.push(alert('warn', 'counterNotReturned', { count: onCounter, closing }));
  // HB Art. 14: 三个工作日内联系申请单位或个人领取 — arrived cards nobody has contacted in time.
  const uncontacted = overdueContactCount(ledger, actor, calendar, now);
  if (uncontacted) alerts.push(alert('warn', 'contactOverdue', { count: uncontacted, days: CONTACT_WORKING_DAYS }));
  // Sign-in is blind (shipment-list.ts blindInbound): what is on the way to this very site is
  // said in shipments, never in cards; what goes to the sites below in cards, as before.
  const inbound = listShipments(ledger, actor, { direction: 'inbound' }, calendar, now).length;
  const below = countInStateSince(ledger.db, ids.filter((id) => id !== actor.siteId), stateAfter('dispatch'), nowIso);
  if (inbound || below) alerts.push(alert('warn', 'inTransit', { shipments: inbound, below }));
  const expected = countInStateSince(ledger.db, ids, stateAfter('register'), nowIso);
  if (expected) alerts.push(alert('info', 'awaitingCheckIn', { count: expected }));
  // Issue 21: an admin hears when the replica falls behind (read from the local outbox: no network).
  const lag = actor.role === 'admin' ? replicationLagPastLimit(ledger, now) : null;
  if (lag) alerts.push(alert('warn', 'replicationLag', { minutes: Math.ceil(lag.seconds / 60) }));
  const holidays = holidayAlert(calendar, todayInChina(now));
  if (holidays) alerts.push(holidays);
  return alerts;
}

/** Cards to recall and shipments not signed for in time: the danger lines. */
function recallAlerts(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, now: Date): Alert[] {
  const alerts: Alert[] = [];
  // GD Art. 32, HB Art. 17, with the ledger's rule profile (recall.ts): overdue, sleeping and dead holders' cards, one line.
  // The counts only: the list's holders, masking and order would be thrown away here.
  const due = overdueCounts(ledger, actor, calendar, {}, now);
  if (due.total) {
    const recallDays = ledgerProfile(ledger).recallWorkingDays;
    alerts.push(alert('danger', 'recall', { total: due.total, ...due.byCategory, late: due.late, recallDays }));
  }
  const late = listShipments(ledger, actor, { direction: 'inbound' }, calendar, now).filter((s) => s.late);
  if (late.length) {
    alerts.push(alert('danger', 'lateShipments', { count: late.length, days: transitWarningDays(ledger), first: late[0]!.number }));
  }
  return alerts;
}

/** GD Art. 36 一(四): a working day without a closed count of the blanks is flagged. */
function countAlerts(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, now: Date): Alert[] {
  const missed = missedCountDays(ledger, actor, calendar, now, COUNT_LOOKBACK_DAYS);
  const days = COUNT_LOOKBACK_DAYS;
  if (missed.length === 1) {
    const one = missed[0]!;
    return [alert('warn', 'missedCountsOneSite', { site: one.site, days, missed: one.dates.length, last: one.dates.at(-1)! })];
  }
  if (missed.length > 1) return [alert('warn', 'missedCountsSites', { sites: missed.length, days, first: missed[0]!.site })];
  return [];
}

/** Next year's holidays, when the deadlines that cross into it rest on estimates. */
function holidayAlert(calendar: WorkingCalendar, today: string): Alert | null {
  const year = Number(today.slice(0, 4)) + 1;
  const basis = calendar.basisForYear(year);
  if (basis === 'official') return null;
  return basis === 'no-data' ? alert('info', 'holidaysMissing', { year }) : alert('info', 'holidaysProvisional', { year });
}
