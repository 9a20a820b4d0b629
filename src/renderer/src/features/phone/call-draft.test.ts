import { makeTicket } from '../../testing/fake-desk.js';
import { createI18n } from '../../i18n.js';
import { callFromDraft, emptyCallDraft, formatDuration, parseDuration, type CallDraft } from './call-draft.js';

const open = makeTicket({ number: 1042, status: 'open' });
const closed = makeTicket({ number: 1043, status: 'closed' });
const findTicket = (number: number) => [open, closed].find((ticket) => ticket.number === number) ?? null;

const filled: CallDraft = {
  ...emptyCallDraft,
  callerName: ' Anna Kowalska ',
  callerPhone: '+48 22 123 45 67',
  subject: 'Invoice shows the wrong VAT number',
  notes: 'Sent the correction form while on the line.',
  duration: '4:32',
  outcome: 'resolved',
};

describe('call durations', () => {
  it('reads minutes:seconds, hours:minutes:seconds and whole minutes', () => {
    expect(['4:32', '0:07', '12', '1:02:03', ' 90:00 '].map(parseDuration)).toEqual([272, 7, 720, 3723, 5400]);
  });

  it('refuses what is not a duration, or longer than a day', () => {
    expect(['', '4:5', '4:60', '4.32', 'abc', '1:2:3:4', '-1', '25:00:00'].map(parseDuration)).toEqual([null, null, null, null, null, null, null, null]);
  });

  it('writes them back as the agent reads them', () => {
    expect([272, 7, 0, 3723].map(formatDuration)).toEqual(['4:32', '0:07', '0:00', '1:02:03']);
  });
});

describe('a call from the draft', () => {
  it('opens a new ticket in the chosen (or first) queue, with trimmed fields', () => {
    expect(callFromDraft(filled, findTicket, 'q-tier1')).toEqual({
      call: { callerName: 'Anna Kowalska', callerPhone: '+48 22 123 45 67', subject: filled.subject, notes: filled.notes, durationSeconds: 272, outcome: 'resolved', priority: 'medium', queueId: 'q-tier1' },
    });
    expect(callFromDraft({ ...filled, queueId: 'q-tier2', callerEmail: ' anna@example.com ' }, findTicket, 'q-tier1')).toMatchObject({ call: { queueId: 'q-tier2', callerEmail: 'anna@example.com' } });
  });

  it('on an existing ticket (by number, with or without #) carries none of a new ticket’s fields', () => {
    expect(callFromDraft({ ...filled, ticketNumber: '#1042', callerEmail: 'anna@example.com' }, findTicket, 'q-tier1')).toEqual({
      call: { ticketId: open.id, callerName: 'Anna Kowalska', callerPhone: '+48 22 123 45 67', notes: filled.notes, durationSeconds: 272, outcome: 'resolved' },
    });
  });

  it('names every field to fix, in the order of the form', () => {
    expect(callFromDraft({ ...emptyCallDraft, callerPhone: 'withheld', callerEmail: 'anna@' }, findTicket, 'q-tier1')).toEqual({
      problems: [{ field: 'callerName' }, { field: 'callerPhone' }, { field: 'callerEmail' }, { field: 'subject' }, { field: 'notes' }, { field: 'duration' }],
    });
  });

  it('says why a ticket number will not do: not a number, not in the agent’s queues, or closed', () => {
    const problemsWith = (ticketNumber: string) => {
      const result = callFromDraft({ ...filled, ticketNumber }, findTicket, null);
      return 'problems' in result ? result.problems : [];
    };
    expect(problemsWith('10a')).toEqual([{ field: 'ticketNumber' }]);
    expect(problemsWith('999')).toEqual([{ field: 'ticketNumber', reason: 'notFound' }]);
    expect(problemsWith('1043')).toEqual([{ field: 'ticketNumber', reason: 'closed' }]);
  });
});

describe('phone strings', () => {
  it('count calls waiting to send in each language’s plural forms', () => {
    const waiting = (language: 'en' | 'pl' | 'ru' | 'lv', count: number) => createI18n(language).t('phone:waiting', { count });
    expect([1, 2].map((n) => waiting('en', n))).toEqual(['1 call waiting to send', '2 calls waiting to send']);
    expect([1, 2, 5, 22].map((n) => waiting('pl', n))).toEqual(['1 rozmowa czeka na wysłanie', '2 rozmowy czekają na wysłanie', '5 rozmów czeka na wysłanie', '22 rozmowy czekają na wysłanie']);
    expect([1, 3, 5, 21].map((n) => waiting('ru', n))).toEqual(['1 звонок ждёт отправки', '3 звонка ждут отправки', '5 звонков ждут отправки', '21 звонок ждёт отправки']);
    expect([0, 1, 2, 21].map((n) => waiting('lv', n))).toEqual(['0 zvanu gaida nosūtīšanu', '1 zvans gaida nosūtīšanu', '2 zvani gaida nosūtīšanu', '21 zvans gaida nosūtīšanu']);
  });
});
