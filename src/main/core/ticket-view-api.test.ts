import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { User } from '../../shared/domain/people.js';
import type { Ticket } from '../../shared/domain/ticket.js';
import type { Mutation } from '../../shared/sync/mutations.js';
import { Replica } from './replica/replica.js';
import { storedChange } from './replica/stored-change.js';
import { uploadReplyFiles } from './ticket-files.js';
import { TicketPresenceLink } from './ticket-presence-link.js';
import { ticketViewApi } from './ticket-view-api.js';

const root = mkdtempSync(join(tmpdir(), 'shiftdesk-ticket-view-api-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const olga: User = { id: 'u-agent3', email: 'agent3@demo', name: 'Olga Smirnova', role: 'agent', tier: 1, locale: 'ru', timeZone: 'Europe/Riga', queueIds: ['billing'] };
const at = '2026-11-24T01:00:00.000Z';
const ticket: Ticket = {
  id: randomUUID(), number: 1042, subject: 'Invoice twice', requesterName: 'Anna Kowalska', requesterEmail: 'anna@example.pl', channel: 'email', priority: 'medium',
  customerTier: 'standard', type: 'question', status: 'new', queueId: 'billing', assigneeId: null, createdAt: at, updatedAt: at, firstRespondedAt: null, solvedAt: null, sla: null, tags: ['vpn'],
};

function open(file: string) {
  const replica = new Replica(file);
  const sent: string[] = [];
  const api = ticketViewApi({
    replica: () => replica,
    drafts: () => replica.ticketDrafts,
    user: () => olga,
    now: () => at,
    record: (user, mutation) => {
      const clientId = replica.outbox.clientIdFor(user.id);
      const id = replica.outbox.enqueue(clientId, mutation);
      return { id, shown: replica.refreshOverlay(clientId, user) };
    },
    send: () => sent.push('send'),
    ticketsChanged: () => undefined,
    presence: new TicketPresenceLink(() => olga.id, () => undefined),
  });
  return { replica, api, sent };
}

describe('ticket drafts in the core', () => {
  it('keep text, staged actions and file bytes across a restart, and send them as one step in order', async () => {
    const file = join(root, `${randomUUID()}.sqlite`);
    const first = open(file);
    first.replica.applyPull([storedChange({ seq: 1, scope: 'queue:billing', entity: 'ticket', op: 'upsert', row: ticket })], { 'queue:billing': 1 }, null);
    await first.api['ticketDrafts.save']({ ticketId: ticket.id, kind: 'reply', body: 'Refund sent, {{x}} stays.', actions: { status: 'pending', addTags: ['refund'] } });
    const attached = await first.api['ticketDrafts.attach']({ ticketId: ticket.id, filename: '../../etc/faktura.pdf', contentType: 'application/pdf', base64: Buffer.from('%PDF-1.7').toString('base64') });
    expect(attached.files).toEqual([{ id: expect.any(String), filename: 'faktura.pdf', contentType: 'application/pdf', size: 8 }]);
    first.replica.close();

    const again = open(file);
    const draft = await again.api['ticketDrafts.get']({ ticketId: ticket.id });
    expect(draft).toMatchObject({ kind: 'reply', body: 'Refund sent, {{x}} stays.', actions: { status: 'pending', addTags: ['refund'] }, files: attached.files });
    const { ids } = await again.api['ticketDrafts.send']({ ticketId: ticket.id });
    expect(ids).toHaveLength(3);
    const clientId = again.replica.outbox.clientIdFor(olga.id);
    const queued = again.replica.outbox.unconfirmed(clientId).map((e) => e.mutation);
    expect(queued.map((m) => [m.name, m.args])).toEqual([
      ['ticket.reply', { ticketId: ticket.id, body: 'Refund sent, {{x}} stays.', writtenAt: at, attachments: attached.files }],
      ['ticket.setStatus', { ticketId: ticket.id, from: 'open', to: 'pending' }],
      ['ticket.setTags', { ticketId: ticket.id, add: ['refund'], remove: [] }],
    ]);
    expect(await again.api['ticketDrafts.get']({ ticketId: ticket.id })).toBeNull();
    // The overlay shows all of it at once.
    expect(again.replica.getTicket(ticket.id)?.ticket).toMatchObject({ status: 'pending', tags: ['vpn', 'refund'] });

    // The bytes wait for the upload, then leave the replica.
    const fileId = attached.files[0]!.id;
    expect(again.replica.ticketDrafts.fileBytes(fileId)?.toString()).toBe('%PDF-1.7');
    const uploads: { url: string; body: string }[] = [];
    const fakeFetch = (async (url: URL, init: RequestInit) => {
      uploads.push({ url: url.pathname, body: Buffer.from(init.body as Uint8Array).toString() });
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch;
    await expect(uploadReplyFiles(queued as Mutation[], { serverUrl: 'http://desk.test', token: 't' }, again.replica.ticketDrafts, (async () => new Response('', { status: 503 })) as unknown as typeof fetch)).rejects.toThrow(/503/);
    expect(again.replica.ticketDrafts.fileBytes(fileId)).not.toBeNull();
    await uploadReplyFiles(queued as Mutation[], { serverUrl: 'http://desk.test', token: 't' }, again.replica.ticketDrafts, fakeFetch);
    expect(uploads).toEqual([{ url: `/api/v1/uploads/${fileId}`, body: '%PDF-1.7' }]);
    expect(again.replica.ticketDrafts.fileBytes(fileId)).toBeNull();
    again.replica.close();
  });

  it('refuses a file over the size limit and changes nothing', async () => {
    const { replica, api } = open(join(root, `${randomUUID()}.sqlite`));
    replica.applyPull([storedChange({ seq: 1, scope: 'queue:billing', entity: 'ticket', op: 'upsert', row: ticket })], { 'queue:billing': 1 }, null);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64');
    await expect(api['ticketDrafts.attach']({ ticketId: ticket.id, filename: 'dump.bin', contentType: 'application/octet-stream', base64: big })).rejects.toThrow(/at most 10485760/);
    expect(await api['ticketDrafts.get']({ ticketId: ticket.id })).toBeNull();
    replica.close();
  });
});
