import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template } from '../../shared/notifications/templates.js';
import type { QuarantinedItem } from '../../shared/admin/quarantine.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { quarantine } from '../quarantine/quarantine-store.js';
import { receiveCustomerMessage } from '../intake/customer-intake.js';

let server: RunningTestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
  admin = await loginAs(server.url, 'admin@demo');
});
afterAll(() => server.stop());

describe('notification templates', () => {
  it('lists every kind in four languages, and an admin’s text is what the next customer receives', async () => {
    const list = await callApi<{ items: Template[] }>(server.url, '/api/v1/admin/templates', { token: admin });
    expect(list.body.items).toHaveLength(9 * 4);
    // Whichever acknowledgement applies right now (open, closed or busy), the admin's text is used.
    for (const kind of ['ack.open', 'ack.closed', 'ack.busy']) {
      const saved = await callApi<Template>(server.url, `/api/v1/admin/templates/${kind}/ru`, {
        method: 'PUT',
        token: admin,
        body: { subject: '[#{{ticket.number}}] Получили', body: 'Ответим до {{answer.by}}, номер {{ticket.number}}.' },
      });
      expect(saved.body.customised).toBe(true);
    }
    const { context } = server;
    const outcome = await context.db.transaction().execute((trx) =>
      receiveCustomerMessage(context, trx, { channel: 'web', from: { email: 'ivan@example.ru', name: 'Иван', locale: 'ru' }, subject: 'Вопрос', body: 'Вопрос', acknowledge: true, queueId: 'platform' }),
    );
    const sent = await context.db.selectFrom('outbound_messages').select(['subject', 'body']).where('ticket_id', '=', outcome.ticket.id).executeTakeFirstOrThrow();
    expect(sent.subject).toBe(`[#${outcome.ticket.number}] Получили`);
    expect(sent.body).toMatch(new RegExp(`^Ответим до .+, номер ${outcome.ticket.number}\\.$`));
    const reset = await callApi<Template>(server.url, '/api/v1/admin/templates/ack.open/ru', { method: 'DELETE', token: admin });
    expect(reset.body.customised).toBe(false);
  });

  it('refuses a placeholder the kind does not offer, and non-admins, changing nothing', async () => {
    const typo = await callApi<{ message: string }>(server.url, '/api/v1/admin/templates/status.solved/pl', { method: 'PUT', token: admin, body: { subject: 'x', body: 'Ankieta: {{survey.link}}' } });
    expect(typo.status).toBe(400);
    expect(typo.body.message).toContain('{{survey.link}}');
    const agent = await loginAs(server.url, 'agent@demo');
    expect((await callApi(server.url, '/api/v1/admin/templates/status.solved/pl', { method: 'PUT', token: agent, body: { subject: 'x', body: 'y' } })).status).toBe(403);
    expect((await callApi(server.url, '/api/v1/admin/templates/status.solved/de', { method: 'PUT', token: admin, body: { subject: 'x', body: 'y' } })).status).toBe(400);
    const list = await callApi<{ items: Template[] }>(server.url, '/api/v1/admin/templates', { token: admin });
    expect(list.body.items.find((t) => t.kind === 'status.solved' && t.locale === 'pl')?.customised).toBe(false);
  });
});

describe('quarantine', () => {
  it('shows admins what could not be taken in, with the reason and the original, until resolved', async () => {
    const id = await quarantine(server.context.db, { source: 'imap:support', reason: 'no From address', contentType: 'message/rfc822', data: Buffer.from('Subject: x\r\n\r\nbody') }, new Date().toISOString());
    const open = await callApi<{ items: QuarantinedItem[] }>(server.url, '/api/v1/admin/quarantine', { token: admin });
    expect(open.body.items.find((i) => i.id === id)).toMatchObject({ reason: 'no From address', size: 18, resolvedAt: null });
    const original = await fetch(`${server.url}/api/v1/admin/quarantine/${id}/original`, { headers: { authorization: `Bearer ${admin}` } });
    expect(await original.text()).toContain('Subject: x');
    const resolved = await callApi<QuarantinedItem>(server.url, `/api/v1/admin/quarantine/${id}/resolve`, { method: 'POST', token: admin });
    expect(resolved.body.resolvedBy).toBeTruthy();
    const after = await callApi<{ items: QuarantinedItem[] }>(server.url, '/api/v1/admin/quarantine', { token: admin });
    expect(after.body.items.map((i) => i.id)).not.toContain(id);
  });
});
