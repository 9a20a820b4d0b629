import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import type { Message, Ticket } from '../../shared/domain/ticket.js';
import { renderTemplate, type CustomerLocale, type TemplateKind } from '../../shared/notifications/templates.js';
import { findRequester, isDeliverable, type Requester } from '../intake/customers/requesters.js';
import { threadHeaders } from '../outbound/mail-threading.js';
import { enqueueOutbound, type OutboundChannel } from '../outbound/outbound-queue.js';
import type { ShiftDirectory } from '../shifts/shift-directory.js';
import type { SlaService } from '../sla/sla-service.js';
import type { Database } from '../storage/schema.js';
import type { TicketObserver } from '../tickets/ticket-store.js';
import type { CustomerLinks } from './customer-links.js';
import { expectedFirstAnswer, formatAnswerTime } from './expected-answer.js';
import { templateFor } from './template-store.js';

type Trx = Transaction<Database>;

export interface Notice {
  kind: TemplateKind;
  locale: CustomerLocale;
  subject: string;
  body: string;
}

export interface Acknowledgement extends Notice {
  /** When the customer was told to expect the first answer. */
  answerBy: string;
}

/**
 * Everything the desk tells customers by itself: the acknowledgement of a new ticket, the agents'
 * public replies, and the news that a ticket waits on them or is solved. Each notice is queued in the
 * transaction of the change that caused it, in the customer's language, on the ticket's channel.
 */
export class CustomerNotifier implements TicketObserver {
  constructor(
    private readonly sla: SlaService,
    private readonly clock: Clock,
    private readonly links: CustomerLinks,
    /** The domain of the desk's own Message-IDs; other mail the desk sends (portal links) uses it too. */
    readonly mailDomain: string,
    /** Who is on shift: an acknowledgement out of hours names the next shift's start. */
    private readonly shifts: Pick<ShiftDirectory, 'onShiftAgentIds' | 'nextShiftStart'>,
  ) {}

  /** Queues the acknowledgement and answers its text, for channels that also show it at once (portal, chat). */
  async acknowledge(trx: Trx, ticket: Ticket, requester: Requester): Promise<Acknowledgement> {
    const expected = await expectedFirstAnswer(trx, this.sla, this.shifts, ticket, this.clock.now());
    const answerBy = formatAnswerTime(expected.at, expected.timeZone, requester.locale);
    const notice = await this.render(trx, expected.kind, requester.locale, ticket, requester, { 'answer.by': answerBy });
    await this.send(trx, ticket, requester, this.channelOf(ticket, requester), notice, `ack-${ticket.id}`);
    return { ...notice, answerBy: new Date(expected.at).toISOString() };
  }

  async ticketChanged(trx: Trx, before: Ticket, after: Ticket, messages: readonly Message[]): Promise<void> {
    const replies = messages.filter((m) => m.authorKind === 'agent' && m.isPublic);
    const solved = after.status === 'solved' && before.status !== 'solved';
    const pending = after.status === 'pending' && before.status !== 'pending' && replies.length === 0;
    if (replies.length === 0 && !solved && !pending) return;
    const requester = (await findRequester(trx, after.requesterEmail)) ?? { email: after.requesterEmail, name: after.requesterName, locale: 'en' as const };
    const channel = this.channelOf(after, requester);
    if (!channel) return;
    for (const reply of replies) {
      // The chat widget shows the agent's words as they are; its email fallback wraps them itself.
      const notice =
        after.channel === 'chat'
          ? { kind: 'reply' as const, locale: requester.locale, subject: after.subject, body: reply.body }
          : await this.render(trx, 'reply', requester.locale, after, requester, { 'message.body': reply.body, 'agent.name': reply.authorName });
      await this.send(trx, after, requester, channel, notice, reply.id, reply.authorName);
    }
    if (pending) await this.send(trx, after, requester, channel, await this.render(trx, 'status.pending', requester.locale, after, requester, {}), randomUUID());
    if (solved) {
      const notice = await this.render(trx, 'status.solved', requester.locale, after, requester, { 'survey.url': this.links.surveyUrl(after.id) });
      await this.send(trx, after, requester, channel, notice, randomUUID());
    }
  }

  /** Chat goes to the widget (which falls back to email); the rest by email where there is an address. */
  private channelOf(ticket: Ticket, requester: Requester): OutboundChannel | null {
    if (ticket.channel === 'chat') return 'chat';
    if (ticket.channel === 'monitoring') return null;
    return isDeliverable(requester.email) ? 'email' : null;
  }

  /** A template in the customer's language, the ticket's fields filled in; the chat's email fallback wraps replies with it. */
  async render(trx: Trx, kind: TemplateKind, locale: CustomerLocale, ticket: Ticket, requester: Requester, extra: Record<string, string>): Promise<Notice> {
    const template = await templateFor(trx, kind, locale);
    const values = {
      'ticket.number': String(ticket.number),
      'ticket.subject': ticket.subject,
      'requester.name': requester.name,
      'portal.url': this.links.portalUrl(),
      ...extra,
    };
    return { kind, locale, subject: renderTemplate(template.subject, values), body: renderTemplate(template.body, values) };
  }

  /** Queues a notice on the channel chosen for this customer; nothing when there is none (monitoring, no address). */
  private async send(trx: Trx, ticket: Ticket, requester: Requester, channel: OutboundChannel | null, notice: Notice, localPart: string, fromName?: string): Promise<void> {
    if (!channel) return;
    const at = isoNow(this.clock);
    const headers = { ...(await threadHeaders(trx, ticket.id, `${localPart}@${this.mailDomain}`, at)), ...(fromName ? { fromName } : {}) };
    await enqueueOutbound(trx, { ticketId: ticket.id, kind: notice.kind, channel, to: requester.email, subject: notice.subject, body: notice.body, headers }, at);
  }
}
