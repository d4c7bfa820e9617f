/**
 * Calls into a vendor's SSCardDriver library, off the console's thread: a child Node process
 * (HOST_SCRIPT) owns the koffi handle and runs one call at a time while the console keeps
 * drawing. Each call has a time limit; a call that overruns it is a hung device, so the host
 * process is killed (the only way to stop a thread inside native code) and the call fails with
 * DEVICE_LIBRARY_TIMEOUT — not a printer fault, so an instant job under way is left unfinished,
 * for the crash recovery (src/workflows/instant-recovery.ts). The next call starts a new host.
 * koffi and the library are loaded lazily, when a library device is opened; their absence is an
 * SbkError that says what to install.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SbkError } from '../../src/domain/errors.ts';
import { HOST_SCRIPT } from './host-script.ts';
import { decodeOut, encodeArg, OUT_INFO_BYTES, SSCARD_FUNCTIONS, type SscardFunctionName } from './sscard-abi.ts';

export type LibraryHostOptions = {
  /** The device's name in devices.json, for messages. */
  device: string;
  /** The library file (SSCardDriver.DLL on Windows). */
  path: string;
  timeoutMs: number;
  /** iPrint's limit: printing a face takes longer than the other calls. */
  printTimeoutMs: number;
  /** Where koffi is; by default resolved from sbk's own node_modules (null: not installed). */
  koffiPath?: string | null;
};

export type LibraryReply = { ret: number; out: string };

type Pending = { resolve: (r: LibraryReply) => void; reject: (e: Error) => void };
type HostMessage =
  | { type: 'opened'; missing: string[] }
  | { type: 'failed'; reason: 'koffi' | 'load' | 'function'; name?: string; detail: string }
  | { type: 'result'; id: number; ret?: number; out?: Uint8Array; error?: string };

/** koffi beside this module, or beside the program started (a bundle kept in $SBK_BUNDLE_DIR is outside the project). */
export function resolveKoffi(): string | null {
  for (const from of [import.meta.url, process.argv[1]]) {
    if (!from) continue;
    try {
      return createRequire(from).resolve('koffi');
    } catch {
      // try the next place
    }
  }
  return null;
}

/** A path with a directory part must exist; a bare name (SSCardDriver.DLL) is left to the system's library search. */
function checkLibraryFile(o: LibraryHostOptions): void {
  if (/[\\/]/.test(o.path) && !existsSync(o.path)) throw new SbkError('DEVICE_LIBRARY_MISSING', { device: o.device, path: o.path });
}

export class LibraryHost {
  private child: ChildProcess | null = null;
  private ready: Promise<Set<string>> | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  /** One call at a time: the standard's functions are not re-entrant. */
  private queue: Promise<unknown> = Promise.resolve();
  private missing = new Set<string>();

  private constructor(private readonly o: LibraryHostOptions) {}

  /** Starts the host and loads the library: fails with what to install when koffi or the library is missing. */
  static async open(o: LibraryHostOptions): Promise<LibraryHost> {
    const host = new LibraryHost(o);
    await host.start();
    return host;
  }

  get device(): string {
    return this.o.device;
  }

  /** Whether an optional function (iGetVersion) is in the library. */
  has(name: SscardFunctionName): boolean {
    return !this.missing.has(name);
  }

  /** Calls one function; strings go as GB18030, pOutInfo comes back decoded. */
  call(name: SscardFunctionName, args: readonly (number | string)[], timeoutMs = name === 'iPrint' ? this.o.printTimeoutMs : this.o.timeoutMs): Promise<LibraryReply> {
    const run = this.queue.then(() => this.callNow(name, args, timeoutMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const c = this.child;
    this.child = null;
    this.ready = null;
    if (c && c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }

  private start(): Promise<Set<string>> {
    if (this.ready) return this.ready;
    this.ready = this.spawnHost();
    this.ready.catch(() => (this.ready = null));
    return this.ready;
  }

  private spawnHost(): Promise<Set<string>> {
    const koffi = this.o.koffiPath === undefined ? resolveKoffi() : this.o.koffiPath;
    if (!koffi) return Promise.reject(new SbkError('KOFFI_MISSING', { device: this.o.device }));
    try {
      checkLibraryFile(this.o);
    } catch (e) {
      return Promise.reject(e);
    }
    const child = spawn(process.execPath, ['-e', HOST_SCRIPT], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced', windowsHide: true });
    this.child = child;
    child.unref();
    (child.channel as { unref?: () => void } | undefined | null)?.unref?.();
    return new Promise<Set<string>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill(child);
        reject(new SbkError('DEVICE_LIBRARY_TIMEOUT', { device: this.o.device, fn: 'load', seconds: this.o.timeoutMs / 1000 }));
      }, this.o.timeoutMs);
      child.on('message', (m: HostMessage) => {
        if (m.type === 'opened') {
          clearTimeout(timer);
          this.missing = new Set(m.missing);
          resolve(this.missing);
        } else if (m.type === 'failed') {
          clearTimeout(timer);
          this.kill(child);
          reject(this.loadError(m));
        } else this.settle(m);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (this.child === child) {
          this.child = null;
          this.ready = null;
        }
        const err = new SbkError('DEVICE_LIBRARY_EXITED', { device: this.o.device, detail: signal ?? String(code) });
        reject(err);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new SbkError('DEVICE_LIBRARY_EXITED', { device: this.o.device, detail: e.message }));
      });
      child.send({ type: 'open', koffi, path: this.o.path, functions: Object.values(SSCARD_FUNCTIONS) });
    });
  }

  private loadError(m: Extract<HostMessage, { type: 'failed' }>): SbkError {
    if (m.reason === 'koffi') return new SbkError('KOFFI_MISSING', { device: this.o.device }, { detail: m.detail });
    if (m.reason === 'function') return new SbkError('DEVICE_LIBRARY_FUNCTION_MISSING', { device: this.o.device, path: this.o.path, fn: m.name ?? '' }, { detail: m.detail });
    if (/no such file|cannot open shared object|not found|could not be found|\b126\b/i.test(m.detail) && !/[\\/]/.test(this.o.path)) {
      return new SbkError('DEVICE_LIBRARY_MISSING', { device: this.o.device, path: this.o.path }, { detail: m.detail });
    }
    return new SbkError('DEVICE_LIBRARY_LOAD_FAILED', { device: this.o.device, path: this.o.path, detail: m.detail });
  }

  private settle(m: Extract<HostMessage, { type: 'result' }>): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.error !== undefined) p.reject(new SbkError('DEVICE_LIBRARY_CALL_FAILED', { device: this.o.device, detail: m.error }));
    else p.resolve({ ret: m.ret ?? 0, out: decodeOut(m.out ?? new Uint8Array()) });
  }

  private kill(child: ChildProcess): void {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (this.child === child) {
      this.child = null;
      this.ready = null;
    }
  }

  private async callNow(name: SscardFunctionName, args: readonly (number | string)[], timeoutMs: number): Promise<LibraryReply> {
    await this.start();
    const child = this.child;
    if (!child) throw new SbkError('DEVICE_LIBRARY_EXITED', { device: this.o.device, detail: 'closed' });
    const id = this.nextId++;
    const wire = args.map((a) => (typeof a === 'number' ? a : encodeArg(a)));
    return new Promise<LibraryReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // A call that does not return is a hung device: only killing its process stops it.
        this.kill(child);
        reject(new SbkError('DEVICE_LIBRARY_TIMEOUT', { device: this.o.device, fn: name, seconds: timeoutMs / 1000 }));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      child.send({ type: 'call', id, name, args: wire, outBytes: OUT_INFO_BYTES });
    });
  }
}
