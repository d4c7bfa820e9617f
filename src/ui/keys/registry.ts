import type { KeyEvent } from './key-event.ts';

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
  /** What it does, in zh-CN. */
  readonly description: string;
  readonly category: KeyCategory;
  /** Screen ids it applies to, or ['*'] for every screen. */
  readonly contexts: readonly string[];
  /** Listed in the one-row footer (default true). The `?` help lists every binding. */
  readonly footer?: boolean;
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
  { id: 'help', keys: '?', description: '帮助', category: 'global', contexts: ALL, printable: true, match: char('?') },
  { id: 'back', keys: 'Esc', description: '返回', category: 'global', contexts: ALL, match: named('escape') },
  { id: 'quit', keys: 'q', description: '退出', category: 'global', contexts: ALL, printable: true, match: char('q') },
  { id: 'quit-ctrl-c', keys: 'Ctrl+C', description: '退出', category: 'global', contexts: ALL, footer: false, match: ctrl('c') },

  { id: 'login.next-field', keys: 'Tab', description: '切换输入框', category: 'navigation', contexts: ['login'], match: named('tab', 'backtab') },
  { id: 'login.submit', keys: 'Enter', description: '登录', category: 'local', contexts: ['login'], match: named('enter') },

  { id: 'home.move', keys: '↑↓', description: '选择', category: 'navigation', contexts: ['home'], match: named('up', 'down') },
  { id: 'home.open', keys: 'Enter', description: '打开', category: 'navigation', contexts: ['home'], match: named('enter') },
  { id: 'home.jump', keys: '1-9', description: '直接进入', category: 'navigation', contexts: ['home'], printable: true, match: (e: KeyEvent) => e.name === 'char' && /^[1-9]$/.test(e.char) && plain(e) },
  { id: 'home.lookup', keys: '/', description: '查卡', category: 'navigation', contexts: ['home'], printable: true, match: char('/') },
  { id: 'home.scan', keys: '扫码', description: '扫描卡号即查看该卡', category: 'navigation', contexts: ['home'], footer: false, match: (e: KeyEvent) => e.name === 'scan' },
  // Upper-case L only (Shift+L): a stray lower-case l must not log the operator out.
  { id: 'home.logout', keys: 'L', description: '注销登录', category: 'local', contexts: ['home'], printable: true, match: char('L') },

  { id: 'lookup.search', keys: 'Enter', description: '查询', category: 'local', contexts: ['lookup'], match: named('enter') },
  { id: 'lookup.scroll', keys: '↑↓', description: '滚动记录', category: 'navigation', contexts: ['lookup'], match: named('up', 'down') },
  { id: 'lookup.page', keys: 'PgUp/PgDn', description: '翻页', category: 'navigation', contexts: ['lookup'], match: named('pageup', 'pagedown') },
  { id: 'lookup.clear', keys: 'Ctrl+U', description: '清空', category: 'local', contexts: ['lookup'], match: ctrl('u') },

  { id: 'intake.check', keys: 'Enter', description: '检查文件', category: 'local', contexts: ['intake'], match: named('enter') },
  { id: 'intake.import', keys: 'Enter', description: '确认导入', category: 'local', contexts: ['intake-preview'], match: named('enter') },
  { id: 'intake.scroll', keys: '↑↓', description: '滚动问题清单', category: 'navigation', contexts: ['intake-preview'], match: named('up', 'down') },
  { id: 'intake.save-report', keys: 'Ctrl+W', description: '保存问题清单', category: 'local', contexts: ['intake-preview'], match: ctrl('w') },
  { id: 'intake.to-checkin', keys: 'Enter', description: '开始清点', category: 'local', contexts: ['intake-done'], match: named('enter') },

  { id: 'checkin.pick', keys: 'Enter', description: '清点此批次', category: 'local', contexts: ['checkin-batches'], match: named('enter') },
  { id: 'checkin.move', keys: '↑↓', description: '选择批次', category: 'navigation', contexts: ['checkin-batches'], match: named('up', 'down') },
  { id: 'checkin.scan', keys: 'Enter', description: '扫描卡号或箱号（空行回车完成清点）', category: 'local', contexts: ['checkin'], match: named('enter') },
  { id: 'checkin.damaged', keys: 'Ctrl+D', description: '上一张卡损坏', category: 'local', contexts: ['checkin'], match: ctrl('d') },
  { id: 'checkin.place', keys: 'Tab', description: '换保管地点', category: 'local', contexts: ['checkin'], match: named('tab') },

  // Shipments (发运与签收): two lists, 待签收 and 本网点发出, one context each so the footer
  // offers Enter 签收 only on an inbound row and S only on an outbound one.
  { id: 'shipments.sign-in', keys: 'Enter', description: '签收此单', category: 'local', contexts: ['shipments-in'], match: named('enter') },
  { id: 'shipments.save-sheet', keys: 'S', description: '保存交接单', category: 'local', contexts: ['shipments-out'], printable: true, match: either(char('S'), char('s')) },
  { id: 'shipments.new', keys: 'N', description: '新建发运', category: 'local', contexts: ['shipments-in', 'shipments-out'], printable: true, match: either(char('N'), char('n')) },
  { id: 'shipments.tab', keys: 'Tab', description: '待签收/本网点发出', category: 'navigation', contexts: ['shipments-in', 'shipments-out'], match: named('tab', 'backtab') },
  { id: 'shipments.move', keys: '↑↓', description: '选择', category: 'navigation', contexts: ['shipments-in', 'shipments-out'], match: named('up', 'down') },

  { id: 'dispatch.pick', keys: 'Enter', description: '发往此单位', category: 'local', contexts: ['dispatch-dest'], match: named('enter') },
  { id: 'dispatch.move', keys: '↑↓', description: '选择', category: 'navigation', contexts: ['dispatch-dest'], match: named('up', 'down') },
  { id: 'dispatch.page', keys: 'PgUp/PgDn', description: '翻页', category: 'navigation', contexts: ['dispatch-dest'], match: named('pageup', 'pagedown') },
  { id: 'dispatch.scan', keys: 'Enter', description: '加入卡号、箱号或批次（空行回车下一步）', category: 'local', contexts: ['dispatch-scan'], match: named('enter') },
  { id: 'dispatch.undo', keys: 'Ctrl+D', description: '撤销上一项', category: 'local', contexts: ['dispatch-scan'], match: ctrl('d') },
  { id: 'dispatch.next', keys: 'Enter', description: '下一步：核对', category: 'local', contexts: ['dispatch-details', 'dispatch-details-edit'], match: named('enter') },
  { id: 'dispatch.method', keys: '←→', description: '换发放方式', category: 'local', contexts: ['dispatch-details'], match: named('left', 'right') },
  { id: 'dispatch.field', keys: 'Tab', description: '切换输入项', category: 'navigation', contexts: ['dispatch-details', 'dispatch-details-edit'], match: named('tab', 'backtab') },

  { id: 'signin.scan', keys: 'Enter', description: '扫描卡号或箱号', category: 'local', contexts: ['signin'], match: named('enter') },
  { id: 'signin.damaged', keys: 'Ctrl+D', description: '上一张卡损坏', category: 'local', contexts: ['signin'], match: ctrl('d') },
  { id: 'signin.submit', keys: 'Ctrl+S', description: '提交点数', category: 'local', contexts: ['signin'], match: ctrl('s') },
  { id: 'signin.close', keys: 'Enter', description: '签收并结单', category: 'local', contexts: ['signin-result'], match: named('enter') },
  { id: 'signin.partial', keys: 'P', description: '部分签收', category: 'local', contexts: ['signin-result'], printable: true, match: either(char('P'), char('p')) },
  { id: 'signin.place', keys: '←→', description: '换保管地点', category: 'local', contexts: ['signin-result'], match: named('left', 'right') },
  { id: 'signin.field-done', keys: 'Enter', description: '填好', category: 'local', contexts: ['signin-result-edit'], match: named('enter') },
  { id: 'signin.recount', keys: 'Esc', description: '返回清点', category: 'local', contexts: ['signin-result', 'signin-result-edit'], match: named('escape') },
  { id: 'signin.field', keys: 'Tab', description: '切换输入项', category: 'navigation', contexts: ['signin-result', 'signin-result-edit'], match: named('tab', 'backtab') },
  { id: 'signin.scroll', keys: '↑↓', description: '滚动缺少清单', category: 'navigation', contexts: ['signin-result', 'signin-result-edit'], match: named('up', 'down') },

  // Issuance (发卡): find the card, fill in who receives it, read-check, issue. The form has a
  // row that is not a text field (领取人: 本人/代领), where R and 1/2 are keys, and text rows.
  { id: 'issue.search', keys: 'Enter', description: '查找（卡号、证件号码或姓名）', category: 'local', contexts: ['issue-query'], match: named('enter') },
  { id: 'issue.clear', keys: 'Ctrl+U', description: '清空', category: 'local', contexts: ['issue-query'], match: ctrl('u') },
  { id: 'issue.choose', keys: 'Enter', description: '为此卡办理发放', category: 'local', contexts: ['issue-pick'], match: named('enter') },
  { id: 'issue.move', keys: '↑↓', description: '选择', category: 'navigation', contexts: ['issue-pick'], match: named('up', 'down') },
  { id: 'issue.submit', keys: 'Enter', description: '发放', category: 'local', contexts: ['issue-form'], match: named('enter') },
  { id: 'issue.next', keys: 'Enter', description: '下一项（填齐后发放）', category: 'local', contexts: ['issue-form-edit'], match: named('enter') },
  { id: 'issue.receiver', keys: '←→/1/2', description: '本人/代领', category: 'local', contexts: ['issue-form'], match: either(named('left', 'right'), char('1'), char('2')) },
  { id: 'issue.read', keys: 'R', description: '读卡检测', category: 'local', contexts: ['issue-form'], printable: true, match: either(char('R'), char('r')) },
  { id: 'issue.read-edit', keys: 'Ctrl+R', description: '读卡检测', category: 'local', contexts: ['issue-form-edit'], match: ctrl('r') },
  { id: 'issue.field', keys: 'Tab/↑↓', description: '切换输入项', category: 'navigation', contexts: ['issue-form', 'issue-form-edit'], match: named('tab', 'backtab', 'up', 'down') },
  { id: 'issue.back', keys: 'Esc', description: '返回查找', category: 'navigation', contexts: ['issue-pick', 'issue-done'], match: named('escape') },

  // 逾期与回收: four lists, one context each, so the footer offers only what works on the tab.
  // 待注销 has two contexts: F 封存 exists only where the rule profile has sealing (HB Art. 17).
  { id: 'overdue.toggle', keys: 'Space', description: '选中', category: 'local', contexts: ['overdue-due', 'overdue-cancel', 'overdue-cancel-seal'], printable: true, match: char(' ') },
  { id: 'overdue.all', keys: 'A', description: '全选', category: 'local', contexts: ['overdue-due', 'overdue-cancel', 'overdue-cancel-seal'], printable: true, match: either(char('A'), char('a')) },
  { id: 'overdue.recall', keys: 'R', description: '回收', category: 'local', contexts: ['overdue-due'], printable: true, match: either(char('R'), char('r')) },
  { id: 'overdue.stats', keys: 'S', description: '统计', category: 'local', contexts: ['overdue-due'], printable: true, match: either(char('S'), char('s')) },
  { id: 'overdue.settle', keys: 'Enter', description: '结清此代领单', category: 'local', contexts: ['overdue-pickups'], match: named('enter') },
  { id: 'overdue.new-pickup', keys: 'N', description: '新建集体代领', category: 'local', contexts: ['overdue-pickups'], printable: true, match: either(char('N'), char('n')) },
  { id: 'overdue.cancel', keys: 'C', description: '注销', category: 'local', contexts: ['overdue-cancel', 'overdue-cancel-seal'], printable: true, match: either(char('C'), char('c')) },
  { id: 'overdue.seal', keys: 'F', description: '封存', category: 'local', contexts: ['overdue-cancel-seal'], printable: true, match: either(char('F'), char('f')) },
  { id: 'overdue.tab', keys: 'Tab', description: '换页', category: 'navigation', contexts: ['overdue-due', 'overdue-warn', 'overdue-pickups', 'overdue-cancel', 'overdue-cancel-seal'], match: named('tab', 'backtab') },
  { id: 'overdue.move', keys: '↑↓', description: '选择', category: 'navigation', contexts: ['overdue-due', 'overdue-warn', 'overdue-pickups', 'overdue-cancel', 'overdue-cancel-seal'], match: named('up', 'down') },
  { id: 'overdue.page', keys: 'PgUp/PgDn', description: '翻页', category: 'navigation', contexts: ['overdue-due', 'overdue-warn', 'overdue-pickups', 'overdue-cancel', 'overdue-cancel-seal'], footer: false, match: named('pageup', 'pagedown') },
  { id: 'overdue.recall-confirm', keys: 'Enter', description: '确认回收', category: 'local', contexts: ['overdue-recall', 'overdue-recall-note'], match: named('enter') },
  { id: 'overdue.reason', keys: '↑↓', description: '选择回收原因', category: 'local', contexts: ['overdue-recall', 'overdue-recall-note'], match: named('up', 'down') },
  { id: 'overdue.end-confirm', keys: 'Enter', description: '下一项（填齐后确认）', category: 'local', contexts: ['overdue-end'], match: named('enter') },
  { id: 'overdue.end-field', keys: 'Tab/↑↓', description: '切换输入项', category: 'navigation', contexts: ['overdue-end'], match: named('tab', 'backtab', 'up', 'down') },
  { id: 'overdue.dialog-close', keys: 'Esc', description: '取消', category: 'local', contexts: ['overdue-recall', 'overdue-recall-note', 'overdue-end'], match: named('escape') },
  { id: 'overdue.stats-close', keys: 'S/Esc', description: '关闭统计', category: 'local', contexts: ['overdue-stats'], match: either(char('S'), char('s'), named('escape')) },

  // Settling a collective pickup (集体代领结清): each card handed over by the unit, or brought back.
  { id: 'settle.delivered', keys: 'D', description: '已转交本人', category: 'local', contexts: ['settle'], printable: true, match: either(char('D'), char('d')) },
  { id: 'settle.returned', keys: 'R', description: '退回', category: 'local', contexts: ['settle'], printable: true, match: either(char('R'), char('r')) },
  { id: 'settle.confirm', keys: 'Enter', description: '登记', category: 'local', contexts: ['settle'], match: named('enter') },
  { id: 'settle.move', keys: '↑↓', description: '选择', category: 'navigation', contexts: ['settle'], match: named('up', 'down') },

  // A new collective pickup: the unit and its agent, then the cards.
  { id: 'pickup.next', keys: 'Enter', description: '下一项（填齐后扫描卡）', category: 'local', contexts: ['pickup-details'], match: named('enter') },
  { id: 'pickup.field', keys: 'Tab/↑↓', description: '切换输入项', category: 'navigation', contexts: ['pickup-details'], match: named('tab', 'backtab', 'up', 'down') },
  { id: 'pickup.scan', keys: 'Enter', description: '加入卡号或批次（空行回车核对）', category: 'local', contexts: ['pickup-scan'], match: named('enter') },
  { id: 'pickup.undo', keys: 'Ctrl+D', description: '撤销上一项', category: 'local', contexts: ['pickup-scan'], match: ctrl('d') },

  // 预制卡盘点: today's state and the blanks by bank (no figures), a new count or the open one.
  { id: 'count.resume', keys: 'Enter', description: '继续未结束的盘点', category: 'local', contexts: ['count-open'], match: named('enter') },
  { id: 'count.new', keys: 'N', description: '开始盘点', category: 'local', contexts: ['count', 'count-open'], printable: true, match: either(char('N'), char('n')) },
  { id: 'count.report', keys: 'R', description: '盘点对账表（近 7 天）', category: 'local', contexts: ['count', 'count-open'], printable: true, match: either(char('R'), char('r')) },
  { id: 'count.start', keys: 'Enter', description: '开始盘点', category: 'local', contexts: ['count-new'], match: named('enter') },
  { id: 'count.bank', keys: '←→', description: '全部银行或一家银行', category: 'local', contexts: ['count-new'], match: named('left', 'right') },
  { id: 'count.new-cancel', keys: 'Esc', description: '取消', category: 'local', contexts: ['count-new'], match: named('escape') },
  // Counting (blind): every Enter is written at once; H names a hopper while the scan field is empty.
  { id: 'count.scan', keys: 'Enter', description: '记录卡号、箱号或卡盒名', category: 'local', contexts: ['count-scan'], match: named('enter') },
  { id: 'count.hopper', keys: 'H', description: '点卡盒（扫描框空时）', category: 'local', contexts: ['count-scan'], match: either(char('H'), char('h')) },
  { id: 'count.submit', keys: 'Ctrl+S', description: '提交盘点', category: 'local', contexts: ['count-scan'], match: ctrl('s') },
  { id: 'count.quantity', keys: 'Enter', description: '记录张数', category: 'local', contexts: ['count-qty'], match: named('enter') },
  { id: 'count.pick-hopper', keys: 'Enter', description: '点此卡盒', category: 'local', contexts: ['count-hopper'], match: named('enter') },
  { id: 'count.hopper-move', keys: '↑↓', description: '选择卡盒', category: 'navigation', contexts: ['count-hopper'], match: named('up', 'down') },
  { id: 'count.entry-cancel', keys: 'Esc', description: '取消，返回扫描', category: 'local', contexts: ['count-qty', 'count-hopper'], match: named('escape') },
  // Variance review: a reason per difference and a supervisor, or a second person for a clean count.
  { id: 'count.reason-next', keys: 'Enter', description: '下一处差异', category: 'local', contexts: ['count-reason'], match: named('enter') },
  { id: 'count.reason-all', keys: 'Ctrl+A', description: '此原因用于其余差异', category: 'local', contexts: ['count-reason'], match: ctrl('a') },
  { id: 'count.second-next', keys: 'Enter', description: '下一项（填齐后结束盘点）', category: 'local', contexts: ['count-approve', 'count-confirm'], match: named('enter') },
  { id: 'count.diff-move', keys: '↑↓', description: '换一处差异', category: 'navigation', contexts: ['count-reason', 'count-approve'], match: named('up', 'down') },
  { id: 'count.field', keys: 'Tab', description: '切换输入项', category: 'navigation', contexts: ['count-reason', 'count-approve', 'count-confirm'], match: named('tab', 'backtab') },
  // The reconciliation report.
  { id: 'count.report-save', keys: 'S', description: '保存对账表（文本和 CSV）', category: 'local', contexts: ['count-report'], printable: true, match: either(char('S'), char('s')) },
  { id: 'count.report-move', keys: '↑↓', description: '选择', category: 'navigation', contexts: ['count-report'], match: named('up', 'down') },
  { id: 'count.report-page', keys: 'PgUp/PgDn', description: '翻页', category: 'navigation', contexts: ['count-report'], footer: false, match: named('pageup', 'pagedown') },

  // 设备: the counter's printers, readers and scanners; a test read and a test eject.
  { id: 'devices.read', keys: 'R', description: '测试读卡', category: 'local', contexts: ['devices'], printable: true, match: either(char('R'), char('r')) },
  { id: 'devices.eject', keys: 'E', description: '测试退卡（到废卡口）', category: 'local', contexts: ['devices'], printable: true, match: either(char('E'), char('e')) },
  { id: 'devices.refresh', keys: 'G', description: '刷新', category: 'local', contexts: ['devices'], printable: true, match: either(char('G'), char('g')) },
  { id: 'devices.move', keys: '↑↓', description: '选择设备', category: 'navigation', contexts: ['devices'], match: named('up', 'down') },

  // 即时制卡: interrupted jobs first (one context per question), then the form, the run, the result.
  { id: 'instant.refresh', keys: 'G', description: '重新检查设备', category: 'local', contexts: ['instant', 'instant-no-blanks'], printable: true, match: either(char('G'), char('g')) },
  { id: 'instant.job-resolve', keys: 'Enter', description: '处理此任务', category: 'local', contexts: ['instant-job'], match: named('enter') },
  { id: 'instant.face-good', keys: 'G', description: '卡面完好', category: 'local', contexts: ['instant-job-face'], printable: true, match: either(char('G'), char('g')) },
  { id: 'instant.face-bad', keys: 'B', description: '卡面有误（作废）', category: 'local', contexts: ['instant-job-face'], printable: true, match: either(char('B'), char('b')) },
  { id: 'instant.hand-applicant', keys: 'Enter', description: '发给申请人', category: 'local', contexts: ['instant-job-hand'], match: named('enter') },
  { id: 'instant.hand-stock', keys: 'S', description: '入库待领', category: 'local', contexts: ['instant-job-hand'], printable: true, match: either(char('S'), char('s')) },
  { id: 'instant.receipt', keys: 'P', description: '保存领取回执', category: 'local', contexts: ['instant-resolved-receipt', 'instant-issued'], printable: true, match: either(char('P'), char('p')) },
  { id: 'instant.continue', keys: 'Enter/Esc', description: '继续', category: 'local', contexts: ['instant-resolved', 'instant-resolved-receipt', 'instant-error'], match: named('enter', 'escape') },
  { id: 'instant.start', keys: 'Ctrl+S', description: '开始制卡', category: 'local', contexts: ['instant-form', 'instant-form-edit'], match: ctrl('s') },
  { id: 'instant.next', keys: 'Enter', description: '下一项', category: 'local', contexts: ['instant-form', 'instant-form-edit'], match: named('enter') },
  { id: 'instant.bank', keys: '←→', description: '换服务银行', category: 'local', contexts: ['instant-form'], match: named('left', 'right') },
  { id: 'instant.field', keys: 'Tab/↑↓', description: '切换输入项', category: 'navigation', contexts: ['instant-form', 'instant-form-edit'], match: named('tab', 'backtab', 'up', 'down') },
  { id: 'instant.busy', keys: 'Esc/q', description: '正在制卡，完成前不能离开', category: 'local', contexts: ['instant-running'], match: either(named('escape'), char('q')) },
  { id: 'instant.new', keys: 'Enter/Esc', description: '为下一位申请人制卡', category: 'local', contexts: ['instant-issued'], match: named('enter', 'escape') },
  { id: 'instant.retry', keys: 'Enter', description: '用下一张卡重试', category: 'local', contexts: ['instant-failed'], match: named('enter') },
  { id: 'instant.to-form', keys: 'Esc', description: '返回填表', category: 'local', contexts: ['instant-failed'], match: named('escape') },
  { id: 'instant.void-back', keys: 'Enter/Esc', description: '返回填表', category: 'local', contexts: ['instant-void'], match: named('enter', 'escape') },
  // L: from the form before an applicant is typed in (a focused field must be empty), or where
  // the hoppers are empty. Opens 装入卡盒.
  { id: 'instant.load', keys: 'L', description: '装入卡盒', category: 'local', contexts: ['instant-no-blanks', 'instant-form', 'instant-form-edit'], printable: true, match: either(char('L'), char('l')) },

  // 装入卡盒 (from 即时制卡): choose the hopper, scan the blanks in the order the hopper will feed
  // them, record them in one go; or unload the hopper back into a storage place.
  { id: 'hopper.start', keys: 'Enter', description: '开始扫描装盒', category: 'local', contexts: ['hopper-load'], match: named('enter') },
  { id: 'hopper.unload', keys: 'U', description: '卸下卡盒', category: 'local', contexts: ['hopper-load'], printable: true, match: either(char('U'), char('u')) },
  { id: 'hopper.move', keys: '←→/↑↓', description: '选择卡盒', category: 'navigation', contexts: ['hopper-load'], match: named('left', 'right', 'up', 'down') },
  { id: 'hopper.scan', keys: 'Enter', description: '加入此卡', category: 'local', contexts: ['hopper-load-scan'], match: named('enter') },
  { id: 'hopper.undo', keys: 'Ctrl+D', description: '删除最后一张', category: 'local', contexts: ['hopper-load-scan'], match: ctrl('d') },
  { id: 'hopper.record', keys: 'Ctrl+S', description: '按此顺序登记装盒', category: 'local', contexts: ['hopper-load-scan'], match: ctrl('s') },
  { id: 'hopper.scan-back', keys: 'Esc', description: '返回选择卡盒', category: 'navigation', contexts: ['hopper-load-scan'], match: named('escape') },
  { id: 'hopper.unload-yes', keys: 'Y/Enter', description: '确认卸下', category: 'local', contexts: ['hopper-load-unload'], match: either(char('y'), char('Y'), named('enter')) },
  { id: 'hopper.unload-no', keys: 'N/Esc', description: '取消', category: 'local', contexts: ['hopper-load-unload'], match: either(char('n'), char('N'), named('escape')) },
  { id: 'hopper.unload-place', keys: '←→', description: '换保管地点', category: 'local', contexts: ['hopper-load-unload'], match: named('left', 'right') },
  { id: 'hopper.done', keys: 'Enter/Esc', description: '返回即时制卡', category: 'local', contexts: ['hopper-load-done'], match: named('enter', 'escape') },

  // 'not-built' has nothing of its own: the global keys only.

  { id: 'confirm.yes', keys: 'Y/Enter', description: '确认', category: 'local', contexts: ['confirm'], match: either(char('y'), char('Y'), named('enter')) },
  { id: 'confirm.no', keys: 'N/Esc', description: '取消', category: 'local', contexts: ['confirm'], match: either(char('n'), char('N'), named('escape')) },

  { id: 'help.close', keys: 'Esc/?', description: '关闭帮助', category: 'local', contexts: ['help'], match: either(named('escape'), char('?')) },
] as const satisfies readonly Def[];

export type BindingId = (typeof DEFS)[number]['id'];

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
export function bindingsFor(context: string, opts: { textFocused?: boolean } = {}): RegisteredBinding[] {
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

// Representative keys for deciding whether one binding hides another in a context.
const PROBES: readonly KeyEvent[] = [
  ...['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'backtab', 'backspace', 'delete'].map(
    (name) => ({ name: name as KeyEvent['name'], char: '', ctrl: false, meta: false, shift: false }),
  ),
  ...[...'?q/LlyYnN123456789'].map((c) => ({ name: 'char' as const, char: c, ctrl: false, meta: false, shift: /[A-Z]/.test(c) })),
  ...[...'cuwds'].map((c) => ({ name: 'char' as const, char: c, ctrl: true, meta: false, shift: false })),
];

/** `own` hides `global` when every probe key of `global` is also a key of `own`. */
function shadows(own: RegisteredBinding, global: RegisteredBinding): boolean {
  const keys = PROBES.filter((p) => global.match(p));
  return keys.length > 0 && keys.every((p) => own.match(p));
}
