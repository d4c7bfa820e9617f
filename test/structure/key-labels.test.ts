/**
 * A key's label is the key that works: a plain letter where both cases work, `Shift+X` where
 * only the upper case does (home's Shift+L logs out; a lower-case l must not), a lower-case
 * letter where only it does.
 */
import { describe, expect, it } from 'vitest';
import { BINDINGS } from '../../src/ui/keys/registry.ts';
import { charEvent } from '../../src/ui/keys/key-event.ts';

describe('key labels', () => {
  it('say Shift+ exactly where only the upper-case letter works', () => {
    const wrong: string[] = [];
    for (const b of BINDINGS) {
      for (const token of b.keys.split('/')) {
        const shift = /^Shift\+([A-Z])$/.exec(token);
        if (shift) {
          const c = shift[1]!;
          if (!b.match(charEvent(c)) || b.match(charEvent(c.toLowerCase()))) wrong.push(`${b.id}: ${token}`);
        } else if (/^[A-Z]$/.test(token)) {
          if (!b.match(charEvent(token)) || !b.match(charEvent(token.toLowerCase()))) wrong.push(`${b.id}: ${token} (only one case works)`);
        } else if (/^[a-z]$/.test(token)) {
          if (!b.match(charEvent(token))) wrong.push(`${b.id}: ${token}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
