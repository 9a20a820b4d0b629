import { QueueRoutingSchema } from '../../../../shared/routing/settings.js';
import { fromQueueDraft, toQueueDraft } from './queue-draft.js';

const queue = (routing: object) => ({ id: 'billing', name: 'Billing', tier: 1 as const, ...QueueRoutingSchema.parse(routing) });

describe('a queue’s settings in the form', () => {
  it('come back as they went in: hours per weekday, whole-day holidays, and holidays with hours kept as they are', () => {
    const stored = queue({
      skills: ['billing', 'vat'],
      overflowQueueId: 'general',
      calendar: {
        timeZone: 'Europe/Riga',
        hours: { mon: [['08:00', '12:00'], ['13:00', '17:00']], sat: [['10:00', '14:00']] },
        holidays: ['2026-11-18', { date: '2026-12-24', hours: [['09:00', '12:00']] }],
      },
    });
    const draft = toQueueDraft(stored, 'UTC');
    expect(draft).toMatchObject({ skills: 'billing, vat', overflowQueueId: 'general', alwaysOpen: false, timeZone: 'Europe/Riga', holidays: '2026-11-18' });
    expect(draft.hours).toMatchObject({ mon: '08:00-12:00, 13:00-17:00', sat: '10:00-14:00', sun: '' });
    expect(QueueRoutingSchema.parse(fromQueueDraft(draft))).toEqual({ skills: stored.skills, overflowQueueId: stored.overflowQueueId, calendar: stored.calendar });
  });

  it('always open without holidays is no calendar at all; the agent’s zone is offered for a new one', () => {
    const draft = toQueueDraft(queue({}), 'Europe/Warsaw');
    expect(draft).toMatchObject({ alwaysOpen: true, timeZone: 'Europe/Warsaw', holidays: '' });
    expect(fromQueueDraft(draft)).toEqual({ skills: [], calendar: null, overflowQueueId: null });
    expect(fromQueueDraft({ ...draft, holidays: '2026-12-25' }).calendar).toEqual({ timeZone: 'Europe/Warsaw', hours: '24/7', holidays: ['2026-12-25'] });
  });
});
