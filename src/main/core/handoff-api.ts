import { randomUUID } from 'node:crypto';
import type { DeskApi, DeskEventPayload } from '../../shared/desk-api/contract.js';
import type { handoffMethods, ShiftEnd, WorkedShift } from '../../shared/desk-api/handoff-methods.js';
import { DeskError } from '../../shared/desk-api/errors.js';
import { isAcknowledgedBy, type HandedOverShift } from '../../shared/domain/handoff.js';
import { handoffFacts } from '../../shared/domain/handoff-facts.js';
import { seesAllQueues, type Queue, type User } from '../../shared/domain/people.js';
import type { Schedule } from '../../shared/shifts/schedule.js';
import type { Stint } from '../../shared/shifts/stints.js';
import type { Mutation } from '../../shared/sync/mutations.js';
import type { AppliedChanges, Replica } from './replica/replica.js';

/** A few days of a busy desk's handoffs: what an agent coming on shift reads. */
const RECENT_HANDOFFS = 100;
/** Enough to hold every handover of the last day on a large desk: where incoming ones are looked for. */
const HANDOVER_WINDOW_NOTES = 500;
const MINUTE_MS = 60_000;
/** An agent who stays on after their shift still owes its handoff for this long. */
const OWED_AFTER_END_MS = 120 * MINUTE_MS;
/** Agents sign in a little before their shift: the handovers to it are theirs to read already. */
const EARLY_SIGN_IN_MS = 60 * MINUTE_MS;
/** Without a shift of their own (no rotation), an agent is shown the handovers of the last half day. */
const UNROSTERED_WINDOW_MS = 12 * 60 * MINUTE_MS;
/** Escalations looked through for a handoff's list: far more than a shift raises. */
const RECENT_ESCALATIONS = 500;

export interface HandoffApiDeps {
  /** Read when called: the core opens its replica after building its api. */
  replica(): Replica;
  /** The signed-in user; throws when nobody is. */
  user(): User;
  now(): number;
  /** The rota as the replica holds it. */
  schedule(): Schedule;
  /** The queues the agent works in: their own, or every queue for supervisors. */
  workQueues(user: User): Queue[];
  /** Writes the mutation to the outbox and shows it through the overlay. */
  record(user: User, mutation: Omit<Mutation, 'id'>): { shown: AppliedChanges };
  /** Sends what was recorded (now, or when back online). */
  send(): void;
  changed(payload: DeskEventPayload<'handoffs.changed'>): void;
  /** How long before a shift ends its handoff draft is offered. */
  draftLeadMinutes(): number;
}

type HandoffMethod = keyof typeof handoffMethods;

const iso = (ms: number) => new Date(ms).toISOString();

function sameShift(a: HandedOverShift, b: HandedOverShift): boolean {
  return a.rotationId === b.rotationId && a.shiftId === b.shiftId && Date.parse(a.end) === Date.parse(b.end);
}

/** A stint with the names the agent knows it by. Shift stints always have a shift id. */
function workedShift(schedule: Schedule, stint: Stint): WorkedShift {
  const rotation = schedule.facts.rotations.find((r) => r.id === stint.rotationId);
  const shift = rotation?.shifts.find((s) => s.id === stint.shiftId);
  return { rotationId: stint.rotationId, shiftId: stint.shiftId!, start: iso(stint.start), end: iso(stint.end), shiftName: shift?.name ?? stint.shiftId!, rotationName: rotation?.name ?? stint.rotationId };
}

/**
 * The console's handoff methods. Notes are read from the replica and written as mutations through
 * the outbox (offline too). The shift-end draft and the handovers an agent takes over are worked out
 * here from the replicated rota, so they appear on time with the server out of reach.
 */
export function handoffApi(deps: HandoffApiDeps): Pick<DeskApi, HandoffMethod> {
  const { replica } = deps;

  /** Written already: confirmed in the replica, or waiting in the outbox (a refused one is owed again). */
  function handedOver(user: User, shift: HandedOverShift): boolean {
    if (replica().findHandover(user.id, shift)) return true;
    const waiting = replica().outbox.unconfirmed(replica().outbox.clientIdFor(user.id));
    return waiting.some(({ mutation }) => mutation.name === 'handoff.write' && mutation.args.shift !== undefined && sameShift(mutation.args.shift, shift));
  }

  /**
   * The shift whose handoff the agent owes: one that ended a short while ago and was not handed over
   * comes first (they stayed on), else the shift they work now.
   */
  function shiftEnd(user: User, now: number): ShiftEnd | null {
    const schedule = deps.schedule();
    const describe = (stint: Stint): ShiftEnd => {
      const shift = workedShift(schedule, stint);
      return { shift, draftFrom: iso(stint.end - deps.draftLeadMinutes() * MINUTE_MS), handedOver: handedOver(user, shift) };
    };
    const ended = schedule
      .shiftEnds(now - OWED_AFTER_END_MS, now)
      .filter((stint) => stint.userId === user.id)
      .map(describe)
      .filter((owed) => !owed.handedOver)
      .at(-1);
    if (ended) return ended;
    const current = schedule.shiftOf(user.id, now);
    return current ? describe(current) : null;
  }

  function write(user: User, mutation: Omit<Mutation, 'id'>, id: string): void {
    const { shown } = deps.record(user, mutation);
    deps.changed({ ids: [...new Set([id, ...shown.handoffIds])] });
    deps.send();
  }

  function requireWorkQueue(user: User, queueId: string | null): void {
    // Refused here rather than by the server later: the agent is still looking at the form.
    if (queueId !== null && !deps.workQueues(user).some((queue) => queue.id === queueId)) {
      throw new DeskError('invalid_input', `queueId: "${queueId}" is not one of your queues`);
    }
  }

  return {
    'handoffs.list': async ({ limit }) => {
      deps.user();
      return replica().listHandoffs(limit ?? RECENT_HANDOFFS);
    },
    'handoffs.search': async ({ query, limit }) => {
      deps.user();
      return replica().searchHandoffs(query, limit ?? RECENT_HANDOFFS);
    },
    'handoffs.write': async ({ queueId, body, shift }) => {
      const user = deps.user();
      requireWorkQueue(user, queueId);
      if (shift) {
        const worked = deps.schedule().shiftOf(user.id, Date.parse(shift.end) - 1);
        if (!worked || !sameShift(workedShift(deps.schedule(), worked), shift)) {
          throw new DeskError('invalid_input', `shift: you do not work shift "${shift.shiftId}" ending at ${shift.end}`);
        }
      }
      const handoffId = randomUUID();
      const now = iso(deps.now());
      write(user, { name: 'handoff.write', args: { handoffId, queueId, body, writtenAt: now, ...(shift ? { shift } : {}) }, createdAt: now }, handoffId);
      // The note is in the outbox now: the draft it was written from is done with.
      replica().handoffDrafts.clear(user.id);
      return { id: handoffId };
    },
    'handoffs.acknowledge': async ({ id }) => {
      const user = deps.user();
      const note = replica().getHandoff(id);
      if (!note) throw new DeskError('not_found', `No handoff note ${id}`);
      // Already said (perhaps still waiting to be sent): nothing more to send.
      if (isAcknowledgedBy(note, user.id)) return { queued: false };
      write(user, { name: 'handoff.acknowledge', args: { handoffId: id }, createdAt: iso(deps.now()) }, id);
      return { queued: true };
    },
    'handoffs.shiftEnd': async () => shiftEnd(deps.user(), deps.now()),
    'handoffs.facts': async () => {
      const user = deps.user();
      const now = deps.now();
      const queueIds = deps.workQueues(user).map((queue) => queue.id);
      const names = new Map(replica().listAgents().map((agent) => [agent.id, agent.name]));
      // Without a shift of their own, "during the shift" is the last half day.
      const since = Date.parse(shiftEnd(user, now)?.shift.start ?? iso(now - UNROSTERED_WINDOW_MS));
      return handoffFacts({ tickets: replica().listTickets(), escalations: replica().listEscalations(RECENT_ESCALATIONS), agent: { id: user.id, queueIds }, at: now, since, names });
    },
    'handoffs.draft': async () => replica().handoffDrafts.get(deps.user().id),
    'handoffs.saveDraft': async (draft) => {
      const user = deps.user();
      requireWorkQueue(user, draft.queueId);
      return replica().handoffDrafts.save(user.id, { ...draft, updatedAt: iso(deps.now()) });
    },
    'handoffs.incoming': async () => {
      const user = deps.user();
      // Supervisors and admins take no shift over: they oversee it, and are alerted when nobody does.
      if (seesAllQueues(user)) return { shift: null, notes: [] };
      const now = deps.now();
      const schedule = deps.schedule();
      const stint =
        schedule.shiftOf(user.id, now) ??
        schedule
          .shiftStints(now, now + EARLY_SIGN_IN_MS)
          .filter((s) => s.userId === user.id)
          .sort((a, b) => a.start - b.start)[0] ??
        null;
      // Rostered but neither on shift nor about to be: nothing is handed to them now.
      if (!stint && schedule.rosteredUserIds.has(user.id)) return { shift: null, notes: [] };
      const [from, to] = stint ? [stint.start, stint.end] : [now - UNROSTERED_WINDOW_MS, now + EARLY_SIGN_IN_MS];
      const notes = replica()
        .listHandoffs(HANDOVER_WINDOW_NOTES)
        .filter((note) => {
          if (!note.handover || note.authorId === user.id || isAcknowledgedBy(note, user.id)) return false;
          // A queue's handover is for that queue's own agents; a supervisor overseeing it is alerted instead.
          if (note.queueId !== null && !user.queueIds.includes(note.queueId)) return false;
          const incoming = Date.parse(note.handover.incomingStart);
          return incoming >= from && incoming < to;
        })
        .reverse();
      return { shift: stint ? workedShift(schedule, stint) : null, notes };
    },
  };
}
