import type { LocalEscalation } from '../desk-api/contract.js';
import type { Escalation, PagedTarget } from '../domain/escalation.js';
import type { Alert } from './alert.js';

/** For tests of every part: the demo desk's people as an escalation names them. */
export const people = {
  marta: { userId: 'u-agent', name: 'Marta Nowak' },
  piotr: { kind: 'user', userId: 'u-tier2', name: 'Piotr Zieliński' } satisfies PagedTarget,
  sam: { kind: 'user', userId: 'u-tier3', name: 'Sam Carter' } satisfies PagedTarget,
};

/**
 * Marta escalated #1042 to tier 2 at 02:00 UTC; Piotr, on call, is paged at level 1 of 2 and has five
 * minutes before level 2. As the server sends it; nobody has answered yet.
 */
export function makeServerEscalation(change: Partial<Escalation> = {}): Escalation {
  return {
    id: '0c6a1d2e-1111-4c4c-8c8c-2d2d2d2d2d2d',
    ticketId: '7b0f2d55-8f8e-4f57-9a53-0d6c1c8d1f3a',
    ticketNumber: 1042,
    ticketSubject: 'VPN drops every 10 minutes',
    priority: 'high',
    channel: 'chat',
    customerTier: 'premium',
    from: { tier: 1, queueId: 'general', queueName: 'General' },
    to: { tier: 2, queueId: 'network', queueName: 'Network' },
    trigger: 'manual',
    reason: 'Tunnel keeps dropping after the firmware update',
    detail: null,
    escalatedBy: people.marta,
    escalatedAt: '2026-11-24T02:00:00.000Z',
    state: 'paging',
    policyId: 'tier2',
    policyName: 'Tier 2',
    level: 1,
    levelCount: 2,
    round: 1,
    roundCount: 2,
    paged: [people.piotr],
    pages: [{ at: '2026-11-24T02:00:01.000Z', level: 1, round: 1, targets: [people.piotr] }],
    acknowledgedBy: null,
    acknowledgedAt: null,
    declines: [],
    nextTimeoutAt: '2026-11-24T02:05:01.000Z',
    updatedAt: '2026-11-24T02:00:01.000Z',
    ...change,
  };
}

/** That escalation as a console shows it, confirmed by the server (nothing of it waits in the outbox). */
export function makeEscalation(change: Partial<LocalEscalation> = {}): LocalEscalation {
  return { ...makeServerEscalation(), pending: false, acknowledgementPending: false, declinePending: false, ...change };
}

/** The page of that escalation as an alert: critical here, so it rings even off shift. */
export function makePageAlert(change: Partial<Alert> = {}): Alert {
  const escalation = makeEscalation();
  return {
    id: `page:${escalation.id}:1`,
    kind: 'page',
    at: '2026-11-24T02:00:01.000Z',
    ticketId: escalation.ticketId,
    ticketNumber: escalation.ticketNumber,
    ticketSubject: escalation.ticketSubject,
    priority: 'critical',
    channel: escalation.channel,
    customerTier: escalation.customerTier,
    escalationId: escalation.id,
    actor: people.marta.name,
    reason: 'Customer’s whole office is offline',
    ...change,
  };
}
