import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import type { DeflectionKind, DeflectionReport } from '../../shared/portal/deflection.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';

type Writer = ServerDb | Transaction<Database>;

export interface DeflectionEvent {
  kind: DeflectionKind;
  visit: string;
  articleId?: string;
  locale: string;
}

/**
 * Records what happened in one form visit, once: a page shown twice (the back button) or a beacon
 * sent twice counts as one. An article is counted once per visit however often it is opened.
 */
export async function recordDeflection(db: Writer, clock: Clock, event: DeflectionEvent): Promise<void> {
  let seen = db.selectFrom('deflection_events').select('id').where('visit_id', '=', event.visit).where('kind', '=', event.kind);
  if (event.articleId !== undefined) seen = seen.where('article_id', '=', event.articleId);
  if (await seen.executeTakeFirst()) return;
  await db
    .insertInto('deflection_events')
    .values({ id: randomUUID(), kind: event.kind, visit_id: event.visit, article_id: event.articleId ?? null, locale: event.locale, at: isoNow(clock) })
    .execute();
}

const TOP_ARTICLES = 10;

/**
 * Counts over the visits with events in [from, to). A visit is deflected when it opened a suggestion
 * and never sent the form; a visit that sent the form later (after the range) is not deflected.
 */
export async function deflectionReport(db: ServerDb, from: string, to: string): Promise<DeflectionReport> {
  const inRange = () => db.selectFrom('deflection_events').where('at', '>=', from).where('at', '<', to);
  const submittedVisits = db.selectFrom('deflection_events').select('visit_id').where('kind', '=', 'form_submitted');
  const visitsWith = async (kind: DeflectionKind | null, notSubmitted = false) => {
    let query = inRange().select((eb) => eb.fn.count<number>('visit_id').distinct().as('n'));
    if (kind) query = query.where('kind', '=', kind);
    if (notSubmitted) query = query.where('visit_id', 'not in', submittedVisits);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  const visits = await visitsWith(null);
  const deflected = await visitsWith('suggestion_opened', true);
  const opened = await inRange()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'suggestion_opened')
    .executeTakeFirstOrThrow();
  const top = await inRange()
    .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kind', '=', 'suggestion_opened')
    .where('article_id', 'is not', null)
    .groupBy('article_id')
    .orderBy('n', 'desc')
    .orderBy('article_id')
    .limit(TOP_ARTICLES)
    .execute();
  return {
    from,
    to,
    visits,
    visitsWithSuggestions: await visitsWith('suggestions_shown'),
    suggestionsOpened: Number(opened.n),
    visitsWithOpenedSuggestion: await visitsWith('suggestion_opened'),
    submitted: await visitsWith('form_submitted'),
    abandoned: await visitsWith('form_abandoned', true),
    deflected,
    deflectionRate: visits === 0 ? 0 : deflected / visits,
    topArticles: top.map((row) => ({ articleId: row.article_id!, opened: Number(row.n) })),
  };
}
