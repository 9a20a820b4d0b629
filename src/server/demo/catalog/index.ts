export { ticketTemplates } from './ticket-templates.js';
export type { TicketTemplate } from './ticket-templates.js';
export { requesters } from './requesters.js';
export type { Requester } from './requesters.js';
export { macros } from './macros.js';
export { articles, articleSlug } from './articles.js';
export { ticketInput } from './ticket-input.js';
export { handoffTemplates } from './handoffs.js';
export type { HandoffTemplate } from './handoffs.js';
