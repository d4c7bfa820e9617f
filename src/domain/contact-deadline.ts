/**
 * HB Art. 14: 采取快速制卡方式和批量制卡方式制发的社会保障卡在制作完成后，服务机构安排专人保管和发放，
 * 并在三个工作日内联系申请单位或个人领取. The deadline counts from the day the card was received at
 * the office; the day of receipt itself does not count (calendar.ts addWorkingDays).
 */
import type { DeadlineBasis, WorkingCalendar } from './calendar.ts';
import { todayInChina } from './china-dates.ts';

export const CONTACT_WORKING_DAYS = 3;

export type ContactDeadline = { receivedOn: string; dueBy: string; basis: DeadlineBasis; overdue: boolean };

/** `contacted`: a contact was recorded since receipt, which meets the rule whatever the day. */
export function contactDeadline(calendar: WorkingCalendar, receivedAt: string, today: string, contacted: boolean): ContactDeadline {
  const receivedOn = todayInChina(new Date(receivedAt));
  const due = calendar.addWorkingDays(receivedOn, CONTACT_WORKING_DAYS);
  return { receivedOn, dueBy: due.date, basis: due.basis, overdue: !contacted && today > due.date };
}

/** Every digit but the last four hidden (`*******5678`): the list shows no more until the number is opened. */
export function maskPhoneLastFour(s: string): string {
  const digits = (s.match(/[0-9]/g) ?? []).length;
  // A number of fewer than 8 digits shows at most half of them.
  const keep = Math.min(4, Math.floor(digits / 2));
  let seen = 0;
  return [...s.normalize('NFKC').trim()]
    .map((c) => {
      if (!/[0-9]/.test(c)) return /\p{L}/u.test(c) ? '*' : c;
      seen++;
      return seen > digits - keep ? c : '*';
    })
    .join('');
}
