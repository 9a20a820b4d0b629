import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { User } from '../../shared/domain/people.js';
import type { Ticket } from '../../shared/domain/ticket.js';
import { applyTagChange, MAX_TAGS } from '../../shared/domain/tags.js';
import {
  isEscalationMutation,
  isHandoffMutation,
  isMacroMutation,
  isViewMutation,
  MutationResultSchema,
  type CallMutation,
  type EscalationMutation,
  type HandoffMutation,
  type MacroMutation,
  type Mutation,
  type MutationResult,
  type PushReply,
  type PushRequest,
  type Rejection,
  type TicketMutation,
} from '../../shared/sync/mutations.js';
import { CallRefusal, logCall } from '../calls/log-call.js';
import type { ServerContext } from '../context.js';
import { HandoffRefusal } from '../handoffs/handoff-store.js';
import { EscalationRefusal } from '../escalations/escalation-service.js';
import { deleteMacro, MacroRefusal, saveMacro } from '../macros/macro-store.js';
import { applyViewIntent } from '../views/view-mutations.js';
import { seesTicket, visibleQueueIds } from '../people/visibility.js';
import type { Database } from '../storage/schema.js';
import { ticketFromRow } from '../tickets/rows.js';
import { latestTicketEvent } from '../tickets/ticket-events.js';
import type { TicketChange } from '../tickets/ticket-store.js';
import { remoteSessionChange } from '../remote/session-note.js';
import { staleRefusal } from './stale.js';
import { claimReplyFiles } from '../tickets/reply-files.js';

type Trx = Transaction<Database>;

/** A domain refusal: recorded as the mutation's result, and the client's queue moves on. */
class Rejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}

/**
 * Applies a console's mutations in order, each at most once. A mutation is applied only if it is
 * the next of its client (id = last + 1); an earlier id is a duplicate, answered with the result
 * stored the first time; a later one means one went missing, and the client is told where to resume.
 * A refused mutation still advances the client, so one bad mutation never wedges the queue.
 */
export async function applyPush(context: ServerContext, user: User, request: PushRequest): Promise<PushReply> {
  const { db } = context;
  const results: MutationResult[] = [];
  for (const mutation of request.mutations) {
    const client = await db.selectFrom('client_mutations').selectAll().where('client_id', '=', request.clientId).executeTakeFirst();
    if (client && client.user_id !== user.id) {
      throw new Error('this client id belongs to another user');
    }
    const last = client?.last_mutation_id ?? 0;
    if (mutation.id <= last) {
      results.push(await storedResult(context, request.clientId, mutation.id));
      continue;
    }
    if (mutation.id > last + 1) return { results, expectedId: last + 1 };
    results.push(await applyOne(context, user, request.clientId, mutation));
  }
  return { results };
}

async function storedResult({ db }: ServerContext, clientId: string, mutationId: number): Promise<MutationResult> {
  const row = await db.selectFrom('mutation_results').select('result_json').where('client_id', '=', clientId).where('mutation_id', '=', mutationId).executeTakeFirst();
  // Results are kept as long as the client's progress is; a missing one was applied long ago.
  return row ? MutationResultSchema.parse(JSON.parse(row.result_json)) : { id: mutationId, status: 'applied' };
}

async function applyOne(context: ServerContext, user: User, clientId: string, mutation: Mutation): Promise<MutationResult> {
  const { db, feed, clock } = context;
  const queueIds = await visibleQueueIds(db, user);
  const receivedAt = clock.now();
  try {
    const outcome = await db.transaction().execute(async (trx) => {
      await expectNext(trx, clientId, mutation.id);
      if (isEscalationMutation(mutation)) await applyEscalationIntent(trx, context, user, clientId, mutation);
      else if (isHandoffMutation(mutation)) await applyHandoffIntent(trx, context, user, clientId, mutation);
      else if (mutation.name === 'call.log') await applyCallIntent(trx, context, user, { clientId, receivedAt }, mutation);
      else if (isMacroMutation(mutation)) await applyMacroIntent(trx, context, user, clientId, mutation);
      else if (isViewMutation(mutation)) await applyViewIntent(trx, context.clock, user, clientId, mutation, (rejection) => new Rejected(rejection));
      else if (mutation.name === 'agent.setStatus') await context.router.setStatus(trx, user.id, mutation.args.status, { userId: user.id, name: user.name }, { fromConsole: true, origin: { clientId, mutationId: mutation.id } });
      else await context.tickets.applyChange(trx, mutation.args.ticketId, await intentToChange(trx, user, queueIds, { clientId, receivedAt }, mutation));
      const result: MutationResult = { id: mutation.id, status: 'applied' };
      await record(trx, user, clientId, mutation, result);
      return result;
    });
    feed.committed();
    return outcome;
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    const result: MutationResult = { id: mutation.id, status: 'rejected', rejection: error.rejection };
    await db.transaction().execute(async (trx) => {
      await expectNext(trx, clientId, mutation.id);
      await record(trx, user, clientId, mutation, result);
    });
    return result;
  }
}

/** Re-checked inside the transaction: two pushes of one client racing cannot both apply an id. */
async function expectNext(trx: Trx, clientId: string, id: number): Promise<void> {
  const row = await trx.selectFrom('client_mutations').select('last_mutation_id').where('client_id', '=', clientId).executeTakeFirst();
  if ((row?.last_mutation_id ?? 0) !== id - 1) throw new Error(`mutation ${id} of ${clientId} is not the next one`);
}

async function record(trx: Trx, user: User, clientId: string, mutation: Mutation, result: MutationResult): Promise<void> {
  const now = new Date().toISOString();
  await trx
    .insertInto('client_mutations')
    .values({ client_id: clientId, user_id: user.id, last_mutation_id: mutation.id, updated_at: now })
    .onConflict((oc) => oc.column('client_id').doUpdateSet({ last_mutation_id: mutation.id, updated_at: now }))
    .execute();
  await trx.insertInto('mutation_results').values({ client_id: clientId, mutation_id: mutation.id, name: mutation.name, result_json: JSON.stringify(result), created_at: now }).execute();
}

async function conflict(trx: Trx, ticket: Ticket, field: string, current: string | null, eventKind: string): Promise<never> {
  const changedBy = (await latestTicketEvent(trx, ticket.id, { kinds: [eventKind] }))?.name ?? null;
  throw new Rejected({ code: 'conflict', field, current, changedBy, message: `${field} of #${ticket.number} is now ${current ?? 'unset'}${changedBy ? `, changed by ${changedBy}` : ''}` });
}

/**
 * Checks an intent against the ticket as it is now. Status, priority and assignee are
 * version-checked against what the agent saw; replies and notes never conflict, but one written
 * long ago on a ticket that has moved on since comes back stale for the agent to look at again.
 */
async function intentToChange(trx: Trx, user: User, queueIds: string[], { clientId, receivedAt }: { clientId: string; receivedAt: number }, mutation: TicketMutation): Promise<TicketChange> {
  const row = await trx.selectFrom('tickets').selectAll().where('id', '=', mutation.args.ticketId).executeTakeFirst();
  if (!row || !seesTicket(user, queueIds, row)) {
    throw new Rejected({ code: 'not_found', message: `Ticket ${mutation.args.ticketId} is not in your queues any more` });
  }
  const ticket = ticketFromRow(row);
  const base = { actor: { userId: user.id, name: user.name }, origin: { clientId, mutationId: mutation.id } };
  switch (mutation.name) {
    case 'ticket.reply':
    case 'ticket.note': {
      const stale = await staleRefusal(trx, ticket, user, mutation.args.writtenAt, receivedAt);
      if (stale) throw new Rejected(stale);
      const messageId = randomUUID();
      const files = await claimReplyFiles(trx, user, { ticketId: ticket.id, messageId, at: new Date(receivedAt).toISOString() }, mutation.args.attachments ?? []);
      if ('rejection' in files) throw new Rejected(files.rejection);
      const extras = files.attachments.length > 0 ? { extras: { attachments: files.attachments } } : {};
      return { ...base, message: { id: messageId, body: mutation.args.body, isPublic: mutation.name === 'ticket.reply', authorKind: 'agent', writtenAt: mutation.args.writtenAt, ...extras } };
    }
    case 'ticket.setStatus':
      if (ticket.status !== mutation.args.from) await conflict(trx, ticket, 'status', ticket.status, 'status');
      return { ...base, status: mutation.args.to };
    case 'ticket.setPriority':
      if (ticket.priority !== mutation.args.from) await conflict(trx, ticket, 'priority', ticket.priority, 'attributes');
      return { ...base, priority: mutation.args.to };
    case 'ticket.assign': {
      if (ticket.assigneeId !== mutation.args.expectedAssignee) await conflict(trx, ticket, 'assignee', ticket.assigneeId, 'assignee');
      if (mutation.args.assignee !== null) {
        const assignee = await trx.selectFrom('users').select('id').where('id', '=', mutation.args.assignee).executeTakeFirst();
        if (!assignee) throw new Rejected({ code: 'invalid', field: 'assignee', message: `No agent ${mutation.args.assignee}` });
      }
      return { ...base, assigneeId: mutation.args.assignee };
    }
    case 'ticket.setTags': {
      const count = applyTagChange(ticket.tags, mutation.args).length;
      if (count > MAX_TAGS) throw new Rejected({ code: 'invalid', field: 'tags', message: `#${ticket.number} can have at most ${MAX_TAGS} tags (this would make ${count})` });
      return { ...base, tags: mutation.args };
    }
    case 'ticket.remoteSession': {
      const change = await remoteSessionChange(trx, ticket, user, mutation.args, { ...base, at: new Date(receivedAt).toISOString() });
      if ('code' in change) throw new Rejected(change);
      return change;
    }
  }
}

/** Handoff notes never conflict: a note is always appended, and acknowledging one again changes nothing. */
async function applyHandoffIntent(trx: Trx, { handoffs }: ServerContext, user: User, clientId: string, mutation: HandoffMutation): Promise<void> {
  const origin = { clientId, mutationId: mutation.id };
  try {
    if (mutation.name === 'handoff.write') {
      const { handoffId, queueId, body, writtenAt, shift } = mutation.args;
      await handoffs.insert(trx, user, { id: handoffId, queueId, body, writtenAt, origin, ...(shift ? { shift } : {}) });
    } else {
      await handoffs.applyAcknowledge(trx, user, mutation.args.handoffId, { origin });
    }
  } catch (error) {
    if (error instanceof HandoffRefusal) throw new Rejected({ code: error.code, field: error.field, message: error.message });
    throw error;
  }
}

/**
 * Escalating is checked against the ticket as it is now (still visible, still below the target);
 * acknowledging against the escalation (taken by someone else meanwhile is a conflict naming them).
 */
async function applyEscalationIntent(trx: Trx, { escalations }: ServerContext, user: User, clientId: string, mutation: EscalationMutation): Promise<void> {
  const origin = { clientId, mutationId: mutation.id };
  try {
    if (mutation.name === 'ticket.escalate') {
      const { escalationId, ticketId, target, reason } = mutation.args;
      await escalations.escalateByHand(trx, user, { id: escalationId, ticketId, target, reason }, origin);
    } else if (mutation.name === 'escalation.acknowledge') {
      await escalations.acknowledge(trx, user, mutation.args.escalationId, origin);
    } else {
      await escalations.decline(trx, user, mutation.args.escalationId, mutation.args.reason, origin);
    }
  } catch (error) {
    if (error instanceof EscalationRefusal) throw new Rejected(error.rejection);
    throw error;
  }
}

/** A macro change is checked against who may change that macro (their own, or shared ones for supervisors and admins). */
async function applyMacroIntent(trx: Trx, { clock }: ServerContext, user: User, clientId: string, mutation: MacroMutation): Promise<void> {
  const origin = { clientId, mutationId: mutation.id };
  try {
    if (mutation.name === 'macro.save') await saveMacro(trx, clock, user, mutation.args.macroId, mutation.args.macro, origin);
    else await deleteMacro(trx, clock, user, mutation.args.macroId, origin);
  } catch (error) {
    if (error instanceof MacroRefusal) throw new Rejected(error.rejection);
    throw error;
  }
}

/** A call never conflicts; one logged long ago on a ticket that has moved on since comes back stale, as a note would. */
async function applyCallIntent(trx: Trx, context: ServerContext, user: User, { clientId, receivedAt }: { clientId: string; receivedAt: number }, mutation: CallMutation): Promise<void> {
  try {
    await logCall(trx, context, user, mutation.args, { receivedAt, origin: { clientId, mutationId: mutation.id } });
  } catch (error) {
    if (error instanceof CallRefusal) throw new Rejected(error.rejection);
    throw error;
  }
}
