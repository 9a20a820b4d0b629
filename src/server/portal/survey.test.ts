import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../shared/domain/ticket.js';
import { getPage, lastMail, linkedPath, postFields, postForm } from '../testing/portal-client.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';

let server: RunningTestServer;
let agent: string;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
  agent = await loginAs(server.url, 'agent@demo');
});
afterAll(() => server.stop());

async function openRequest(email: string, subject: string) {
  expect((await postForm(server.url, '/portal/requests', { name: 'Dana', email, language: 'en', subject, description: 'Details.' })).status).toBe(200);
  return server.context.db.selectFrom('tickets').selectAll().where('subject', '=', subject).executeTakeFirstOrThrow();
}

/** Solved by the demo agent: the solved notice carries the survey link. */
async function solvedRequest(email: string, subject: string) {
  const ticket = await openRequest(email, subject);
  expect((await callApi(server.url, `/api/v1/tickets/${ticket.id}`, { method: 'PATCH', token: agent, body: { assigneeId: 'u-agent', status: 'solved' } })).status).toBe(200);
  const mail = await lastMail(server.context.db, email, 'status.solved');
  return { ticket, path: linkedPath(mail!.body, /https?:\/\/\S+\/portal\/survey\/\S+/) };
}

const answers = async (ticketId: string) => server.context.db.selectFrom('csat_answers').selectAll().where('ticket_id', '=', ticketId).execute();

describe('satisfaction survey', () => {
  it('refuses a wrong token with 403 and an unknown ticket with 404, saying nothing of the ticket', async () => {
    const { ticket, path } = await solvedRequest('survey-a@example.com', 'Survey tokens');
    const wrong = await getPage(server.url, `/portal/survey/${ticket.id}?token=not-the-token`);
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('Survey tokens');
    expect((await getPage(server.url, `/portal/survey/${ticket.id}`)).status).toBe(403);
    // Another ticket's token does not open this one.
    const other = await solvedRequest('survey-b@example.com', 'Another ticket');
    expect((await getPage(server.url, `/portal/survey/${ticket.id}?${new URL(other.path, server.url).searchParams}`)).status).toBe(403);
    const ghost = randomUUID();
    expect((await getPage(server.url, `/portal/survey/${ghost}?token=${server.context.links.surveyToken(ghost)}`)).status).toBe(404);
    expect((await getPage(server.url, '/portal/survey/not-a-ticket?token=x')).status).toBe(404);
    const token = new URL(path, server.url).searchParams.get('token')!;
    expect((await postFields(server.url, `/portal/survey/${ticket.id}`, { token: 'forged', score: '5' })).status).toBe(403);
    expect(await answers(ticket.id)).toEqual([]);
    const page = await getPage(server.url, path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`value="${token}"`);
  });

  it('takes one answer per ticket, credits the assignee and tells agents in an internal note', async () => {
    const { ticket, path } = await solvedRequest('survey-c@example.com', 'Password reset link expired');
    const token = new URL(path, server.url).searchParams.get('token')!;
    const form = (score: string, comment = '') => postFields(server.url, `/portal/survey/${ticket.id}`, { token, score, comment });

    const invalid = await form('7', 'way too high');
    expect(invalid.status).toBe(400);
    const refused = await invalid.text();
    expect(refused).toContain('Choose how satisfied you are, from 1 to 5.');
    expect(refused).toContain('way too high');
    expect(await answers(ticket.id)).toEqual([]);

    const answered = await form('4', 'Quick and kind <b>thanks</b>');
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('Thank you for your answer');
    const [answer] = await answers(ticket.id);
    expect(answer).toMatchObject({ score: 4, comment: 'Quick and kind <b>thanks</b>', agent_id: 'u-agent' });

    const again = await form('1', 'Changed my mind');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('You have already answered');
    expect(await answers(ticket.id)).toEqual([answer]);
    const revisit = await getPage(server.url, path);
    expect(revisit.status).toBe(200);
    expect(await revisit.text()).toContain('You have already answered');

    const detail = (await callApi<TicketDetail>(server.url, `/api/v1/tickets/${ticket.id}`, { token: agent })).body;
    const notes = detail.messages.filter((m) => m.body.startsWith('Satisfaction:'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ body: 'Satisfaction: 4/5 — "Quick and kind <b>thanks</b>"', isPublic: false, authorKind: 'system', authorName: 'Dana' });
    expect(detail.ticket.status).toBe('solved');
    const events = await server.context.db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticket.id).where('kind', '=', 'csat').execute();
    expect(events.map((e) => JSON.parse(e.data_json))).toEqual([{ score: 4, comment: 'Quick and kind <b>thanks</b>', agentId: 'u-agent' }]);
  });

  it('waits until the request is solved', async () => {
    const ticket = await openRequest('survey-d@example.com', 'Still open');
    const token = server.context.links.surveyToken(ticket.id);
    expect((await getPage(server.url, `/portal/survey/${ticket.id}?token=${token}`)).status).toBe(409);
    expect((await postFields(server.url, `/portal/survey/${ticket.id}`, { token, score: '5' })).status).toBe(409);
    expect(await answers(ticket.id)).toEqual([]);
  });
});
