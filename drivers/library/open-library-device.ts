/**
 * Opens a device configured as `"transport": "library"`: starts the library host (koffi and the
 * vendor's library loaded there) and wraps it as a printer or a reader.
 */
import type { LibraryAddress } from '../config/device-config.ts';
import { LibraryHost } from './library-host.ts';
import { LibraryCardReader, LibraryInstantPrinter } from './library-printer.ts';

export async function openLibraryPrinter(cfg: LibraryAddress & { id: string }): Promise<LibraryInstantPrinter> {
  const host = await LibraryHost.open({ device: cfg.id, path: cfg.path, timeoutMs: cfg.timeoutMs, printTimeoutMs: cfg.printTimeoutMs });
  return new LibraryInstantPrinter(host, cfg.id);
}

export async function openLibraryReader(cfg: LibraryAddress & { id: string }): Promise<LibraryCardReader> {
  const host = await LibraryHost.open({ device: cfg.id, path: cfg.path, timeoutMs: cfg.timeoutMs, printTimeoutMs: cfg.printTimeoutMs });
  return new LibraryCardReader(host, cfg.id);
}
