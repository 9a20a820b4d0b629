import type { Transaction } from 'kysely';
import type { IntakeReply } from '../../../shared/intake/alerts.js';
import { isoNow } from '../../../shared/clock.js';
import { placeholderAddress } from '../../../shared/domain/requester-address.js';
import type { Priority } from '../../../shared/domain/ticket.js';
import type { ServerContext } from '../../context.js';
import type { Database } from '../../storage/schema.js';
import type { Integration } from '../integrations.js';

type Trx = Transaction<Database>;
type Result = IntakeReply['results'][number];

/** Which system sent an alert: fingerprints are only unique within one, so each keeps its own links to tickets. */
export type AlertSource = 'alertmanager' | 'grafana';

/** An alert from any monitoring system, in the terms the desk needs; each source's adapter maps its payload to this. */
export interface IncomingAlert {
  status: 'firing' | 'resolved';
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  /** Only read once resolved: firing alerts carry a placeholder here. */
  endsAt?: string;
  /** The values that made the rule fire, as the source renders them. */
  values?: string;
  /** Where an agent looks further, by label, in the order listed; sources send empty strings for links they lack, which are left out. */
  links: Record<string, string | undefined>;
}

/** Severity labels as monitoring setups spell them; anything else is an ordinary (medium) alert. */
const priorityOfSeverity: Record<string, Priority> = {
  critical: 'critical',
  page: 'critical',
  disaster: 'critical',
  error: 'high',
  high: 'high',
  major: 'high',
  warning: 'medium',
  medium: 'medium',
  minor: 'low',
  info: 'low',
  low: 'low',
};

interface Intake {
  context: ServerContext;
  integration: Integration;
  source: AlertSource;
}

/**
 * One ticket per alert fingerprint. A repeated firing of an alert whose ticket is still being worked
 * on adds nothing; one whose ticket was solved opens a new ticket (the problem is back). A resolved
 * alert adds an internal note, and solves the ticket if no agent has answered it yet: nobody needs
 * to close what fixed itself at 3 a.m. Each alert is its own transaction, so a bad one never leaves
 * another half-written.
 */
export async function receiveAlerts(context: ServerContext, integration: Integration, source: AlertSource, alerts: readonly IncomingAlert[]): Promise<IntakeReply> {
  const intake = { context, integration, source };
  const results: Result[] = [];
  for (const alert of alerts) {
    results.push(await context.db.transaction().execute((trx) => (alert.status === 'firing' ? firing(intake, trx, alert) : resolved(intake, trx, alert))));
  }
  context.feed.committed();
  return { results };
}

async function ticketOf(trx: Trx, source: AlertSource, fingerprint: string) {
  const ref = await trx.selectFrom('external_refs').select('ticket_id').where('source', '=', source).where('ref', '=', fingerprint).executeTakeFirst();
  if (!ref) return null;
  return (await trx.selectFrom('tickets').select(['id', 'status', 'first_responded_at']).where('id', '=', ref.ticket_id).executeTakeFirst()) ?? null;
}

async function firing({ context, integration, source }: Intake, trx: Trx, alert: IncomingAlert): Promise<Result> {
  const existing = await ticketOf(trx, source, alert.fingerprint);
  if (existing && existing.status !== 'solved' && existing.status !== 'closed') return { ref: alert.fingerprint, ticketId: existing.id, outcome: 'duplicate' };
  const wantedQueue = alert.labels.queue;
  const queue = wantedQueue ? await trx.selectFrom('queues').select('id').where('id', '=', wantedQueue).executeTakeFirst() : undefined;
  const name = alert.labels.alertname ?? 'Alert';
  const summary = alert.annotations.summary ?? alert.annotations.description ?? '';
  const opened = await context.tickets.insert(trx, {
    subject: (summary ? `${name}: ${summary}` : name).slice(0, 300),
    body: alertText(alert),
    requesterName: integration.name,
    requesterEmail: placeholderAddress('monitoring'),
    channel: 'monitoring',
    priority: priorityOfSeverity[(alert.labels.severity ?? '').toLowerCase()] ?? 'medium',
    customerTier: 'standard',
    type: 'incident',
    // A `queue` label is the sender's choice; without one the routing rules decide.
    ...(queue ? { queueId: queue.id } : {}),
  });
  const at = isoNow(context.clock);
  await trx
    .insertInto('external_refs')
    .values({ source, ref: alert.fingerprint, ticket_id: opened.ticket.id, updated_at: at })
    .onConflict((oc) => oc.columns(['source', 'ref']).doUpdateSet({ ticket_id: opened.ticket.id, updated_at: at }))
    .execute();
  return { ref: alert.fingerprint, ticketId: opened.ticket.id, outcome: 'created' };
}

async function resolved({ context, integration, source }: Intake, trx: Trx, alert: IncomingAlert): Promise<Result> {
  const ticket = await ticketOf(trx, source, alert.fingerprint);
  if (!ticket || ticket.status === 'solved' || ticket.status === 'closed') return { ref: alert.fingerprint, ticketId: ticket?.id ?? null, outcome: 'ignored' };
  const unanswered = ticket.first_responded_at === null;
  await context.tickets.applyChange(trx, ticket.id, {
    actor: { userId: null, name: integration.name },
    message: { body: `Resolved in monitoring${alert.endsAt ? ` at ${alert.endsAt}` : ''}.${unanswered ? ' Nobody had answered yet, so the ticket is solved.' : ''}`, isPublic: false, authorKind: 'system' },
    ...(unanswered ? { status: 'solved' as const } : {}),
  });
  return { ref: alert.fingerprint, ticketId: ticket.id, outcome: unanswered ? 'resolved' : 'noted' };
}

/** The alert as an agent reads it: what it says, then every label, then what it measured and where to look. */
function alertText(alert: IncomingAlert): string {
  const lines = [alert.annotations.description ?? alert.annotations.summary ?? `${alert.labels.alertname ?? 'Alert'} is firing.`, ''];
  for (const [key, value] of Object.entries(alert.labels).sort(([a], [b]) => a.localeCompare(b))) lines.push(`${key}: ${value}`);
  lines.push('', `Firing since ${alert.startsAt}`);
  if (alert.values) lines.push(`Values: ${alert.values}`);
  for (const [label, url] of Object.entries(alert.links)) if (url) lines.push(`${label}: ${url}`);
  return lines.join('\n');
}
