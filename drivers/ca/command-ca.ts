/**
 * The site's encryption-machine client as a CA source: sbk runs `command args…` (no shell),
 * writes iWriteCaStep1's signing public key and a newline to its stdin, and reads one line
 * `签名证书|加密证书|加密密钥|主控密钥|管理员PIN` from its stdout (GD Annex 9 二(二), iWriteCaStep2's
 * pCaInfo). The card number and social security number are in its environment (SBK_CA_CARD_NO,
 * SBK_CA_SSN) for a client that needs them to ask for the certificate.
 *
 * The output is key material: it goes to the printer and nowhere else. No error message quotes
 * it (nor the client's stderr, which is discarded), so it cannot reach a log, the screen, the
 * audit events or the ledger. A client that runs past its timeout is killed with its process group.
 */
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { SbkError } from '../../src/domain/errors.ts';
import { caText } from '../../src/i18n/drivers/ca.ts';
import type { CaCommandConfig } from '../config/device-config.ts';
import type { CaInfo } from '../printer/instant-printer.ts';
import type { CaSource, CaSubject } from './ca-source.ts';

/** Five certificates and keys fit in far less; more means the client is not answering as agreed. */
export const CA_MAX_OUTPUT_BYTES = 64 * 1024;

/** The client's stdout as iWriteCaStep2's five fields, or the SbkError saying what is wrong (without quoting it). */
export function parseCaOutput(stdout: string, command: string): CaInfo {
  const line = stdout.replace(/\r?\n$/, '');
  if (/[\r\n]/.test(line)) throw new SbkError('CA_LINK_FORMAT.lines', { command });
  const parts = line.split('|');
  if (parts.length !== 5) throw new SbkError('CA_LINK_FORMAT.fields', { command, count: parts.length });
  const empty = parts.findIndex((p) => p.trim() === '');
  if (empty >= 0) throw new SbkError('CA_LINK_FORMAT.empty', { command, field: caText.fields[empty]! });
  const [signCert, encCert, encKey, masterKey, adminPin] = parts.map((p) => p.trim()) as [string, string, string, string, string];
  return { signCert, encCert, encKey, masterKey, adminPin };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    // The client may have started children of its own (a shell script does): end them all.
    if (process.platform !== 'win32') process.kill(-pid, 'SIGKILL');
    else process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export class CommandCaSource implements CaSource {
  readonly label: string;
  constructor(private readonly config: Omit<CaCommandConfig, 'kind'>) {
    this.label = caText.commandLabel({ command: basename(config.command) });
  }

  certify(publicKey: string, subject: CaSubject): Promise<CaInfo> {
    const command = basename(this.config.command);
    const { timeoutMs } = this.config;
    return new Promise<CaInfo>((resolve, reject) => {
      let settled = false;
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (outcome: () => CaInfo) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        try {
          resolve(outcome());
        } catch (e) {
          reject(e);
        }
      };
      const fail = (e: SbkError) => finish(() => {
        throw e;
      });
      const child = spawn(this.config.command, [...this.config.args], {
        shell: false,
        detached: process.platform !== 'win32',
        stdio: ['pipe', 'pipe', 'ignore'],
        env: { ...process.env, SBK_CA_CARD_NO: subject.cardNo, SBK_CA_SSN: subject.ssn },
      });
      const timer = setTimeout(() => {
        killGroup(child.pid);
        fail(new SbkError('CA_LINK_TIMEOUT', { command, seconds: Math.round(timeoutMs / 100) / 10 }));
      }, timeoutMs);
      child.on('error', (e: NodeJS.ErrnoException) => fail(new SbkError('CA_LINK_START', { command, reason: e.code ?? e.message })));
      child.stdout.on('data', (b: Buffer) => {
        size += b.length;
        if (size > CA_MAX_OUTPUT_BYTES) {
          killGroup(child.pid);
          fail(new SbkError('CA_LINK_TOO_LARGE', { command, max: CA_MAX_OUTPUT_BYTES }));
          return;
        }
        chunks.push(b);
      });
      child.on('close', (code, signal) => {
        if (code !== 0) return fail(new SbkError('CA_LINK_EXIT', { command, code: code ?? -1, signal: signal ?? null }));
        finish(() => parseCaOutput(Buffer.concat(chunks).toString('utf8'), command));
      });
      // A client that exits without reading its stdin must not crash sbk with EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(`${publicKey}\n`);
    });
  }
}
