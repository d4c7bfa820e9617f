import { EventEmitter } from 'node:events';

/**
 * A terminal's stdin for driving the console without one (tests, benchmarks): Ink reads stdin
 * on 'readable' through read(), as ink-testing-library's stub does.
 */
export class StubStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
  };
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}
