import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { isoNow, type Clock } from '../../shared/clock.js';
import { DeskError } from '../../shared/desk-api/errors.js';
import type { DeskResult } from '../../shared/desk-api/bridge.js';
import { dispatchDeskCall } from '../../shared/desk-api/dispatch.js';
import type { DeskEventListener, DeskService } from './desk-service.js';
import {
  type OutboxState,
  type ConnectionState,
  type DeskApi,
  type DeskEvent,
  type DeskEventPayload,
  type Session,
} from '../../shared/desk-api/contract.js';
import { seesAllQueues, type Queue, type User } from '../../shared/domain/people.js';
import type { Mutation } from '../../shared/sync/mutations.js';
import type { AppliedChanges, Replica } from './replica/replica.js';
import { openReplica, type OpenedReplica } from './replica/open-replica.js';
import type { Outbox } from './replica/outbox.js';
import { loadSession, saveSession, type SavedSession } from './session/saved-session.js';
import type { SecretStore } from './session/secret-store.js';
import { channelApi } from './channels/channel-api.js';
import { analyticsApi } from './analytics-api.js';
import { escalationApi } from './escalation-api.js';
import { Alerter, systemTimers, type Timers } from './alerts/alerter.js';
import { alertApi } from './alerts/alert-api.js';
import { escalationTargets } from '../../shared/desk-api/escalation-targets.js';
import { handoffApi } from './handoff-api.js';
import { knowledgeApi } from './knowledge-api.js';
import { desktopApi } from './desktop/desktop-api.js';
import { MyCounts } from './desktop/my-counts.js';
import { rotaApi } from './rota-api.js';
import { routingApi } from './routing-api.js';
import { viewsApi } from './views-api.js';
import { remoteApi } from './remote/remote-api.js';
import { DEFAULT_HANDOFF_DRAFT_MINUTES } from './handoff-settings.js';
import { Schedule } from '../../shared/shifts/schedule.js';
import { fetchSlaExplanation, loginToServer } from './sync/server-api.js';
import { inlineDecoder, type ChangeDecoder } from './sync/change-decoder.js';
import { SyncClient } from './sync/sync-client.js';
import { TicketPresenceLink } from './ticket-presence-link.js';
import { WallboardLink, wallboardApi } from './wallboard-link.js';
import { uploadReplyFiles } from './ticket-files.js';
import { ticketViewApi } from './ticket-view-api.js';

export interface DeskCoreOptions {
  dataDir: string;
  serverUrl: string;
  clock: Clock;
  secrets: SecretStore;
  /** Where pulled pages are decoded; the worker core gives it a thread of its own. */
  decoder?: ChangeDecoder;
  /** How long before an agent's shift ends the console offers the handoff draft. */
  handoffDraftMinutes?: number;
  /** Where the alerter waits (pages ringing again, shifts starting); the system's by default. */
  timers?: Timers;
  /** Hands a remote-access link to the system (Electron: shell.openExternal); without it the renderer opens the link itself. */
  openExternal?: (url: string) => Promise<void>;
}


/**
 * The desktop core behind DeskApi: it owns the session, the replica and the sync connection, and
 * answers every renderer request from the replica, so reading never waits on the network.
 */
export class DeskCore implements DeskService {
  private readonly replica: Replica;
  private readonly sync: SyncClient;
  private readonly listeners = new Set<DeskEventListener>();
  /** Who else has the open ticket, over the sync client's socket (docs/ticket-view.md). */
  private readonly presence = new TicketPresenceLink(() => this.session?.user.id ?? null, (ticketId, viewers) => this.emit('ticketPresence.changed', { ticketId, viewers }));
  /** The supervisors' wallboard, pushed by the server over the same socket while it is open (docs/wallboard.md). */
  private readonly wallboard = new WallboardLink((snapshot) => this.emit('wallboard.changed', snapshot));
  private session: SavedSession | null;
  /** Set when the replica had to be rebuilt at start (kept for the console to say so, and for support). */
  readonly rebuilt: OpenedReplica['rebuilt'];

  private readonly decoder: ChangeDecoder;
  /** Decides what the agent is told and when: the notification policy at work. */
  private readonly alerter: Alerter;
  /** The tray's badge: the agent's unfinished tickets and those at SLA risk. */
  private readonly myCounts: MyCounts;

  constructor(private readonly options: DeskCoreOptions) {
    this.decoder = options.decoder ?? inlineDecoder;
    mkdirSync(options.dataDir, { recursive: true });
    const opened = openReplica(join(options.dataDir, 'replica.sqlite'), () => options.clock.now());
    this.replica = opened.replica;
    this.rebuilt = opened.rebuilt;
    this.sync = new SyncClient(this.replica, options.clock, {
      status: () => this.emit('connection.changed', this.connectionState()),
      applied: ({ ticketIds, queuesChanged, handoffIds, escalationIds, rotaChanged, agentsChanged, remoteChanged, knowledgeChanged, viewsChanged }) => {
        if (ticketIds.length > 0) this.emit('tickets.changed', { ids: ticketIds });
        if (queuesChanged) this.emit('queues.changed', {});
        if (handoffIds.length > 0) this.emit('handoffs.changed', { ids: handoffIds });
        if (escalationIds.length > 0) this.emit('escalations.changed', { ids: escalationIds });
        if (rotaChanged) this.emit('rota.changed', {});
        if (agentsChanged) this.emit('agents.changed', {});
        if (viewsChanged) this.emit('views.changed', {});
        if (remoteChanged) this.emit('remote.changed', {});
        if (knowledgeChanged) this.emit('knowledge.changed', {});
      },
      outboxChanged: () => this.emitOutbox(),
      unauthorized: () => void this.api['session.logout']({}),
    }, this.decoder);
    this.sync.attachToSocket((socket) => {
      this.presence.attach(socket);
      this.wallboard.attach(socket);
    });
    this.sync.beforePush = (mutations) => uploadReplyFiles(mutations, this.requireSession(), this.replica.ticketDrafts);
    this.session = loadSession(options.secrets);
    this.alerter = new Alerter({
      clock: options.clock,
      timers: options.timers ?? systemTimers,
      replica: () => this.replica,
      user: () => this.session?.user ?? null,
      changed: (status) => this.emit('alerts.changed', status),
      ring: (ring) => this.emit('alerts.ring', ring),
    });
    this.onEvent((event, payload) => this.alerter.follow(event, payload));
    this.myCounts = new MyCounts({
      tickets: () => (this.session ? this.replica.desktop.myUnfinishedTickets(this.session.user.id) : []),
      userId: () => this.session?.user.id ?? null,
      now: () => options.clock.now(),
      timers: options.timers ?? systemTimers,
      changed: (counts) => this.emit('desk.countsChanged', counts),
    });
    this.onEvent((event) => this.myCounts.follow(event));
    if (this.session) this.startSync(this.session);
    this.alerter.refresh();
  }

  private startSync(session: SavedSession): void {
    const clientId = this.replica.outbox.clientIdFor(session.user.id);
    // Unconfirmed changes from before a restart are on screen again at once, and sent on connect.
    this.replica.refreshOverlay(clientId, session.user);
    this.sync.start(session.serverUrl, session.token, { clientId, user: session.user });
  }

  private outboxState(): OutboxState {
    const user = this.session?.user;
    return user ? this.replica.outbox.view(this.replica.outbox.clientIdFor(user.id)) : { waiting: 0, refused: [] };
  }

  private emitOutbox(): void {
    this.emit('outbox.changed', this.outboxState());
  }

  onEvent(listener: DeskEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<E extends DeskEvent>(event: E, payload: DeskEventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  private serverUrl(): string {
    return this.session?.serverUrl ?? this.options.serverUrl;
  }

  private sessionView(): Session {
    return { user: this.session?.user ?? null, serverUrl: this.serverUrl() };
  }

  private connectionState(): ConnectionState {
    return {
      status: this.session ? this.sync.status : 'signedOut',
      serverUrl: this.serverUrl(),
      lastSyncedAt: this.sync.syncedAt,
    };
  }

  private requireSession(): SavedSession {
    if (!this.session) throw new DeskError('unauthorized', 'Sign in first');
    return this.session;
  }

  /** Every queue is replicated (escalation needs their names), but an agent works only their own. */
  private workQueues(user: User): Queue[] {
    const queues = this.replica.listQueues();
    return seesAllQueues(user) ? queues : queues.filter((queue) => user.queueIds.includes(queue.id));
  }

  /**
   * Writes an agent action to the outbox before anything else, so it survives a crash or a restart,
   * and shows it at once through the overlay. The caller says what changed, then `send`s.
   */
  private record(user: User, mutation: Omit<Mutation, 'id'>): { id: number; shown: AppliedChanges } {
    const clientId = this.replica.outbox.clientIdFor(user.id);
    const id = this.replica.outbox.enqueue(clientId, mutation);
    return { id, shown: this.replica.refreshOverlay(clientId, user) };
  }

  private send(): void {
    this.emitOutbox();
    this.sync.requestRound();
  }

  readonly api: DeskApi = {
    'session.get': async () => this.sessionView(),
    'session.login': async ({ email, password }) => {
      const serverUrl = this.options.serverUrl;
      const { token, user } = await loginToServer(serverUrl, email, password);
      this.sync.stop();
      // Another person's tickets must not linger in this replica.
      if (this.replica.getState('userId') !== user.id || this.replica.getState('serverUrl') !== serverUrl) {
        this.replica.clear();
        this.replica.setState('userId', user.id);
        this.replica.setState('serverUrl', serverUrl);
      }
      this.session = { serverUrl, token, user };
      saveSession(this.options.secrets, this.session);
      this.startSync(this.session);
      this.emitOutbox();
      this.emit('session.changed', this.sessionView());
      return this.sessionView();
    },
    'session.logout': async () => {
      this.sync.stop();
      this.session = null;
      this.options.secrets.clear();
      this.emit('session.changed', this.sessionView());
      this.emit('connection.changed', this.connectionState());
      return this.sessionView();
    },
    'connection.get': async () => this.connectionState(),
    'queues.list': async () => this.workQueues(this.requireSession().user),
    'tickets.list': async ({ queueId }) => {
      this.requireSession();
      return this.replica.queueRows.listing(queueId);
    },
    'tickets.get': async ({ id }) => {
      this.requireSession();
      return this.replica.getTicket(id);
    },
    'mutations.enqueue': async (input) => {
      const { user } = this.requireSession();
      const now = isoNow(this.options.clock);
      // Replies and notes keep the instant they were written; the server counts them from arrival.
      const args = input.name === 'ticket.reply' || input.name === 'ticket.note' ? { ...input.args, writtenAt: now } : input.args;
      const { id, shown } = this.record(user, { name: input.name, args, createdAt: now } as Parameters<Outbox['enqueue']>[1]);
      this.emit('tickets.changed', { ids: shown.ticketIds.length > 0 ? shown.ticketIds : [input.args.ticketId] });
      this.send();
      return { id };
    },
    'calls.log': async (call) => {
      const { user } = this.requireSession();
      // Refused here rather than by the server later: the agent is still looking at the form.
      if (call.queueId !== undefined && !this.workQueues(user).some((queue) => queue.id === call.queueId)) {
        throw new DeskError('invalid_input', `queueId: "${call.queueId}" is not one of your queues`);
      }
      if (call.ticketId !== undefined) {
        const ticket = this.replica.getTicket(call.ticketId)?.ticket;
        if (!ticket) throw new DeskError('not_found', `ticketId: no ticket ${call.ticketId} in your queues`);
        if (ticket.status === 'closed') throw new DeskError('invalid_input', `ticketId: #${ticket.number} is closed; log the call as a new ticket`);
      }
      const now = isoNow(this.options.clock);
      const { id, shown } = this.record(user, { name: 'call.log', args: { ...call, writtenAt: now }, createdAt: now });
      if (call.ticketId !== undefined) this.emit('tickets.changed', { ids: [...new Set([call.ticketId, ...shown.ticketIds])] });
      this.send();
      return { id };
    },
    'calls.pending': async () => {
      const { user } = this.requireSession();
      const waiting = this.replica.outbox.unconfirmed(this.replica.outbox.clientIdFor(user.id));
      return waiting.flatMap(({ mutation }) => (mutation.name === 'call.log' ? [{ id: mutation.id, call: mutation.args }] : []));
    },
    'agents.list': async () => {
      this.requireSession();
      return this.replica.listAgents();
    },
    'outbox.get': async () => {
      this.requireSession();
      return this.outboxState();
    },
    'outbox.discard': async ({ id }) => {
      const { user } = this.requireSession();
      const ticketId = this.replica.outbox.discard(this.replica.outbox.clientIdFor(user.id), id);
      if (ticketId) this.emit('tickets.changed', { ids: [ticketId] });
      this.emitOutbox();
      return this.outboxState();
    },
    'tickets.slaExplanation': async ({ id }) => {
      const { serverUrl, token } = this.requireSession();
      return fetchSlaExplanation(serverUrl, token, id);
    },
    ...channelApi(() => this.requireSession()),
    ...analyticsApi(() => this.requireSession()),
    ...alertApi(() => this.alerter),
    'escalations.targets': async ({ ticketId }) => {
      this.requireSession();
      const ticket = this.replica.getTicket(ticketId)?.ticket;
      if (!ticket) throw new DeskError('not_found', `ticketId: no ticket ${ticketId} in your queues`);
      return escalationTargets(this.replica.listQueues(), ticket.queueId);
    },
    ...escalationApi({
      replica: () => this.replica,
      user: () => this.requireSession().user,
      now: () => isoNow(this.options.clock),
      record: (user, mutation) => this.record(user, mutation),
      send: () => this.send(),
      changed: (payload) => this.emit('escalations.changed', payload),
    }),
    ...rotaApi({
      schedule: () => new Schedule(this.replica.rotaFacts()),
      names: () => new Map(this.replica.listAgents().map((agent) => [agent.id, agent.name])),
      userId: () => this.requireSession().user.id,
      now: () => this.options.clock.now(),
      session: () => this.requireSession(),
    }),
    ...routingApi({
      user: () => this.requireSession().user,
      agents: () => this.replica.listAgents(),
      unconfirmed: (user) => this.replica.outbox.unconfirmed(this.replica.outbox.clientIdFor(user.id)),
      now: () => isoNow(this.options.clock),
      record: (user, mutation) => this.record(user, mutation),
      send: () => this.send(),
      changed: () => this.emit('agents.changed', {}),
      session: () => this.requireSession(),
    }),
    ...knowledgeApi({
      replica: () => this.replica,
      session: () => this.requireSession(),
      record: (user, mutation) => void this.record(user, mutation),
      send: () => this.send(),
      now: () => isoNow(this.options.clock),
      changed: () => this.emit('knowledge.changed', {}),
    }),
    ...remoteApi({
      replica: () => this.replica,
      user: () => this.requireSession().user,
      now: () => isoNow(this.options.clock),
      record: (user, mutation) => this.record(user, mutation),
      send: () => this.send(),
      ticketChanged: (ticketId) => this.emit('tickets.changed', { ids: [ticketId] }),
      session: () => this.requireSession(),
      opener: () => this.options.openExternal,
    }),
    ...viewsApi({
      replica: () => this.replica,
      user: () => this.requireSession().user,
      now: () => isoNow(this.options.clock),
      record: (user, mutation) => this.record(user, mutation),
      send: () => this.send(),
      changed: () => this.emit('views.changed', {}),
    }),
    ...ticketViewApi({
      replica: () => this.replica,
      drafts: () => this.replica.ticketDrafts,
      user: () => this.requireSession().user,
      now: () => isoNow(this.options.clock),
      record: (user, mutation) => this.record(user, mutation),
      send: () => this.send(),
      ticketsChanged: (payload) => this.emit('tickets.changed', payload),
      presence: this.presence,
    }),
    ...handoffApi({
      replica: () => this.replica,
      user: () => this.requireSession().user,
      now: () => this.options.clock.now(),
      schedule: () => new Schedule(this.replica.rotaFacts()),
      workQueues: (user) => this.workQueues(user),
      record: (user, mutation) => this.record(user, mutation),
      send: () => this.send(),
      changed: (payload) => this.emit('handoffs.changed', payload),
      draftLeadMinutes: () => this.options.handoffDraftMinutes ?? DEFAULT_HANDOFF_DRAFT_MINUTES,
    }),
    ...wallboardApi(this.wallboard, () => this.requireSession().user),
    ...desktopApi({ replica: () => this.replica.desktop, counts: () => this.myCounts, requireSession: () => this.requireSession() }),
  };

  call(method: unknown, input: unknown): Promise<DeskResult> {
    return dispatchDeskCall(this.api, method, input);
  }

  async close(): Promise<void> {
    this.alerter.stop();
    this.myCounts.stop();
    this.sync.stop();
    await this.decoder.close();
    this.replica.close();
    this.listeners.clear();
  }
}
