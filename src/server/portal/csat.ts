import { isoNow } from '../../shared/clock.js';
import type { SurveyForm } from '../../shared/portal/forms.js';
import type { ServerContext } from '../context.js';
import { recordTicketEvent } from '../tickets/ticket-events.js';

export type SurveyState = 'open' | 'answered' | 'not_solved' | 'missing';
export type SurveyOutcome = 'recorded' | Exclude<SurveyState, 'open'>;

/** A survey can be answered once the ticket is solved (or closed after that), and only once. */
export async function surveyState(context: ServerContext, ticketId: string): Promise<{ state: SurveyState; number: number; subject: string }> {
  const ticket = await context.db.selectFrom('tickets').select(['number', 'subject', 'status']).where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) return { state: 'missing', number: 0, subject: '' };
  const answered = await context.db.selectFrom('csat_answers').select('ticket_id').where('ticket_id', '=', ticketId).executeTakeFirst();
  const state = answered ? 'answered' : ticket.status === 'solved' || ticket.status === 'closed' ? 'open' : 'not_solved';
  return { state, number: ticket.number, subject: ticket.subject };
}

/**
 * Stores the customer's answer and tells the agents: an internal note on the ticket (so it shows in
 * the console's thread) and a `csat` event for reports. The agent credited is the assignee at the
 * moment of answering. A second answer changes nothing and is reported as such.
 */
export async function answerSurvey(context: ServerContext, ticketId: string, answer: Pick<SurveyForm, 'score' | 'comment'>): Promise<SurveyOutcome> {
  const outcome = await context.db.transaction().execute(async (trx): Promise<SurveyOutcome> => {
    const ticket = await trx.selectFrom('tickets').select(['status', 'assignee_id', 'requester_name']).where('id', '=', ticketId).executeTakeFirst();
    if (!ticket) return 'missing';
    if (ticket.status !== 'solved' && ticket.status !== 'closed') return 'not_solved';
    const at = isoNow(context.clock);
    const inserted = await trx
      .insertInto('csat_answers')
      .values({ ticket_id: ticketId, score: answer.score, comment: answer.comment ?? null, agent_id: ticket.assignee_id, answered_at: at })
      .onConflict((oc) => oc.column('ticket_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 'answered';
    await context.tickets.applyChange(trx, ticketId, {
      actor: { userId: null, name: ticket.requester_name },
      message: { body: `Satisfaction: ${answer.score}/5${answer.comment ? ` — "${answer.comment}"` : ''}`, isPublic: false, authorKind: 'system' },
    });
    await recordTicketEvent(trx, ticketId, 'csat', at, null, { score: answer.score, comment: answer.comment ?? null, agentId: ticket.assignee_id });
    return 'recorded';
  });
  context.feed.committed();
  return outcome;
}
