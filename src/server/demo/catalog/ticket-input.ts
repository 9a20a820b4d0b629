import type { NewTicket } from '../../tickets/ticket-store.js';
import type { Requester } from './requesters.js';
import type { TicketTemplate } from './ticket-templates.js';

/** A catalogue ticket as this requester would open it; the caller picks the queue and the time. */
export function ticketInput(template: TicketTemplate, requester: Requester): Omit<NewTicket, 'queueId' | 'createdAt'> {
  return {
    subject: template.subject,
    body: template.body,
    requesterName: requester.name,
    requesterEmail: requester.email,
    channel: template.channel,
    priority: template.priority,
    customerTier: requester.customerTier,
    type: template.type,
  };
}
