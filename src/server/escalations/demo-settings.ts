import type { Transaction } from 'kysely';
import { EscalationPoliciesSchema, EscalationTriggersSchema, type EscalationPolicies, type EscalationTriggers } from '../../shared/escalations/settings.js';
import type { Database } from '../storage/schema.js';
import { storeDocument } from './settings-store.js';

/**
 * The demo desk's triggers, as the escalation guides we follow lay them out: severity, the customer's
 * importance, broken promises and words that mean an outage. Switched on: a critical alert from
 * monitoring goes straight to the network engineers, and a customer who reports an outage (in any of
 * the four languages) reaches tier 2. Written but switched off, for admins to turn on: every critical
 * ticket, premium customers' urgent work, breached SLAs on urgent tickets (the demo's history leaves
 * many unanswered tickets hours old, which would all go up a tier in the first hour), and a warning
 * before a premium first response breaches.
 */
export const demoTriggers: EscalationTriggers = EscalationTriggersSchema.parse({
  tierQueues: { 2: 'network', 3: 'platform' },
  rules: [
    { id: 'critical-alert', name: 'Critical alert from monitoring', trigger: 'critical', match: { channel: ['monitoring'], queueTier: [1] }, target: { tier: 2 } },
    {
      id: 'outage-words',
      name: 'Customer reports an outage',
      trigger: 'keyword',
      match: { queueTier: [1] },
      target: { tier: 2 },
      keywords: ['outage', 'data loss', 'security breach', 'awaria', 'utrata danych', 'wyciek danych', 'сбой', 'потеря данных', 'утечка данных', 'traucējums', 'datu zudums', 'datu noplūde'],
    },
    { id: 'critical-incident', name: 'Critical incident', trigger: 'critical', enabled: false, match: { queueTier: [1] }, target: { tier: 2 } },
    { id: 'urgent-sla-breach', name: 'SLA breached on an urgent ticket', trigger: 'sla_breach', enabled: false, clocks: ['firstResponse', 'resolution'], match: { priority: ['critical', 'high'] } },
    { id: 'premium-urgent', name: 'Premium customer with urgent work', trigger: 'premium', enabled: false, match: { priority: ['critical', 'high'], queueTier: [1] }, target: { tier: 2 } },
    { id: 'premium-first-response-warning', name: 'Premium first response about to breach', trigger: 'sla_warning', enabled: false, clocks: ['firstResponse'], match: { customerTier: ['premium'], queueTier: [1] } },
  ],
});

/**
 * Tier 2: the on-call engineer, then everyone on shift in Network, then the supervisor; twice round.
 * Tier 3 likewise, with the hosting vendor's support desk mailed (and the supervisor paged) last.
 */
export const demoPolicies: EscalationPolicies = EscalationPoliciesSchema.parse({
  policies: [
    {
      id: 'tier2-network',
      name: 'Tier 2 — Network',
      queueIds: ['network'],
      repeat: 1,
      levels: [
        { targets: [{ kind: 'onCall', rotationId: 'tier2-on-call' }], ackTimeoutMinutes: 5 },
        { targets: [{ kind: 'queue', queueId: 'network' }], ackTimeoutMinutes: 10 },
        { targets: [{ kind: 'users', userIds: ['u-supervisor'] }], ackTimeoutMinutes: 15 },
      ],
    },
    {
      id: 'tier3-platform',
      name: 'Tier 3 — Platform',
      queueIds: ['platform'],
      repeat: 1,
      levels: [
        { targets: [{ kind: 'onCall', rotationId: 'tier3-on-call' }], ackTimeoutMinutes: 10 },
        { targets: [{ kind: 'queue', queueId: 'platform' }], ackTimeoutMinutes: 15 },
        {
          targets: [
            { kind: 'vendor', name: 'Northwind Hosting', email: 'noc@northwind-hosting.example', locale: 'en' },
            { kind: 'users', userIds: ['u-supervisor'] },
          ],
          ackTimeoutMinutes: 30,
        },
      ],
    },
  ],
});

export async function seedEscalationSettings(trx: Transaction<Database>, at: string): Promise<void> {
  await storeDocument(trx, { kind: 'triggers', document: demoTriggers }, null, at);
  await storeDocument(trx, { kind: 'policies', document: demoPolicies }, null, at);
}
