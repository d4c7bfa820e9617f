import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useLoginForm } from '../hooks/use-login-form.ts';
import { fitWidth } from '../../text/display-width.ts';
import { ROLE_LABELS } from '../../workflows/authenticate.ts';
import { type Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type LoginScreenProps = { width: number; height: number; onLoggedIn: (actor: Actor) => void };

export function LoginScreen({ width, height, onLoggedIn }: LoginScreenProps) {
  const f = useLoginForm(onLoggedIn);
  useKeyHandler(
    (e) => {
      if (matches('login.next-field', e) || (f.focus === 0 && e.name === 'down') || (f.focus === 1 && e.name === 'up')) {
        f.nextField();
        return true;
      }
      return false;
    },
    { priority: PRIORITY.screen, isActive: !f.busy },
  );
  const fieldWidth = Math.min(40, width);
  const demoRows = Math.max(0, height - 9);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{zh.login.title}</Text>
      <Text dimColor>{fitWidth(zh.login.hint, width)}</Text>
      <Text> </Text>
      <TextField label={zh.login.login} value={f.login} onChange={f.setLogin} onSubmit={f.submitLogin} focus={f.focus === 0 && !f.busy} width={fieldWidth} labelWidth={4} />
      <TextField label={zh.login.pin} value={f.pin} onChange={f.setPin} onSubmit={f.submitPin} focus={f.focus === 1 && !f.busy} mask="*" width={fieldWidth} labelWidth={4} />
      <Text color={f.error ? 'red' : undefined}>{fitWidth(f.busy ? zh.login.checking : (f.error ?? ''), width)}</Text>
      <Text> </Text>
      {f.demo.length > 0 && demoRows > 1 ? (
        <Box flexDirection="column">
          <Text color="yellow">{zh.login.demoAccounts}</Text>
          {f.demo.slice(0, demoRows - 1).map((a) => (
            <Text key={a.login}>{fitWidth(`  ${fitWidth(a.login, 9)} ${fitWidth(a.pin, 7)} ${fitWidth(a.name, 7)} ${fitWidth(ROLE_LABELS[a.role], 7)} ${a.siteName}`, width)}</Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
