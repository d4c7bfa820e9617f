/**
 * A PIN comes from $SBK_PIN (scripts, cron) or is typed at a prompt that echoes nothing.
 */
import { SbkError } from '../domain/errors.ts';
import { printableText } from '../text/printable-text.ts';

export async function readPin(prompt: string, envName = 'SBK_PIN', env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env[envName];
  if (fromEnv) return fromEnv;
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    throw new SbkError('PIN_REQUIRED', { env: envName });
  }
  process.stderr.write(printableText(prompt)); // the prompt names the --operator login as given
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let pin = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(pin);
    };
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new SbkError('CANCELLED'));
        if (ch === '\u007f' || ch === '\b') pin = pin.slice(0, -1);
        else pin += ch;
      }
    };
    stdin.on('data', onData);
  });
}
