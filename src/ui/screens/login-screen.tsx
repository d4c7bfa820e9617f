import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { Line } from '../components/line.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import { useLoginForm, type LoginForm } from '../hooks/use-login-form.ts';
import { fitWidth } from '../../text/display-width.ts';
import { ROLE_LABELS } from '../../workflows/authenticate.ts';
import type { DemoAccount } from '../../workflows/demo-accounts.ts';
import { type Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type LoginScreenProps = { width: number; height: number; onLoggedIn: (actor: Actor) => void };

/** Tab, or ↓ from 工号 and ↑ from 密码, moves between the fields (decided on the latest focus). */
function loginKeys(f: LoginForm): (e: KeyEvent) => boolean {
  return (e) => {
    const focus = f.latest().focus;
    if (matches('login.next-field', e) || (focus === 0 && e.name === 'down') || (focus === 1 && e.name === 'up')) return f.nextField(), true;
    return false;
  };
}

const demoRow = (a: DemoAccount) => `  ${fitWidth(a.login, 9)} ${fitWidth(a.pin, 7)} ${fitWidth(a.name, 7)} ${fitWidth(ROLE_LABELS[a.role], 7)} ${a.siteName}`;

export function LoginScreen({ width, height, onLoggedIn }: LoginScreenProps) {
  const f = useLoginForm(onLoggedIn);
  useKeyHandler(loginKeys(f), { priority: PRIORITY.screen, isActive: !f.busy });
  const fieldWidth = Math.min(40, width);
  const demoRows = Math.max(0, height - 9);
  const status = f.busy ? zh.login.checking : (f.error ?? '');
  const demo = f.demo.length > 0 && demoRows > 1 ? f.demo.slice(0, demoRows - 1).map(demoRow) : null;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{zh.login.title}</Text>
      <Line text={zh.login.hint} width={width} dim />
      <Text> </Text>
      <TextField label={zh.login.login} value={f.login} onChange={f.setLogin} onSubmit={f.submitLogin} focus={f.focus === 0 && !f.busy} width={fieldWidth} labelWidth={4} />
      <TextField label={zh.login.pin} value={f.pin} onChange={f.setPin} onSubmit={f.submitPin} focus={f.focus === 1 && !f.busy} mask="*" width={fieldWidth} labelWidth={4} />
      <Line text={status} color={f.error ? 'red' : undefined} width={width} />
      <Text> </Text>
      {demo ? <DemoAccounts rows={demo} width={width} /> : null}
    </Box>
  );
}

/** The demo ledger's accounts (shown only on a demo ledger). */
function DemoAccounts({ rows, width }: { rows: readonly string[]; width: number }) {
  return (
    <Box flexDirection="column">
      <Text color="yellow">{zh.login.demoAccounts}</Text>
      {rows.map((text, i) => (
        <Line key={i} text={text} width={width} />
      ))}
    </Box>
  );
}
