import { useEffect } from 'react';
import { useStore } from 'zustand';
import { seesAllQueues } from '../../../../shared/domain/people.js';
import { useSession } from '../../services.js';
import { Wallboard } from './Wallboard.js';
import { isWallboardShortcut, openingFromHash, wallboardOpening } from './wallboard-store.js';
import './wallboard.css';

/**
 * Where the wallboard is drawn for a signed-in supervisor or admin: opened by the button, by
 * Alt+Shift+W anywhere in the console, or by the page's address (#wallboard, #wallboard/kiosk).
 */
export function WallboardHost() {
  const user = useSession((state) => state.user);
  const allowed = user !== null && seesAllQueues(user);
  const opened = useStore(wallboardOpening, (state) => state.opened);

  useEffect(() => {
    if (!allowed) return;
    const fromAddress = () => {
      const opening = openingFromHash(window.location.hash);
      if (opening) wallboardOpening.getState().show(opening.kiosk);
    };
    fromAddress();
    const onKey = (event: KeyboardEvent) => {
      if (!isWallboardShortcut(event)) return;
      event.preventDefault();
      const state = wallboardOpening.getState();
      if (state.opened) state.hide();
      else state.show();
    };
    window.addEventListener('hashchange', fromAddress);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', fromAddress);
      document.removeEventListener('keydown', onKey);
      wallboardOpening.getState().hide();
    };
  }, [allowed]);

  if (!allowed || !opened) return null;
  return (
    <Wallboard
      startInKiosk={opened.kiosk}
      onClose={() => {
        wallboardOpening.getState().hide();
        // Closed by hand: a reload should not open it again.
        if (openingFromHash(window.location.hash)) history.replaceState(null, '', window.location.pathname + window.location.search);
      }}
    />
  );
}
