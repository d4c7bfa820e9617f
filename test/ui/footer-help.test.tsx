import { afterEach, describe, expect, it } from 'vitest';
import { Footer, footerText } from '../../src/ui/components/footer.tsx';
import { HelpOverlay, helpLines } from '../../src/ui/components/help-overlay.tsx';
import { BINDINGS, bindingsFor, matches } from '../../src/ui/keys/registry.ts';
import { charEvent, keyEvent } from '../../src/ui/keys/key-event.ts';
import { displayWidth } from '../../src/text/display-width.ts';
import { renderConsole, type RenderedConsole } from '../helpers/render-console.tsx';

const CONTEXTS = ['login', 'home', 'lookup', 'not-built', 'confirm', 'help'] as const;

let app: RenderedConsole | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

describe('key registry', () => {
  it('has unique ids and the ids the screens use', () => {
    const ids = BINDINGS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['help', 'back', 'quit', 'quit-ctrl-c', 'login.submit', 'home.jump', 'field.clear', 'field.word', 'confirm.no', 'help.close']) {
      expect(ids).toContain(id);
    }
  });

  it('matches keys', () => {
    expect(matches('help', charEvent('?'))).toBe(true);
    expect(matches('quit', charEvent('q'))).toBe(true);
    expect(matches('quit', charEvent('q', { ctrl: true }))).toBe(false);
    expect(matches('quit-ctrl-c', charEvent('c', { ctrl: true }))).toBe(true);
    expect(matches('home.jump', charEvent('7'))).toBe(true);
    // The menu's 10th to 12th items: 0, - and =, the keys after 9 on the number row.
    expect(matches('home.jump', charEvent('0'))).toBe(true);
    expect(matches('home.jump', charEvent('-'))).toBe(true);
    expect(matches('home.jump', charEvent('='))).toBe(true);
    expect(matches('home.jump', charEvent('+'))).toBe(false);
    expect(matches('home.logout', charEvent('L'))).toBe(true);
    expect(matches('home.logout', charEvent('l'))).toBe(false);
    expect(matches('lookup.page', keyEvent('pagedown'))).toBe(true);
    expect(matches('field.clear', charEvent('u', { ctrl: true }))).toBe(true);
    expect(matches('field.word', charEvent('w', { ctrl: true }))).toBe(true);
    expect(matches('confirm.yes', keyEvent('enter'))).toBe(true);
    expect(matches('confirm.yes', charEvent('Y'))).toBe(true);
    expect(matches('confirm.no', keyEvent('escape'))).toBe(true);
    expect(matches('help.close', charEvent('?'))).toBe(true);
    expect(matches('login.next-field', keyEvent('backtab'))).toBe(true);
  });

  it('lists a context’s own keys before the global ones, and hides globals it redefines', () => {
    expect(bindingsFor('home').map((b) => b.id)).toEqual([
      'home.back-to-vault',
      'home.logout',
      'home.move',
      'home.open',
      'home.jump',
      'home.lookup',
      'home.scan',
      'help',
      'back',
      'quit',
      'quit-ctrl-c',
      'help-f1',
      'field.clear',
      'field.word',
    ]);
    expect(bindingsFor('not-built').map((b) => b.id)).toEqual(['help', 'back', 'quit', 'quit-ctrl-c', 'help-f1', 'field.clear', 'field.word']);
    // Esc means 取消 in a confirmation and 关闭帮助 in help, not 返回.
    expect(bindingsFor('confirm').map((b) => b.id)).not.toContain('back');
    expect(bindingsFor('help').map((b) => b.id)).toEqual(['help.close', 'quit', 'quit-ctrl-c', 'field.clear', 'field.word']); // F1 closes help there
    // While a field has focus, printable keys are typed, not commands.
    expect(bindingsFor('login', { textFocused: true }).map((b) => b.id)).toEqual(['login.submit', 'login.next-field', 'back', 'quit-ctrl-c', 'help-f1', 'field.clear', 'field.word']);
  });
});

describe('Footer', () => {
  it('fits 80 columns (and narrower) in every context, whole items only', () => {
    for (const context of CONTEXTS) {
      for (const width of [80, 60, 40, 20, 5]) {
        const text = footerText(context, width);
        expect(displayWidth(text), `${context}@${width}`).toBe(width);
      }
    }
    expect(footerText('home', 80).trimEnd()).toBe('Shift+L 注销登录  ↑↓ 选择  Enter 打开  1-9/0/-/= 进入  ? 帮助  Esc 返回  q 退出');
    // Narrower, the screen's own hints go first; the way out stays.
    expect(footerText('home', 60).trimEnd()).toBe('Shift+L 注销登录  ↑↓ 选择  ? 帮助  Esc 返回  q 退出');
    expect(footerText('home', 40).trimEnd()).toBe('↑↓ 选择  ? 帮助  Esc 返回  q 退出');
    // In a field F1 opens help; it comes after the screen's keys.
    expect(footerText('login', 80, [], true).trimEnd()).toBe('Enter 登录  Tab 切换输入框  Esc 返回  F1 帮助');
  });

  it('keeps Esc and q 退出 in every context at the smallest window (60 columns)', () => {
    for (const context of CONTEXTS) {
      const text = footerText(context, 60);
      expect(text, context).toMatch(/(^|  |\/)Esc(\/\S+)? \S+/u);
      if (bindingsFor(context).some((b) => b.id === 'quit')) expect(text, context).toMatch(/q 退出\s*$/u);
      // With a text field focused q is typed, not a command: Esc still shows.
      expect(footerText(context, 60, [], true), context).toMatch(/(^|  |\/)Esc(\/\S+)? \S+/u);
    }
  });

  it('shows the one undo key on every scan screen, with the field focused, down to 60 columns; Ctrl+B where damage is marked', () => {
    const scanScreens = ['checkin', 'signin', 'dispatch-scan', 'count-scan', 'pickup-scan', 'hopper-load-scan'] as const;
    for (const context of scanScreens) {
      for (const width of [60, 80]) expect(footerText(context, width, [], true), `${context}@${width}`).toContain('Ctrl+Z 撤销');
      // Ctrl+D means nothing anywhere now, so a habit from before cannot mark a card damaged.
      expect(bindingsFor(context).some((b) => b.keys.includes('Ctrl+D')), context).toBe(false);
    }
    for (const context of ['checkin', 'signin'] as const) expect(footerText(context, 80, [], true)).toContain('Ctrl+B 记为损坏');
  });

  it('puts extra hints first and renders as one stable row', () => {
    const extra = [{ id: 'x', keys: 'F', description: '筛选', category: 'local' as const, contexts: ['lookup'] }];
    expect(footerText('lookup', 80, extra).startsWith('F 筛选  Enter 查询')).toBe(true);
    app = renderConsole(<Footer context="lookup" width={80} />);
    const frame = app.lastFrame();
    expect(frame.split('\n')).toHaveLength(1);
    expect(displayWidth(frame)).toBeLessThanOrEqual(80);
    expect(footerText('lookup', 80)).toBe(footerText('lookup', 80));
  });
});

describe('HelpOverlay', () => {
  it('groups the context’s keys as 本页 / 导航 / 全局 under the title', () => {
    const lines = helpLines('home', 60, 20).map((l) => l.trimEnd());
    expect(lines[0]?.startsWith('帮助')).toBe(true);
    const body = lines.join('\n');
    const local = body.indexOf('本页');
    const nav = body.indexOf('导航');
    const global = body.indexOf('全局');
    expect(local).toBeGreaterThan(0);
    expect(nav).toBeGreaterThan(local);
    expect(global).toBeGreaterThan(nav);
    expect(body.slice(local, nav)).toContain('注销登录');
    expect(body.slice(nav, global)).toContain('1-9');
    expect(body.slice(global)).toContain('退出');
    // Ctrl+C is not in the footer, but help lists every binding.
    expect(body).toContain('Ctrl+C');
    // Keys in one aligned column.
    expect(lines.find((l) => l.includes('  1-9/0/-/= '))).toBe('  1-9/0/-/=  进入'); // the widest key of the page
  });

  it('fits the box exactly and says when it had to cut', () => {
    for (const context of CONTEXTS) {
      for (const [w, h] of [
        [80, 22],
        [40, 8],
        [12, 3],
      ] as const) {
        const lines = helpLines(context, w, h);
        expect(lines).toHaveLength(h);
        for (const l of lines) expect(displayWidth(l)).toBe(w);
      }
    }
    expect(helpLines('home', 40, 8).at(-1)?.trim()).toBe('…');
    expect(helpLines('not-built', 40, 8).join('\n')).not.toContain('本页');
  });

  it('renders in an 80×24 terminal', () => {
    app = renderConsole(<HelpOverlay context="lookup" width={80} height={22} />);
    const lines = app.lastFrame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(lines[0]).toContain('帮助');
    expect(app.lastFrame()).toContain('PgUp/PgDn  翻页');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
  });
});
