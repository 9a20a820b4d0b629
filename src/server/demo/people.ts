import type { Locale, Role, SupportTier } from '../../shared/domain/people.js';

export const DEMO_PASSWORD = 'shiftdesk';

export interface DemoQueue {
  id: 'general' | 'billing' | 'network' | 'platform';
  name: string;
  tier: SupportTier;
}

export const demoQueues: readonly DemoQueue[] = [
  { id: 'general', name: 'General', tier: 1 },
  { id: 'billing', name: 'Billing', tier: 1 },
  { id: 'network', name: 'Network', tier: 2 },
  { id: 'platform', name: 'Platform', tier: 3 },
];

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  tier: SupportTier;
  locale: Locale;
  timeZone: string;
  queues: DemoQueue['id'][];
}

/** A follow-the-sun team: Warsaw and Riga carry the European day and evening, New York the night. */
export const demoUsers: readonly DemoUser[] = [
  { id: 'u-agent', email: 'agent@demo', name: 'Marta Nowak', role: 'agent', tier: 1, locale: 'en', timeZone: 'Europe/Warsaw', queues: ['general', 'billing'] },
  { id: 'u-agent2', email: 'agent2@demo', name: 'Jānis Bērziņš', role: 'agent', tier: 1, locale: 'lv', timeZone: 'Europe/Riga', queues: ['general'] },
  { id: 'u-agent3', email: 'agent3@demo', name: 'Olga Smirnova', role: 'agent', tier: 1, locale: 'ru', timeZone: 'Europe/Riga', queues: ['billing'] },
  { id: 'u-tier2', email: 'tier2@demo', name: 'Piotr Zieliński', role: 'agent', tier: 2, locale: 'pl', timeZone: 'Europe/Warsaw', queues: ['network'] },
  { id: 'u-tier3', email: 'tier3@demo', name: 'Sam Carter', role: 'agent', tier: 3, locale: 'en', timeZone: 'America/New_York', queues: ['platform'] },
  { id: 'u-supervisor', email: 'supervisor@demo', name: 'Ewa Wiśniewska', role: 'supervisor', tier: 3, locale: 'pl', timeZone: 'Europe/Warsaw', queues: [] },
  { id: 'u-admin', email: 'admin@demo', name: 'Alex Morgan', role: 'admin', tier: 3, locale: 'en', timeZone: 'UTC', queues: [] },
];
