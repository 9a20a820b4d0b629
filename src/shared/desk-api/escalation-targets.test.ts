import { describe, expect, it } from 'vitest';
import { escalationTargets } from './escalation-targets.js';

const general = { id: 'general', name: 'General', tier: 1 as const };
const billing = { id: 'billing', name: 'Billing', tier: 1 as const };
const network = { id: 'network', name: 'Network', tier: 2 as const };
const backbone = { id: 'backbone', name: 'Backbone', tier: 2 as const };
const platform = { id: 'platform', name: 'Platform', tier: 3 as const };
const desk = [platform, network, general, billing, backbone];

describe('where a ticket may be escalated', () => {
  it('from tier 1: each higher tier (its first queue by name), and any other queue', () => {
    expect(escalationTargets(desk, 'general')).toEqual({
      from: general,
      tiers: [
        { tier: 2, queue: backbone },
        { tier: 3, queue: platform },
      ],
      queues: [billing, backbone, network, platform],
    });
  });

  it('from tier 2: tier 3 only; a tier-2 queue is still a queue to send it to', () => {
    const targets = escalationTargets(desk, 'network');
    expect(targets.tiers).toEqual([{ tier: 3, queue: platform }]);
    expect(targets.queues.map((queue) => queue.id)).toEqual(['billing', 'general', 'backbone', 'platform']);
  });

  it('from the top tier: no tier is higher', () => {
    expect(escalationTargets(desk, 'platform').tiers).toEqual([]);
  });
});
