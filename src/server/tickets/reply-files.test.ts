import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, TicketDetail } from '../../shared/domain/ticket.js';
import { steppingClock } from '../testing/test-clock.js';
import { loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pushOnce, SocketPool } from '../testing/test-socket.js';

let server: RunningTestServer;
const pool = new SocketPool(() => server.url);
const writtenAt = '2026-11-23T02:00:00.000Z';

beforeAll(async () => {
  server = await startTestServer({ clock: steppingClock(Date.parse(writtenAt) + 60_000), seed: true });
});
afterAll(async () => {
  pool.closeAll();
  await server.stop();
});

const upload = (token: string, id: string, bytes: Buffer, filename = 'raport błędów.txt') =>
  fetch(`${server.url}/api/v1/uploads/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-filename': encodeURIComponent(filename), 'x-content-type': 'text/plain' },
    body: new Uint8Array(bytes),
  });

async function billingTicket(token: string): Promise<Ticket> {
  const response = await fetch(`${server.url}/api/v1/tickets?queueId=billing&status=open&pageSize=1`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { items: Ticket[] }).items[0]!;
}

describe('files on replies', () => {
  it('are uploaded ahead by id, claimed by the reply that lists them, and downloadable from the message', async () => {
    const token = await loginAs(server.url, 'agent3@demo');
    const ticket = await billingTicket(token);
    const fileId = randomUUID();
    expect((await upload(token, fileId, Buffer.from('line 1\nline 2\n'))).status).toBe(200);
    // A retry after a lost answer changes nothing.
    expect((await upload(token, fileId, Buffer.from('line 1\nline 2\n'))).status).toBe(200);
    const socket = await pool.open('agent3@demo');
    const reply = await pushOnce(socket, {
      clientId: randomUUID(),
      mutations: [{ id: 1, name: 'ticket.reply', createdAt: writtenAt, args: { ticketId: ticket.id, body: 'The log is attached.', writtenAt, attachments: [{ id: fileId, filename: 'ignored.txt', contentType: 'text/plain', size: 1 }] } }],
    });
    expect(reply).toEqual({ ok: true, value: { results: [{ id: 1, status: 'applied' }] } });
    const detail = (await (await fetch(`${server.url}/api/v1/tickets/${ticket.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as TicketDetail;
    const message = detail.messages.find((m) => m.body === 'The log is attached.');
    // The server's own record of the file, not what the mutation claimed.
    expect(message?.attachments).toEqual([{ id: fileId, filename: 'raport błędów.txt', contentType: 'text/plain', size: 14 }]);
    const download = await fetch(`${server.url}/api/v1/tickets/${ticket.id}/attachments/${fileId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await download.text()).toBe('line 1\nline 2\n');
    // Claimed: the id cannot be uploaded again.
    expect((await upload(token, fileId, Buffer.from('other'))).status).toBe(409);
  });

  it('refuses a reply listing a file that was never uploaded, or someone else’s', async () => {
    const olga = await loginAs(server.url, 'agent3@demo');
    const marta = await loginAs(server.url, 'agent@demo');
    const ticket = await billingTicket(olga);
    const martasFile = randomUUID();
    expect((await upload(marta, martasFile, Buffer.from('x'))).status).toBe(200);
    expect((await upload(olga, martasFile, Buffer.from('x'))).status).toBe(409);
    const socket = await pool.open('agent3@demo');
    const files = [{ id: martasFile, filename: 'a.txt', contentType: 'text/plain', size: 1 }];
    const reply = await pushOnce(socket, { clientId: randomUUID(), mutations: [{ id: 1, name: 'ticket.note', createdAt: writtenAt, args: { ticketId: ticket.id, body: 'See file', writtenAt, attachments: files } }] });
    expect(reply.ok && reply.value.results[0]).toMatchObject({ status: 'rejected', rejection: { code: 'invalid', field: 'attachments' } });
  });

  it('refuses a file over the limit with a clear message and a bad name header', async () => {
    const token = await loginAs(server.url, 'agent3@demo');
    const big = await upload(token, randomUUID(), Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    const unnamed = await fetch(`${server.url}/api/v1/uploads/${randomUUID()}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: Buffer.from('x') });
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { message: string }).message).toMatch(/x-filename/);
  });
});
