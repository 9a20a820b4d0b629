import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../shared/domain/ticket.js';
import { getPage, lastMail, linkedPath, postFields, postForm, signInByMail } from '../testing/portal-client.js';
import type { CsatSettings } from '../../shared/csat/survey.js';
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
    expect(events.map((e) => JSON.parse(e.data_json))).toEqual([{ score: 4, scale: 'five', comment: 'Quick and kind <b>thanks</b>', agentId: 'u-agent', agentName: 'Marta Nowak' }]);
  });

  it('waits until the request is solved', async () => {
    const ticket = await openRequest('survey-d@example.com', 'Still open');
    const token = server.context.links.surveyToken(ticket.id);
    expect((await getPage(server.url, `/portal/survey/${ticket.id}?token=${token}`)).status).toBe(409);
    expect((await postFields(server.url, `/portal/survey/${ticket.id}`, { token, score: '5' })).status).toBe(409);
    expect(await answers(ticket.id)).toEqual([]);
  });
});

describe('the survey scale', () => {
  const settings = (token: string, body?: unknown) => callApi<CsatSettings>(server.url, '/api/v1/admin/csat', body === undefined ? { token } : { method: 'PUT', token, body });

  it('is five steps until an admin chooses good/bad; agents and bad bodies change nothing', async () => {
    const admin = await loginAs(server.url, 'admin@demo');
    expect((await settings(admin)).body).toEqual({ scale: 'five' });
    expect((await settings(agent, { scale: 'good_bad' })).status).toBe(403);
    expect((await settings(admin, { scale: 'three' })).status).toBe(400);
    expect((await settings(admin, { scale: 'good_bad', extra: 1 })).status).toBe(400);
    expect((await settings(admin)).body).toEqual({ scale: 'five' });

    expect((await settings(admin, { scale: 'good_bad' })).body).toEqual({ scale: 'good_bad' });
    try {
      const { ticket, path } = await solvedRequest('survey-e@example.com', 'Two-step survey');
      const page = await (await getPage(server.url, path)).text();
      expect(page).toContain('Was our help good or bad?');
      expect(page).toContain('name="scale" value="good_bad"');
      expect(page.match(/type="radio"/g)).toHaveLength(2);
      const token = new URL(path, server.url).searchParams.get('token')!;

      // A middle score is no choice on this scale.
      const middle = await postFields(server.url, `/portal/survey/${ticket.id}`, { token, scale: 'good_bad', score: '3' });
      expect(middle.status).toBe(400);
      expect(await middle.text()).toContain('Choose good or bad.');
      expect(await answers(ticket.id)).toEqual([]);

      const bad = await postFields(server.url, `/portal/survey/${ticket.id}`, { token, scale: 'good_bad', score: '1', comment: 'Took two days' });
      expect(bad.status).toBe(200);
      expect(await answers(ticket.id)).toEqual([expect.objectContaining({ score: 1, scale: 'good_bad', comment: 'Took two days', agent_id: 'u-agent' })]);
      const detail = (await callApi<TicketDetail>(server.url, `/api/v1/tickets/${ticket.id}`, { token: agent })).body;
      expect(detail.messages.filter((m) => m.body.startsWith('Satisfaction:')).map((m) => m.body)).toEqual(['Satisfaction: bad — "Took two days"']);

      // A page opened before the change is still answered on the scale it showed.
      const earlier = await solvedRequest('survey-f@example.com', 'Opened before the change');
      const earlierToken = new URL(earlier.path, server.url).searchParams.get('token')!;
      expect((await postFields(server.url, `/portal/survey/${earlier.ticket.id}`, { token: earlierToken, scale: 'five', score: '4' })).status).toBe(200);
      expect(await answers(earlier.ticket.id)).toEqual([expect.objectContaining({ score: 4, scale: 'five' })]);
    } finally {
      expect((await settings(admin, { scale: 'five' })).status).toBe(200);
    }
  });
});

describe('the portal offers the survey', () => {
  it('on a solved (or later closed) request until it is answered', async () => {
    const email = 'survey-g@example.com';
    const { ticket, path } = await solvedRequest(email, 'Offered in the portal');
    const cookie = await signInByMail(server.url, server.context.db, email);
    const requestPage = async () => (await getPage(server.url, `/portal/requests/${ticket.number}`, cookie)).text();
    const offered = await requestPage();
    expect(offered).toContain('Rate our help');
    expect(offered).toContain(`href="${path.replace(/&/g, '&amp;')}"`);

    expect((await callApi(server.url, `/api/v1/tickets/${ticket.id}`, { method: 'PATCH', token: agent, body: { status: 'closed' } })).status).toBe(200);
    expect(await requestPage()).toContain('Rate our help');

    const token = new URL(path, server.url).searchParams.get('token')!;
    expect((await postFields(server.url, `/portal/survey/${ticket.id}`, { token, score: '5' })).status).toBe(200);
    expect(await requestPage()).not.toContain('Rate our help');
  });
});
