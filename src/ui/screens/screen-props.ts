import type { Actor } from '../../domain/actor.ts';
import type { ContextId } from '../keys/registry.ts';

/** What every screen after login is drawn with (src/ui/screen-table.tsx passes it). */
export type ScreenProps = {
  readonly actor: Actor;
  readonly width: number;
  readonly height: number;
  /** False under an overlay: the screen stays mounted but takes no keys. */
  readonly isActive: boolean;
  /** The key context of the screen's current step (the footer and `?` help read it). */
  readonly onContext: (context: ContextId) => void;
};
