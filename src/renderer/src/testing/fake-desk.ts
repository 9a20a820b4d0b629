import { dispatchDeskCall } from '../../../shared/desk-api/dispatch.js';
import { DeskError } from '../../../shared/desk-api/errors.js';
import type { DeskApi, DeskEvent, DeskEventPayload, DeskMethod } from '../../../shared/desk-api/contract.js';
import type { DeskBridge, DeskResult } from '../../../shared/desk-api/bridge.js';
import type { Queue, User } from '../../../shared/domain/people.js';
import type { Message, Ticket } from '../../../shared/domain/ticket.js';
import type { SlaExplanation } from '../../../shared/sla/snapshot.js';
import { slaClock, slaSnapshot } from './sla-fixtures.js';
import { testNow } from './test-time.js';

export { testNow };

/**
 * A host in a test: answers DeskApi calls through the same validating gate the real hosts use, records
 * every call, and lets the test fire events. Methods a test does not set up fail loudly.
 */
export class FakeDesk implements DeskBridge {
  readonly calls: { method: string; input: unknown }[] = [];
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  readonly api: DeskApi;

  constructor(api: Partial<DeskApi> = {}) {
    const missing = (method: DeskMethod) => () => Promise.reject(new DeskError('internal', `FakeDesk has no ${method}`));
    this.api = {
      'session.get': missing('session.get'),
      'session.login': missing('session.login'),
      'session.logout': missing('session.logout'),
      'connection.get': missing('connection.get'),
      'queues.list': missing('queues.list'),
      'tickets.list': missing('tickets.list'),
      'tickets.get': missing('tickets.get'),
      'tickets.slaExplanation': missing('tickets.slaExplanation'),
      ...api,
    };
  }

  invoke(method: string, input: unknown): Promise<DeskResult> {
    this.calls.push({ method, input });
    return dispatchDeskCall(this.api, method, input);
  }

  on(event: string, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  emit<E extends DeskEvent>(event: E, payload: DeskEventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  listenerCount(event: DeskEvent): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  callsOf(method: DeskMethod): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.input);
  }
}

/** A desk with a signed-in agent, their queues and tickets, served from mutable arrays. */
export function deskWith(options: {
  user?: User | null;
  queues?: Queue[];
  tickets?: Ticket[];
  messages?: Message[];
  serverUrl?: string;
  /** What the server explains, per ticket id; a ticket without one has no matching rule (null). */
  explanations?: Record<string, SlaExplanation>;
}): FakeDesk & { tickets: Ticket[]; queues: Queue[]; offline: boolean } {
  const state = {
    user: options.user === undefined ? agent : options.user,
    tickets: options.tickets ?? [],
    queues: options.queues ?? [tier1, tier2],
    messages: options.messages ?? [],
    explanations: options.explanations ?? {},
    // The explanation is the one answer the replica cannot give: offline, the core refuses it.
    offline: false,
  };
  const serverUrl = options.serverUrl ?? 'https://desk.example.test';
  const desk = new FakeDesk({
    'session.get': async () => ({ user: state.user, serverUrl }),
    'session.logout': async () => {
      state.user = null;
      return { user: null, serverUrl };
    },
    'connection.get': async () => ({ status: 'online', serverUrl, lastSyncedAt: null }),
    'queues.list': async () => [...state.queues],
    'tickets.list': async () => [...state.tickets],
    'tickets.get': async ({ id }) => {
      const ticket = state.tickets.find((candidate) => candidate.id === id);
      return ticket ? { ticket, messages: state.messages.filter((message) => message.ticketId === id) } : null;
    },
    'tickets.slaExplanation': async ({ id }) => {
      if (state.offline) throw new DeskError('unavailable', 'The server is not reachable');
      return state.explanations[id] ?? null;
    },
  });
  // Accessors, so a test can change what the "replica" holds after the store has loaded.
  Object.defineProperties(desk, {
    tickets: { get: () => state.tickets, set: (tickets: Ticket[]) => (state.tickets = tickets) },
    queues: { get: () => state.queues, set: (queues: Queue[]) => (state.queues = queues) },
    offline: { get: () => state.offline, set: (offline: boolean) => (state.offline = offline) },
  });
  return desk as FakeDesk & { tickets: Ticket[]; queues: Queue[]; offline: boolean };
}

export const agent: User = {
  id: 'user-ada',
  email: 'ada@example.test',
  name: 'Ada Night',
  role: 'agent',
  tier: 1,
  locale: 'en',
  timeZone: 'Europe/Riga',
  queueIds: ['q-tier1', 'q-tier2'],
};

export const tier1: Queue = { id: 'q-tier1', name: 'Tier 1 support', tier: 1 };
export const tier2: Queue = { id: 'q-tier2', name: 'Tier 2 engineering', tier: 2 };

const minutes = (n: number) => new Date(testNow + n * 60_000).toISOString();

let nextNumber = 1000;

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: crypto.randomUUID(),
    number: nextNumber++,
    subject: 'Cannot log in to the portal',
    requesterName: 'Jan Kowalski',
    requesterEmail: 'jan@example.test',
    channel: 'email',
    priority: 'medium',
    customerTier: 'standard',
    type: 'question',
    status: 'open',
    queueId: tier1.id,
    assigneeId: null,
    createdAt: minutes(-60),
    updatedAt: minutes(-30),
    firstRespondedAt: null,
    solvedAt: null,
    // Created an hour ago under a rule with a 90-minute first response and an 8-hour resolution.
    sla: slaSnapshot([
      slaClock('firstResponse', { targetMinutes: 90, dueIn: 30 }),
      slaClock('resolution', { targetMinutes: 480, dueIn: 420 }),
    ]),
    ...overrides,
  };
}

/** Due in `n` minutes from testNow (negative: overdue). */
export const dueIn = minutes;

export function makeMessage(ticketId: string, overrides: Partial<Message> = {}): Message {
  return {
    id: crypto.randomUUID(),
    ticketId,
    authorKind: 'customer',
    authorName: 'Jan Kowalski',
    body: 'Hello, I cannot log in.',
    isPublic: true,
    createdAt: minutes(-60),
    ...overrides,
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets every pending promise chain (bridge, dispatch, store) run to its end. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
