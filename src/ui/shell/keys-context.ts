import type { ContextId } from '../keys/registry.ts';
import type { Overlay } from '../hooks/use-navigation.ts';

/** The context whose keys work now: an overlay's over the screen's own. */
export function keysContext(overlay: Overlay, screenContext: ContextId): ContextId {
  return overlay === 'help' ? 'help' : overlay === 'quit' ? 'confirm' : screenContext;
}
