import { useCallback, useState } from 'react';
import type { ContextId } from '../keys/registry.ts';
import type { Screen } from '../hooks/use-navigation.ts';
import { screenSpec } from '../screen-table.tsx';

/**
 * The key context of the screen on top: what the screen last reported for its current step, or
 * its first context from the screen table until it reports one. A report belongs to the depth
 * it came from, so going back never shows a context of the screen that was left.
 */
export function useScreenContext(screen: Screen, depth: number): [ContextId, (context: ContextId) => void] {
  const [reported, setReported] = useState<{ depth: number; context: ContextId } | null>(null);
  const onContext = useCallback((context: ContextId) => setReported({ depth, context }), [depth]);
  const context = reported && reported.depth === depth ? reported.context : screenSpec(screen).contexts[0];
  return [context, onContext];
}
