import type { Locale, User } from '../../shared/domain/people.js';
import type { Ticket, TicketStatus } from '../../shared/domain/ticket.js';
import type { TicketChange } from '../tickets/ticket-store.js';
import { hashPassword } from '../auth/passwords.js';
import { createIntegration, DEMO_INTAKE_TOKEN, DEMO_WEBHOOK_SECRET } from '../intake/integrations.js';
import { rememberRequester } from '../intake/customers/requesters.js';
import type { ServerContext } from '../context.js';
import { appendChange } from '../sync/change-log.js';
import { handoffTemplates, requesters, ticketInput, ticketTemplates, type Requester } from './catalog/index.js';
import { seedDemoKnowledge } from '../knowledge/demo-knowledge.js';
import { DEMO_PASSWORD, demoQueues, demoUsers, type DemoUser } from './people.js';
import { firstResponseMatrix } from '../sla/default-policy.js';
import { pick, seededRandom, weighted } from './random.js';
import { seedDemoRota } from './rota.js';
import { seedDemoHandovers } from './handovers.js';
import { seedEscalationSettings } from '../escalations/demo-settings.js';
import { seedDemoRouting } from '../routing/demo-routing.js';
import { seedDemoRemote } from '../remote/demo-remote.js';
import { seedDemoAnalyticsHistory } from './analytics-history.js';

export const DEMO_TICKET_COUNT = 200;

const firstReplies: Record<Locale, string> = {
  en: 'Thank you for reaching out. I am looking into this now and will update you shortly.',
  pl: 'Dziękujemy za zgłoszenie. Sprawdzam to teraz i wkrótce wrócę z informacją.',
  ru: 'Спасибо за обращение. Я уже разбираюсь и скоро вернусь с ответом.',
  lv: 'Paldies, ka sazinājāties. Es to jau pārbaudu un drīz sniegšu ziņu.',
};

/**
 * How far back each state reaches: unanswered tickets are a night's worth, tickets in progress this
 * shift's and the last, finished ones a week — so most clocks run, a few have breached, as on a real desk.
 */
const ageLimitMinutes: Record<TicketStatus, number> = {
  new: 4 * 60,
  open: 10 * 60,
  pending: 24 * 60,
  on_hold: 24 * 60,
  solved: 7 * 24 * 60,
  closed: 7 * 24 * 60,
};

const statusWeights: Record<TicketStatus, number> = { new: 26, open: 30, pending: 12, on_hold: 5, solved: 19, closed: 8 };

export async function isEmpty(context: ServerContext): Promise<boolean> {
  const row = await context.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * A believable night at a 24/7 desk: tickets from every channel over the past week, most of them
 * recent, in every state, so countdowns run, breach and pause the moment the console opens.
 */
export async function seedDemoData(context: ServerContext): Promise<void> {
  const { db, clock, tickets } = context;
  const random = seededRandom(20261123);
  const now = clock.now();
  const nowIso = new Date(now).toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction().execute(async (trx) => {
    for (const queue of demoQueues) {
      await trx.insertInto('queues').values({ id: queue.id, name: queue.name, tier: queue.tier, created_at: nowIso }).execute();
      await appendChange(trx, { scope: 'shared', entity: 'queue', rowId: queue.id, row: { id: queue.id, name: queue.name, tier: queue.tier } }, nowIso);
    }
    for (const user of demoUsers) {
      await trx
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email,
          name: user.name,
          password_hash: passwordHash,
          role: user.role,
          tier: user.tier,
          locale: user.locale,
          time_zone: user.timeZone,
          created_at: nowIso,
        })
        .execute();
      for (const queueId of user.queues) await trx.insertInto('queue_members').values({ queue_id: queueId, user_id: user.id }).execute();
    }
    for (const user of demoUsers) {
      const agent = { id: user.id, name: user.name, role: user.role, tier: user.tier, timeZone: user.timeZone, queueIds: [...user.queues].sort() };
      await appendChange(trx, { scope: 'shared', entity: 'agent', rowId: user.id, row: agent }, nowIso);
    }
    // The knowledge base travels to every console, internal runbooks included, for offline search.
    await seedDemoKnowledge(trx, nowIso);

    // Customers are answered in their own language from their first ticket on.
    for (const requester of requesters) await rememberRequester(trx, { email: requester.email, name: requester.name, locale: requester.locale, chosen: true }, nowIso);
    for (let i = 0; i < DEMO_TICKET_COUNT; i++) {
      const template = ticketTemplates[i % ticketTemplates.length]!;
      const requester = requesterFor(random, template.locale);
      const status = weighted(random, statusWeights);
      const ageMinutes = Math.floor(random() * ageLimitMinutes[status]);
      const createdAt = new Date(now - ageMinutes * 60_000).toISOString();
      const opened = await tickets.insert(trx, { ...ticketInput(template, requester), queueId: template.queue, createdAt, quiet: true });
      for (const change of history(random, opened.ticket, status, template.locale, now)) {
        await tickets.applyChange(trx, opened.ticket.id, { ...change, quiet: true });
      }
    }
    // After the live night's tickets, so their numbers stay what tests and screenshots know.
    await seedDemoAnalyticsHistory(trx, context, now);

    for (const template of handoffTemplates) {
      const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
      const note = await context.handoffs.insert(trx, demoUser(template.authorEmail), { queueId: template.queueId, body: template.body, at: at(template.minutesAgo) });
      for (const ack of template.acknowledgedBy) {
        await context.handoffs.applyAcknowledge(trx, demoUser(ack.email), note.id, { at: at(template.minutesAgo - ack.minutesAfter) });
      }
    }
    await seedDemoRota(trx, context);
    await seedDemoHandovers(trx, context, (id) => demoUser(demoUsers.find((user) => user.id === id)!.email));
    await seedEscalationSettings(trx, nowIso);
    await seedDemoRouting(trx, nowIso);
    await seedDemoRemote(trx, nowIso);
    await createIntegration(trx, 'Demo integrations', DEMO_INTAKE_TOKEN, nowIso, DEMO_WEBHOOK_SECRET);
  });
  context.feed.committed();
}

function demoUser(email: string): User {
  const user: DemoUser | undefined = demoUsers.find((u) => u.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  const { queues, ...rest } = user;
  return { ...rest, queueIds: [...queues].sort() };
}

function requesterFor(random: () => number, locale: Locale): Requester {
  const sameLanguage = requesters.filter((r) => r.locale === locale);
  return pick(random, sameLanguage.length > 0 ? sameLanguage : requesters);
}

const followUps: Record<Locale, string> = {
  en: 'Thanks. It still happens this morning; is there anything else you need from us?',
  pl: 'Dziękuję. Problem nadal występuje dziś rano; czy potrzebujecie czegoś jeszcze od nas?',
  ru: 'Спасибо. Проблема всё ещё повторяется сегодня утром; нужно ли от нас что-то ещё?',
  lv: 'Paldies. Problēma joprojām atkārtojas šorīt; vai jums no mums vēl kaut ko vajag?',
};

/**
 * What happened to a ticket after it arrived, told through the same changes agents make: an agent
 * answered (and maybe asked the customer or a vendor), the customer sometimes wrote back, and some
 * tickets were solved. The SLA clocks are computed from exactly this history.
 */
function history(random: () => number, ticket: Ticket, status: TicketStatus, locale: Locale, now: number): TicketChange[] {
  const created = Date.parse(ticket.createdAt);
  const members = demoUsers.filter((u) => u.role === 'agent' && (u.queues as readonly string[]).includes(ticket.queueId));
  const assignee = members.length > 0 ? pick(random, members) : undefined;
  const agent = { userId: assignee?.id ?? null, name: assignee?.name ?? 'Shiftdesk' };
  const customer = { userId: null, name: ticket.requesterName };
  const minutesAfter = (from: number, minutes: number) => new Date(Math.min(now, from + minutes * 60_000)).toISOString();
  // Most answers come well inside the first-response target, a few late: a desk with something to improve.
  const target = firstResponseMatrix[ticket.customerTier][ticket.priority][ticket.channel];
  const answeredAt = minutesAfter(created, Math.max(1, Math.round(target * (0.15 + random() * 1.05))));
  const reply: TicketChange = {
    at: answeredAt,
    actor: agent,
    assigneeId: assignee?.id ?? null,
    status: status === 'pending' || status === 'on_hold' ? status : 'open',
    message: { body: firstReplies[locale], isPublic: true, authorKind: 'agent' },
  };
  const changes = [reply];
  if (status === 'open' && random() < 0.35) {
    changes.push({ at: minutesAfter(Date.parse(answeredAt), Math.floor(random() * 300 + 5)), actor: customer, message: { body: followUps[locale], isPublic: true, authorKind: 'customer' } });
  }
  if (status === 'solved' || status === 'closed') {
    const solvedAt = minutesAfter(Date.parse(answeredAt), Math.floor(random() * 600 + 10));
    changes.push({ at: solvedAt, actor: agent, status: 'solved' });
    if (status === 'closed') changes.push({ at: minutesAfter(Date.parse(solvedAt), 3 * 24 * 60), actor: { userId: null, name: 'Shiftdesk' }, status: 'closed' });
  }
  return changes;
}
