import { z } from 'zod';
import { AgentStatusSchema } from '../domain/people.js';
import { AgentSettingsSchema, QueueSettingsSchema, ReplaceRoutingRulesBodySchema, ReplaceRoutingRulesReplySchema, RoutingRulesReplySchema } from '../routing/api.js';
import { TicketRoutingReplySchema } from '../routing/decision.js';
import { AgentRoutingSchema, QueueRoutingSchema } from '../routing/settings.js';

const Empty = z.object({}).strict();

/** The agent's own status as the console shows it: what the server has, or what they chose here and has not reached it yet. */
export const MyStatusSchema = z.object({ status: AgentStatusSchema, pending: z.boolean() });
export type MyStatus = z.infer<typeof MyStatusSchema>;

export const routingMethods = {
  /** From the replica and the outbox, so offline too. */
  'presence.get': { input: Empty, output: MyStatusSchema },
  /** Queued like any change and sent when online; shown at once. */
  'presence.set': { input: z.object({ status: AgentStatusSchema }).strict(), output: MyStatusSchema },
  /** Asks the server (online only): why the ticket is where it is, newest decision first. */
  'tickets.routing': { input: z.object({ id: z.uuid() }).strict(), output: TicketRoutingReplySchema },
  // The routing settings live on the server only: each is one REST call with the admin's token.
  'admin.routing.rules': { input: Empty, output: RoutingRulesReplySchema },
  /** A save based on rules someone replaced meanwhile comes back as a conflict; the editor keeps the admin's text. */
  'admin.routing.saveRules': { input: ReplaceRoutingRulesBodySchema, output: ReplaceRoutingRulesReplySchema },
  'admin.routing.queues': { input: Empty, output: z.array(QueueSettingsSchema) },
  'admin.routing.saveQueue': { input: z.object({ id: z.string().min(1), settings: QueueRoutingSchema }).strict(), output: QueueSettingsSchema },
  'admin.routing.agents': { input: Empty, output: z.array(AgentSettingsSchema) },
  'admin.routing.saveAgent': { input: z.object({ id: z.string().min(1), settings: AgentRoutingSchema }).strict(), output: AgentSettingsSchema },
} as const;
