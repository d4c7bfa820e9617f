/**
 * Every screen of the screen table has a help page that says what the screen is for and what
 * happens on submit, above its keys, and the whole page fits 80×21 in each of its contexts.
 */
import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../src/ui/screen-table.tsx';
import { helpLines } from '../../src/ui/components/help-overlay.tsx';
import { helpText, screenHelp } from '../../src/i18n/shell.ts';
import type { ContextId } from '../../src/ui/keys/registry.ts';

describe('screen help', () => {
  it('every screen says what it is for and what submitting does', () => {
    expect(Object.keys(screenHelp).sort()).toEqual(Object.keys(SCREENS).sort());
    for (const [id, spec] of Object.entries(SCREENS)) {
      expect(spec.help.purpose.trim().length, id).toBeGreaterThan(4);
      expect(spec.help.submit.trim().length, id).toBeGreaterThan(4);
    }
  });

  it('its help page shows both above the keys, uncut at 80×21 in every context', () => {
    for (const [id, spec] of Object.entries(SCREENS)) {
      for (const context of spec.contexts as readonly ContextId[]) {
        const page = helpLines(context, 80, 21, spec.title, spec.help);
        const text = page.join('\n');
        expect(page[2], `${id}/${context}`).toMatch(new RegExp(`^${helpText.purposeLabel}`));
        expect(text, `${id}/${context}`).toContain(helpText.submitLabel);
        expect(text.indexOf(helpText.submitLabel), `${id}/${context}`).toBeLessThan(text.indexOf(helpText.groups.global));
        expect(text, `${id}/${context}`).not.toContain('…');
      }
    }
  });
});
