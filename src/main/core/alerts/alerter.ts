import { z } from 'zod';
import { AlertSchema, AlertSettingsSchema, defaultAlertSettings, type Alert, type AlertRing, type AlertSettings, type AlertStatus, type RungAlert, type SoundCue } from '../../../shared/alerts/alert.js';
import { escalationAlerts, ticketAlerts } from '../../../shared/alerts/alert-sources.js';
import { dutyAt, type DutyAt } from '../../../shared/alerts/duty.js';
import { deliveryOf, quietReasonsFor } from '../../../shared/alerts/policy.js';
import type { Clock } from '../../../shared/clock.js';
import type { User } from '../../../shared/domain/people.js';
import { IsoDateTimeSchema } from '../../../shared/domain/ticket.js';
import { Schedule } from '../../../shared/shifts/schedule.js';
import type { Replica } from '../replica/replica.js';

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Unreferenced: a page waiting to ring again must not keep a closing process alive. */
export const systemTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The escalations an agent is told about: their own recent fortnight, as `escalations.mine` lists them. */
const RECENT_ESCALATIONS = 100;
/** Older than this, an event is history, not news (a console back after a long absence stays quiet). */
const NEWS_MS = 7 * 86_400_000;
/** The digest keeps the newest of what was held, so a long weekend off does not grow it for ever. */
const HELD_MAX = 200;
/** Duty is looked at again at least this often: the agent's status and the rota may change without a hand-over. */
const DUTY_RECHECK_MS = 5 * 60_000;
/** A catch-up after a long time offline changes many tickets; past this many, the list is read once. */
const TICKETS_READ_ONE_BY_ONE = 50;
/** Ticket changes come page after page while syncing: they are looked at together once the pages pause. */
const TICKET_SETTLE_MS = 200;
/** Core events after which the alerter looks again (rota and presence events by name, whoever adds them). */
const followedEvents = new Set(['escalations.changed', 'queues.changed', 'session.changed', 'rota.changed', 'agents.changed']);
/** Events that may change where the agent stands (rota, presence, who is signed in): duty is worked out again. */
const dutyEvents = new Set(['queues.changed', 'session.changed', 'rota.changed', 'agents.changed']);

/** What a console keeps per agent between runs: settings, what they were told, and the digest. */
const KeptStateSchema = z.object({
  settings: AlertSettingsSchema,
  /** Events told of (rung or held), by id, with when they happened, so none is told twice. */
  seen: z.record(z.string(), IsoDateTimeSchema),
  /** When this console started telling this agent: what happened before is not news (pages aside). */
  since: IsoDateTimeSchema,
  held: z.array(AlertSchema),
  digestDue: z.boolean(),
});
type KeptState = z.infer<typeof KeptStateSchema>;

export type AlertReplica = Pick<Replica, 'listMyEscalations' | 'getTicket' | 'listTickets' | 'rotaFacts' | 'listAgents' | 'getState' | 'setState'>;

export interface AlerterDeps {
  clock: Clock;
  timers: Timers;
  replica(): AlertReplica;
  /** The signed-in agent; null when nobody is. */
  user(): User | null;
  changed(status: AlertStatus): void;
  ring(ring: AlertRing): void;
}

interface Ringing {
  alert: Alert;
  sound: SoundCue | null;
  repeatMs: number;
  nextAt: number;
}

/**
 * The notification policy at work for the signed-in agent: it reads what changed in the replica,
 * decides by the rota (see shared/alerts/policy.ts) what rings now and what waits for the digest, and
 * rings unanswered pages again until they are answered. The hosts only present what it decides.
 */
export class Alerter {
  private userId: string | null = null;
  private kept: KeptState | null = null;
  private readonly ringing = new Map<string, Ringing>();
  /** Quiet reasons at the last look; null before the first look of a session (the agent just came). */
  private lastQuiet: string[] | null = null;
  private lastStatus = '';
  private repeatTimer: unknown = null;
  private dutyTimer: unknown = null;
  private escalationTimer: unknown = null;
  private ticketTimer: unknown = null;
  private readonly changedTickets = new Set<string>();
  /** Duty worked out from the rota, kept until it may change (the rota, presence, settings, the clock). */
  private duty: { key: string; at: DutyAt } | null = null;

  constructor(private readonly deps: AlerterDeps) {}

  /**
   * Follows the core's own events, after they have gone on to the console (a page reaches the screen
   * before anything here is worked out): escalations at once, tickets once a sync's pages pause.
   */
  follow(event: string, payload: unknown): void {
    if (dutyEvents.has(event)) this.duty = null;
    if (event === 'tickets.changed') {
      for (const id of (payload as { ids: string[] }).ids) this.changedTickets.add(id);
      this.ticketTimer ??= this.deps.timers.setTimeout(() => {
        this.ticketTimer = null;
        this.refresh();
      }, TICKET_SETTLE_MS);
    } else if (followedEvents.has(event)) {
      // Pages first: the tickets that changed meanwhile wait for their own look, which reads threads.
      this.escalationTimer ??= this.deps.timers.setTimeout(() => {
        this.escalationTimer = null;
        this.refresh({ tickets: false });
      }, 0);
    }
  }

  /** Where the agent stands now, worked out again only when something it depends on may have changed. */
  private dutyNow(user: User, settings: AlertSettings, now: number): DutyAt {
    const replica = this.deps.replica();
    const presence = replica.listAgents().find((agent) => agent.id === user.id)?.status ?? null;
    const key = JSON.stringify([user.id, user.timeZone, presence, settings.quietWindow]);
    const cached = this.duty;
    if (cached && cached.key === key && (cached.at.nextChangeAt === null || now < cached.at.nextChangeAt)) return cached.at;
    const at = dutyAt(new Schedule(replica.rotaFacts()), user, presence, settings, now);
    this.duty = { key, at };
    return at;
  }

  /**
   * Looks again: at the rota, the agent's status, their escalations and the tickets that changed since
   * the last look. Answers the status, or null when nobody is signed in.
   */
  refresh({ tickets = true }: { tickets?: boolean } = {}): AlertStatus | null {
    const ticketIds = tickets ? [...this.changedTickets] : [];
    if (tickets) this.changedTickets.clear();
    const user = this.deps.user();
    if (!user) {
      this.stop();
      return null;
    }
    if (user.id !== this.userId) this.start(user);
    const kept = this.kept!;
    const now = this.deps.clock.now();
    const replica = this.deps.replica();
    const { duty, nextChangeAt } = this.dutyNow(user, kept.settings, now);
    const quiet = quietReasonsFor(duty, kept.settings);

    const candidates = [...escalationAlerts(replica.listMyEscalations(user.id, RECENT_ESCALATIONS), user.id), ...this.ticketNews(user, ticketIds)];
    const isNews = (alert: Alert) => !(alert.id in kept.seen) && (alert.kind === 'page' || Date.parse(alert.at) > Date.parse(kept.since)) && Date.parse(alert.at) > now - NEWS_MS;
    const ringNow: RungAlert[] = [];
    const awaiting = new Set<string>();
    for (const alert of candidates) {
      const delivery = deliveryOf(alert, duty, kept.settings);
      const news = isNews(alert);
      if (news) kept.seen[alert.id] = alert.at;
      if (alert.kind === 'page') awaiting.add(alert.id);
      if (delivery.mode === 'hold') {
        this.ringing.delete(alert.id);
        if (news) kept.held = [...kept.held.filter((held) => held.id !== alert.id), alert].slice(-HELD_MAX);
        continue;
      }
      // A page rings when it starts ringing (new, or held until now); other news rings once.
      if (delivery.repeatMs !== null) {
        if (!this.ringing.has(alert.id)) ringNow.push({ ...alert, sound: delivery.sound, repeat: false });
        this.ringing.set(alert.id, { alert, sound: delivery.sound, repeatMs: delivery.repeatMs, nextAt: this.ringing.get(alert.id)?.nextAt ?? now + delivery.repeatMs });
      } else if (news) ringNow.push({ ...alert, sound: delivery.sound, repeat: false });
    }
    for (const id of this.ringing.keys()) if (!awaiting.has(id)) this.ringing.delete(id);

    // Back from quiet hours (or just arrived): what was held is shown now.
    const cameBack = this.lastQuiet === null || (this.lastQuiet.length > 0 && quiet.length === 0);
    if (cameBack && kept.held.length > 0) kept.digestDue = true;
    this.lastQuiet = quiet;
    this.prune(now);
    this.save();

    if (ringNow.length > 0) this.deps.ring({ alerts: ringNow, locale: kept.settings.locale ?? user.locale });
    this.scheduleRepeat();
    this.scheduleDutyCheck(nextChangeAt, now);
    const status: AlertStatus = { duty, quiet, nextChangeAt: nextChangeAt === null ? null : new Date(nextChangeAt).toISOString(), held: [...kept.held], digestDue: kept.digestDue, ringing: this.ringing.size, settings: kept.settings };
    this.publish(status);
    return status;
  }

  /** Changes the agent's settings and looks again under them. */
  configure(change: Partial<AlertSettings>): AlertStatus | null {
    if (this.refresh() === null) return null;
    this.kept!.settings = AlertSettingsSchema.parse({ ...this.kept!.settings, ...change });
    return this.refresh();
  }

  /** The agent has seen these held alerts: they leave the digest, which closes. */
  dismissDigest(ids: readonly string[]): AlertStatus | null {
    if (this.refresh() === null) return null;
    const seen = new Set(ids);
    this.kept!.held = this.kept!.held.filter((alert) => !seen.has(alert.id));
    this.kept!.digestDue = false;
    return this.refresh();
  }

  /** Signed out or closing: nothing rings for anybody until someone signs in again. */
  stop(): void {
    this.deps.timers.clearTimeout(this.repeatTimer);
    this.deps.timers.clearTimeout(this.dutyTimer);
    this.deps.timers.clearTimeout(this.escalationTimer);
    this.deps.timers.clearTimeout(this.ticketTimer);
    this.repeatTimer = null;
    this.dutyTimer = null;
    this.escalationTimer = null;
    this.ticketTimer = null;
    this.duty = null;
    this.changedTickets.clear();
    this.ringing.clear();
    this.userId = null;
    this.kept = null;
    this.lastQuiet = null;
    this.lastStatus = '';
  }

  private start(user: User): void {
    this.stop();
    this.userId = user.id;
    const stored = this.deps.replica().getState(stateKey(user.id));
    const parsed = stored === null ? null : KeptStateSchema.safeParse(JSON.parse(stored));
    this.kept = parsed?.success ? parsed.data : { settings: defaultAlertSettings, seen: {}, since: new Date(this.deps.clock.now()).toISOString(), held: [], digestDue: false };
  }

  private ticketNews(user: User, ticketIds: readonly string[]): Alert[] {
    if (ticketIds.length === 0) return [];
    const since = this.kept!.since;
    const replica = this.deps.replica();
    // A sync's few changes are read whole (a detail holds the thread); a catch-up reads the list once,
    // and threads only where a customer may have written since: the agent's own tickets, touched since.
    if (ticketIds.length <= TICKETS_READ_ONE_BY_ONE) {
      return ticketIds.flatMap((id) => {
        const detail = replica.getTicket(id);
        return detail ? ticketAlerts(detail.ticket, detail.messages, user, since) : [];
      });
    }
    const wanted = new Set(ticketIds);
    return replica
      .listTickets()
      .filter((ticket) => wanted.has(ticket.id))
      .flatMap((ticket) => {
        const replied = ticket.assigneeId === user.id && Date.parse(ticket.updatedAt) > Date.parse(since);
        return ticketAlerts(ticket, replied ? (replica.getTicket(ticket.id)?.messages ?? []) : [], user, since);
      });
  }

  private prune(now: number): void {
    const kept = this.kept!;
    for (const [id, at] of Object.entries(kept.seen)) if (Date.parse(at) < now - NEWS_MS) delete kept.seen[id];
  }

  private save(): void {
    this.deps.replica().setState(stateKey(this.userId!), JSON.stringify(this.kept));
  }

  private publish(status: AlertStatus): void {
    const json = JSON.stringify(status);
    if (json === this.lastStatus) return;
    this.lastStatus = json;
    this.deps.changed(status);
  }

  private scheduleRepeat(): void {
    this.deps.timers.clearTimeout(this.repeatTimer);
    this.repeatTimer = null;
    if (this.ringing.size === 0) return;
    const next = Math.min(...[...this.ringing.values()].map((entry) => entry.nextAt));
    this.repeatTimer = this.deps.timers.setTimeout(() => this.ringAgain(), Math.max(0, next - this.deps.clock.now()));
  }

  private ringAgain(): void {
    const user = this.deps.user();
    if (!user || !this.kept) return;
    const now = this.deps.clock.now();
    const due = [...this.ringing.values()].filter((entry) => entry.nextAt <= now);
    for (const entry of due) entry.nextAt = now + entry.repeatMs;
    if (due.length > 0) {
      this.deps.ring({ alerts: due.map(({ alert, sound }) => ({ ...alert, sound, repeat: true })), locale: this.kept.settings.locale ?? user.locale });
    }
    this.scheduleRepeat();
  }

  private scheduleDutyCheck(nextChangeAt: number | null, now: number): void {
    this.deps.timers.clearTimeout(this.dutyTimer);
    const wait = Math.min(DUTY_RECHECK_MS, nextChangeAt === null ? DUTY_RECHECK_MS : Math.max(1_000, nextChangeAt - now));
    this.dutyTimer = this.deps.timers.setTimeout(() => this.refresh(), wait);
  }
}

function stateKey(userId: string): string {
  return `alerts:${userId}`;
}
