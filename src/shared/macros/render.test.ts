import { describe, expect, it } from 'vitest';
import type { SlaSnapshot } from '../sla/snapshot.js';
import { renderMacro, type MacroContext } from './render.js';

const sla = {
  clocks: [
    { kind: 'firstResponse', dueAt: '2026-11-24T07:30:00.000Z' },
    { kind: 'resolution', dueAt: '2026-11-25T15:00:00.000Z' },
  ],
} as unknown as SlaSnapshot;

const context = (overrides: Partial<MacroContext> = {}): MacroContext => ({
  ticket: { number: 1042, subject: 'VPN drops every hour', requesterName: 'Jānis Kalniņš', sla },
  agent: { name: 'Olga Smirnova' },
  locale: 'en',
  timeZone: 'Europe/Riga',
  ...overrides,
});

describe('renderMacro', () => {
  it.each([
    ['ticket number', 'Re: ticket #{{ticket.number}}', 'Re: ticket #1042'],
    ['subject', '“{{ticket.subject}}”', '“VPN drops every hour”'],
    ['requester name', 'Dear {{requester.name}},', 'Dear Jānis Kalniņš,'],
    ['first name', 'Hi {{requester.first_name}}!', 'Hi Jānis!'],
    ['agent name', '— {{agent.name}}', '— Olga Smirnova'],
    ['spaces inside the braces', '#{{ ticket.number }}', '#1042'],
    ['the same placeholder twice', '{{agent.name}} / {{agent.name}}', 'Olga Smirnova / Olga Smirnova'],
    ['text without placeholders', 'Thanks, we are on it.', 'Thanks, we are on it.'],
    ['single braces are text', '{ticket.number}', '{ticket.number}'],
  ])('fills %s', (_case, body, text) => {
    expect(renderMacro(body, context())).toEqual({ text, unresolved: [] });
  });

  it.each([
    ['en', 'Europe/Riga', 'We will answer by Nov 24, 2026, 9:30 AM.'],
    ['pl', 'Europe/Warsaw', 'We will answer by 24 lis 2026, 08:30.'],
    ['ru', 'Europe/Riga', 'We will answer by 24 нояб. 2026 г., 09:30.'],
    ['lv', 'Europe/Riga', 'We will answer by 2026. gada 24. nov. 09:30.'],
  ])('formats the first response due time in the agent’s locale (%s) and time zone (%s)', (locale, timeZone, text) => {
    expect(renderMacro('We will answer by {{sla.first_response.due}}.', context({ locale, timeZone })).text).toBe(text);
  });

  it('formats the resolution due time in the agent’s time zone, not the machine’s', () => {
    expect(renderMacro('{{sla.resolution.due}}', context({ timeZone: 'America/New_York' })).text).toBe('Nov 25, 2026, 10:00 AM');
  });

  it.each([
    ['an unknown name', 'Hello {{customer.name}}', ['{{customer.name}}']],
    ['a typo, reported once however often it appears', '{{ticket.numbr}} {{ticket.numbr}}', ['{{ticket.numbr}}']],
    ['a known name with no value: no SLA rule matched', 'By {{sla.first_response.due}}', ['{{sla.first_response.due}}']],
  ])('leaves %s as written and reports it', (_case, body, unresolved) => {
    const noSla = context({ ticket: { number: 1042, subject: 'x', requesterName: 'Anna', sla: null } });
    const rendered = renderMacro(body, noSla);
    expect(rendered.text).toBe(body);
    expect(rendered.unresolved).toEqual(unresolved);
  });

  it('keeps the rest filled when one placeholder is unknown', () => {
    expect(renderMacro('{{requester.first_name}}, see {{kb.link}}', context())).toEqual({ text: 'Jānis, see {{kb.link}}', unresolved: ['{{kb.link}}'] });
  });
});
