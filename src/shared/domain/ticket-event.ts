import { z } from 'zod';
import { IsoDateTimeSchema } from './ticket.js';

/**
 * One line of a ticket's history as consoles receive it: who changed what and when (status,
 * attributes, assignee, queue, tags, escalations, SLA recomputes, routing, CSAT, …). `data` is the
 * server's record of the change, whose shape depends on `kind`; the console explains the kinds it
 * knows and names the others, so a newer server never breaks an older console.
 */
export const TicketEventSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  kind: z.string().min(1),
  at: IsoDateTimeSchema,
  /** Null: the system (SLA timers, intake, routing rules). The name is the one the person had then. */
  actor: z.object({ userId: z.string(), name: z.string() }).nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TicketEvent = z.infer<typeof TicketEventSchema>;
