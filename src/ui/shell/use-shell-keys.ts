import { useApp } from 'ink';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import type { NavAction, Overlay, Screen } from '../hooks/use-navigation.ts';

/**
 * The keys that work everywhere (help, back, quit, a scan on home) and the two overlays' keys.
 * The lifecycle root: the quit dialog's yes and a second Ctrl+C (use-ctrl-c-quit.ts) are the
 * only places that end the app.
 */
export function useShellKeys(overlay: Overlay, screen: Screen, dispatch: (a: NavAction) => void): void {
  const { exit } = useApp();
  useKeyHandler(
    (e) => {
      if (overlay === 'help' && matches('help.close', e)) dispatch({ type: 'overlay', overlay: null });
      if (overlay === 'quit' && matches('confirm.yes', e)) exit();
      if (overlay === 'quit' && matches('confirm.no', e)) dispatch({ type: 'overlay', overlay: null });
      return true; // a modal owns every key while it is open
    },
    { priority: PRIORITY.modal, isActive: overlay !== null },
  );
  useKeyHandler(
    (e) => {
      // A barcode scanned where no field and no screen takes it: on home it opens the card;
      // elsewhere it is dropped rather than read as command keys.
      if (matches('home.scan', e)) {
        if (screen.id === 'home') dispatch({ type: 'open', screen: { id: 'lookup', query: e.char } });
        return true;
      }
      // `?` reaches here only when no text field took it as text; F1 always does.
      if (matches('help', e) || matches('help-f1', e)) return dispatch({ type: 'overlay', overlay: 'help' }), true;
      if (matches('back', e)) return dispatch({ type: 'back' }), true;
      if (matches('quit', e)) return dispatch({ type: 'overlay', overlay: 'quit' }), true;
      return false;
    },
    { priority: PRIORITY.global },
  );
}
