import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../shared/desk-api/client.js';
import type { Session } from '../../../shared/desk-api/contract.js';
import type { User } from '../../../shared/domain/people.js';

export interface SessionState {
  /** `loading` until the core has said whether someone is signed in. */
  status: 'loading' | 'signedOut' | 'signedIn' | 'error';
  user: User | null;
  serverUrl: string;
  error: unknown;
  /** Reads the session and follows `session.changed`; returns the unsubscribe. */
  connect(): () => void;
  /** Reads the session again, e.g. after the first read failed. */
  refresh(): Promise<void>;
  /** Resolves when signed in; rejects with the core's error (a DeskError carries the server's message). */
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

export type SessionStore = StoreApi<SessionState>;

export function createSessionStore(client: DeskClient): SessionStore {
  // Counts session news (events and answers); a read that started before newer news is dropped.
  let news = 0;

  return createStore<SessionState>()((set) => {
    const apply = (session: Session) => {
      news++;
      set({ status: session.user ? 'signedIn' : 'signedOut', user: session.user, serverUrl: session.serverUrl, error: null });
    };

    async function read(): Promise<void> {
      const asked = news;
      try {
        const session = await client.call('session.get', {});
        if (asked === news) apply(session);
      } catch (error) {
        if (asked === news) set({ status: 'error', error });
      }
    }

    return {
      status: 'loading',
      user: null,
      serverUrl: '',
      error: null,
      connect() {
        const unsubscribe = client.on('session.changed', apply);
        void read();
        return unsubscribe;
      },
      refresh() {
        set({ status: 'loading', error: null });
        return read();
      },
      async login(email, password) {
        apply(await client.call('session.login', { email, password }));
      },
      async logout() {
        apply(await client.call('session.logout', {}));
      },
    };
  });
}
