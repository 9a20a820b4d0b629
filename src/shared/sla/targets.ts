import type { CustomerTier, Priority } from '../domain/ticket.js';

export interface SlaTargets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

const MINUTES_PER_HOUR = 60;

/**
 * Round-the-clock targets by customer tier and priority, in the spirit of the matrices our users keep
 * ("answer premium critical within 5 minutes, standard low can wait until tomorrow"). Business
 * calendars, channels, ticket types and pauses belong to the policy engine; until a policy exists these
 * are the defaults every ticket gets.
 */
const defaultTargets: Record<CustomerTier, Record<Priority, SlaTargets>> = {
  premium: {
    critical: { firstResponseMinutes: 5, resolutionMinutes: 4 * MINUTES_PER_HOUR },
    high: { firstResponseMinutes: 15, resolutionMinutes: 8 * MINUTES_PER_HOUR },
    medium: { firstResponseMinutes: 60, resolutionMinutes: 24 * MINUTES_PER_HOUR },
    low: { firstResponseMinutes: 4 * MINUTES_PER_HOUR, resolutionMinutes: 72 * MINUTES_PER_HOUR },
  },
  standard: {
    critical: { firstResponseMinutes: 15, resolutionMinutes: 8 * MINUTES_PER_HOUR },
    high: { firstResponseMinutes: 60, resolutionMinutes: 24 * MINUTES_PER_HOUR },
    medium: { firstResponseMinutes: 4 * MINUTES_PER_HOUR, resolutionMinutes: 72 * MINUTES_PER_HOUR },
    low: { firstResponseMinutes: 24 * MINUTES_PER_HOUR, resolutionMinutes: 120 * MINUTES_PER_HOUR },
  },
};

export function targetsFor(customerTier: CustomerTier, priority: Priority): SlaTargets {
  return defaultTargets[customerTier][priority];
}

export function addMinutes(isoStart: string, minutes: number): string {
  return new Date(Date.parse(isoStart) + minutes * 60_000).toISOString();
}
