import { z } from 'zod';

/**
 * Who else has a ticket open: ephemeral, never stored, told over the sync socket while the agents are
 * connected (docs/ticket-view.md).
 */
export const TicketViewerSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** Typing in the ticket's composer in the last few seconds. */
  replying: z.boolean(),
});
export type TicketViewer = z.infer<typeof TicketViewerSchema>;

/** What a console says of its agent: the ticket open (null: none) and whether they are writing on it. */
export const TicketPresenceUpdateSchema = z.object({ ticketId: z.uuid().nullable(), replying: z.boolean() }).strict();
export type TicketPresenceUpdate = z.infer<typeof TicketPresenceUpdateSchema>;

/** The other agents on a ticket, as the server tells the consoles that have it open. */
export const TicketPresenceSchema = z.object({ ticketId: z.uuid(), viewers: z.array(TicketViewerSchema) });
export type TicketPresence = z.infer<typeof TicketPresenceSchema>;

/** The socket.io events of ticket presence, beside the sync protocol's. */
export const ticketPresenceSocketEvents = { set: 'ticketPresence.set', changed: 'ticketPresence.changed' } as const;

export const ticketPresenceMethods = {
  /** Tells colleagues which ticket this agent has open and whether they are replying; offline it is forgotten. */
  'ticketPresence.set': { input: TicketPresenceUpdateSchema, output: z.object({}).strict() },
  /** The other agents on a ticket now (without this agent); empty offline. */
  'ticketPresence.get': { input: z.object({ ticketId: z.uuid() }).strict(), output: z.array(TicketViewerSchema) },
} as const;

export const ticketPresenceEvents = {
  /** Someone opened, left or started or stopped replying on a ticket this agent has open. */
  'ticketPresence.changed': TicketPresenceSchema,
} as const;
