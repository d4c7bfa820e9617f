import type { KeyEvent } from '../../keys/key-event.ts';
import { matches } from '../../keys/registry.ts';
import type { useStrayScan } from '../../keys/use-stray-scan.ts';
import type { CountHome } from '../../hooks/use-count.ts';

type Stray = ReturnType<typeof useStrayScan>;
export type CountHomeNav = { onScan: (countId: number) => void; onReview: (countId: number) => void; onReport: () => void };

function newCountKeys(c: CountHome, e: KeyEvent, nav: CountHomeNav): boolean {
  if (matches('count.bank', e)) return c.moveBank(e.name === 'left' ? -1 : 1), true;
  if (matches('count.start', e)) {
    const id = c.start();
    if (id !== null) nav.onScan(id);
    return true;
  }
  if (matches('count.new-cancel', e)) return c.cancelNew(), true;
  return false;
}

/** The count page's keys, decided on the state the previous key left. */
export function countHomeKeys(c: CountHome, stray: Stray, nav: CountHomeNav): (e: KeyEvent) => boolean {
  return (e) => {
    // No text field on this page: a card scanned by habit is neither a command nor an Enter.
    if (stray.swallow(e, (k) => matches('count.new', k) || matches('count.report', k) || matches('help', k) || matches('quit', k))) return true;
    if (c.latest().mode === 'new') return newCountKeys(c, e, nav);
    const open = c.openNow();
    if (open && matches('count.resume', e)) return (open.status === 'submitted' ? nav.onReview(open.id) : nav.onScan(open.id)), true;
    if (matches('count.new', e)) return c.openNew(), true;
    if (matches('count.report', e)) return nav.onReport(), true;
    return false;
  };
}
