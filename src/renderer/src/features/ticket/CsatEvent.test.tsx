import { act, waitFor } from '@testing-library/react';
import type { TicketEvent } from '../../../../shared/domain/ticket-event.js';
import type { Locale } from '../../../../shared/domain/people.js';
import { agent, deskWith, makeTicket } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { renderFeature } from '../../testing/render.js';
import { TicketPane } from './TicketPane.js';

beforeAll(fakeModalDialogs);

/** The customer's answer as the server records it: a `csat` event with the score, its scale, the comment and the agent credited. */
const answer = (ticketId: string, data: Record<string, unknown>, at: string): TicketEvent => ({ id: crypto.randomUUID(), ticketId, kind: 'csat', at, actor: null, data });

async function csatLines(language: Locale, events: (ticketId: string) => TicketEvent[]) {
  const ticket = makeTicket({ number: 2077, status: 'solved' });
  const history = events(ticket.id);
  const desk = deskWith({ tickets: [ticket], events: history });
  const rendered = renderFeature(<TicketPane />, desk, { user: agent, language });
  act(() => rendered.services.ticketPane.getState().open(ticket.id));
  const lines = await waitFor(() => {
    const found = [...document.querySelectorAll('.thread-event[data-event-kind="csat"]')];
    if (found.length !== history.length) throw new Error('no answers yet');
    return found.map((li) => [...li.querySelectorAll('.thread-event__line')].map((line) => line.textContent));
  });
  rendered.unmount();
  return lines;
}

describe('a satisfaction answer on the ticket', () => {
  const fiveWithComment = (id: string) => [answer(id, { score: 4, scale: 'five', comment: 'Quick and kind', agentId: 'u-agent', agentName: 'Marta Nowak' }, '2026-03-02T09:00:00.000Z')];

  it.each([
    ['en', ['Customer satisfaction: 4 of 5 — “Quick and kind”', 'Credited to Marta Nowak']],
    ['pl', ['Ocena klienta: 4 z 5 — „Quick and kind”', 'Zaliczono: Marta Nowak']],
    ['ru', ['Оценка клиента: 4 из 5 — «Quick and kind»', 'Засчитано: Marta Nowak']],
    ['lv', ['Klienta vērtējums: 4 no 5 — “Quick and kind”', 'Ieskaitīts: Marta Nowak']],
  ] as const)('shows the score, the comment and the agent credited in %s', async (language, expected) => {
    expect(await csatLines(language, fiveWithComment)).toEqual([expected]);
  });

  it('says good or bad on the two-step scale, and an answer from before scales (no scale, no agent name) as five steps', async () => {
    const lines = await csatLines('en', (id) => [
      answer(id, { score: 5, scale: 'good_bad', comment: null, agentId: 'u-agent', agentName: 'Marta Nowak' }, '2026-03-02T09:00:00.000Z'),
      answer(id, { score: 1, scale: 'good_bad', comment: 'Too slow', agentId: null, agentName: null }, '2026-03-02T09:01:00.000Z'),
      answer(id, { score: 2, comment: null, agentId: 'u-agent' }, '2026-03-02T09:02:00.000Z'),
    ]);
    expect(lines).toEqual([['Customer satisfaction: good', 'Credited to Marta Nowak'], ['Customer satisfaction: bad — “Too slow”'], ['Customer satisfaction: 2 of 5']]);
  });
});
