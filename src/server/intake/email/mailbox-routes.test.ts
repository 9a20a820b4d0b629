import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailbox, MailboxPollReply } from '../../../shared/admin/mailboxes.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../../testing/test-server.js';

let server: RunningTestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
  admin = await loginAs(server.url, 'admin@demo');
});
afterAll(() => server.stop());

const mailbox = (overrides: Record<string, unknown> = {}) => ({ name: `box-${Math.random().toString(36).slice(2)}`, host: '127.0.0.1', port: 1, secure: false, username: 'desk', password: 'very-secret-pw', ...overrides });
const create = (body: Record<string, unknown>) => callApi<Mailbox & { message: string }>(server.url, '/api/v1/admin/mailboxes', { method: 'POST', token: admin, body });

describe('mailbox admin routes', () => {
  it('create, list, change and delete, never showing the password', async () => {
    const created = await create(mailbox({ queueId: 'platform' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ host: '127.0.0.1', folder: 'INBOX', queueId: 'platform', enabled: true, uidValidity: null, lastUid: 0, lastError: null });
    const listed = await callApi<{ items: Mailbox[] }>(server.url, '/api/v1/admin/mailboxes', { token: admin });
    expect(listed.body.items.map((m) => m.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain('very-secret-pw');

    // As if it had been read: a new folder is another mailbox, read from its oldest unread message.
    await server.context.db.updateTable('mailboxes').set({ uid_validity: '7', last_uid: 42 }).where('id', '=', created.body.id).execute();
    const renamed = await callApi<Mailbox>(server.url, `/api/v1/admin/mailboxes/${created.body.id}`, { method: 'PATCH', token: admin, body: { name: 'renamed', password: 'other' } });
    expect(renamed.body).toMatchObject({ name: 'renamed', uidValidity: '7', lastUid: 42 });
    const moved = await callApi<Mailbox>(server.url, `/api/v1/admin/mailboxes/${created.body.id}`, { method: 'PATCH', token: admin, body: { folder: 'Support' } });
    expect(moved.body).toMatchObject({ folder: 'Support', uidValidity: null, lastUid: 0 });
    const stored = await server.context.db.selectFrom('mailboxes').select('password').where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(stored.password).toBe('other');

    expect((await callApi(server.url, `/api/v1/admin/mailboxes/${created.body.id}`, { method: 'DELETE', token: admin })).status).toBe(200);
    expect((await callApi(server.url, `/api/v1/admin/mailboxes/${created.body.id}`, { method: 'DELETE', token: admin })).status).toBe(404);
  });

  it('refuses bad input with the field named, a second mailbox of the same name, and agents', async () => {
    expect((await create(mailbox({ queueId: 'nowhere' }))).body.message).toBe('body.queueId: no queue "nowhere"');
    expect((await create(mailbox({ host: 'imap://x' }))).status).toBe(400);
    expect((await create(mailbox({ port: 70_000 }))).body.message).toMatch(/^body\.port/);
    expect((await create({ name: 'x' })).status).toBe(400);
    await create(mailbox({ name: 'support' }));
    expect(await create(mailbox({ name: 'support' }))).toMatchObject({ status: 409, body: { message: 'body.name: a mailbox called "support" exists already' } });
    expect((await callApi(server.url, '/api/v1/admin/mailboxes/00000000-0000-4000-8000-000000000000', { method: 'PATCH', token: admin, body: {} })).status).toBe(400);
    const agent = await loginAs(server.url, 'agent@demo');
    expect((await callApi(server.url, '/api/v1/admin/mailboxes', { token: agent })).status).toBe(403);
  });

  it('polling a server that is not there answers the error and records it; the server carries on', async () => {
    const silent = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      for (const box of [mailbox(), mailbox({ port })]) {
        const { body } = await create(box);
        const polled = await callApi<MailboxPollReply>(server.url, `/api/v1/admin/mailboxes/${body.id}/poll`, { method: 'POST', token: admin });
        expect(polled.status).toBe(200);
        expect(polled.body).toMatchObject({ fetched: 0, created: 0 });
        expect(polled.body.error).toBeTruthy();
        expect(polled.body.mailbox.lastError).toBe(polled.body.error);
        expect(polled.body.mailbox.lastPolledAt).not.toBeNull();
      }
    } finally {
      silent.close();
    }
    expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
    expect((await callApi(server.url, '/api/v1/admin/mailboxes/00000000-0000-4000-8000-000000000000/poll', { method: 'POST', token: admin })).status).toBe(404);
  });
});
