import { useEffect, useLayoutEffect, useSyncExternalStore } from 'react';
import { useDeskServices, useSession, useSettings } from '../../services.js';
import { resolveTheme, type Density, type Theme } from './settings.js';

const lightQuery = '(prefers-color-scheme: light)';

function subscribeToSystem(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(lightQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the system asks for light: follows the system's switch (e.g. at sunrise) while the console runs. */
export function useSystemPrefersLight(): boolean {
  return useSyncExternalStore(subscribeToSystem, () => typeof window.matchMedia === 'function' && window.matchMedia(lightQuery).matches);
}

/** Sets the theme and density on <html>, where base.css's variables (and the queue's row height) read them. */
export function applyAppearance(root: HTMLElement, theme: Theme, density: Density): void {
  root.dataset['theme'] = theme;
  root.dataset['density'] = density;
}

/**
 * Keeps the screen in the signed-in agent's settings (or, before sign-in, the last ones used here):
 * switching agent, theme, density or the system's colour scheme applies at once, without a restart.
 */
export function useAppearance(): void {
  const { settings } = useDeskServices();
  const userId = useSession((state) => state.user?.id ?? null);
  const status = useSession((state) => state.status);
  const { theme, density } = useSettings((state) => state.settings);
  const systemLight = useSystemPrefersLight();

  useEffect(() => {
    // While the session is read the agent is not known yet: keep the last look rather than flash the defaults.
    if (status === 'signedIn' || status === 'signedOut') settings.getState().useFor(userId);
  }, [settings, userId, status]);

  // Before the browser paints, so a switch never shows a frame of the old theme.
  useLayoutEffect(() => applyAppearance(document.documentElement, resolveTheme(theme, systemLight), density), [theme, density, systemLight]);
}
