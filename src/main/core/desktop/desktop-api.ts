import type { DeskApi } from '../../../shared/desk-api/contract.js';
import type { desktopMethods } from '../../../shared/desk-api/desktop-methods.js';
import type { DesktopReplica, MyCounts } from './my-counts.js';

type DesktopMethod = keyof typeof desktopMethods;

export interface DesktopApiDeps {
  /** Read when called: the core opens its replica after building its api. */
  replica(): DesktopReplica;
  counts(): MyCounts;
  /** Throws when nobody is signed in. */
  requireSession(): unknown;
}

export function desktopApi(deps: DesktopApiDeps): Pick<DeskApi, DesktopMethod> {
  return {
    'desk.myCounts': async () => {
      deps.requireSession();
      return deps.counts().current();
    },
    'tickets.byNumber': async ({ number }) => {
      deps.requireSession();
      const id = deps.replica().ticketIdByNumber(number);
      return id === null ? null : { id };
    },
  };
}
