import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DeskClient } from '../../shared/desk-api/client.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import { createConnectionStore, type ConnectionStore, type ConnectionStoreState } from './app/connection-store.js';
import { createSessionStore, type SessionState, type SessionStore } from './app/session-store.js';
import { createQueueStore, type QueueState, type QueueStore } from './features/queue/queue-store.js';
import { createTicker, type Ticker } from './features/sla/ticker.js';
import { createTicketPaneStore, type TicketPaneState, type TicketPaneStore } from './features/ticket/ticket-store.js';

/** Everything the screens share, made once per app from the one DeskClient. */
export interface DeskServices {
  client: DeskClient;
  session: SessionStore;
  connection: ConnectionStore;
  queue: QueueStore;
  ticketPane: TicketPaneStore;
  ticker: Ticker;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

export interface DeskServicesOptions {
  clock?: Clock;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export function createDeskServices(client: DeskClient, options: DeskServicesOptions = {}): DeskServices {
  return {
    client,
    session: createSessionStore(client),
    connection: createConnectionStore(client),
    queue: createQueueStore(client),
    ticketPane: createTicketPaneStore(client),
    ticker: createTicker(options.clock ?? systemClock),
    storage: options.storage ?? window.localStorage,
  };
}

const DeskServicesContext = createContext<DeskServices | null>(null);

export function DeskServicesProvider({ services, children }: { services: DeskServices; children: ReactNode }) {
  return <DeskServicesContext value={services}>{children}</DeskServicesContext>;
}

export function useDeskServices(): DeskServices {
  const services = useContext(DeskServicesContext);
  if (!services) throw new Error('useDeskServices needs a DeskServicesProvider above it');
  return services;
}

export function useSession<T>(select: (state: SessionState) => T): T {
  return useStore(useDeskServices().session, select);
}

export function useConnection<T>(select: (state: ConnectionStoreState) => T): T {
  return useStore(useDeskServices().connection, select);
}

export function useQueue<T>(select: (state: QueueState) => T): T {
  return useStore(useDeskServices().queue, select);
}

export function useTicketPane<T>(select: (state: TicketPaneState) => T): T {
  return useStore(useDeskServices().ticketPane, select);
}
