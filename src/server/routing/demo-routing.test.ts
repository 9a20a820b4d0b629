import { describe, expect, it } from 'vitest';
import { matchRoutingRule, RoutingRulesSchema } from '../../shared/routing/rules.js';
import { ticketTemplates } from '../demo/catalog/ticket-templates.js';
import { demoRoutingRules } from './demo-routing.js';

describe('the demo routing rules', () => {
  it('send the catalogue’s tickets, in four languages, where the catalogue files them — but for four a person would also hesitate over', () => {
    const rules = RoutingRulesSchema.parse(demoRoutingRules);
    const elsewhere = ticketTemplates.flatMap((template) => {
      const { queueId } = matchRoutingRule(rules, { ...template, customerTier: 'standard', requesterEmail: 'customer@example.com' });
      return queueId === template.queue ? [] : [`${template.subject}: ${template.queue} → ${queueId}`];
    });
    expect(elsewhere).toEqual([
      // "…will we be charged straight away or at the next invoice?"
      'How do I add a new agent seat?: general → billing',
      // "We don't want the seat refunded"
      'Remove former employee from our account: general → billing',
      // The renewal failed on its "ACME DNS challenge timeout".
      '[FIRING] TLSCertificateExpiresSoon api.shiftdesk.example (14d): platform → network',
      // No word of a fault: a question for the first line.
      'Can our data be kept in the EU only?: platform → general',
    ]);
  });

  it('ask for Russian on a Russian billing question and for Latvian on a Latvian one', () => {
    const rules = RoutingRulesSchema.parse(demoRoutingRules);
    const facts = { channel: 'email', type: 'question', priority: 'medium', customerTier: 'standard', requesterEmail: 'x@example.com' } as const;
    expect(matchRoutingRule(rules, { ...facts, subject: 'Счёт выставлен не на то юрлицо', body: '' })).toMatchObject({ queueId: 'billing', skills: ['russian'] });
    expect(matchRoutingRule(rules, { ...facts, subject: 'Rēķinā nav norādīts PVN numurs', body: '' })).toMatchObject({ queueId: 'billing', skills: ['latvian'] });
  });
});
