import type { KeyEvent } from './key-event.ts';
import { keyDescriptions, keyLabels } from '../../i18n/keys.ts';

/**
 * Every key the console answers to, in one typed list that the footer, the `?` help and the
 * screens' handlers all read (the gemini-cli / lazygit pattern): a key cannot be documented
 * in one place and behave differently in another.
 */

export type KeyCategory = 'local' | 'navigation' | 'global';

export type KeyBinding = {
  readonly id: string;
  /** Display label: '↑↓', 'Enter', 'Esc', '?', 'q', '1-9'. */
  readonly keys: string;
  /** What it does, in zh-CN (from src/i18n/keys.ts). */
  readonly description: string;
  readonly category: KeyCategory;
  /** Key contexts it applies to, or ['*'] for every screen. */
  readonly contexts: readonly string[];
  /**
   * Listed in the one-row footer (default true); 'text': only while a text field has focus (F1,
   * which stands in for `?` there). The `?` help lists every binding.
   */
  readonly footer?: boolean | 'text';
  /**
   * A printable key: while a text field has focus the field swallows it (PRIORITY.text), so it
   * does nothing then, and the footer leaves it out when told a field is focused.
   */
  readonly printable?: boolean;
};

type Def = KeyBinding & { readonly match: (e: KeyEvent) => boolean };

const plain = (e: KeyEvent): boolean => !e.ctrl && !e.meta;
const char = (c: string) => (e: KeyEvent): boolean => e.name === 'char' && e.char === c && plain(e);
const named = (...names: KeyEvent['name'][]) => (e: KeyEvent): boolean => names.includes(e.name) && !e.ctrl && !e.meta;
const ctrl = (letter: string) => (e: KeyEvent): boolean => e.name === 'char' && e.ctrl && e.char === letter;
const either = (...ms: ((e: KeyEvent) => boolean)[]) => (e: KeyEvent): boolean => ms.some((m) => m(e));

const ALL = ['*'] as const;

const DEFS = [
  // Global (every screen). `q` and `?` are printable: a focused text field takes them first,
  // so they only quit / open help when no field has focus. Ctrl+C always quits.
  { id: 'help', keys: '?', description: keyDescriptions['help'], category: 'global', contexts: ALL, printable: true, match: char('?') },
  { id: 'back', keys: 'Esc', description: keyDescriptions['back'], category: 'global', contexts: ALL, match: named('escape') },
  { id: 'quit', keys: 'q', description: keyDescriptions['quit'], category: 'global', contexts: ALL, printable: true, match: char('q') },
  { id: 'quit-ctrl-c', keys: 'Ctrl+C', description: keyDescriptions['quit-ctrl-c'], category: 'global', contexts: ALL, footer: false, match: ctrl('c') },
  // Inside a text field `?` is typed; F1 opens help there (and anywhere else). Last
  // of the footer's globals: where the row is short, Esc 返回 stays and F1 goes.
  { id: 'help-f1', keys: 'F1', description: keyDescriptions['help-f1'], category: 'global', contexts: ALL, footer: 'text', match: named('f1') },
  // Every text field's (src/ui/state/text-field.ts): only while a field has focus, so they are
  // help entries, not footer items.
  { id: 'field.clear', keys: 'Ctrl+U', description: keyDescriptions['field.clear'], category: 'global', contexts: ALL, footer: false, match: ctrl('u') },
  { id: 'field.word', keys: 'Ctrl+W', description: keyDescriptions['field.word'], category: 'global', contexts: ALL, footer: false, match: ctrl('w') },

  { id: 'login.next-field', keys: 'Tab', description: keyDescriptions['login.next-field'], category: 'navigation', contexts: ['login'], match: named('tab', 'backtab') },
  { id: 'login.submit', keys: 'Enter', description: keyDescriptions['login.submit'], category: 'local', contexts: ['login'], match: named('enter') },

  { id: 'home.move', keys: '↑↓', description: keyDescriptions['home.move'], category: 'navigation', contexts: ['home'], match: named('up', 'down') },
  { id: 'home.open', keys: 'Enter', description: keyDescriptions['home.open'], category: 'navigation', contexts: ['home'], match: named('enter') },
  // The menu's 12 items: 1-9, then 0, - and = (the keys after 9 on the number row; MENU_KEYS in home-menu.ts).
  { id: 'home.jump', keys: '1-9/0/-/=', description: keyDescriptions['home.jump'], category: 'navigation', contexts: ['home'], printable: true, match: (e: KeyEvent) => e.name === 'char' && /^[0-9=-]$/.test(e.char) && plain(e) },
  // Not in the footer: 7 查卡 is on the menu and a scan opens the card; with Shift+L spelt out
  // the row has no room left for it before `q 退出`. Help lists it.
  { id: 'home.lookup', keys: '/', description: keyDescriptions['home.lookup'], category: 'navigation', contexts: ['home'], printable: true, footer: false, match: char('/') },
  { id: 'home.scan', keys: keyLabels.scan, description: keyDescriptions['home.scan'], category: 'navigation', contexts: ['home'], footer: false, match: (e: KeyEvent) => e.name === 'scan' },
  // Upper-case L only (Shift+L, and the label says so): a stray lower-case l must not log the
  // operator out. A label is a plain letter only where both cases work.
  // Only while the counter-after-closing alert shows (HB Art. 14); the alert line names the key, so not in the full footer.
  { id: 'home.back-to-vault', keys: 'B', description: keyDescriptions['home.back-to-vault'], category: 'local', contexts: ['home'], printable: true, footer: false, match: either(char('B'), char('b')) },
  { id: 'home.logout', keys: 'Shift+L', description: keyDescriptions['home.logout'], category: 'local', contexts: ['home'], printable: true, match: char('L') },

  { id: 'lookup.search', keys: 'Enter', description: keyDescriptions['lookup.search'], category: 'local', contexts: ['lookup'], match: named('enter') },
  { id: 'lookup.scroll', keys: '↑↓', description: keyDescriptions['lookup.scroll'], category: 'navigation', contexts: ['lookup'], match: named('up', 'down') },
  { id: 'lookup.page', keys: 'PgUp/PgDn', description: keyDescriptions['lookup.page'], category: 'navigation', contexts: ['lookup'], match: named('pageup', 'pagedown') },

  // 入库登记: the path field (Tab completes), a folder's maker files, the preview of a clean
  // file, the question before a file for another city, and a file with problems, where the only
  // ways on are saving the list and reading the fixed file again (never an import).
  { id: 'intake.check', keys: 'Enter', description: keyDescriptions['intake.check'], category: 'local', contexts: ['intake'], match: named('enter') },
  { id: 'intake.complete', keys: 'Tab', description: keyDescriptions['intake.complete'], category: 'local', contexts: ['intake'], match: named('tab') },
  { id: 'intake.pick', keys: 'Enter', description: keyDescriptions['intake.pick'], category: 'local', contexts: ['intake-pick'], match: named('enter') },
  { id: 'intake.pick-move', keys: '↑↓', description: keyDescriptions['intake.pick-move'], category: 'navigation', contexts: ['intake-pick'], match: named('up', 'down') },
  { id: 'intake.import', keys: 'Enter', description: keyDescriptions['intake.import'], category: 'local', contexts: ['intake-preview'], match: named('enter') },
  // Y only, not Enter: the Enter that asked must not answer by habit.
  { id: 'intake.other-city-yes', keys: 'Y', description: keyDescriptions['intake.other-city-yes'], category: 'local', contexts: ['intake-other-city'], printable: true, match: either(char('y'), char('Y')) },
  { id: 'intake.other-city-no', keys: 'N/Esc', description: keyDescriptions['intake.other-city-no'], category: 'local', contexts: ['intake-other-city'], match: either(char('n'), char('N'), named('escape')) },
  { id: 'intake.reread', keys: 'Enter', description: keyDescriptions['intake.reread'], category: 'local', contexts: ['intake-invalid'], match: named('enter') },
  { id: 'intake.scroll', keys: '↑↓', description: keyDescriptions['intake.scroll'], category: 'navigation', contexts: ['intake-invalid'], match: named('up', 'down') },
  { id: 'intake.save-report', keys: 'Ctrl+W', description: keyDescriptions['intake.save-report'], category: 'local', contexts: ['intake-invalid'], match: ctrl('w') },
  { id: 'intake.to-checkin', keys: 'Enter', description: keyDescriptions['intake.to-checkin'], category: 'local', contexts: ['intake-done'], match: named('enter') },

  { id: 'checkin.pick', keys: 'Enter', description: keyDescriptions['checkin.pick'], category: 'local', contexts: ['checkin-batches'], match: named('enter') },
  { id: 'checkin.move', keys: '↑↓', description: keyDescriptions['checkin.move'], category: 'navigation', contexts: ['checkin-batches'], match: named('up', 'down') },
  { id: 'checkin.scan', keys: 'Enter', description: keyDescriptions['checkin.scan'], category: 'local', contexts: ['checkin'], match: named('enter') },
  // The scan screens share two keys: Ctrl+Z takes back the last scan, Ctrl+B (坏) marks the last
  // card damaged. Ctrl+D is bound nowhere: it once meant undo on some screens and damaged on others.
  { id: 'checkin.undo', keys: 'Ctrl+Z', description: keyDescriptions['checkin.undo'], category: 'local', contexts: ['checkin'], match: ctrl('z') },
  { id: 'checkin.damaged', keys: 'Ctrl+B', description: keyDescriptions['checkin.damaged'], category: 'local', contexts: ['checkin'], match: ctrl('b') },
  { id: 'checkin.place', keys: 'Tab', description: keyDescriptions['checkin.place'], category: 'local', contexts: ['checkin'], match: named('tab') },
  // The line under the title names the key; the footer has no room left for it at 80 columns.
  { id: 'checkin.custodian', keys: 'Ctrl+P', description: keyDescriptions['checkin.custodian'], category: 'local', contexts: ['checkin'], footer: false, match: ctrl('p') },

  // Shipments (发运与签收): two lists, 待签收 and 本网点发出, one context each so the footer
  // offers Enter 签收 only on an inbound row and S only on an outbound one.
  { id: 'shipments.sign-in', keys: 'Enter', description: keyDescriptions['shipments.sign-in'], category: 'local', contexts: ['shipments-in'], match: named('enter') },
  { id: 'shipments.save-sheet', keys: 'S', description: keyDescriptions['shipments.save-sheet'], category: 'local', contexts: ['shipments-out'], printable: true, match: either(char('S'), char('s')) },
  { id: 'shipments.new', keys: 'N', description: keyDescriptions['shipments.new'], category: 'local', contexts: ['shipments-in', 'shipments-out'], printable: true, match: either(char('N'), char('n')) },
  { id: 'shipments.tab', keys: 'Tab', description: keyDescriptions['shipments.tab'], category: 'navigation', contexts: ['shipments-in', 'shipments-out'], match: named('tab', 'backtab') },
  { id: 'shipments.move', keys: '↑↓', description: keyDescriptions['shipments.move'], category: 'navigation', contexts: ['shipments-in', 'shipments-out'], match: named('up', 'down') },

  { id: 'dispatch.pick', keys: 'Enter', description: keyDescriptions['dispatch.pick'], category: 'local', contexts: ['dispatch-dest'], match: named('enter') },
  { id: 'dispatch.move', keys: '↑↓', description: keyDescriptions['dispatch.move'], category: 'navigation', contexts: ['dispatch-dest'], match: named('up', 'down') },
  { id: 'dispatch.page', keys: 'PgUp/PgDn', description: keyDescriptions['dispatch.page'], category: 'navigation', contexts: ['dispatch-dest'], match: named('pageup', 'pagedown') },
  { id: 'dispatch.scan', keys: 'Enter', description: keyDescriptions['dispatch.scan'], category: 'local', contexts: ['dispatch-scan'], match: named('enter') },
  { id: 'dispatch.undo', keys: 'Ctrl+Z', description: keyDescriptions['dispatch.undo'], category: 'local', contexts: ['dispatch-scan'], match: ctrl('z') },
  { id: 'dispatch.next', keys: 'Enter', description: keyDescriptions['dispatch.next'], category: 'local', contexts: ['dispatch-details', 'dispatch-details-edit'], match: named('enter') },
  { id: 'dispatch.method', keys: '←→', description: keyDescriptions['dispatch.method'], category: 'local', contexts: ['dispatch-details'], match: named('left', 'right') },
  { id: 'dispatch.field', keys: 'Tab', description: keyDescriptions['dispatch.field'], category: 'navigation', contexts: ['dispatch-details', 'dispatch-details-edit'], match: named('tab', 'backtab') },

  { id: 'signin.scan', keys: 'Enter', description: keyDescriptions['signin.scan'], category: 'local', contexts: ['signin'], match: named('enter') },
  { id: 'signin.undo', keys: 'Ctrl+Z', description: keyDescriptions['signin.undo'], category: 'local', contexts: ['signin'], match: ctrl('z') },
  { id: 'signin.damaged', keys: 'Ctrl+B', description: keyDescriptions['signin.damaged'], category: 'local', contexts: ['signin'], match: ctrl('b') },
  { id: 'signin.submit', keys: 'Ctrl+S', description: keyDescriptions['signin.submit'], category: 'local', contexts: ['signin'], match: ctrl('s') },
  { id: 'signin.close', keys: 'Enter', description: keyDescriptions['signin.close'], category: 'local', contexts: ['signin-result'], match: named('enter') },
  { id: 'signin.partial', keys: 'P', description: keyDescriptions['signin.partial'], category: 'local', contexts: ['signin-result'], printable: true, match: either(char('P'), char('p')) },
  { id: 'signin.place', keys: '←→', description: keyDescriptions['signin.place'], category: 'local', contexts: ['signin-result'], match: named('left', 'right') },
  { id: 'signin.person', keys: '←→', description: keyDescriptions['signin.person'], category: 'local', contexts: ['signin-result-edit'], match: named('left', 'right') },
  { id: 'signin.field-done', keys: 'Enter', description: keyDescriptions['signin.field-done'], category: 'local', contexts: ['signin-result-edit'], match: named('enter') },
  { id: 'signin.recount', keys: 'Esc', description: keyDescriptions['signin.recount'], category: 'local', contexts: ['signin-result', 'signin-result-edit'], match: named('escape') },
  { id: 'signin.field', keys: 'Tab', description: keyDescriptions['signin.field'], category: 'navigation', contexts: ['signin-result', 'signin-result-edit'], match: named('tab', 'backtab') },
  { id: 'signin.scroll', keys: '↑↓', description: keyDescriptions['signin.scroll'], category: 'navigation', contexts: ['signin-result', 'signin-result-edit'], match: named('up', 'down') },

  // Issuance (发卡): find the card, fill in who receives it, read-check, issue. The form has a
  // row that is not a text field (领取人: 本人/代领), where R and 1/2 are keys, and text rows.
  { id: 'issue.ledger', keys: 'Ctrl+L', description: keyDescriptions['issue.ledger'], category: 'local', contexts: ['issue-query'], match: ctrl('l') },
  { id: 'issue.search', keys: 'Enter', description: keyDescriptions['issue.search'], category: 'local', contexts: ['issue-query'], match: named('enter') },
  { id: 'issue.choose', keys: 'Enter', description: keyDescriptions['issue.choose'], category: 'local', contexts: ['issue-pick'], match: named('enter') },
  { id: 'issue.move', keys: '↑↓', description: keyDescriptions['issue.move'], category: 'navigation', contexts: ['issue-pick'], match: named('up', 'down') },
  { id: 'issue.submit', keys: 'Enter', description: keyDescriptions['issue.submit'], category: 'local', contexts: ['issue-form'], match: named('enter') },
  { id: 'issue.next', keys: 'Enter', description: keyDescriptions['issue.next'], category: 'local', contexts: ['issue-form-edit', 'issue-form-agent-id'], match: named('enter') },
  { id: 'issue.receiver', keys: '←→/1/2/3', description: keyDescriptions['issue.receiver'], category: 'local', contexts: ['issue-form'], match: either(named('left', 'right'), char('1'), char('2'), char('3')) },
  { id: 'issue.read', keys: 'R', description: keyDescriptions['issue.read'], category: 'local', contexts: ['issue-form'], printable: true, match: either(char('R'), char('r')) },
  { id: 'issue.agent-id-type', keys: 'Ctrl+T', description: keyDescriptions['issue.agent-id-type'], category: 'local', contexts: ['issue-form-agent-id'], match: ctrl('t') },
  { id: 'issue.read-edit', keys: 'Ctrl+R', description: keyDescriptions['issue.read-edit'], category: 'local', contexts: ['issue-form-edit', 'issue-form-agent-id'], match: ctrl('r') },
  { id: 'issue.field', keys: 'Tab/↑↓', description: keyDescriptions['issue.field'], category: 'navigation', contexts: ['issue-form', 'issue-form-edit', 'issue-form-agent-id'], match: named('tab', 'backtab', 'up', 'down') },
  { id: 'issue.back', keys: 'Esc', description: keyDescriptions['issue.back'], category: 'navigation', contexts: ['issue-pick', 'issue-done'], match: named('escape') },

  // 逾期与回收: four lists, one context each, so the footer offers only what works on the tab.
  // 待注销 has two contexts: F 封存 exists only where the rule profile has sealing (HB Art. 17).
  { id: 'overdue.toggle', keys: 'Space', description: keyDescriptions['overdue.toggle'], category: 'local', contexts: ['overdue-due', 'overdue-cancel', 'overdue-cancel-seal'], printable: true, match: char(' ') },
  { id: 'overdue.all', keys: 'A', description: keyDescriptions['overdue.all'], category: 'local', contexts: ['overdue-due', 'overdue-cancel', 'overdue-cancel-seal'], printable: true, match: either(char('A'), char('a')) },
  { id: 'overdue.recall', keys: 'R', description: keyDescriptions['overdue.recall'], category: 'local', contexts: ['overdue-due'], printable: true, match: either(char('R'), char('r')) },
  { id: 'overdue.stats', keys: 'S', description: keyDescriptions['overdue.stats'], category: 'local', contexts: ['overdue-due'], printable: true, match: either(char('S'), char('s')) },
  { id: 'overdue.settle', keys: 'Enter', description: keyDescriptions['overdue.settle'], category: 'local', contexts: ['overdue-pickups'], match: named('enter') },
  { id: 'overdue.new-pickup', keys: 'N', description: keyDescriptions['overdue.new-pickup'], category: 'local', contexts: ['overdue-pickups'], printable: true, match: either(char('N'), char('n')) },
  { id: 'overdue.cancel', keys: 'C', description: keyDescriptions['overdue.cancel'], category: 'local', contexts: ['overdue-cancel', 'overdue-cancel-seal'], printable: true, match: either(char('C'), char('c')) },
  { id: 'overdue.seal', keys: 'F', description: keyDescriptions['overdue.seal'], category: 'local', contexts: ['overdue-cancel-seal'], printable: true, match: either(char('F'), char('f')) },
  { id: 'overdue.tab', keys: 'Tab', description: keyDescriptions['overdue.tab'], category: 'navigation', contexts: ['overdue-due', 'overdue-warn', 'overdue-pickups', 'overdue-cancel', 'overdue-cancel-seal', 'overdue-mail'], match: named('tab', 'backtab') },
  { id: 'overdue.move', keys: '↑↓', description: keyDescriptions['overdue.move'], category: 'navigation', contexts: ['overdue-due', 'overdue-warn', 'overdue-pickups', 'overdue-cancel', 'overdue-cancel-seal', 'overdue-mail'], match: named('up', 'down') },
  { id: 'overdue.page', keys: 'PgUp/PgDn', description: keyDescriptions['overdue.page'], category: 'navigation', contexts: ['overdue-due', 'overdue-warn', 'overdue-pickups', 'overdue-cancel', 'overdue-cancel-seal', 'overdue-mail'], footer: false, match: named('pageup', 'pagedown') },
  { id: 'overdue.mail-delivered', keys: 'D', description: keyDescriptions['overdue.mail-delivered'], category: 'local', contexts: ['overdue-mail'], printable: true, match: either(char('D'), char('d')) },
  { id: 'overdue.mail-returned', keys: 'T', description: keyDescriptions['overdue.mail-returned'], category: 'local', contexts: ['overdue-mail'], printable: true, match: either(char('T'), char('t')) },
  { id: 'overdue.mail-confirm', keys: 'Enter', description: keyDescriptions['overdue.mail-confirm'], category: 'local', contexts: ['overdue-mail-dialog'], match: named('enter') },
  { id: 'overdue.recall-confirm', keys: 'Enter', description: keyDescriptions['overdue.recall-confirm'], category: 'local', contexts: ['overdue-recall', 'overdue-recall-note'], match: named('enter') },
  { id: 'overdue.reason', keys: '↑↓', description: keyDescriptions['overdue.reason'], category: 'local', contexts: ['overdue-recall', 'overdue-recall-note'], match: named('up', 'down') },
  { id: 'overdue.end-confirm', keys: 'Enter', description: keyDescriptions['overdue.end-confirm'], category: 'local', contexts: ['overdue-end'], match: named('enter') },
  { id: 'overdue.end-field', keys: 'Tab/↑↓', description: keyDescriptions['overdue.end-field'], category: 'navigation', contexts: ['overdue-end'], match: named('tab', 'backtab', 'up', 'down') },
  { id: 'overdue.dialog-close', keys: 'Esc', description: keyDescriptions['overdue.dialog-close'], category: 'local', contexts: ['overdue-recall', 'overdue-recall-note', 'overdue-end', 'overdue-mail-dialog'], match: named('escape') },
  { id: 'ways.tab', keys: 'Tab', description: keyDescriptions['ways.tab'], category: 'navigation', contexts: ['ways-remake', 'ways-takeback', 'ways-destroy'], match: named('tab', 'backtab') },
  { id: 'ways.move', keys: '↑↓', description: keyDescriptions['ways.move'], category: 'navigation', contexts: ['ways-remake'], match: named('up', 'down') },
  { id: 'ways.order', keys: 'M', description: keyDescriptions['ways.order'], category: 'local', contexts: ['ways-remake'], printable: true, match: either(char('M'), char('m')) },
  { id: 'ways.page', keys: 'PgUp/PgDn', description: keyDescriptions['ways.page'], category: 'navigation', contexts: ['ways-remake'], footer: false, match: named('pageup', 'pagedown') },
  { id: 'ways.submit', keys: 'Enter', description: keyDescriptions['ways.submit'], category: 'local', contexts: ['ways-takeback', 'ways-destroy'], match: named('enter') },
  { id: 'ways.reason', keys: '←→', description: keyDescriptions['ways.reason'], category: 'local', contexts: ['ways-takeback'], match: named('left', 'right') },
  { id: 'ways.field', keys: '↑↓', description: keyDescriptions['ways.field'], category: 'navigation', contexts: ['ways-takeback', 'ways-destroy'], match: named('up', 'down') },
  { id: 'ways.undo', keys: 'Ctrl+Z', description: keyDescriptions['ways.undo'], category: 'local', contexts: ['ways-destroy'], match: ctrl('z') },
  { id: 'overdue.stats-close', keys: 'S/Esc', description: keyDescriptions['overdue.stats-close'], category: 'local', contexts: ['overdue-stats'], match: either(char('S'), char('s'), named('escape')) },

  // Settling a collective pickup (集体代领结清): each card handed over by the unit, or brought back.
  { id: 'settle.delivered', keys: 'D', description: keyDescriptions['settle.delivered'], category: 'local', contexts: ['settle'], printable: true, match: either(char('D'), char('d')) },
  { id: 'settle.returned', keys: 'R', description: keyDescriptions['settle.returned'], category: 'local', contexts: ['settle'], printable: true, match: either(char('R'), char('r')) },
  { id: 'settle.confirm', keys: 'Enter', description: keyDescriptions['settle.confirm'], category: 'local', contexts: ['settle'], match: named('enter') },
  { id: 'settle.unit-signed', keys: 'U', description: keyDescriptions['settle.unit-signed'], category: 'local', contexts: ['settle'], printable: true, match: either(char('U'), char('u')) },
  { id: 'settle.move', keys: '↑↓', description: keyDescriptions['settle.move'], category: 'navigation', contexts: ['settle'], match: named('up', 'down') },

  // A new collective pickup: the unit and its agent, then the cards.
  { id: 'pickup.next', keys: 'Enter', description: keyDescriptions['pickup.next'], category: 'local', contexts: ['pickup-details'], match: named('enter') },
  { id: 'pickup.field', keys: 'Tab/↑↓', description: keyDescriptions['pickup.field'], category: 'navigation', contexts: ['pickup-details'], match: named('tab', 'backtab', 'up', 'down') },
  { id: 'pickup.scan', keys: 'Enter', description: keyDescriptions['pickup.scan'], category: 'local', contexts: ['pickup-scan'], match: named('enter') },
  { id: 'pickup.undo', keys: 'Ctrl+Z', description: keyDescriptions['pickup.undo'], category: 'local', contexts: ['pickup-scan'], match: ctrl('z') },
  { id: 'pickup.sheet', keys: 'P', description: keyDescriptions['pickup.sheet'], category: 'local', contexts: ['pickup-done'], printable: true, match: either(char('P'), char('p')) },

  // 预制卡盘点: today's state and the blanks by bank (no figures), a new count or the open one.
  { id: 'count.resume', keys: 'Enter', description: keyDescriptions['count.resume'], category: 'local', contexts: ['count-open'], match: named('enter') },
  { id: 'count.new', keys: 'N', description: keyDescriptions['count.new'], category: 'local', contexts: ['count', 'count-open'], printable: true, match: either(char('N'), char('n')) },
  { id: 'count.report', keys: 'R', description: keyDescriptions['count.report'], category: 'local', contexts: ['count', 'count-open'], printable: true, match: either(char('R'), char('r')) },
  { id: 'count.start', keys: 'Enter', description: keyDescriptions['count.start'], category: 'local', contexts: ['count-new'], match: named('enter') },
  { id: 'count.bank', keys: '←→', description: keyDescriptions['count.bank'], category: 'local', contexts: ['count-new'], match: named('left', 'right') },
  { id: 'count.new-cancel', keys: 'Esc', description: keyDescriptions['count.new-cancel'], category: 'local', contexts: ['count-new'], match: named('escape') },
  // Counting (blind): every Enter is written at once; H names a hopper while the scan field is empty.
  { id: 'count.scan', keys: 'Enter', description: keyDescriptions['count.scan'], category: 'local', contexts: ['count-scan'], match: named('enter') },
  { id: 'count.hopper', keys: 'H', description: keyDescriptions['count.hopper'], category: 'local', contexts: ['count-scan'], match: either(char('H'), char('h')) },
  { id: 'count.quantity', keys: 'Enter', description: keyDescriptions['count.quantity'], category: 'local', contexts: ['count-qty'], match: named('enter') },
  // Scanning: the last entry taken back (a reversing line); asking a quantity: the question dropped.
  { id: 'count.undo', keys: 'Ctrl+Z', description: keyDescriptions['count.undo'], category: 'local', contexts: ['count-scan', 'count-qty'], match: ctrl('z') },
  { id: 'count.submit', keys: 'Ctrl+S', description: keyDescriptions['count.submit'], category: 'local', contexts: ['count-scan'], match: ctrl('s') },
  { id: 'count.pick-hopper', keys: 'Enter', description: keyDescriptions['count.pick-hopper'], category: 'local', contexts: ['count-hopper'], match: named('enter') },
  { id: 'count.hopper-move', keys: '↑↓', description: keyDescriptions['count.hopper-move'], category: 'navigation', contexts: ['count-hopper'], match: named('up', 'down') },
  { id: 'count.entry-cancel', keys: 'Esc', description: keyDescriptions['count.entry-cancel'], category: 'local', contexts: ['count-qty', 'count-hopper'], match: named('escape') },
  // Variance review: a reason per difference and a supervisor, or a second person for a clean count.
  { id: 'count.reason-next', keys: 'Enter', description: keyDescriptions['count.reason-next'], category: 'local', contexts: ['count-reason'], match: named('enter') },
  { id: 'count.reason-all', keys: 'Ctrl+A', description: keyDescriptions['count.reason-all'], category: 'local', contexts: ['count-reason'], match: ctrl('a') },
  { id: 'count.second-next', keys: 'Enter', description: keyDescriptions['count.second-next'], category: 'local', contexts: ['count-approve', 'count-confirm'], match: named('enter') },
  { id: 'count.diff-move', keys: '↑↓', description: keyDescriptions['count.diff-move'], category: 'navigation', contexts: ['count-reason', 'count-approve'], match: named('up', 'down') },
  { id: 'count.field', keys: 'Tab', description: keyDescriptions['count.field'], category: 'navigation', contexts: ['count-reason', 'count-approve', 'count-confirm'], match: named('tab', 'backtab') },
  // The reconciliation report.
  { id: 'count.report-save', keys: 'S', description: keyDescriptions['count.report-save'], category: 'local', contexts: ['count-report'], printable: true, match: either(char('S'), char('s')) },
  { id: 'count.report-move', keys: '↑↓', description: keyDescriptions['count.report-move'], category: 'navigation', contexts: ['count-report'], match: named('up', 'down') },
  { id: 'issued.save', keys: 'S', description: keyDescriptions['issued.save'], category: 'local', contexts: ['issued-report'], printable: true, match: either(char('S'), char('s')) },
  { id: 'issued.day', keys: '←→', description: keyDescriptions['issued.day'], category: 'navigation', contexts: ['issued-report'], match: named('left', 'right') },
  { id: 'issued.move', keys: '↑↓', description: keyDescriptions['issued.move'], category: 'navigation', contexts: ['issued-report'], match: named('up', 'down') },
  { id: 'issued.page', keys: 'PgUp/PgDn', description: keyDescriptions['issued.page'], category: 'navigation', contexts: ['issued-report'], footer: false, match: named('pageup', 'pagedown') },
  // 待联系 (HB Art. 14): contact within three working days.
  { id: 'contact.phone', keys: 'P', description: keyDescriptions['contact.phone'], category: 'local', contexts: ['contact'], printable: true, match: either(char('P'), char('p')) },
  { id: 'contact.sms', keys: 'M', description: keyDescriptions['contact.sms'], category: 'local', contexts: ['contact'], printable: true, match: either(char('M'), char('m')) },
  { id: 'contact.unit', keys: 'U', description: keyDescriptions['contact.unit'], category: 'local', contexts: ['contact'], printable: true, match: either(char('U'), char('u')) },
  { id: 'contact.open', keys: 'V', description: keyDescriptions['contact.open'], category: 'local', contexts: ['contact'], printable: true, match: either(char('V'), char('v')) },
  { id: 'contact.overdue', keys: 'O', description: keyDescriptions['contact.overdue'], category: 'local', contexts: ['contact'], printable: true, match: either(char('O'), char('o')) },
  { id: 'contact.move', keys: '↑↓', description: keyDescriptions['contact.move'], category: 'navigation', contexts: ['contact'], match: named('up', 'down') },
  { id: 'contact.page', keys: 'PgUp/PgDn', description: keyDescriptions['contact.page'], category: 'navigation', contexts: ['contact'], footer: false, match: named('pageup', 'pagedown') },
  { id: 'count.report-page', keys: 'PgUp/PgDn', description: keyDescriptions['count.report-page'], category: 'navigation', contexts: ['count-report'], footer: false, match: named('pageup', 'pagedown') },

  // 设备: the counter's printers, readers and scanners; a test read and a test eject.
  { id: 'devices.read', keys: 'R', description: keyDescriptions['devices.read'], category: 'local', contexts: ['devices'], printable: true, match: either(char('R'), char('r')) },
  { id: 'devices.eject', keys: 'E', description: keyDescriptions['devices.eject'], category: 'local', contexts: ['devices'], printable: true, match: either(char('E'), char('e')) },
  { id: 'devices.refresh', keys: 'G', description: keyDescriptions['devices.refresh'], category: 'local', contexts: ['devices'], printable: true, match: either(char('G'), char('g')) },
  // A simulated reader only: put one of the ledger's cards on it, take it off, or let the card being issued go there by itself.
  { id: 'devices.insert', keys: 'I', description: keyDescriptions['devices.insert'], category: 'local', contexts: ['devices'], printable: true, match: either(char('I'), char('i')) },
  { id: 'devices.remove', keys: 'O', description: keyDescriptions['devices.remove'], category: 'local', contexts: ['devices'], printable: true, match: either(char('O'), char('o')) },
  { id: 'devices.auto', keys: 'A', description: keyDescriptions['devices.auto'], category: 'local', contexts: ['devices'], printable: true, match: either(char('A'), char('a')) },
  { id: 'devices.card-submit', keys: 'Enter', description: keyDescriptions['devices.card-submit'], category: 'local', contexts: ['devices-card'], match: named('enter') },
  { id: 'devices.card-cancel', keys: 'Esc', description: keyDescriptions['devices.card-cancel'], category: 'local', contexts: ['devices-card'], match: named('escape') },
  { id: 'devices.move', keys: '↑↓', description: keyDescriptions['devices.move'], category: 'navigation', contexts: ['devices'], match: named('up', 'down') },

  // 即时制卡: interrupted jobs first (one context per question), then the form, the run, the result.
  { id: 'instant.refresh', keys: 'G', description: keyDescriptions['instant.refresh'], category: 'local', contexts: ['instant', 'instant-no-blanks'], printable: true, match: either(char('G'), char('g')) },
  { id: 'instant.job-resolve', keys: 'Enter', description: keyDescriptions['instant.job-resolve'], category: 'local', contexts: ['instant-job'], match: named('enter') },
  { id: 'instant.face-good', keys: 'G', description: keyDescriptions['instant.face-good'], category: 'local', contexts: ['instant-job-face'], printable: true, match: either(char('G'), char('g')) },
  { id: 'instant.face-bad', keys: 'B', description: keyDescriptions['instant.face-bad'], category: 'local', contexts: ['instant-job-face'], printable: true, match: either(char('B'), char('b')) },
  { id: 'instant.hand-applicant', keys: 'Enter', description: keyDescriptions['instant.hand-applicant'], category: 'local', contexts: ['instant-job-hand'], match: named('enter') },
  { id: 'instant.hand-stock', keys: 'S', description: keyDescriptions['instant.hand-stock'], category: 'local', contexts: ['instant-job-hand'], printable: true, match: either(char('S'), char('s')) },
  { id: 'instant.receipt', keys: 'P', description: keyDescriptions['instant.receipt'], category: 'local', contexts: ['instant-resolved-receipt', 'instant-issued'], printable: true, match: either(char('P'), char('p')) },
  { id: 'instant.continue', keys: 'Enter/Esc', description: keyDescriptions['instant.continue'], category: 'local', contexts: ['instant-resolved', 'instant-resolved-receipt', 'instant-error'], match: named('enter', 'escape') },
  { id: 'instant.start', keys: 'Ctrl+S', description: keyDescriptions['instant.start'], category: 'local', contexts: ['instant-form', 'instant-form-edit', 'instant-form-id'], match: ctrl('s') },
  { id: 'instant.next', keys: 'Enter', description: keyDescriptions['instant.next'], category: 'local', contexts: ['instant-form', 'instant-form-edit', 'instant-form-id'], match: named('enter') },
  { id: 'instant.bank', keys: '←→', description: keyDescriptions['instant.bank'], category: 'local', contexts: ['instant-form'], match: named('left', 'right') },
  { id: 'instant.id-type', keys: 'Ctrl+T', description: keyDescriptions['instant.id-type'], category: 'local', contexts: ['instant-form-id'], match: ctrl('t') },
  { id: 'instant.field', keys: 'Tab/↑↓', description: keyDescriptions['instant.field'], category: 'navigation', contexts: ['instant-form', 'instant-form-edit', 'instant-form-id'], match: named('tab', 'backtab', 'up', 'down') },
  { id: 'instant.busy', keys: 'Esc/q', description: keyDescriptions['instant.busy'], category: 'local', contexts: ['instant-running'], match: either(named('escape'), char('q')) },
  { id: 'instant.new', keys: 'Enter/Esc', description: keyDescriptions['instant.new'], category: 'local', contexts: ['instant-issued'], match: named('enter', 'escape') },
  { id: 'instant.retry', keys: 'Enter', description: keyDescriptions['instant.retry'], category: 'local', contexts: ['instant-failed'], match: named('enter') },
  { id: 'instant.to-form', keys: 'Esc', description: keyDescriptions['instant.to-form'], category: 'local', contexts: ['instant-failed'], match: named('escape') },
  { id: 'instant.void-back', keys: 'Enter/Esc', description: keyDescriptions['instant.void-back'], category: 'local', contexts: ['instant-void'], match: named('enter', 'escape') },
  // Opens 装入卡盒: L where the hoppers are empty; Shift+L on the form before an applicant is
  // typed in (a focused field must be empty: a lower-case l there is a name's first letter).
  { id: 'instant.load', keys: 'L', description: keyDescriptions['instant.load'], category: 'local', contexts: ['instant-no-blanks'], printable: true, match: either(char('L'), char('l')) },
  { id: 'instant.load-form', keys: 'Shift+L', description: keyDescriptions['instant.load-form'], category: 'local', contexts: ['instant-form', 'instant-form-edit', 'instant-form-id'], printable: true, match: char('L') },

  // 装入卡盒 (from 即时制卡): choose the hopper, scan the blanks in the order the hopper will feed
  // them, record them in one go; or unload the hopper back into a storage place.
  { id: 'hopper.start', keys: 'Enter', description: keyDescriptions['hopper.start'], category: 'local', contexts: ['hopper-load'], match: named('enter') },
  { id: 'hopper.unload', keys: 'U', description: keyDescriptions['hopper.unload'], category: 'local', contexts: ['hopper-load'], printable: true, match: either(char('U'), char('u')) },
  { id: 'hopper.move', keys: '←→/↑↓', description: keyDescriptions['hopper.move'], category: 'navigation', contexts: ['hopper-load'], match: named('left', 'right', 'up', 'down') },
  { id: 'hopper.scan', keys: 'Enter', description: keyDescriptions['hopper.scan'], category: 'local', contexts: ['hopper-load-scan'], match: named('enter') },
  { id: 'hopper.undo', keys: 'Ctrl+Z', description: keyDescriptions['hopper.undo'], category: 'local', contexts: ['hopper-load-scan'], match: ctrl('z') },
  { id: 'hopper.record', keys: 'Ctrl+S', description: keyDescriptions['hopper.record'], category: 'local', contexts: ['hopper-load-scan'], match: ctrl('s') },
  { id: 'hopper.scan-back', keys: 'Esc', description: keyDescriptions['hopper.scan-back'], category: 'navigation', contexts: ['hopper-load-scan'], match: named('escape') },
  { id: 'hopper.unload-yes', keys: 'Y/Enter', description: keyDescriptions['hopper.unload-yes'], category: 'local', contexts: ['hopper-load-unload'], match: either(char('y'), char('Y'), named('enter')) },
  { id: 'hopper.unload-no', keys: 'N/Esc', description: keyDescriptions['hopper.unload-no'], category: 'local', contexts: ['hopper-load-unload'], match: either(char('n'), char('N'), named('escape')) },
  { id: 'hopper.unload-place', keys: '←→', description: keyDescriptions['hopper.unload-place'], category: 'local', contexts: ['hopper-load-unload'], match: named('left', 'right') },
  { id: 'hopper.done', keys: 'Enter/Esc', description: keyDescriptions['hopper.done'], category: 'local', contexts: ['hopper-load-done'], match: named('enter', 'escape') },

  // 库内移交: rows walked with Tab (↑↓ too: the scan field does not use them); ←→ change a choice row.
  { id: 'transfer.scan', keys: 'Enter', description: keyDescriptions['transfer.scan'], category: 'local', contexts: ['transfer-scan'], match: named('enter') },
  { id: 'transfer.pin-submit', keys: 'Enter', description: keyDescriptions['transfer.pin-submit'], category: 'local', contexts: ['transfer-pin'], match: named('enter') },
  { id: 'transfer.undo', keys: 'Ctrl+Z', description: keyDescriptions['transfer.undo'], category: 'local', contexts: ['transfer-scan', 'transfer'], match: ctrl('z') },
  { id: 'transfer.submit', keys: 'Ctrl+S', description: keyDescriptions['transfer.submit'], category: 'local', contexts: ['transfer-scan', 'transfer', 'transfer-handover', 'transfer-pin'], match: ctrl('s') },
  { id: 'transfer.pick', keys: '←→', description: keyDescriptions['transfer.pick'], category: 'local', contexts: ['transfer', 'transfer-handover'], match: named('left', 'right') },
  { id: 'transfer.field', keys: 'Tab/↑↓', description: keyDescriptions['transfer.field'], category: 'navigation', contexts: ['transfer-scan', 'transfer', 'transfer-handover', 'transfer-pin'], match: named('tab', 'backtab', 'up', 'down') },
  { id: 'transfer.again', keys: 'Enter', description: keyDescriptions['transfer.again'], category: 'local', contexts: ['transfer-done'], match: named('enter') },

  // 网点与库位: read only.
  { id: 'sites.move', keys: '↑↓', description: keyDescriptions['sites.move'], category: 'navigation', contexts: ['sites'], match: named('up', 'down') },
  { id: 'sites.page', keys: 'PgUp/PgDn', description: keyDescriptions['sites.page'], category: 'navigation', contexts: ['sites'], footer: false, match: named('pageup', 'pagedown') },

  // 'not-built' has nothing of its own: the global keys only.

  { id: 'confirm.yes', keys: 'Y/Enter', description: keyDescriptions['confirm.yes'], category: 'local', contexts: ['confirm'], match: either(char('y'), char('Y'), named('enter')) },
  { id: 'confirm.no', keys: 'N/Esc', description: keyDescriptions['confirm.no'], category: 'local', contexts: ['confirm'], match: either(char('n'), char('N'), named('escape')) },

  { id: 'help.close', keys: 'Esc/?/F1', description: keyDescriptions['help.close'], category: 'local', contexts: ['help'], match: either(named('escape'), char('?'), named('f1')) },
] as const satisfies readonly Def[];

export type BindingId = (typeof DEFS)[number]['id'];

/**
 * Contexts where only the global keys work (a result page read and left with Esc). Listed so
 * that every context a screen can report is a known id: a misspelt one does not compile.
 */
export const GLOBAL_ONLY_CONTEXTS = ['not-built', 'intake-writing', 'hopper-load-off', 'checkin-done', 'dispatch-done', 'signin-done', 'settle-done', 'count-done'] as const;

/** Every key context: the ones the bindings name, and the global-only ones. */
export type ContextId = Exclude<(typeof DEFS)[number]['contexts'][number], '*'> | (typeof GLOBAL_ONLY_CONTEXTS)[number];

export type RegisteredBinding = KeyBinding & { readonly id: BindingId; readonly match: (e: KeyEvent) => boolean };

export const BINDINGS: readonly RegisteredBinding[] = DEFS;

const BY_ID: ReadonlyMap<string, RegisteredBinding> = new Map(BINDINGS.map((b) => [b.id, b]));

/** The binding with this id (typed: a misspelt id does not compile). */
export function binding(id: BindingId): RegisteredBinding {
  const b = BY_ID.get(id);
  if (!b) throw new Error(`unknown key binding: ${id}`);
  return b;
}

/** Whether `e` is the key (or one of the keys) of binding `id`. */
export function matches(id: BindingId, e: KeyEvent): boolean {
  return binding(id).match(e);
}

const CATEGORY_ORDER: Readonly<Record<KeyCategory, number>> = { local: 0, navigation: 1, global: 2 };

/**
 * The bindings in force in `context`: its own (local, then navigation) and then the global
 * ones, in registry order within each group. A global binding is left out where the context
 * has its own meaning for the same key (Esc is 取消 in `confirm`, not 返回). With
 * `textFocused`, printable-key bindings are left out, since a focused field swallows them.
 */
export function bindingsFor(context: ContextId, opts: { textFocused?: boolean } = {}): RegisteredBinding[] {
  const own = BINDINGS.filter((b) => b.contexts.includes(context));
  const global = BINDINGS.filter((b) => b.contexts.includes('*') && !b.contexts.includes(context)).filter(
    (g) => !own.some((b) => shadows(b, g)),
  );
  return [...own, ...global]
    .map((b, i) => ({ b, i }))
    .sort((x, y) => CATEGORY_ORDER[x.b.category] - CATEGORY_ORDER[y.b.category] || x.i - y.i)
    .map(({ b }) => b)
    .filter((b) => !(opts.textFocused && b.printable));
}

/** Whether `e` is a key of a binding in force in `context` (typed-ahead keys, key-router.tsx). */
export function isCommandKeyIn(context: ContextId): (e: KeyEvent) => boolean {
  const bindings = bindingsFor(context);
  return (e) => bindings.some((b) => b.match(e));
}

// Representative keys for deciding whether one binding hides another in a context.
const PROBES: readonly KeyEvent[] = [
  ...['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'backtab', 'backspace', 'delete', 'f1'].map(
    (name) => ({ name: name as KeyEvent['name'], char: '', ctrl: false, meta: false, shift: false }),
  ),
  ...[...'?q/LlyYnN123456789'].map((c) => ({ name: 'char' as const, char: c, ctrl: false, meta: false, shift: /[A-Z]/.test(c) })),
  ...[...'cuwdszb'].map((c) => ({ name: 'char' as const, char: c, ctrl: true, meta: false, shift: false })),
];

/** `own` hides `global` when every probe key of `global` is also a key of `own`. */
function shadows(own: RegisteredBinding, global: RegisteredBinding): boolean {
  const keys = PROBES.filter((p) => global.match(p));
  return keys.length > 0 && keys.every((p) => own.match(p));
}
