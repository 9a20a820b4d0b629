import type { Transaction } from 'kysely';
import type { Locale } from '../../shared/domain/people.js';
import type { ServerContext } from '../context.js';
import type { Database } from '../storage/schema.js';
import type { TicketChange } from '../tickets/ticket-store.js';
import { recordTicketEvent } from '../tickets/ticket-events.js';
import { requesters, ticketInput, ticketTemplates } from './catalog/index.js';
import { demoQueues, demoUsers } from './people.js';
import { pick, seededRandom } from './random.js';

const DAYS = 30;
/** Few enough that seeding (which every server test does) stays quick, enough for medians to mean something. */
const TICKETS_PER_DAY = 3;
const MINUTE = 60_000;

const words: Record<'reply' | 'follow' | 'answer' | 'again' | 'fixed', Record<Locale, string>> = {
  reply: { en: 'Thanks, we are on it.', pl: 'Dziękujemy, zajmujemy się tym.', ru: 'Спасибо, мы уже занимаемся этим.', lv: 'Paldies, mēs to jau risinām.' },
  follow: { en: 'Here are the details you asked for.', pl: 'Oto szczegóły, o które prosiliście.', ru: 'Вот подробности, о которых вы просили.', lv: 'Lūk, prasītā informācija.' },
  answer: { en: 'That helps; the fix is on its way.', pl: 'To pomaga; poprawka jest w drodze.', ru: 'Это помогло; исправление уже в пути.', lv: 'Tas palīdz; labojums jau ceļā.' },
  again: { en: 'It happened again this morning.', pl: 'Dziś rano znowu się to stało.', ru: 'Сегодня утром это повторилось.', lv: 'Šorīt tas atkārtojās.' },
  fixed: { en: 'Fixed for good now, sorry for the trouble.', pl: 'Teraz naprawione na dobre, przepraszamy.', ru: 'Теперь исправлено окончательно, извините.', lv: 'Tagad salabots pavisam, atvainojamies.' },
};
const comments: Record<'good' | 'bad', Record<Locale, string>> = {
  good: { en: 'Quick and friendly, thank you!', pl: 'Szybko i uprzejmie, dziękuję!', ru: 'Быстро и вежливо, спасибо!', lv: 'Ātri un laipni, paldies!' },
  bad: { en: 'Took too long and I had to write twice.', pl: 'Trwało za długo, musiałem pisać dwa razy.', ru: 'Слишком долго, пришлось писать дважды.', lv: 'Pārāk ilgi, nācās rakstīt divreiz.' },
};

/**
 * A month of finished work behind the demo's live night, so Analytics has something to show: every
 * day a few tickets answered, some after a wait on the customer, a few escalated from tier 1 to
 * tier 2, some reopened, most solved, and about a third rated with a comment now and then. Told
 * through the ticket store, as the live desk's history is (quiet: no notices, no routing).
 */
export async function seedDemoAnalyticsHistory(trx: Transaction<Database>, context: ServerContext, now: number): Promise<void> {
  const random = seededRandom(20261024);
  const tierOne = demoQueues.filter((queue) => queue.tier === 1).map((queue) => queue.id);
  const tierTwo = demoQueues.find((queue) => queue.tier === 2)!;
  for (let day = DAYS; day >= 4; day--) {
    for (let n = 0; n < TICKETS_PER_DAY; n++) {
      const template = pick(random, ticketTemplates);
      const requester = pick(random, requesters);
      const locale = requester.locale;
      let t = now - day * 24 * 60 * MINUTE + Math.floor(random() * 20 * 60) * MINUTE;
      const queueId = tierOne.includes(template.queue) ? template.queue : pick(random, tierOne);
      // An escalated ticket is stored in the tier-2 queue it ended in, its move told by its history
      // only: a month-old move has no business in the change log (its tombstone would outlive it).
      const escalated = random() < 0.12;
      const { ticket } = await context.tickets.insert(trx, { ...ticketInput(template, requester), queueId: escalated ? tierTwo.id : queueId, createdAt: new Date(t).toISOString(), quiet: true });
      const members = demoUsers.filter((user) => user.role === 'agent' && (user.queues as readonly string[]).includes(queueId));
      let agent = pick(random, members);
      const change = async (minutes: number, what: Omit<TicketChange, 'at' | 'actor'>, by: 'agent' | 'customer' = 'agent') => {
        t += Math.max(1, Math.round(minutes)) * MINUTE;
        const actor = by === 'agent' ? { userId: agent.id, name: agent.name } : { userId: null, name: ticket.requesterName };
        await context.tickets.applyChange(trx, ticket.id, { at: new Date(t).toISOString(), actor, quiet: true, ...what });
      };
      const say = (key: keyof typeof words, authorKind: 'agent' | 'customer') => ({ body: words[key][locale], isPublic: true, authorKind });

      // Each step is one change (a reply that also solves, say), as seeding runs before every server test.
      // A tier-1 agent assigned to a ticket in a tier-2 queue would be mirrored in their own scope, and
      // the engineer taking it over would leave a tombstone there: the escalated ones wait for the engineer.
      await change(5 + random() * 90, { ...(escalated ? {} : { assigneeId: agent.id }), message: say('reply', 'agent'), status: random() < 0.4 ? 'pending' : 'open' });
      const followedUp = random() < 0.45;
      if (followedUp) await change(20 + random() * 400, { message: say('follow', 'customer'), status: 'open' }, 'customer');
      if (escalated) {
        const from = demoQueues.find((queue) => queue.id === queueId)!;
        const at = new Date((t += MINUTE)).toISOString();
        await recordTicketEvent(trx, ticket.id, 'escalated', at, agent.id, { from: queueId, to: tierTwo.id, trigger: 'manual', reason: 'Needs the network team' });
        await recordTicketEvent(trx, ticket.id, 'queue', at, agent.id, { from: queueId, to: tierTwo.id, fromName: from.name, toName: tierTwo.name });
        agent = demoUsers.find((user) => user.role === 'agent' && user.tier === 2)!;
        await change(30 + random() * 600, { assigneeId: agent.id, message: say('answer', 'agent'), status: 'solved' });
      } else if (followedUp || random() < 0.5) {
        await change(30 + random() * 600, { message: say('answer', 'agent'), status: 'solved' });
      } else {
        // Answered at the first contact: solved with no second reply.
        await change(30 + random() * 600, { status: 'solved' });
      }
      const reopened = random() < 0.1;
      if (reopened) {
        await change(120 + random() * 1500, { message: say('again', 'customer'), status: 'open' }, 'customer');
        await change(15 + random() * 180, { message: say('fixed', 'agent'), status: 'solved' });
      }
      if (random() < 0.35) {
        const score = reopened ? 1 + Math.floor(random() * 3) : random() < 0.8 ? 4 + Math.floor(random() * 2) : 2 + Math.floor(random() * 2);
        const comment = random() < 0.4 ? comments[score >= 4 ? 'good' : 'bad'][locale] : null;
        const answeredAt = new Date(Math.min(now, t + (30 + random() * 600) * MINUTE)).toISOString();
        await trx.insertInto('csat_answers').values({ ticket_id: ticket.id, score, scale: 'five', comment, agent_id: agent.id, answered_at: answeredAt }).execute();
        await recordTicketEvent(trx, ticket.id, 'csat', answeredAt, null, { score, scale: 'five', comment, agentId: agent.id, agentName: agent.name });
      }
    }
  }
}
