import { useMemo } from 'react';
import { contactList, recordContact, showContact, type ContactChannel, type ContactRow } from '../../workflows/contact-list.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { contactReducer, initialContactState, selectedContactRow, type ContactNotice, type OpenedPhone } from '../state/contact.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorText } from '../state/error-text.ts';

const T = zh.contact;

export type ContactScreenData = {
  readonly rows: readonly ContactRow[];
  readonly overdue: number;
  readonly overdueOnly: boolean;
  readonly error: string | null;
  readonly selected: number;
  readonly current: ContactRow | null;
  readonly opened: OpenedPhone | null;
  readonly notice: ContactNotice | null;
  readonly move: (delta: number) => void;
  readonly toggleOverdue: () => void;
  readonly open: () => void;
  readonly record: (channel: ContactChannel) => void;
};

/**
 * 待联系 (HB Art. 14): the cards at the office not yet issued, by their three-working-day
 * deadline, phones masked but for the last four digits. V opens the marked card's phone (the
 * workflow writes it to the audit log); P, M, U record a contact by phone, SMS or the unit.
 */
export function useContact(actor: Actor): ContactScreenData {
  const { ledger, calendar, now } = useServices();
  const { state, dispatch } = useLatestReducer(contactReducer, initialContactState);
  const loaded = useMemo(() => {
    try {
      return { rows: contactList(ledger, actor, calendar, {}, now()), error: null };
    } catch (e) {
      return { rows: [] as ContactRow[], error: errorText(e) };
    }
    // state.version: a recorded contact changes the list
  }, [ledger, actor, calendar, now, state.version]);
  const rows = useMemo(() => (state.overdueOnly ? loaded.rows.filter((r) => r.overdue) : loaded.rows), [loaded.rows, state.overdueOnly]);
  const index = selectedContactRow(state, rows.length);
  const current = rows[index] ?? null;
  const actions = useMemo(() => {
    const fail = (e: unknown): void => void dispatch({ type: 'notice', notice: { level: 'error', lines: [errorText(e)] } });
    return {
      move: (delta: number) => void dispatch({ type: 'move', delta, count: rows.length }),
      toggleOverdue: () => void dispatch({ type: 'toggle-overdue' }),
      open: () => {
        if (!current) return;
        try {
          const d = showContact(ledger, actor, current.cardNo);
          dispatch({ type: 'opened', opened: { cardNo: d.cardNo, lines: T.opened(d.mobile ?? '-', d.phone ?? '-', d.address ?? '-') } });
        } catch (e) {
          fail(e);
        }
      },
      record: (channel: ContactChannel) => {
        if (!current) return;
        try {
          const r = recordContact(ledger, actor, { cardNo: current.cardNo, channel });
          dispatch({ type: 'recorded', notice: { level: 'ok', lines: [T.recorded(r.cardNo, T.channels[r.channel])] } });
        } catch (e) {
          fail(e);
        }
      },
    };
  }, [ledger, actor, current, rows.length, dispatch]);
  const overdue = loaded.rows.filter((r) => r.overdue).length;
  return { ...actions, rows, overdue, overdueOnly: state.overdueOnly, error: loaded.error, selected: index, current, opened: state.opened, notice: state.notice };
}
