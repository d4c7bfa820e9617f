import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../src/ui/screen-table.tsx';
import { BINDINGS, GLOBAL_ONLY_CONTEXTS, type ContextId } from '../../src/ui/keys/registry.ts';
import { footerText } from '../../src/ui/components/footer.tsx';
import { helpLines } from '../../src/ui/components/help-overlay.tsx';
import { displayWidth } from '../../src/text/display-width.ts';

// The overlays' contexts belong to the shell, not to a screen.
const SHELL_CONTEXTS = new Set<string>(['help', 'confirm']);

describe('the screen table', () => {
  const allContexts = new Set<string>([
    ...BINDINGS.flatMap((b) => b.contexts).filter((c) => c !== '*'),
    ...GLOBAL_ONLY_CONTEXTS,
  ]);

  it('gives every key context to exactly one screen', () => {
    const owner = new Map<string, string[]>();
    for (const [id, spec] of Object.entries(SCREENS)) {
      for (const c of spec.contexts) owner.set(c, [...(owner.get(c) ?? []), id]);
    }
    const unowned = [...allContexts].filter((c) => !SHELL_CONTEXTS.has(c) && !owner.has(c));
    const shared = [...owner].filter(([, ids]) => ids.length > 1);
    expect(unowned).toEqual([]);
    expect(shared).toEqual([]);
  });

  it('titles every screen, and its footer and help fit 80 columns in each of its contexts', () => {
    for (const spec of Object.values(SCREENS)) {
      expect(spec.title.length).toBeGreaterThan(0);
      for (const context of spec.contexts as readonly ContextId[]) {
        expect(displayWidth(footerText(context, 80)), context).toBe(80);
        const help = helpLines(context, 80, 21, spec.title);
        expect(help[0]).toContain(spec.title);
        expect(help.every((l) => displayWidth(l) === 80), context).toBe(true);
      }
    }
  });
});
