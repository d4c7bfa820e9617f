import type { KeyPipeline } from './key-pipeline.ts';

/**
 * The key pipelines of the consoles mounted now. Tests (and a clean shutdown) wait on
 * `whenKeysHandled()` instead of guessing how many ticks a burst of keys takes.
 */
const live = new Set<KeyPipeline>();

/** Registers a mounted console's pipeline; returns the function that closes and drops it. */
export function trackPipeline(p: KeyPipeline): () => void {
  live.add(p);
  return () => {
    live.delete(p);
    p.close();
  };
}

/** Resolves once every key that has reached a mounted console was handled. */
export async function whenKeysHandled(): Promise<void> {
  for (;;) {
    const busy = [...live].filter((p) => !p.isIdle());
    if (busy.length === 0) return;
    await Promise.all(busy.map((p) => p.whenIdle()));
  }
}
