import type { Transaction } from 'kysely';
import { RoutingRulesSchema, type RoutingRulesInput } from '../../shared/routing/rules.js';
import { AgentRoutingSchema, QueueRoutingSchema, type AgentRoutingInput, type QueueRoutingInput } from '../../shared/routing/settings.js';
import type { Database } from '../storage/schema.js';
import { storeRules } from './rules-store.js';
import { saveAgentSettings, saveQueueSettings } from './settings-store.js';

const weekdayHours = (from: string, to: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [[from, to]]]));

/**
 * Billing answers on Polish business days (invoices wait for accountants, who keep office hours);
 * outside them billing questions overflow to General, which follows the sun. Network and Platform
 * are the tier-2 and tier-3 engineers, reached round the clock.
 */
export const demoQueueRouting: Record<string, QueueRoutingInput> = {
  general: {},
  billing: {
    skills: ['billing'],
    calendar: { name: 'Billing office hours', timeZone: 'Europe/Warsaw', hours: weekdayHours('08:00', '20:00'), holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06'] },
    overflowQueueId: 'general',
  },
  network: { skills: ['network'] },
  platform: { skills: ['platform'] },
};

/**
 * The languages each agent answers in, the queues' skills, and how much they juggle: two chats at a
 * time for most (Jānis, the senior tier-1 agent, three); engineers take no chats and more alerts.
 */
export const demoAgentRouting: Record<string, AgentRoutingInput> = {
  'u-agent': { skills: ['billing', 'polish', 'english'] },
  'u-agent2': { skills: ['latvian', 'russian', 'english'], capacity: { chat: 3 } },
  'u-agent3': { skills: ['billing', 'russian', 'latvian', 'english'], capacity: { email: 8 } },
  'u-tier2': { skills: ['network', 'polish', 'english'], capacity: { chat: 0, email: 5, monitoring: 8 } },
  'u-tier3': { skills: ['platform', 'english'], capacity: { chat: 0, phone: 1, monitoring: 10 } },
};

/**
 * What a help desk routes by first: machines' alerts by what broke, then words customers use in their
 * own language (a keyword matches the start of a word, so Polish and Russian endings need no list of
 * their own), then who the customer is. Billing questions in Russian or Latvian ask for the language.
 */
export const demoRoutingRules: RoutingRulesInput = {
  defaultQueueId: 'general',
  rules: [
    {
      id: 'alerts-network',
      name: 'Network alerts',
      match: { channel: ['monitoring'], keywords: ['packet', 'bgp', 'vpn', 'dns', 'router', 'latency'] },
      queueId: 'network',
      skills: ['network'],
    },
    { id: 'alerts-platform', name: 'Other alerts', match: { channel: ['monitoring'] }, queueId: 'platform', skills: ['platform'] },
    {
      id: 'connectivity',
      name: 'Connectivity',
      match: { keywords: ['vpn', 'dns', 'packet loss', 'router', 'firewall', 'allowlist', 'wi-fi', 'offline', 'internet', 'sieci', 'sieć', 'потер', 'сеть', 'белый список', 'savienojum', 'tīkl'] },
      queueId: 'network',
    },
    {
      id: 'platform-faults',
      name: 'Platform faults',
      match: { keywords: ['500', '502', 'bad gateway', 'api', 'webhook', 'timeout', 'times out', 'restore', 'upload', 'slow', 'status page', 'kopii zapasowej', 'wolne', 'ошибк', 'медленн', 'kļūda'] },
      queueId: 'platform',
    },
    { id: 'billing-russian', name: 'Billing in Russian', match: { keywords: ['счёт', 'оплат', 'акт сверки', 'возврат', 'юрлиц'] }, queueId: 'billing', skills: ['russian'] },
    { id: 'billing-latvian', name: 'Billing in Latvian', match: { keywords: ['rēķin', 'maksājum', 'pvn'] }, queueId: 'billing', skills: ['latvian'] },
    {
      id: 'billing',
      name: 'Billing',
      match: { keywords: ['invoice', 'refund', 'charged', 'card declined', 'billing', 'vat', 'faktur', 'opłat', 'zwrot', 'karta odrzucona', 'subskrypcj'] },
      queueId: 'billing',
    },
    {
      id: 'baltic-freight',
      name: 'Baltic Freight (premium, Riga)',
      match: { organisation: ['baltic-freight.example'], type: ['question', 'task'] },
      queueId: 'general',
      skills: ['latvian'],
    },
  ],
};

export async function seedDemoRouting(trx: Transaction<Database>, at: string): Promise<void> {
  for (const [queueId, routing] of Object.entries(demoQueueRouting)) await saveQueueSettings(trx, queueId, QueueRoutingSchema.parse(routing), at);
  for (const [userId, routing] of Object.entries(demoAgentRouting)) await saveAgentSettings(trx, userId, AgentRoutingSchema.parse(routing), at);
  await storeRules(trx, RoutingRulesSchema.parse(demoRoutingRules), { reason: 'Demo desk: alerts by what broke, keywords in four languages, billing by language', createdBy: null, createdAt: at });
}
