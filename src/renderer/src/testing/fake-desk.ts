import { dispatchDeskCall } from '../../../shared/desk-api/dispatch.js';
import { DeskError } from '../../../shared/desk-api/errors.js';
import {
  deskMethods,
  type ConnectionState,
  type DeskApi,
  type DeskEvent,
  type DeskEventPayload,
  type DeskMethod,
  type DeskMutation,
  type LocalHandoffNote,
  type OutboxState,
} from '../../../shared/desk-api/contract.js';
import type { HandoffDraft, IncomingHandoffs, ShiftEnd } from '../../../shared/desk-api/handoff-methods.js';
import type { HandoffFacts } from '../../../shared/domain/handoff-facts.js';
import { isAcknowledgedBy } from '../../../shared/domain/handoff.js';
import type { DeskBridge, DeskResult } from '../../../shared/desk-api/bridge.js';
import type { Queue, User } from '../../../shared/domain/people.js';
import type { Message, Ticket } from '../../../shared/domain/ticket.js';
import type { TicketEvent } from '../../../shared/domain/ticket-event.js';
import type { SlaExplanation } from '../../../shared/sla/snapshot.js';
import { slaClock, slaSnapshot } from './sla-fixtures.js';
import { installEscalations, type EscalationDesk } from './fake-escalations.js';
import type { AlertStatus } from '../../../shared/alerts/alert.js';
import type { LocalEscalation } from '../../../shared/desk-api/contract.js';
import { installRouting, type RoutingDesk } from './fake-routing.js';
import { installTicketView, type TicketViewDesk } from './fake-ticket-view.js';
import { applyTagChange } from '../../../shared/domain/tags.js';
import { queueListingOf } from '../../../shared/queue/queue-listing.js';
import { queueRowOf } from '../../../shared/queue/queue-row.js';
import { installViews, type ViewsDesk } from './fake-views.js';
import type { MyStatus } from '../../../shared/desk-api/routing-methods.js';
import type { LocalSavedView } from '../../../shared/desk-api/view-methods.js';
import type { RoutingDecision } from '../../../shared/routing/decision.js';
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
    const none = Object.fromEntries(Object.keys(deskMethods).map((method) => [method, missing(method as DeskMethod)]));
    this.api = { ...(none as unknown as DeskApi), ...api };
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

export type DeskWith = FakeDesk & RoutingDesk & EscalationDesk & ViewsDesk & TicketViewDesk & {
  tickets: Ticket[];
  queues: Queue[];
  messages: Message[];
  /** Shift handoff notes as `handoffs.list` answers them (newest first is the test's to arrange). */
  handoffs: LocalHandoffNote[];
  /** Messages written "here" that the server has not confirmed: `tickets.get` lists them as pending. */
  pendingMessageIds: Set<string>;
  /** The explanation is the one answer the replica cannot give: offline, the core refuses it. */
  offline: boolean;
  outbox: OutboxState;
  connection: ConnectionState;
  /** What the renderer asked `mutations.enqueue` for, in order. */
  readonly enqueued: DeskMutation[];
  /** Changes the connection and fires `connection.changed` (and sets `offline` to match). */
  setConnection(status: ConnectionState['status']): void;
  /** Replaces the outbox and fires `outbox.changed`. */
  setOutbox(outbox: Partial<OutboxState>): void;
  /** The server confirmed everything: nothing pending, nothing waiting. */
  confirmAll(): void;
  /** Replaces the handoff notes and fires `handoffs.changed`, as a pull or push does. */
  setHandoffs(handoffs: LocalHandoffNote[]): void;
  /** The shift whose handoff is owed, the handovers to the agent's shift, and what a draft is filled with. */
  shiftEnd: ShiftEnd | null;
  incoming: IncomingHandoffs;
  facts: HandoffFacts;
  /** The draft as the core keeps it (saved by `handoffs.saveDraft`, ended by `handoffs.write`). */
  draft: HandoffDraft | null;
  /** Replaces the owed shift and the incoming handovers, and fires `rota.changed` as a rota change does. */
  setShifts(change: { shiftEnd?: ShiftEnd | null; incoming?: IncomingHandoffs }): void;
};

/** A desk with a signed-in agent, their queues and tickets, served from mutable arrays. */
export function deskWith(options: {
  user?: User | null;
  queues?: Queue[];
  tickets?: Ticket[];
  messages?: Message[];
  /** Each ticket's history, as the replica holds it. */
  events?: TicketEvent[];
  handoffs?: LocalHandoffNote[];
  /** The agent's own status (online, confirmed, by default) and each ticket's routing decisions. */
  myStatus?: MyStatus;
  routing?: Record<string, RoutingDecision[]>;
  /** The agent's saved queue views. */
  views?: LocalSavedView[];
  /** The agent's escalations and the alerter's status (on shift, nothing held, by default). */
  escalations?: LocalEscalation[];
  alertStatus?: AlertStatus;
  shiftEnd?: ShiftEnd | null;
  incoming?: IncomingHandoffs;
  facts?: HandoffFacts;
  draft?: HandoffDraft | null;
  serverUrl?: string;
  /** What the server explains, per ticket id; a ticket without one has no matching rule (null). */
  explanations?: Record<string, SlaExplanation>;
  connection?: ConnectionState['status'];
  outbox?: Partial<OutboxState>;
  /**
   * Like the core (the default): an enqueued change shows at once (the overlay), counts as waiting,
   * and fires `outbox.changed` and `tickets.changed`. false: enqueue only records the call.
   */
  overlay?: boolean;
}): DeskWith {
  const serverUrl = options.serverUrl ?? 'https://desk.example.test';
  const state = {
    user: options.user === undefined ? agent : options.user,
    tickets: options.tickets ?? [],
    queues: options.queues ?? [tier1, tier2],
    messages: options.messages ?? [],
    events: options.events ?? [],
    handoffs: options.handoffs ?? [],
    shiftEnd: options.shiftEnd ?? null,
    incoming: options.incoming ?? { shift: null, notes: [] },
    facts: options.facts ?? { at: new Date(testNow).toISOString(), openTickets: { lines: [], more: 0 }, slaDue: { lines: [], more: 0 }, escalations: { lines: [], more: 0 } },
    draft: options.draft ?? null,
    pendingMessageIds: new Set<string>(),
    explanations: options.explanations ?? {},
    offline: options.connection === 'offline',
    connection: { status: options.connection ?? 'online', serverUrl, lastSyncedAt: null } as ConnectionState,
    outbox: { waiting: 0, refused: [], ...options.outbox } as OutboxState,
    enqueued: [] as DeskMutation[],
  };
  let mutationId = 0;
  const overlay = options.overlay ?? true;

  const desk = new FakeDesk({
    'session.get': async () => ({ user: state.user, serverUrl }),
    'session.logout': async () => {
      state.user = null;
      return { user: null, serverUrl };
    },
    'connection.get': async () => ({ ...state.connection }),
    'queues.list': async () => [...state.queues],
    // As columns in the queue's default order, as the core answers it.
    'tickets.list': async ({ queueId }) => queueListingOf(state.tickets.filter((ticket) => queueId === undefined || ticket.queueId === queueId).map(queueRowOf)),
    'tickets.get': async ({ id }) => {
      const ticket = state.tickets.find((candidate) => candidate.id === id);
      if (!ticket) return null;
      const messages = state.messages.filter((message) => message.ticketId === id);
      return { ticket, messages, pendingMessageIds: messages.filter((m) => state.pendingMessageIds.has(m.id)).map((m) => m.id), events: state.events.filter((event) => event.ticketId === id) };
    },
    'tickets.slaExplanation': async ({ id }) => {
      if (state.offline) throw new DeskError('unavailable', 'The server is not reachable');
      return state.explanations[id] ?? null;
    },
    'mutations.enqueue': async (mutation) => {
      state.enqueued.push(mutation);
      const id = ++mutationId;
      if (!overlay) return { id };
      applyOverlay(mutation, id);
      state.outbox = { ...state.outbox, waiting: state.outbox.waiting + 1 };
      desk.emit('outbox.changed', state.outbox);
      desk.emit('tickets.changed', { ids: [mutation.args.ticketId] });
      return { id };
    },
    'outbox.get': async () => state.outbox,
    'handoffs.list': async ({ limit }) => state.handoffs.slice(0, limit ?? 100),
    // Not FTS5: every word of the query somewhere in the author or text, which is what tests need.
    'handoffs.search': async ({ query }) => {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      return words.length === 0 ? [] : state.handoffs.filter((note) => words.every((word) => `${note.authorName} ${note.body}`.toLowerCase().includes(word)));
    },
    'handoffs.shiftEnd': async () => state.shiftEnd,
    'handoffs.incoming': async () => state.incoming,
    'handoffs.facts': async () => state.facts,
    'handoffs.draft': async () => state.draft,
    'handoffs.saveDraft': async (draft) => {
      state.draft = draft.body === '' && draft.shift === null ? null : { ...draft, updatedAt: new Date(testNow).toISOString() };
      return state.draft;
    },
    // Like the core: shown at once (newest first), waiting in the outbox, and announced; the draft is done with.
    'handoffs.write': async ({ queueId, body, shift }) => {
      const author = state.user ?? agent;
      const at = new Date(testNow + ++mutationId * 1000).toISOString();
      const note = makeHandoff({ queueId, body, authorId: author.id, authorName: author.name, createdAt: at, writtenAt: at, pending: true });
      state.handoffs = [note, ...state.handoffs];
      state.draft = null;
      if (shift && state.shiftEnd && state.shiftEnd.shift.end === shift.end) state.shiftEnd = { ...state.shiftEnd, handedOver: true };
      waitOneMore();
      desk.emit('handoffs.changed', { ids: [note.id] });
      return { id: note.id };
    },
    'handoffs.acknowledge': async ({ id }) => {
      const author = state.user ?? agent;
      const note = state.handoffs.find((candidate) => candidate.id === id);
      if (!note) throw new DeskError('not_found', `No handoff note ${id}`);
      if (isAcknowledgedBy(note, author.id)) return { queued: false };
      const acknowledgement = { agentId: author.id, agentName: author.name, at: new Date(testNow + ++mutationId * 1000).toISOString() };
      state.handoffs = state.handoffs.map((candidate) =>
        candidate.id === id ? { ...candidate, acknowledgements: [...candidate.acknowledgements, acknowledgement], acknowledgementPending: true } : candidate,
      );
      waitOneMore();
      desk.emit('handoffs.changed', { ids: [id] });
      return { queued: true };
    },
    'outbox.discard': async ({ id }) => {
      state.outbox = { ...state.outbox, refused: state.outbox.refused.filter((refused) => refused.id !== id) };
      desk.emit('outbox.changed', state.outbox);
      return state.outbox;
    },
  });

  // Escalations and the alerter's status, like the core (see fake-escalations.ts).
  Object.defineProperties(desk, Object.getOwnPropertyDescriptors(installEscalations(desk, { user: () => state.user, queues: () => state.queues, tickets: () => state.tickets }, options)));

  function waitOneMore(): void {
    state.outbox = { ...state.outbox, waiting: state.outbox.waiting + 1 };
    desk.emit('outbox.changed', state.outbox);
  }

  function applyOverlay(mutation: DeskMutation, id: number): void {
    const { ticketId } = mutation.args;
    switch (mutation.name) {
      case 'ticket.reply':
      case 'ticket.note': {
        // Written "now": a second after the test's instant per change, so it is last in the thread.
        const at = new Date(testNow + id * 1000).toISOString();
        const message = makeMessage(ticketId, {
          authorKind: 'agent',
          authorName: state.user?.name ?? 'Agent',
          body: mutation.args.body,
          isPublic: mutation.name === 'ticket.reply',
          createdAt: at,
          writtenAt: at,
        });
        state.messages = [...state.messages, message];
        state.pendingMessageIds.add(message.id);
        break;
      }
      case 'ticket.setStatus':
        update(ticketId, { status: mutation.args.to });
        break;
      case 'ticket.setPriority':
        update(ticketId, { priority: mutation.args.to });
        break;
      case 'ticket.assign':
        update(ticketId, { assigneeId: mutation.args.assignee });
        break;
      case 'ticket.setTags':
        update(ticketId, { tags: applyTagChange(state.tickets.find((t) => t.id === ticketId)?.tags ?? [], mutation.args) });
        break;
    }
  }

  function update(ticketId: string, change: Partial<Ticket>): void {
    state.tickets = state.tickets.map((ticket) => (ticket.id === ticketId ? { ...ticket, ...change } : ticket));
  }

  // The agent's status and "Why here?", like the core (see fake-routing.ts).
  Object.defineProperties(desk, Object.getOwnPropertyDescriptors(installRouting(desk, { offline: () => state.offline }, options)));
  // Ticket drafts (with one-step send) and who else is on a ticket (see fake-ticket-view.ts).
  Object.defineProperties(desk, Object.getOwnPropertyDescriptors(installTicketView(desk, { user: () => state.user, ticket: (id) => state.tickets.find((t) => t.id === id) })));
  // Saved views and ticket search (see fake-views.ts).
  Object.defineProperties(desk, Object.getOwnPropertyDescriptors(installViews(desk, { user: () => state.user, tickets: () => state.tickets, messages: () => state.messages }, options)));

  // Accessors, so a test can change what the "replica" holds after the store has loaded.
  Object.defineProperties(desk, {
    tickets: { get: () => state.tickets, set: (tickets: Ticket[]) => (state.tickets = tickets) },
    queues: { get: () => state.queues, set: (queues: Queue[]) => (state.queues = queues) },
    messages: { get: () => state.messages, set: (messages: Message[]) => (state.messages = messages) },
    handoffs: { get: () => state.handoffs, set: (handoffs: LocalHandoffNote[]) => (state.handoffs = handoffs) },
    shiftEnd: { get: () => state.shiftEnd, set: (shiftEnd: ShiftEnd | null) => (state.shiftEnd = shiftEnd) },
    incoming: { get: () => state.incoming, set: (incoming: IncomingHandoffs) => (state.incoming = incoming) },
    facts: { get: () => state.facts, set: (facts: HandoffFacts) => (state.facts = facts) },
    draft: { get: () => state.draft, set: (draft: HandoffDraft | null) => (state.draft = draft) },
    pendingMessageIds: { get: () => state.pendingMessageIds },
    offline: { get: () => state.offline, set: (offline: boolean) => (state.offline = offline) },
    outbox: { get: () => state.outbox, set: (outbox: OutboxState) => (state.outbox = outbox) },
    connection: { get: () => state.connection, set: (connection: ConnectionState) => (state.connection = connection) },
    enqueued: { get: () => state.enqueued },
  });
  return Object.assign(desk, {
    setConnection(status: ConnectionState['status']) {
      state.connection = { ...state.connection, status };
      state.offline = status !== 'online';
      desk.emit('connection.changed', state.connection);
    },
    setOutbox(outbox: Partial<OutboxState>) {
      state.outbox = { ...state.outbox, ...outbox };
      desk.emit('outbox.changed', state.outbox);
    },
    confirmAll() {
      const ids = new Set(state.messages.filter((m) => state.pendingMessageIds.has(m.id)).map((m) => m.ticketId));
      state.pendingMessageIds.clear();
      const handoffIds = state.handoffs.filter((note) => note.pending || note.acknowledgementPending).map((note) => note.id);
      state.handoffs = state.handoffs.map((note) => ({ ...note, pending: false, acknowledgementPending: false }));
      state.outbox = { ...state.outbox, waiting: 0 };
      desk.emit('outbox.changed', state.outbox);
      desk.emit('tickets.changed', { ids: [...ids] });
      if (handoffIds.length > 0) desk.emit('handoffs.changed', { ids: handoffIds });
    },
    setHandoffs(handoffs: LocalHandoffNote[]) {
      state.handoffs = handoffs;
      desk.emit('handoffs.changed', { ids: handoffs.map((note) => note.id) });
    },
    setShifts(change: { shiftEnd?: ShiftEnd | null; incoming?: IncomingHandoffs }) {
      if (change.shiftEnd !== undefined) state.shiftEnd = change.shiftEnd;
      if (change.incoming !== undefined) state.incoming = change.incoming;
      desk.emit('rota.changed', {});
    },
  }) as DeskWith;
}

/** A refused mutation as the core keeps it; a stale status change by default. */
export function makeRefused(overrides: Partial<OutboxState['refused'][number]> & Pick<OutboxState['refused'][number], 'ticketId'>): OutboxState['refused'][number] {
  return {
    id: 1,
    name: 'ticket.setStatus',
    args: { ticketId: overrides.ticketId, from: 'open', to: 'solved' },
    createdAt: new Date(testNow - 5 * 60_000).toISOString(),
    rejection: { code: 'conflict', message: 'status of #1042 is now on_hold, changed by Olga Smirnova', field: 'status', current: 'on_hold', changedBy: 'Olga Smirnova' },
    ...overrides,
  };
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
    tags: [],
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

/** A handoff note from a colleague on the night shift, confirmed by the server, read by nobody yet. */
export function makeHandoff(overrides: Partial<LocalHandoffNote> = {}): LocalHandoffNote {
  return {
    id: crypto.randomUUID(),
    queueId: tier1.id,
    authorId: 'user-olga',
    authorName: 'Olga Smirnova',
    body: 'Invoice run stuck at 80 %; finance on-call knows. Three VAT corrections wait for accounting.',
    createdAt: minutes(-30),
    acknowledgements: [],
    pending: false,
    acknowledgementPending: false,
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
