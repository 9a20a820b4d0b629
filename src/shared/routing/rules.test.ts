import { describe, expect, it } from 'vitest';
import { findKeyword, matchRoutingRule, RoutingRulesSchema, type RoutingFacts, type RoutingRulesInput } from './rules.js';

const document = RoutingRulesSchema.parse({
  defaultQueueId: 'general',
  rules: [
    { id: 'alerts-network', name: 'Network alerts', match: { channel: ['monitoring'], keywords: ['bgp', 'vpn'] }, queueId: 'network', skills: ['network'] },
    { id: 'alerts', name: 'Other alerts', match: { channel: ['monitoring'] }, queueId: 'platform' },
    { id: 'nordbank', name: 'Nordbank', match: { organisation: ['nordbank.lv'], priority: ['critical', 'high'] }, queueId: 'network' },
    { id: 'billing-ru', name: 'Billing in Russian', match: { keywords: ['счёт', 'оплат'] }, queueId: 'billing', skills: ['russian'] },
    { id: 'billing', name: 'Billing', match: { keywords: ['invoice', 'faktur', 'rēķin'], type: ['question', 'task'] }, queueId: 'billing' },
    { id: 'premium-incidents', name: 'Premium incidents', match: { customerTier: ['premium'], type: ['incident'] }, queueId: 'network' },
  ],
} satisfies RoutingRulesInput);

const ticket = (facts: Partial<RoutingFacts>): RoutingFacts => ({
  channel: 'email',
  type: 'question',
  priority: 'medium',
  customerTier: 'standard',
  requesterEmail: 'anna@example.com',
  subject: 'Hello',
  body: 'A question',
  ...facts,
});

describe('which rule a new ticket matches', () => {
  it.each<{ case: string; facts: Partial<RoutingFacts>; rule: string | null; queueId: string; skills: string[] }>([
    { case: 'an alert about a VPN: the first rule', facts: { channel: 'monitoring', subject: 'VPN tunnel down' }, rule: 'alerts-network', queueId: 'network', skills: ['network'] },
    { case: 'any other alert: the next rule', facts: { channel: 'monitoring', subject: 'Disk full on db-3' }, rule: 'alerts', queueId: 'platform', skills: [] },
    { case: 'a critical ticket from the organisation’s domain', facts: { requesterEmail: 'ops@nordbank.lv', priority: 'critical' }, rule: 'nordbank', queueId: 'network', skills: [] },
    { case: 'the organisation’s subdomain is the organisation', facts: { requesterEmail: 'it@riga.nordbank.lv', priority: 'high' }, rule: 'nordbank', queueId: 'network', skills: [] },
    { case: 'a domain that merely ends the same is not', facts: { requesterEmail: 'x@notnordbank.lv', priority: 'high' }, rule: null, queueId: 'general', skills: [] },
    { case: 'the organisation, but a medium ticket: not that rule', facts: { requesterEmail: 'ops@nordbank.lv' }, rule: null, queueId: 'general', skills: [] },
    { case: 'a keyword in the body', facts: { body: 'Please resend the invoice for May' }, rule: 'billing', queueId: 'billing', skills: [] },
    { case: 'a keyword begins an inflected word (fakturę)', facts: { subject: 'Brak faktury', body: 'Proszę o fakturę korygującą' }, rule: 'billing', queueId: 'billing', skills: [] },
    { case: 'keywords ignore case', facts: { subject: 'INVOICE missing' }, rule: 'billing', queueId: 'billing', skills: [] },
    { case: 'a keyword inside a word does not count', facts: { body: 'our reinvoiced items' }, rule: null, queueId: 'general', skills: [] },
    { case: 'Latvian keyword with its diacritics', facts: { body: 'Kur ir mans rēķins?' }, rule: 'billing', queueId: 'billing', skills: [] },
    { case: 'Russian keyword typed with е for ё', facts: { body: 'Пришлите, пожалуйста, счет за март' }, rule: 'billing-ru', queueId: 'billing', skills: ['russian'] },
    { case: 'the keyword matches but the type does not', facts: { body: 'invoice page crashes', type: 'incident' }, rule: null, queueId: 'general', skills: [] },
    { case: 'a premium incident', facts: { customerTier: 'premium', type: 'incident' }, rule: 'premium-incidents', queueId: 'network', skills: [] },
    { case: 'nothing matches: the default queue', facts: {}, rule: null, queueId: 'general', skills: [] },
  ])('$case', ({ facts, rule, queueId, skills }) => {
    const match = matchRoutingRule(document, ticket(facts));
    expect(match.rule?.id ?? null).toBe(rule);
    expect(match.queueId).toBe(queueId);
    expect(match.skills).toEqual(skills);
  });

  it('says why the rule matched and why each rule before it did not', () => {
    const match = matchRoutingRule(document, ticket({ subject: 'Faktura', body: 'Where is it?', requesterEmail: 'a@nordbank.lv' }));
    expect(match.rule?.id).toBe('billing');
    expect(match.reasons).toEqual([
      { field: 'type', value: 'question', oneOf: ['question', 'task'] },
      { field: 'keywords', value: 'faktur', oneOf: ['invoice', 'faktur', 'rēķin'] },
    ]);
    expect(match.skipped).toEqual([
      { ruleId: 'alerts-network', field: 'channel', value: 'email' },
      { ruleId: 'alerts', field: 'channel', value: 'email' },
      { ruleId: 'nordbank', field: 'priority', value: 'medium' },
      { ruleId: 'billing-ru', field: 'keywords', value: '' },
    ]);
  });

  it('an empty rule matches every ticket', () => {
    const catchAll = RoutingRulesSchema.parse({ defaultQueueId: 'general', rules: [{ id: 'all', name: 'All', queueId: 'billing' }] });
    expect(matchRoutingRule(catchAll, ticket({})).rule?.id).toBe('all');
  });
});

describe('keywords', () => {
  it('match phrases and punctuation as written', () => {
    expect(findKeyword('We see packet loss since 9:00', ['packet loss'])).toBe('packet loss');
    expect(findKeyword('error (5xx) on API', ['5xx'])).toBe('5xx');
    expect(findKeyword('a+b', ['a+b'])).toBe('a+b');
  });
});

describe('the rules document', () => {
  const refusal = (input: unknown) => {
    const result = RoutingRulesSchema.safeParse(input);
    return result.success ? null : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('refuses two rules with one id, naming the second', () => {
    expect(refusal({ defaultQueueId: 'general', rules: [{ id: 'a', name: 'A', queueId: 'x' }, { id: 'a', name: 'B', queueId: 'y' }] })).toEqual(['rules.1.id: duplicate rule id "a"']);
  });

  it('refuses an empty list in a match, a skill with spaces and a domain that is not one', () => {
    expect(refusal({ defaultQueueId: 'general', rules: [{ id: 'a', name: 'A', queueId: 'x', match: { channel: [] } }] })?.[0]).toMatch(/^rules\.0\.match\.channel: at least one value/);
    expect(refusal({ defaultQueueId: 'general', rules: [{ id: 'a', name: 'A', queueId: 'x', skills: ['two words'] }] })?.[0]).toMatch(/^rules\.0\.skills\.0: a skill is one word/);
    expect(refusal({ defaultQueueId: 'general', rules: [{ id: 'a', name: 'A', queueId: 'x', match: { organisation: ['not a domain'] } }] })?.[0]).toMatch(/^rules\.0\.match\.organisation\.0: an e-mail domain/);
    expect(refusal({ defaultQueueId: 'general', rules: [{ id: 'a', name: 'A', queueId: 'x', match: { unknown: ['y'] } }] })?.[0]).toMatch(/^rules\.0\.match: /);
  });

  it('keeps domains and skills in lower case, and refuses a skill listed twice or an address for a domain', () => {
    const parsed = RoutingRulesSchema.parse({ defaultQueueId: 'g', rules: [{ id: 'a', name: 'A', queueId: 'x', skills: [' Billing'], match: { organisation: ['NordBank.LV'] } }] });
    expect(parsed.rules[0]!.skills).toEqual(['billing']);
    expect(parsed.rules[0]!.match.organisation).toEqual(['nordbank.lv']);
    expect(refusal({ defaultQueueId: 'g', rules: [{ id: 'a', name: 'A', queueId: 'x', skills: ['billing', 'Billing'] }] })).toEqual(['rules.0.skills: a skill is listed twice']);
    expect(refusal({ defaultQueueId: 'g', rules: [{ id: 'a', name: 'A', queueId: 'x', match: { organisation: ['ops@nordbank.lv'] } }] })?.[0]).toMatch(/^rules\.0\.match\.organisation\.0: an e-mail domain/);
  });
});
