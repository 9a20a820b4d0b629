import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { TicketPage } from '../../src/shared/api/rest.js';
import { getPage, postFields } from '../../src/server/testing/portal-client.js';
import { callApi, loginAs } from '../../src/server/testing/test-server.js';
import { composedMail } from '../../src/server/testing/mail-fixtures.js';
import { sendWithSwaks } from '../support/swaks.js';
import { DESK, mailDesk } from '../support/mail-desk.js';

describe('the satisfaction survey by email', () => {
  it('mails the survey link with the solved notice through the relay; the link takes one answer, a forged one none', async () => {
    const { server, sink } = await mailDesk();

    const mail = await composedMail({ from: 'Ilze <ilze@example.lv>', to: DESK, subject: 'Rēķins nav pienācis', messageId: '<csat@example.lv>', text: 'Labdien, šomēnes rēķins nav pienācis.' });
    const sent = await sendWithSwaks({ host: '127.0.0.1', port: server.smtpPort!, from: 'ilze@example.lv', to: DESK, raw: mail });
    expect(sent.exitCode, sent.output).toBe(0);
    const agent = await loginAs(server.url, 'agent@demo');
    const ticket = (await callApi<TicketPage>(server.url, '/api/v1/tickets?pageSize=200', { token: agent })).body.items.find((t) => t.requesterEmail === 'ilze@example.lv')!;
    expect((await callApi(server.url, `/api/v1/tickets/${ticket.id}`, { method: 'PATCH', token: agent, body: { assigneeId: 'u-agent', status: 'solved' } })).status).toBe(200);

    // The acknowledgement first, then the solved notice, in the customer's language, with the link.
    let solved = null;
    for (let count = 1; !solved; count++) {
      const taken = await sink.waitFor(count);
      const parsed = await Promise.all(taken.filter((m) => m.to.includes('ilze@example.lv')).map((m) => simpleParser(m.raw)));
      solved = parsed.find((m) => m.subject?.startsWith(`[#${ticket.number}] Atrisināts`)) ?? null;
    }
    expect(solved.text).toContain('Kā vērtējat mūsu palīdzību?');
    const link = new URL(solved.text!.match(/https?:\/\/\S+\/portal\/survey\/\S+/)![0]);
    expect(link.pathname).toBe(`/portal/survey/${ticket.id}`);
    const token = link.searchParams.get('token')!;

    const answers = () => server.context.db.selectFrom('csat_answers').selectAll().where('ticket_id', '=', ticket.id).execute();
    const forged = await postFields(server.url, link.pathname, { token: `${token.slice(0, -2)}xx`, score: '1', comment: 'forged' });
    expect(forged.status).toBe(403);
    expect(await answers()).toEqual([]);

    const page = await getPage(server.url, `${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    const answered = await postFields(server.url, link.pathname, { token, score: '5', comment: 'Paldies!' });
    expect(answered.status).toBe(200);
    expect(await answers()).toEqual([expect.objectContaining({ score: 5, comment: 'Paldies!', agent_id: 'u-agent', scale: 'five' })]);
    const again = await postFields(server.url, link.pathname, { token, score: '1', comment: 'changed my mind' });
    expect(again.status).toBe(409);
    expect(await answers()).toEqual([expect.objectContaining({ score: 5, comment: 'Paldies!' })]);
  });
});
