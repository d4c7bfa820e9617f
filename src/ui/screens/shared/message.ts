/** A line a screen says about the last key: done, take care, or refused. */
export type Message = { readonly level: 'ok' | 'warn' | 'error'; readonly text: string };

export const MESSAGE_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;

/** The colour of an optional message (none: the terminal's own). */
export function messageColor(m: Message | null | undefined): string | undefined {
  return m ? MESSAGE_COLOR[m.level] : undefined;
}
