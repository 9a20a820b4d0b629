import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatStats } from '../../shared/chat/protocol.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { steppingClock } from '../testing/test-clock.js';
import { accepted, TestVisitor } from '../testing/test-chat.js';
import { ABANDONED_AFTER_MS } from './sessions.js';

// A Tuesday, 11:00 in Warsaw: the desk is open.
const clock = steppingClock(Date.parse('2026-11-24T10:00:00Z'));
let server: RunningTestServer;
const visitors: TestVisitor[] = [];

async function visitor(): Promise<TestVisitor> {
  const opened = await TestVisitor.connect(server.url);
  visitors.push(opened);
  return opened;
}

async function chatting(start: Partial<Parameters<TestVisitor['start']>[0]> = {}) {
  const widget = await visitor();
  const session = accepted(await widget.start({ name: 'Anna Kowalska', email: `anna.${randomUUID().slice(0, 8)}@example.com`, locale: 'en', ...start }));
  return { widget, session };
}

const ticketOf = async (number: number) => server.context.db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
const messagesOf = (ticketId: string) => server.context.db.selectFrom('messages').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').execute();
const counts = async () => ({
  sessions: Number((await server.context.db.selectFrom('chat_sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  lines: Number((await server.context.db.selectFrom('chat_lines').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
});

beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
});
afterAll(async () => {
  for (const widget of visitors) widget.close();
  await server.stop();
});

describe('live chat with the assistant', () => {
  it('greets, offers matching articles, and counts a chat the articles resolved', async () => {
    const { widget, session } = await chatting();
    expect(session.state).toBe('bot');
    expect(session.lines).toEqual([expect.objectContaining({ author: 'bot', name: 'Assistant', text: expect.stringContaining('Hello Anna Kowalska') })]);
    expect(session.lines[0]!.text).not.toContain('away right now');

    const offer = accepted(await widget.say('I forgot my password'));
    expect(offer.awaitingFeedback).toBe(true);
    expect(offer.lines.map((l) => l.author)).toEqual(['visitor', 'bot', 'bot']);
    const articles = offer.lines[1]!.articles!;
    expect(articles.length).toBeGreaterThan(0);
    expect(articles.length).toBeLessThanOrEqual(3);
    expect(articles[0]!.title).toMatch(/password/i);
    expect(articles[0]!.url).toBe(`/portal/kb/${articles[0]!.id}`);
    expect(offer.lines[2]!.text).toBe('Did this solve your problem?');

    const resolved = accepted(await widget.act('solved'));
    expect(resolved.state).toBe('closed');
    expect(resolved.lines.map((l) => [l.author, l.text])).toEqual([
      ['visitor', 'Yes, that solved it.'],
      ['bot', expect.stringContaining('Glad I could help')],
    ]);
    const row = await server.context.db.selectFrom('chat_sessions').selectAll().where('ticket_id', 'is', null).where('outcome', '=', 'bot_resolved').executeTakeFirst();
    expect(row?.state).toBe('closed');
    // A closed chat takes no more lines.
    expect(await widget.say('one more thing')).toMatchObject({ ok: false, error: { code: 'closed' } });
  });

  it('hands over when asked, with the whole conversation on a chat ticket and the acknowledgement in the widget', async () => {
    const { widget } = await chatting();
    accepted(await widget.say('My VPN keeps disconnecting'));
    const handover = accepted(await widget.say('I would like to talk to a human, please'));
    expect(handover.state).toBe('human');
    expect(handover.ticketNumber).toEqual(expect.any(Number));
    expect(handover.lines.at(-1)!.text).toContain('passing you to a person');

    const ticket = await ticketOf(handover.ticketNumber!);
    expect(ticket).toMatchObject({ channel: 'chat', priority: 'medium', subject: 'My VPN keeps disconnecting', requester_name: 'Anna Kowalska' });
    const [first, note] = await messagesOf(ticket.id);
    expect(first!.author_kind).toBe('customer');
    for (const said of ['Anna Kowalska: My VPN keeps disconnecting', 'Assistant: These articles may help:', 'VPN keeps disconnecting: http', 'Did this solve your problem?', 'talk to a human', 'passing you to a person']) {
      expect(first!.body).toContain(said);
    }
    expect(note).toMatchObject({ is_public: 0, author_kind: 'system', body: expect.stringContaining('asked for a person') });

    const ack = await widget.lineWhere((line) => line.author === 'system');
    expect(ack.text).toContain(String(ticket.number));
    expect(ack.text).toContain('Expect an answer by');

    // Later lines join the ticket as the customer's messages.
    accepted(await widget.say('It drops every ten minutes'));
    expect((await messagesOf(ticket.id)).at(-1)).toMatchObject({ author_kind: 'customer', body: 'It drops every ten minutes' });
  });

  it('hands over at once, as a critical incident, for urgent words in any language', async () => {
    const { widget } = await chatting({ locale: 'ru' });
    const handover = accepted(await widget.say('Срочно! Сайт не работает'));
    expect(handover.state).toBe('human');
    expect(handover.lines.map((l) => l.author)).toEqual(['visitor', 'bot']);
    expect(handover.lines[1]!.text).toBe('Похоже, это срочно. Сразу передаю вас сотруднику.');
    const ticket = await ticketOf(handover.ticketNumber!);
    expect(ticket).toMatchObject({ channel: 'chat', priority: 'critical', type: 'incident' });
    expect((await server.context.db.selectFrom('chat_sessions').select('handover_reason').where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow()).handover_reason).toBe('critical');
  });

  it('hands over when no article matches well enough, and after a No', async () => {
    const first = await chatting();
    const unmatched = accepted(await first.widget.say('My printer is on fire'));
    expect(unmatched.state).toBe('human');
    expect(unmatched.lines[1]!.text).toContain('could not find an answer');

    const second = await chatting({ locale: 'pl' });
    accepted(await second.widget.say('Gdzie jest faktura?'));
    const refused = accepted(await second.widget.act('not_solved'));
    expect(refused.state).toBe('human');
    expect(refused.lines.map((l) => l.text)).toEqual(['Nie, to nie pomogło.', 'Przykro mi, że to nie pomogło. Przekazuję rozmowę konsultantowi.']);
  });

  it('asks for the problem when the visitor only says hello', async () => {
    const { widget } = await chatting();
    const asked = accepted(await widget.say('Hello?'));
    expect(asked.state).toBe('bot');
    expect(asked.lines[1]!.text).toBe('Could you describe the problem in a few words?');
  });

  it('shows an agent’s reply in the open widget at once, under the agent’s name', async () => {
    const { widget } = await chatting();
    const handover = accepted(await widget.act('human'));
    const ticket = await ticketOf(handover.ticketNumber!);
    await server.context.tickets.change(ticket.id, { actor: { userId: 'u-agent', name: 'Marta Nowak' }, message: { body: 'Hi Anna, let us look at it together.', isPublic: true, authorKind: 'agent' } });
    const reply = await widget.lineWhere((line) => line.author === 'agent');
    expect(reply).toMatchObject({ name: 'Marta Nowak', text: 'Hi Anna, let us look at it together.' });
    // Shown live, so no email went out for it.
    const mail = await server.context.db.selectFrom('outbound_messages').select('kind').where('ticket_id', '=', ticket.id).where('channel', '=', 'email').execute();
    expect(mail).toEqual([]);
  });

  it('offers the satisfaction survey in the conversation when the chat’s ticket is solved, and takes the answer once', async () => {
    const { widget, session } = await chatting();
    const handover = accepted(await widget.act('human'));
    const ticket = await ticketOf(handover.ticketNumber!);
    const agent = await loginAs(server.url, 'agent@demo');
    expect((await callApi(server.url, `/api/v1/tickets/${ticket.id}`, { method: 'PATCH', token: agent, body: { assigneeId: 'u-agent', status: 'solved' } })).status).toBe(200);

    const offer = await widget.lineWhere((line) => line.survey !== undefined);
    expect(offer).toMatchObject({ author: 'system', text: expect.stringContaining('marked request'), survey: { url: server.context.links.surveyUrl(ticket.id) } });
    // The button carries the address; the template's written-out link is not repeated above it.
    expect(offer.text).not.toContain('/portal/survey/');
    expect(offer.text.endsWith('How did we do?')).toBe(true);
    // Shown live, so it did not go by email as well; and a visitor who comes back still has it.
    expect(await server.context.db.selectFrom('outbound_messages').select('kind').where('ticket_id', '=', ticket.id).where('channel', '=', 'email').execute()).toEqual([]);
    const back = await visitor();
    expect(accepted(await back.resume(session.token)).lines.filter((line) => line.survey)).toEqual([offer]);

    const url = new URL(offer.survey!.url);
    expect((await fetch(`${server.url}${url.pathname}${url.search}`)).status).toBe(200);
    const answer = (score: string) =>
      fetch(`${server.url}${url.pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: url.searchParams.get('token')!, score }) });
    expect((await answer('5')).status).toBe(200);
    expect((await answer('1')).status).toBe(409);
    const stored = await server.context.db.selectFrom('csat_answers').selectAll().where('ticket_id', '=', ticket.id).execute();
    expect(stored).toEqual([expect.objectContaining({ score: 5, agent_id: 'u-agent' })]);
  });

  it('sends the reply by email, in the customer’s language, when the widget is gone', async () => {
    const { widget, session } = await chatting({ locale: 'pl', email: 'jan.nowak@example.pl', name: 'Jan Nowak' });
    const handover = accepted(await widget.say('Chcę porozmawiać z konsultantem'));
    await widget.lineWhere((line) => line.author === 'system');
    widget.close();
    const ticket = await ticketOf(handover.ticketNumber!);
    await server.context.tickets.change(ticket.id, { actor: { userId: 'u-agent', name: 'Marta Nowak' }, message: { body: 'Proszę zrestartować router.', isPublic: true, authorKind: 'agent' } });

    const mail = await waitFor(() => server.context.db.selectFrom('outbound_messages').selectAll().where('ticket_id', '=', ticket.id).where('channel', '=', 'email').executeTakeFirst());
    expect(mail).toMatchObject({ kind: 'chat.fallback', to_address: 'jan.nowak@example.pl', status: 'queued' });
    expect(mail.subject).toBe(`[#${ticket.number}] Odpowiedź na czat: Chcę porozmawiać z konsultantem`);
    expect(mail.body).toContain('Dzień dobry Jan Nowak');
    expect(mail.body).toContain('Proszę zrestartować router.');
    expect(mail.body).toContain('Marta Nowak');
    expect(JSON.parse(mail.headers_json)).toMatchObject({ fromName: 'Marta Nowak' });

    // The reply is in the chat too, for when they come back.
    const back = await visitor();
    const resumed = accepted(await back.resume(session.token));
    expect(resumed.lines.at(-1)).toMatchObject({ author: 'agent', text: 'Proszę zrestartować router.' });
  });

  it('gives up on an answer for a visitor who left no email', async () => {
    const { widget } = await chatting({ email: '' });
    const handover = accepted(await widget.act('human'));
    widget.close();
    const ticket = await ticketOf(handover.ticketNumber!);
    expect(ticket.requester_email).toMatch(/^chat-.*@shiftdesk\.invalid$/);
    await server.context.tickets.change(ticket.id, { actor: { userId: 'u-agent', name: 'Marta Nowak' }, message: { body: 'Are you still there?', isPublic: true, authorKind: 'agent' } });
    const failed = await waitFor(() =>
      server.context.db.selectFrom('outbound_messages').selectAll().where('ticket_id', '=', ticket.id).where('kind', '=', 'reply').where('status', '=', 'failed').executeTakeFirst(),
    );
    expect(failed.last_error).toContain('no email address');
  });

  it('resumes a chat on a new connection with its token', async () => {
    const { widget, session } = await chatting();
    accepted(await widget.say('How do I download my invoice?'));
    widget.close();

    const again = await visitor();
    const resumed = accepted(await again.resume(session.token));
    expect(resumed.lines.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(resumed.awaitingFeedback).toBe(true);
    expect(accepted(await again.act('solved')).state).toBe('closed');
    expect(await again.resume('x'.repeat(43))).toMatchObject({ ok: false, error: { code: 'unknown_session' } });
  });

  it('stores a message sent twice (a lost acknowledgement) once', async () => {
    const { widget } = await chatting();
    const id = randomUUID();
    const once = accepted(await widget.say('Webhooks are not arriving', id));
    const twice = accepted(await widget.say('Webhooks are not arriving', id));
    expect(twice.lines).toEqual(once.lines);
    const before = await counts();
    accepted(await widget.say('Webhooks are not arriving', id));
    expect(await counts()).toEqual(before);
  });

  it('refuses malformed, premature and oversized messages and writes nothing', async () => {
    const stranger = await visitor();
    const before = await counts();
    expect(await stranger.say('hello')).toMatchObject({ ok: false, error: { code: 'no_session' } });
    expect(await stranger.start({ name: '', email: 'x', locale: 'en' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await stranger.start({ name: 'Eve', locale: 'de' } as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await counts()).toEqual(before);

    const { widget } = await chatting();
    const started = await counts();
    expect(await widget.say('x'.repeat(2001))).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('text') } });
    expect(await widget.socket.timeout(5000).emitWithAck('chat:say', { text: 'no id' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await widget.socket.timeout(5000).emitWithAck('chat:say', { id: randomUUID(), text: 'hi', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await widget.act('solved')).toMatchObject({ ok: false, error: { code: 'not_expected' } });
    expect(await counts()).toEqual(started);
  });

  it('paces a visitor who sends too fast', async () => {
    const { widget } = await chatting();
    const replies = await Promise.all(Array.from({ length: 7 }, () => widget.say('hello')));
    expect(replies.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['rate_limited', 'rate_limited']);
  });

  it('counts outcomes for supervisors and admins only, and closes chats idle with the assistant as abandoned', async () => {
    const { widget } = await chatting();
    accepted(await widget.say('Hello?'));
    const supervisor = await loginAs(server.url, 'supervisor@demo');
    const before = await callApi<ChatStats>(server.url, '/api/v1/admin/chat/stats', { token: supervisor });
    expect(before.status).toBe(200);
    expect(before.body.botResolved).toBeGreaterThanOrEqual(2);
    expect(before.body.handedOver.byReason).toMatchObject({ asked: expect.any(Number), critical: 1, no_match: 1, not_solved: 1 });
    expect(before.body.handedOver.byReason.asked).toBeGreaterThanOrEqual(4);
    expect(before.body.inProgress).toBeGreaterThan(0);

    clock.advance(ABANDONED_AFTER_MS + 60_000);
    const after = await callApi<ChatStats>(server.url, `/api/v1/admin/chat/stats?to=${encodeURIComponent(new Date(clock.now()).toISOString())}`, { token: supervisor });
    expect(after.body.inProgress).toBe(0);
    expect(after.body.abandoned).toBe(before.body.inProgress);
    expect(after.body.chats).toBe(before.body.chats);
    const ended = after.body.botResolved + after.body.handedOver.total + after.body.abandoned;
    expect(after.body.botResolutionRate).toBeCloseTo(after.body.botResolved / ended);
    expect(await widget.say('still there?')).toMatchObject({ ok: false, error: { code: 'closed' } });

    const agent = await loginAs(server.url, 'agent@demo');
    expect((await callApi(server.url, '/api/v1/admin/chat/stats', { token: agent })).status).toBe(403);
    expect((await callApi(server.url, '/api/v1/admin/chat/stats')).status).toBe(401);
    const empty = await callApi<ChatStats>(server.url, '/api/v1/admin/chat/stats?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z', { token: supervisor });
    expect(empty.body).toMatchObject({ chats: 0, botResolutionRate: null });
  });
});

describe('live chat across a restart, out of hours', () => {
  it('keeps the whole transcript, and tells the visitor the desk is closed', async () => {
    // A Sunday night in Warsaw.
    const night = steppingClock(Date.parse('2026-11-22T01:00:00Z'));
    const first = await startTestServer({ clock: night, seed: true });
    const widget = await TestVisitor.connect(first.url);
    const session = accepted(await widget.start({ name: 'Ilze Ozola', email: 'ilze@example.lv', locale: 'lv' }));
    expect(session.lines[0]!.text).toContain('Mūsu komanda pašlaik nestrādā');
    const handover = accepted(await widget.act('human'));
    const ack = await widget.lineWhere((line) => line.author === 'system');
    expect(ack.text).toContain('Pašlaik nestrādājam');
    widget.close();
    await first.stop({ keepData: true });

    const second = await startTestServer({ clock: night, dataDir: first.dataDir });
    try {
      const back = await TestVisitor.connect(second.url);
      const resumed = accepted(await back.resume(session.token));
      expect(resumed.state).toBe('human');
      expect(resumed.ticketNumber).toBe(handover.ticketNumber);
      expect(resumed.lines.map((l) => l.author)).toEqual(['bot', 'visitor', 'bot', 'system']);
      back.close();
    } finally {
      await second.stop();
    }
  });
});

/** Polls until the query finds something: delivery runs in the outbound loop, after the commit. */
async function waitFor<T>(query: () => Promise<T | undefined>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await query();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
