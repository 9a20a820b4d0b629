import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookReply } from '../../../shared/intake/webhook.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../../testing/test-server.js';
import { DEMO_INTAKE_TOKEN, DEMO_WEBHOOK_SECRET } from '../integrations.js';
import { signWebhook } from './signature.js';

let server: RunningTestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
});
afterAll(() => server.stop());

/** Posts as a bridge does: exact bytes, signed over "timestamp.body". */
async function post(body: unknown, options: { token?: string; secret?: string; timestamp?: number; tamper?: boolean } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(`${server.url}/api/v1/intake/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${options.token ?? DEMO_INTAKE_TOKEN}`,
      'x-shiftdesk-timestamp': String(timestamp),
      'x-shiftdesk-signature': signWebhook(options.secret ?? DEMO_WEBHOOK_SECRET, timestamp, options.tamper ? `${raw} ` : raw),
    },
    body: raw,
  });
  return { status: response.status, body: (await response.json()) as WebhookReply & { message?: string } };
}

const ticketCount = async () => Number((await server.context.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const message = (conversationId: string, text: string) => ({
  conversationId,
  source: 'facebook',
  author: { name: 'Jānis Ozols', handle: '@janis.ozols' },
  text,
  attachments: [{ filename: 'screen.png', contentType: 'image/png', contentBase64: Buffer.from('png').toString('base64') }],
});

describe('generic signed webhook', () => {
  it('opens a social ticket per conversation, answers the acknowledgement for the bridge to post, and joins later posts', async () => {
    const first = await post(message('fb-thread-1', 'Sveiki! Mana pasūtījuma statuss nemainās jau trīs dienas.'));
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(true);
    expect(first.body.acknowledgement?.locale).toBe('lv');
    expect(first.body.acknowledgement?.body).toContain(String(first.body.number));
    const detail = await server.context.tickets.find(['general'], first.body.ticketId);
    expect(detail?.ticket).toMatchObject({ channel: 'social', requesterEmail: 'janis.ozols@facebook.invalid' });
    expect(detail?.messages[0]).toMatchObject({ hasOriginal: true, attachments: [expect.objectContaining({ filename: 'screen.png', size: 3 })] });
    // Nobody can be mailed at an .invalid address: the acknowledgement travels only in the answer.
    expect(await server.context.db.selectFrom('outbound_messages').select('id').where('ticket_id', '=', first.body.ticketId).execute()).toEqual([]);

    const second = await post(message('fb-thread-1', 'Vai ir kādas ziņas?'));
    expect(second.body).toMatchObject({ created: false, ticketId: first.body.ticketId, acknowledgement: null });
    const other = await post(message('fb-thread-2', 'Cits jautājums'));
    expect(other.body.ticketId).not.toBe(first.body.ticketId);
  });

  it('refuses a wrong signature, an old timestamp, a missing token and a bad body, writing nothing', async () => {
    const before = await ticketCount();
    expect((await post(message('x', 'hi'), { tamper: true })).status).toBe(401);
    expect((await post(message('x', 'hi'), { secret: 'guessed' })).status).toBe(401);
    expect((await post(message('x', 'hi'), { timestamp: Math.floor(Date.now() / 1000) - 3600 })).body.message).toMatch(/300 s/);
    expect((await post(message('x', 'hi'), { token: 'nope' })).status).toBe(401);
    const bad = await post({ ...message('x', 'hi'), author: { name: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^body\.author\.name/);
    expect((await post('{not json')).status).toBe(400);
    expect(await ticketCount()).toBe(before);
  });

  it('lets admins create a signed integration whose token and secret work, and revoke it', async () => {
    const admin = await loginAs(server.url, 'admin@demo');
    const agent = await loginAs(server.url, 'agent@demo');
    expect((await callApi(server.url, '/api/v1/admin/integrations', { method: 'POST', token: agent, body: { name: 'Shop' } })).status).toBe(403);
    const created = await callApi<{ id: string; token: string; signingSecret: string; signed: boolean }>(server.url, '/api/v1/admin/integrations', {
      method: 'POST',
      token: admin,
      body: { name: 'Shop form', signed: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.signed).toBe(true);
    expect((await post(message('shop-1', 'Order 881 never arrived'), { token: created.body.token, secret: created.body.signingSecret })).status).toBe(200);
    const list = await callApi<{ items: { id: string; name: string }[] }>(server.url, '/api/v1/admin/integrations', { token: admin });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(list.body.items.map((i) => i.name)).toContain('Shop form');
    await callApi(server.url, `/api/v1/admin/integrations/${created.body.id}/revoke`, { method: 'POST', token: admin });
    expect((await post(message('shop-2', 'Again'), { token: created.body.token, secret: created.body.signingSecret })).status).toBe(401);
  });
});
