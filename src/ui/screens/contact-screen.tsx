import type { ScreenProps } from './screen-props.ts';
import { useLayoutEffect } from 'react';
import { Box } from 'ink';
import { Table } from '../components/table.tsx';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import { useContact, type ContactScreenData } from '../hooks/use-contact.ts';
import { COLUMNS, contactView } from './contact/contact-view.ts';

export type ContactScreenProps = ScreenProps;

/** Title, the table's header, rule and overflow line, the detail line, two lines for the phone or a notice. */
const CHROME = 1 + 3 + 1 + 2;
const LETTERS = ['contact.overdue', 'contact.open', 'contact.phone', 'contact.sms', 'contact.unit'] as const;
const overdueColor = (row: { overdue: boolean }) => (row.overdue ? 'yellow' : undefined);

function contactKeys(c: ContactScreenData, stray: ReturnType<typeof useStrayScan>, page: number): (e: KeyEvent) => boolean {
  return (e) => {
    if (stray.swallow(e, (k) => LETTERS.some((id) => matches(id, k)) || matches('help', k) || matches('quit', k))) return true;
    if (matches('contact.move', e)) return c.move(e.name === 'up' ? -1 : 1), true;
    if (matches('contact.page', e)) return c.move(e.name === 'pageup' ? -page : page), true;
    if (matches('contact.overdue', e)) return c.toggleOverdue(), true;
    if (matches('contact.open', e)) return c.open(), true;
    if (matches('contact.phone', e)) return c.record('phone'), true;
    if (matches('contact.sms', e)) return c.record('sms'), true;
    if (matches('contact.unit', e)) return c.record('unit'), true;
    return false;
  };
}

/** 待联系: cards at the office not yet issued, to contact within three working days (HB Art. 14). */
export function ContactScreen({ actor, width, height, isActive, onContext }: ContactScreenProps) {
  const c = useContact(actor);
  useLayoutEffect(() => onContext('contact'), []);
  const stray = useStrayScan();
  const tableRows = Math.max(1, height - CHROME);
  useKeyHandler(contactKeys(c, stray, tableRows), { priority: PRIORITY.screen, isActive });
  const v = contactView(c);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={v.title} width={width} bold />
      <Table data={v.rows} columns={COLUMNS} width={width} height={tableRows} selectedIndex={v.selected} emptyText={v.emptyText} rowColor={overdueColor} />
      <Line text={v.detail} width={width} dim />
      {v.lines.map((text, i) => (
        <Line key={i} text={text} color={v.linesColor} width={width} />
      ))}
    </Box>
  );
}
