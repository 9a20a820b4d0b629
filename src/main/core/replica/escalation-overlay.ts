import type Database from 'better-sqlite3';
import { awaitsAcknowledgement, EscalationSchema, firstQueueOfTier, isPagingUser, openingEscalation, type Escalation } from '../../../shared/domain/escalation.js';
import { QueueSchema, type User } from '../../../shared/domain/people.js';
import { TicketSchema } from '../../../shared/domain/ticket.js';
import type { EscalationMutation } from '../../../shared/sync/mutations.js';
import { seenRow, seenTickets } from './seen-tickets.js';

interface Overlaid {
  escalation: Escalation;
  /** Escalated here; the server has not confirmed it (nor said who it pages). */
  escalated: boolean;
  acknowledged: boolean;
  declined: boolean;
}

type Escalate = Extract<EscalationMutation, { name: 'ticket.escalate' }>;

/**
 * Replays the unconfirmed escalation mutations over the replica's escalations into
 * overlay_escalations, as handoff notes are: an escalation raised here shows at once (paging, with
 * nobody named yet), an acknowledgement stops its ladder on screen, a decline takes the agent off
 * the page. Answers the escalations whose view changed (overlaid before or now).
 */
export function rebuildEscalationOverlay(db: Database.Database, mutations: readonly EscalationMutation[], user: User): Set<string> {
  const touched = new Set(db.prepare('SELECT id FROM overlay_escalations').pluck().all() as string[]);
  db.exec('DELETE FROM overlay_escalations');
  const readEscalation = db.prepare('SELECT row FROM escalations WHERE id = ?').pluck();
  const fromReplica = (id: string): Escalation | null => {
    const row = readEscalation.get(id) as string | undefined;
    return row === undefined ? null : EscalationSchema.parse(JSON.parse(row));
  };
  const overlaid = new Map<string, Overlaid>();

  for (const mutation of mutations) {
    const { escalationId } = mutation.args;
    if (mutation.name === 'ticket.escalate') {
      // The id is this console's own, so an escalation the replica already holds is this one, confirmed.
      const confirmed = fromReplica(escalationId);
      const escalation = confirmed ?? pendingEscalation(db, mutation, user);
      if (escalation) overlaid.set(escalationId, { escalation, escalated: confirmed === null, acknowledged: false, declined: false });
      continue;
    }
    const current = overlaid.get(escalationId) ?? (() => {
      const escalation = fromReplica(escalationId);
      return escalation && { escalation, escalated: false, acknowledged: false, declined: false };
    })();
    // Gone from this replica, or already taken: the server's answer will say what happened.
    if (!current || !awaitsAcknowledgement(current.escalation)) continue;
    const at = mutation.createdAt;
    if (mutation.name === 'escalation.acknowledge') {
      const escalation: Escalation = {
        ...current.escalation,
        state: 'acknowledged',
        acknowledgedBy: { userId: user.id, name: user.name },
        acknowledgedAt: at,
        paged: [],
        nextTimeoutAt: null,
        updatedAt: at,
      };
      overlaid.set(escalationId, { ...current, escalation, acknowledged: true });
    } else if (isPagingUser(current.escalation, user.id)) {
      const escalation: Escalation = {
        ...current.escalation,
        paged: current.escalation.paged.filter((target) => target.kind !== 'user' || target.userId !== user.id),
        declines: [...current.escalation.declines, { userId: user.id, name: user.name, reason: mutation.args.reason, at }],
        updatedAt: at,
      };
      overlaid.set(escalationId, { ...current, escalation, declined: true });
    }
  }

  const insert = db.prepare('INSERT INTO overlay_escalations (id, ticket_id, escalated_at, row, escalated, acknowledged, declined) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const [id, { escalation, escalated, acknowledged, declined }] of overlaid) {
    // A confirmed escalation with nothing of this console's on top needs no overlay row.
    if (!escalated && !acknowledged && !declined) continue;
    insert.run(id, escalation.ticketId, escalation.escalatedAt, JSON.stringify(escalation), escalated ? 1 : 0, acknowledged ? 1 : 0, declined ? 1 : 0);
    touched.add(id);
  }
  return touched;
}

/**
 * What the console knows of an escalation before the server has it: the ticket, where it goes, why
 * and by whom. Who is paged, under which policy, is the server's to say.
 */
function pendingEscalation(db: Database.Database, mutation: Escalate, user: User): Escalation | null {
  const ticketRow = db.prepare(`SELECT ${seenRow} FROM ${seenTickets} WHERE t.id = ?`).pluck().get(mutation.args.ticketId) as string | undefined;
  // A ticket that left this replica has nothing to show the escalation on; the server will answer.
  if (ticketRow === undefined) return null;
  const ticket = TicketSchema.parse(JSON.parse(ticketRow));
  const queues = (db.prepare('SELECT row FROM queues').pluck().all() as string[]).map((row) => QueueSchema.parse(JSON.parse(row)));
  const from = queues.find((queue) => queue.id === ticket.queueId);
  const { target } = mutation.args;
  const to = 'tier' in target ? firstQueueOfTier(queues, target.tier) : queues.find((queue) => queue.id === target.queueId);
  if (!from || !to) return null;
  return openingEscalation({
    id: mutation.args.escalationId,
    ticket,
    from,
    to,
    trigger: 'manual',
    reason: mutation.args.reason,
    detail: null,
    escalatedBy: { userId: user.id, name: user.name },
    at: mutation.createdAt,
    // Which policy pages, and how many levels it has, is the server's to say.
    ladder: { policyId: null, policyName: null, levelCount: 1, roundCount: 1 },
  });
}
