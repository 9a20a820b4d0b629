import { z } from 'zod';
import { channels, type Channel } from '../domain/ticket.js';
import { BusinessCalendar } from '../sla/business-calendar.js';
import { CalendarSpecSchema, type CalendarSpec } from '../sla/calendar-spec.js';

/** A skill is a short lowercase word admins choose ("billing", "russian", "kubernetes"); agents have them, queues and rules ask for them. */
export const SkillSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N}-]{0,39}$/u, 'a skill is one word of letters, digits and hyphens, at most 40 characters');
// No transforms in these schemas: replies are encoded with them too, and zod cannot encode through one.
export const SkillListSchema = z
  .array(SkillSchema)
  .max(50)
  .refine((skills) => new Set(skills).size === skills.length, 'a skill is listed twice');

/**
 * How many tickets of each channel an agent works at once before routing passes them by. A chat needs
 * the agent now; a mail can wait a few minutes between answers. Zero: none of that channel.
 */
export const defaultCapacity: Readonly<Record<Channel, number>> = { email: 6, web: 6, chat: 2, phone: 3, social: 4, monitoring: 6 };

const SlotsSchema = z.number().int().min(0).max(100);
/** A channel left out gets its default. */
export const ChannelCapacitySchema = z
  .object(Object.fromEntries(channels.map((channel) => [channel, SlotsSchema.default(defaultCapacity[channel])])) as Record<Channel, z.ZodDefault<typeof SlotsSchema>>)
  .strict();
export type ChannelCapacity = z.output<typeof ChannelCapacitySchema>;

/** What routing knows of a queue besides its name and tier. */
export const QueueRoutingSchema = z
  .object({
    /** Every agent who takes the queue's tickets has these (a rule can ask for more). */
    skills: SkillListSchema.default([]),
    /** When the queue takes tickets; null: always. Outside it, tickets wait or overflow. The SLA calendar form. */
    calendar: CalendarSpecSchema.nullable().default(null),
    /** Where a ticket goes when nobody here can take it now and someone there can. */
    overflowQueueId: z.string().min(1).nullable().default(null),
  })
  .strict();
export type QueueRouting = z.output<typeof QueueRoutingSchema>;
export type QueueRoutingInput = z.input<typeof QueueRoutingSchema>;

export const AgentRoutingSchema = z
  .object({
    skills: SkillListSchema.default([]),
    capacity: ChannelCapacitySchema.default({ ...defaultCapacity }),
  })
  .strict();
export type AgentRouting = z.output<typeof AgentRoutingSchema>;
export type AgentRoutingInput = z.input<typeof AgentRoutingSchema>;

const calendars = new Map<string, BusinessCalendar>();

/** A queue's calendar compiled once per distinct spec: its years of open time are computed lazily and kept. */
export function queueCalendar(spec: CalendarSpec): BusinessCalendar {
  const key = JSON.stringify(spec);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = new BusinessCalendar(spec);
    calendars.set(key, calendar);
  }
  return calendar;
}

export function queueOpenAt(routing: Pick<QueueRouting, 'calendar'>, at: number): boolean {
  return routing.calendar === null || queueCalendar(routing.calendar).isOpen(at);
}

/** The first instant at or after `at` when the queue takes tickets (the instant after one open millisecond, less it). */
export function queueOpensAt(routing: Pick<QueueRouting, 'calendar'>, at: number): number {
  return routing.calendar === null ? at : queueCalendar(routing.calendar).addOpenMs(at, 1) - 1;
}
