import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DeskClient } from '../../shared/desk-api/client.js';
import type { ConnectionState } from '../../shared/desk-api/contract.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import { createConnectionStore, type ConnectionStore, type ConnectionStoreState } from './app/connection-store.js';
import { createSessionStore, type SessionState, type SessionStore } from './app/session-store.js';
import { createQueueStore, type QueueState, type QueueStore } from './features/queue/queue-store.js';
import { createTicker, type Ticker } from './features/sla/ticker.js';
import { createOutboxStore, type OutboxStore, type OutboxStoreState } from './features/sync/outbox-store.js';
import { createDraftsStore, type DraftsState, type DraftsStore } from './features/ticket/drafts-store.js';
import { createHandoffStore, type HandoffState, type HandoffStore } from './features/handoff/handoff-store.js';
import { createCallStore, type CallState, type CallStore } from './features/phone/call-store.js';
import { createTicketPaneStore, type TicketPaneState, type TicketPaneStore } from './features/ticket/ticket-store.js';
import { createEscalationStore, type EscalationState, type EscalationStore } from './features/escalation/escalation-store.js';
import { createAlertStore, type AlertState, type AlertStore } from './features/escalation/alert-store.js';
import { hostAlertOutput, type AlertOutput } from './features/escalation/alert-output.js';
import { createSettingsStore, withSoundSettings, type SettingsState, type SettingsStore } from './features/settings/settings-store.js';

/** Everything the screens share, made once per app from the one DeskClient. */
export interface DeskServices {
  client: DeskClient;
  session: SessionStore;
  connection: ConnectionStore;
  queue: QueueStore;
  ticketPane: TicketPaneStore;
  drafts: DraftsStore;
  outbox: OutboxStore;
  handoffs: HandoffStore;
  calls: CallStore;
  escalations: EscalationStore;
  alerts: AlertStore;
  ticker: Ticker;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** The agent's theme, density, sounds and time zone on this machine. */
  settings: SettingsStore;
}

export interface DeskServicesOptions {
  clock?: Clock;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** How alerts are heard and shown; the host's own (Web Audio, Web Notifications) by default. */
  alertOutput?: AlertOutput;
}

export function createDeskServices(client: DeskClient, options: DeskServicesOptions = {}): DeskServices {
  const storage = options.storage ?? window.localStorage;
  const settings = createSettingsStore(storage);
  return {
    client,
    session: createSessionStore(client),
    connection: createConnectionStore(client),
    queue: createQueueStore(client),
    ticketPane: createTicketPaneStore(client),
    drafts: createDraftsStore(client),
    outbox: createOutboxStore(client),
    handoffs: createHandoffStore(client),
    calls: createCallStore(client),
    escalations: createEscalationStore(client),
    alerts: createAlertStore(client, withSoundSettings(options.alertOutput ?? hostAlertOutput(), settings)),
    ticker: createTicker(options.clock ?? systemClock),
    storage,
    settings,
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

/** The connection status, followed for as long as the caller is on screen; null until the core answers. */
export function useConnectionStatus(): ConnectionState['status'] | null {
  const { connection } = useDeskServices();
  useEffect(() => connection.getState().connect(), [connection]);
  return useStore(connection, (state) => state.connection?.status ?? null);
}

export function useQueue<T>(select: (state: QueueState) => T): T {
  return useStore(useDeskServices().queue, select);
}

export function useTicketPane<T>(select: (state: TicketPaneState) => T): T {
  return useStore(useDeskServices().ticketPane, select);
}

export function useDrafts<T>(select: (state: DraftsState) => T): T {
  return useStore(useDeskServices().drafts, select);
}

/** The outbox, followed for as long as the caller is on screen. */
export function useOutbox<T>(select: (state: OutboxStoreState) => T): T {
  const { outbox } = useDeskServices();
  useEffect(() => outbox.getState().connect(), [outbox]);
  return useStore(outbox, select);
}

/** Handoff notes, followed for as long as the caller is on screen (the top bar's badge, the panel). */
export function useHandoffs<T>(select: (state: HandoffState) => T): T {
  const { handoffs } = useDeskServices();
  useEffect(() => handoffs.getState().connect(), [handoffs]);
  return useStore(handoffs, select);
}

/** Phone calls waiting to send and the call being logged, followed for as long as the caller is on screen. */
export function useCalls<T>(select: (state: CallState) => T): T {
  const { calls } = useDeskServices();
  useEffect(() => calls.getState().connect(), [calls]);
  return useStore(calls, select);
}

/** The agent's escalations, followed for as long as the caller is on screen (the page cards, the panel). */
export function useEscalations<T>(select: (state: EscalationState) => T): T {
  const { escalations } = useDeskServices();
  useEffect(() => escalations.getState().connect(), [escalations]);
  return useStore(escalations, select);
}

/** The notification policy's status and alerts, followed for as long as the caller is on screen. */
export function useAlerts<T>(select: (state: AlertState) => T): T {
  const { alerts } = useDeskServices();
  useEffect(() => alerts.getState().connect(), [alerts]);
  return useStore(alerts, select);
}

export function useSettings<T>(select: (state: SettingsState) => T): T {
  return useStore(useDeskServices().settings, select);
}
