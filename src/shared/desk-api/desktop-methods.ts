import { z } from 'zod';

/** A ticket's number as people say it and links carry it ("ticket 1042"); ids stay internal. */
export const TicketNumberSchema = z.number().int().positive().max(2_147_483_647);

/** What the tray's badge shows: the agent's own unsolved tickets, and those of them whose SLA is in warning or breached. */
export const MyTicketCountsSchema = z.object({
  open: z.number().int().nonnegative(),
  atRisk: z.number().int().nonnegative(),
});
export type MyTicketCounts = z.infer<typeof MyTicketCountsSchema>;

/** The desktop shell's needs from the core: the tray's counts and finding a linked ticket; from the replica, so offline too. */
export const desktopMethods = {
  'desk.myCounts': { input: z.object({}).strict(), output: MyTicketCountsSchema },
  /** The ticket with this number if it is in this agent's replica (their queues), else null. */
  'tickets.byNumber': { input: z.object({ number: TicketNumberSchema }).strict(), output: z.object({ id: z.string() }).nullable() },
} as const;

export const desktopEvents = {
  /** The agent's counts changed (a ticket changed, or an SLA crossed its warning or due time). */
  'desk.countsChanged': MyTicketCountsSchema,
  /** Sent by the desktop shell: a `shiftdesk://ticket/<number>` link was opened; the console shows that ticket. */
  'desk.openTicket': z.object({ number: TicketNumberSchema }),
  /** Sent by the desktop shell: a new version is downloaded and will be installed when the app quits. */
  'desk.updateReady': z.object({ version: z.string().min(1).max(64) }),
} as const;
