import type { Transaction } from 'kysely';
import { EscalationPoliciesSchema, EscalationTriggersSchema, type EscalationPolicies, type EscalationTriggers } from '../../shared/escalations/settings.js';
import type { Database } from '../storage/schema.js';
import { storeDocument } from './settings-store.js';

/**
 * The demo desk's triggers, as the escalation guides we follow lay them out: severity (critical),
 * the customer's importance (premium with urgent work), broken promises (breached SLAs on urgent
 * tickets) and words that mean an outage, in the four languages customers write in. A warning rule
 * is there for admins to switch on.
 */
export const demoTriggers: EscalationTriggers = EscalationTriggersSchema.parse({
  tierQueues: { 2: 'network', 3: 'platform' },
  rules: [
    { id: 'critical-incident', name: 'Critical incident', trigger: 'critical', match: { queueTier: [1] }, target: { tier: 2 } },
    { id: 'urgent-sla-breach', name: 'SLA breached on an urgent ticket', trigger: 'sla_breach', clocks: ['firstResponse', 'resolution'], match: { priority: ['critical', 'high'] } },
    { id: 'premium-urgent', name: 'Premium customer with urgent work', trigger: 'premium', match: { priority: ['critical', 'high'], queueTier: [1] }, target: { tier: 2 } },
    {
      id: 'outage-words',
      name: 'Customer reports an outage',
      trigger: 'keyword',
      match: { queueTier: [1] },
      target: { tier: 2 },
      keywords: ['outage', 'data loss', 'security breach', 'awaria', 'utrata danych', 'wyciek danych', 'сбой', 'потеря данных', 'утечка данных', 'traucējums', 'datu zudums', 'datu noplūde'],
    },
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
  await storeDocument(trx, 'triggers', demoTriggers, null, at);
  await storeDocument(trx, 'policies', demoPolicies, null, at);
}
