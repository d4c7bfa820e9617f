import { useCallback, useState } from 'react';
import type { ContextId } from '../keys/registry.ts';
import type { Screen } from '../hooks/use-navigation.ts';
import { screenSpec } from '../screen-table.tsx';

/** The yes/no question's context (Y/Enter, N/Esc): any screen may ask one. */
const SHARED_CONTEXTS: readonly ContextId[] = ['confirm'];

type Report = { readonly depth: number; readonly id: Screen['id']; readonly context: ContextId };

/**
 * The context a report gives for `screen` at `depth`, or the screen's first context from the
 * screen table. A report counts only for the screen that made it: the same depth, the same
 * screen id, a context the screen table lists for that screen (or the shared question's). So 查卡 opened where 发运与签收
 * was (same depth, after Esc) shows 查卡's keys, not the shipments list's.
 */
export function contextFor(screen: Screen, depth: number, reported: Report | null): ContextId {
  const contexts: readonly ContextId[] = screenSpec(screen).contexts;
  const known = (c: ContextId) => contexts.includes(c) || SHARED_CONTEXTS.includes(c);
  if (reported && reported.depth === depth && reported.id === screen.id && known(reported.context)) return reported.context;
  return contexts[0]!;
}

/**
 * The key context of the screen on top: what the screen last reported for its current step, or
 * its first context from the screen table until it reports one. A report is dropped as soon as
 * another screen is on top (opened, or gone back to), so it never outlives the screen that made
 * it — not even when the same screen is opened again later at the same depth.
 */
export function useScreenContext(screen: Screen, depth: number): [ContextId, (context: ContextId) => void] {
  const [reported, setReported] = useState<Report | null>(null);
  const [shown, setShown] = useState<{ depth: number; id: Screen['id'] }>({ depth, id: screen.id });
  const moved = shown.depth !== depth || shown.id !== screen.id;
  if (moved) {
    // React's "adjust state while rendering": re-renders before committing, with no report.
    setShown({ depth, id: screen.id });
    setReported(null);
  }
  const id = screen.id;
  const onContext = useCallback((context: ContextId) => setReported({ depth, id, context }), [depth, id]);
  return [contextFor(screen, depth, moved ? null : reported), onContext];
}
