import { useEffect, useEffectEvent, useState } from 'react';
import { useDeskServices } from '../../services.js';
import { serverFailure, type ServerFailure } from '../../ui/use-server-action.js';

type Answer<T> = { status: 'ready'; data: T } | { status: 'failed'; failure: ServerFailure };
export type ServerData<T> = { status: 'loading' } | Answer<T>;

interface Landed<T> {
  key: string;
  attempt: number;
  answer: Answer<T>;
}

/**
 * Something only the server has (the channels' settings), read while it is on screen: again when `key`
 * changes, when the caller `reload`s after a change, and as soon as the desk is back online after an
 * offline answer. A reload keeps the last answer for the same key on screen, so lists do not flicker.
 */
export function useServerData<T>(key: string, load: () => Promise<T>): ServerData<T> & { reload(): void } {
  const { connection } = useDeskServices();
  const [attempt, setAttempt] = useState(0);
  const [landed, setLanded] = useState<Landed<T> | null>(null);
  const read = useEffectEvent(load);

  useEffect(() => {
    let stale = false;
    const land = (answer: Answer<T>) => {
      if (!stale) setLanded({ key, attempt, answer });
    };
    read().then(
      (data) => land({ status: 'ready', data }),
      (error: unknown) => land({ status: 'failed', failure: serverFailure(error) }),
    );
    return () => {
      stale = true;
    };
  }, [key, attempt]);

  const shown = landed?.key === key ? landed.answer : null;
  const offline = shown?.status === 'failed' && shown.failure.kind === 'offline';
  useEffect(() => connection.getState().connect(), [connection]);
  // On the way back online, not while online: an answer that is offline before the sync has noticed must not loop.
  useEffect(() => {
    if (!offline) return;
    return connection.subscribe((state, previous) => {
      if (state.connection?.status === 'online' && previous.connection?.status !== 'online') setAttempt((n) => n + 1);
    });
  }, [offline, connection]);

  return { ...(shown ?? { status: 'loading' }), reload: () => setAttempt((n) => n + 1) };
}
