import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadReply } from '../../shared/api/messages.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { receiveCustomerMessage, type CustomerMessage } from './customer-intake.js';

let server: RunningTestServer;
let agentToken: string;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
  agentToken = await loginAs(server.url, 'agent@demo');
});
afterAll(() => server.stop());

async function receive(input: Partial<CustomerMessage> & Pick<CustomerMessage, 'from' | 'body'>) {
  const { context } = server;
  const outcome = await context.db.transaction().execute((trx) => receiveCustomerMessage(context, trx, { channel: 'web', subject: 'Help', acknowledge: true, ...input }));
  context.feed.committed();
  return outcome;
}

const outbound = (ticketId: string) => server.context.db.selectFrom('outbound_messages').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').execute();

describe('customer intake', () => {
  it('opens a ticket, remembers the language it was written in and acknowledges in it with the expected answer time', async () => {
    const outcome = await receive({ from: { email: 'Ilze.Berzina@Example.lv', name: 'Ilze Bērziņa' }, subject: 'Nevaru pieslēgties', body: 'Labdien! Pēc paroles maiņas nevaru pieslēgties. Lūdzu, palīdziet.' });
    expect(outcome.created).toBe(true);
    expect(outcome.ticket.requesterEmail).toBe('ilze.berzina@example.lv');
    expect(outcome.acknowledgement?.locale).toBe('lv');
    expect(outcome.acknowledgement?.body).toContain(String(outcome.ticket.number));
    const due = outcome.ticket.sla?.clocks.find((c) => c.kind === 'firstResponse')?.dueAt;
    expect(Date.parse(outcome.acknowledgement!.answerBy)).toBeLessThanOrEqual(Math.ceil(Date.parse(due!) / 300_000) * 300_000);
    const [ack] = await outbound(outcome.ticket.id);
    expect(ack).toMatchObject({ kind: outcome.acknowledgement!.kind, channel: 'email', to_address: 'ilze.berzina@example.lv', status: 'queued' });
    expect(ack!.subject).toMatch(new RegExp(`^\\[#${outcome.ticket.number}\\] Jūsu pieteikums ir saņemts`));
    expect(JSON.parse(ack!.headers_json).messageId).toMatch(/@shiftdesk\.local$/);
  });

  it('keeps a premium customer premium and a chosen language over a guessed one', async () => {
    const first = await receive({ from: { email: 'anna.kowalska@hurtownia-lux.example', name: 'Anna Kowalska' }, body: 'Hello, the invoice is wrong.' });
    expect(first.ticket.customerTier).toBe('premium');
    // The demo knows Anna writes Polish; English words alone do not change that.
    expect(first.acknowledgement?.locale).toBe('pl');
    const chosen = await receive({ from: { email: 'anna.kowalska@hurtownia-lux.example', name: 'Anna Kowalska', locale: 'en' }, body: 'Another question.' });
    expect(chosen.acknowledgement?.locale).toBe('en');
  });

  it('joins a live ticket and puts it back to work; a closed one gets a follow-up ticket', async () => {
    const opened = await receive({ from: { email: 'olga@example.ru', name: 'Ольга' }, subject: 'Не работает вход', body: 'Здравствуйте, не могу войти в систему.' });
    await server.context.tickets.change(opened.ticket.id, { actor: { userId: null, name: 'Marta' }, status: 'pending' });
    const answer = await receive({ from: { email: 'olga@example.ru', name: 'Ольга' }, body: 'Вот скриншот.', ticketId: opened.ticket.id, attachments: [{ filename: '../../etc/скрин.png', contentType: 'image/png', data: Buffer.from('png-bytes') }] });
    expect(answer.created).toBe(false);
    expect(answer.acknowledgement).toBeNull();
    expect(answer.ticket.status).toBe('open');

    const thread = await callApi<ThreadReply>(server.url, `/api/v1/tickets/${opened.ticket.number}/messages`, { token: agentToken });
    expect(thread.status).toBe(200);
    const last = thread.body.items.at(-1)!;
    expect(last.body).toBe('Вот скриншот.');
    expect(last.attachments).toHaveLength(1);
    expect(last.attachments[0]!.filename).toBe('скрин.png');
    const file = await fetch(`${server.url}${last.attachments[0]!.url}`, { headers: { authorization: `Bearer ${agentToken}` } });
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''%D1%81%D0%BA%D1%80%D0%B8%D0%BD.png");
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('png-bytes');

    await server.context.tickets.change(opened.ticket.id, { actor: { userId: null, name: 'Marta' }, status: 'closed' });
    const later = await receive({ from: { email: 'olga@example.ru', name: 'Ольга' }, body: 'Снова не работает.', ticketId: opened.ticket.id });
    expect(later.created).toBe(true);
    expect(later.ticket.id).not.toBe(opened.ticket.id);
  });

  it('refuses too many files before writing anything', async () => {
    const before = await server.context.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const files = Array.from({ length: 21 }, (_, i) => ({ filename: `f${i}.txt`, contentType: 'text/plain', data: Buffer.from('x') }));
    await expect(receive({ from: { email: 'x@example.com', name: 'X' }, body: 'files', attachments: files })).rejects.toThrow(/too many attachments/);
    const after = await server.context.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('customer notices', () => {
  it('mails public replies threaded to the customer, never internal notes, and says when a ticket waits on them or is solved', async () => {
    const opened = await receive({ from: { email: 'piotr@example.pl', name: 'Piotr' }, subject: 'Faktura', body: 'Dzień dobry, faktura ma błędną kwotę. Proszę o korektę.' });
    const agent = { userId: null, name: 'Marta Nowak' };
    await server.context.tickets.change(opened.ticket.id, { actor: agent, message: { body: 'Internal: check billing run', isPublic: false, authorKind: 'agent' } });
    await server.context.tickets.change(opened.ticket.id, { actor: agent, message: { body: 'Korekta jest w przygotowaniu.', isPublic: true, authorKind: 'agent' }, status: 'pending' });
    await server.context.tickets.change(opened.ticket.id, { actor: agent, status: 'solved' });
    const sent = await outbound(opened.ticket.id);
    expect(sent[0]!.kind).toMatch(/^ack\./);
    expect(sent.slice(1).map((m) => m.kind)).toEqual(['reply', 'status.solved']);
    const reply = sent.find((m) => m.kind === 'reply')!;
    expect(reply.body).toContain('Korekta jest w przygotowaniu.');
    expect(reply.body).not.toContain('Internal');
    expect(reply.subject).toBe(`[#${opened.ticket.number}] Re: Faktura`);
    const ackId = JSON.parse(sent[0]!.headers_json).messageId as string;
    const headers = JSON.parse(reply.headers_json) as { inReplyTo: string; references: string[]; fromName: string };
    expect(headers.inReplyTo).toBe(ackId);
    expect(headers.references).toContain(ackId);
    expect(headers.fromName).toBe('Marta Nowak');
    const solved = sent.find((m) => m.kind === 'status.solved')!;
    expect(solved.body).toContain(server.context.links.surveyUrl(opened.ticket.id));
    expect(solved.subject).toContain('Rozwiązane');
  });

  it('tells the customer a ticket waits on them when the status changes without a reply', async () => {
    const opened = await receive({ from: { email: 'tom@example.com', name: 'Tom' }, body: 'The export fails.', acknowledge: false });
    await server.context.tickets.change(opened.ticket.id, { actor: { userId: null, name: 'Marta' }, status: 'pending' });
    expect((await outbound(opened.ticket.id)).map((m) => m.kind)).toEqual(['status.pending']);
  });
});
