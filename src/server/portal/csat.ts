import { isoNow } from '../../shared/clock.js';
import { CSAT_GOOD, CsatScaleSchema, type CsatScale, type CsatSettings } from '../../shared/csat/survey.js';
import type { SurveyForm } from '../../shared/portal/forms.js';
import type { ServerContext } from '../context.js';
import type { ServerDb } from '../storage/database.js';
import { recordTicketEvent } from '../tickets/ticket-events.js';

export type SurveyState = 'open' | 'answered' | 'not_solved' | 'missing';
export type SurveyOutcome = 'recorded' | Exclude<SurveyState, 'open'>;

const SCALE_KEY = 'csat-scale';

/** The scale surveys are shown on; five steps until an admin chooses otherwise. */
export async function csatSettings(db: ServerDb): Promise<CsatSettings> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', SCALE_KEY).executeTakeFirst();
  const scale = CsatScaleSchema.safeParse(row?.value);
  return { scale: scale.success ? scale.data : 'five' };
}

export async function saveCsatSettings(db: ServerDb, settings: CsatSettings): Promise<CsatSettings> {
  await db
    .insertInto('meta')
    .values({ key: SCALE_KEY, value: settings.scale })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: settings.scale }))
    .execute();
  return csatSettings(db);
}

/** A survey can be answered once the ticket is solved (or closed after that), and only once. */
export async function surveyState(context: ServerContext, ticketId: string): Promise<{ state: SurveyState; number: number; subject: string }> {
  const ticket = await context.db.selectFrom('tickets').select(['number', 'subject', 'status']).where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) return { state: 'missing', number: 0, subject: '' };
  const answered = await context.db.selectFrom('csat_answers').select('ticket_id').where('ticket_id', '=', ticketId).executeTakeFirst();
  const state = answered ? 'answered' : ticket.status === 'solved' || ticket.status === 'closed' ? 'open' : 'not_solved';
  return { state, number: ticket.number, subject: ticket.subject };
}

/** The answer as agents read it in the thread's internal note (the console shows it translated from the event). */
function noteText(scale: CsatScale, score: number, comment: string | undefined): string {
  const rating = scale === 'good_bad' ? (score === CSAT_GOOD ? 'good' : 'bad') : `${score}/5`;
  return `Satisfaction: ${rating}${comment ? ` — "${comment}"` : ''}`;
}

/**
 * Stores the customer's answer and tells the agents: an internal note on the ticket (so it shows in
 * the console's thread) and a `csat` event for reports and the console's history. The agent credited
 * is the assignee at the moment of answering, named in the event so the history can say who. A second
 * answer changes nothing and is reported as such.
 */
export async function answerSurvey(context: ServerContext, ticketId: string, answer: Pick<SurveyForm, 'score' | 'comment' | 'scale'>): Promise<SurveyOutcome> {
  const outcome = await context.db.transaction().execute(async (trx): Promise<SurveyOutcome> => {
    const ticket = await trx.selectFrom('tickets').select(['status', 'assignee_id', 'requester_name']).where('id', '=', ticketId).executeTakeFirst();
    if (!ticket) return 'missing';
    if (ticket.status !== 'solved' && ticket.status !== 'closed') return 'not_solved';
    const at = isoNow(context.clock);
    const inserted = await trx
      .insertInto('csat_answers')
      .values({ ticket_id: ticketId, score: answer.score, scale: answer.scale, comment: answer.comment ?? null, agent_id: ticket.assignee_id, answered_at: at })
      .onConflict((oc) => oc.column('ticket_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 'answered';
    const agent = ticket.assignee_id ? await trx.selectFrom('users').select('name').where('id', '=', ticket.assignee_id).executeTakeFirst() : undefined;
    await context.tickets.applyChange(trx, ticketId, {
      actor: { userId: null, name: ticket.requester_name },
      message: { body: noteText(answer.scale, answer.score, answer.comment), isPublic: false, authorKind: 'system' },
    });
    await recordTicketEvent(trx, ticketId, 'csat', at, null, {
      score: answer.score,
      scale: answer.scale,
      comment: answer.comment ?? null,
      agentId: ticket.assignee_id,
      agentName: agent?.name ?? null,
    });
    return 'recorded';
  });
  context.feed.committed();
  return outcome;
}
