import { channels, customerTiers, priorities, ticketTypes, type Channel, type CustomerTier, type Priority, type TicketType } from '../../shared/domain/ticket.js';
import type { CalendarSpecInput } from '../../shared/sla/calendar-spec.js';
import { SlaPolicySchema, type SlaPolicy } from '../../shared/sla/policy.js';

const H = 60;

/**
 * First response, in minutes, by customer tier × channel × priority: the matrix our users draw
 * ("premium critical on chat within 5 minutes; standard low by email can wait until tomorrow").
 * People on chat and phone are waiting on the line; e-mail writers expect less.
 */
export const firstResponseMatrix: Record<CustomerTier, Record<Priority, Record<Channel, number>>> = {
  premium: {
    critical: { chat: 5, phone: 5, monitoring: 5, social: 10, web: 15, email: 15 },
    high: { chat: 10, phone: 10, monitoring: 15, social: 30, web: 30, email: 1 * H },
    medium: { chat: 30, phone: 30, monitoring: 1 * H, social: 1 * H, web: 2 * H, email: 4 * H },
    low: { chat: 1 * H, phone: 1 * H, monitoring: 4 * H, social: 2 * H, web: 8 * H, email: 8 * H },
  },
  standard: {
    critical: { chat: 15, phone: 15, monitoring: 15, social: 30, web: 1 * H, email: 1 * H },
    high: { chat: 30, phone: 30, monitoring: 1 * H, social: 1 * H, web: 2 * H, email: 4 * H },
    medium: { chat: 1 * H, phone: 1 * H, monitoring: 4 * H, social: 2 * H, web: 4 * H, email: 8 * H },
    // 8 business hours on a 09:00–17:00 calendar: the next business day.
    low: { chat: 2 * H, phone: 2 * H, monitoring: 8 * H, social: 4 * H, web: 8 * H, email: 8 * H },
  },
};

/** Resolution, in minutes, by customer tier × ticket type × priority. */
export const resolutionMatrix: Record<CustomerTier, Record<TicketType, Record<Priority, number>>> = {
  premium: {
    incident: { critical: 4 * H, high: 8 * H, medium: 24 * H, low: 72 * H },
    problem: { critical: 8 * H, high: 24 * H, medium: 48 * H, low: 120 * H },
    question: { critical: 4 * H, high: 8 * H, medium: 16 * H, low: 48 * H },
    task: { critical: 8 * H, high: 24 * H, medium: 48 * H, low: 120 * H },
  },
  standard: {
    incident: { critical: 8 * H, high: 24 * H, medium: 16 * H, low: 40 * H },
    problem: { critical: 24 * H, high: 48 * H, medium: 40 * H, low: 80 * H },
    question: { critical: 8 * H, high: 24 * H, medium: 16 * H, low: 24 * H },
    task: { critical: 24 * H, high: 48 * H, medium: 40 * H, low: 80 * H },
  },
};

/** Internal updates are owed only where someone is watching the clock: critical and high. */
const periodicUpdate: Record<Priority, number | undefined> = { critical: 1 * H, high: 4 * H, medium: undefined, low: undefined };

const nineToFive: [string, string][] = [['09:00', '17:00']];

export const defaultCalendars: Record<string, CalendarSpecInput> = {
  'round-the-clock': { name: '24/7', timeZone: 'UTC', hours: '24/7' },
  'warsaw-business': {
    name: 'Warsaw business hours',
    timeZone: 'Europe/Warsaw',
    hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] },
    holidays: [
      '2026-01-01', '2026-01-06', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-03', '2026-06-04', '2026-08-15', '2026-11-01',
      '2026-11-11', '2026-12-24', '2026-12-25', '2026-12-26', { date: '2026-12-31', hours: [['09:00', '13:00']], name: "New Year's Eve" },
      '2027-01-01', '2027-01-06', '2027-03-28', '2027-03-29', '2027-05-01', '2027-05-03', '2027-05-27', '2027-08-15', '2027-11-01',
      '2027-11-11', '2027-12-24', '2027-12-25', '2027-12-26',
    ],
  },
};

const label = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The two matrices as one ordered rule list (first match wins; every combination has its rule).
 * Premium customers and urgent standard tickets run round the clock; the rest on business hours.
 * Premium contracts keep the resolution clock running while a vendor is waited on; standard pause it.
 */
export function defaultSlaPolicy(): SlaPolicy {
  const rules = customerTiers.flatMap((tier) =>
    priorities.flatMap((priority) =>
      channels.flatMap((channel) =>
        ticketTypes.map((type) => {
          const firstResponse = firstResponseMatrix[tier][priority][channel];
          const urgent = priority === 'critical' || priority === 'high';
          return {
            id: `${tier}-${priority}-${channel}-${type}`,
            name: `${label(tier)} · ${priority} · ${channel} · ${type}`,
            match: { customerTier: tier, priority, channel, type },
            targets: {
              firstResponse,
              nextReply: firstResponse * 2,
              resolution: resolutionMatrix[tier][type][priority],
              ...(periodicUpdate[priority] ? { periodicUpdate: periodicUpdate[priority] } : {}),
            },
            calendar: tier === 'premium' || urgent ? 'round-the-clock' : 'warsaw-business',
            warnAtPercent: urgent ? 60 : 75,
            pauseResolutionOnHold: tier === 'standard',
          };
        }),
      ),
    ),
  );
  return SlaPolicySchema.parse({ calendars: defaultCalendars, rules });
}
