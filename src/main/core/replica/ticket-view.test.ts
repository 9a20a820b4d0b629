import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/domain/people.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import type { TicketEvent } from '../../../shared/domain/ticket-event.js';
import { Replica } from './replica.js';
import { storedChange } from './stored-change.js';

const root = mkdtempSync(join(tmpdir(), 'shiftdesk-ticket-view-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const olga: User = { id: 'u-agent3', email: 'agent3@demo', name: 'Olga Smirnova', role: 'agent', tier: 1, locale: 'ru', timeZone: 'Europe/Riga', queueIds: ['billing'] };
const at = '2026-11-24T01:00:00.000Z';

function ticket(tags: string[]): Ticket {
  return {
    id: randomUUID(), number: 1042, subject: 'Invoice twice', requesterName: 'Anna Kowalska', requesterEmail: 'anna@example.pl',
    channel: 'email', priority: 'medium', customerTier: 'standard', type: 'question', status: 'open', queueId: 'billing', assigneeId: null,
    createdAt: at, updatedAt: at, firstRespondedAt: null, solvedAt: null, sla: null, tags,
  };
}

const event = (ticketId: string, kind: string, minute: number, data: Record<string, unknown>): TicketEvent => ({
  id: randomUUID(), ticketId, kind, at: `2026-11-24T01:${String(minute).padStart(2, '0')}:00.000Z`, actor: { userId: 'u-agent', name: 'Marta Nowak' }, data,
});

function replicaWith(row: Ticket, events: TicketEvent[] = []): Replica {
  const replica = new Replica(join(root, `${randomUUID()}.sqlite`));
  let seq = 0;
  replica.applyPull(
    [
      storedChange({ seq: ++seq, scope: 'queue:billing', entity: 'ticket', op: 'upsert', row }),
      ...events.map((e) => storedChange({ seq: ++seq, scope: 'queue:billing', entity: 'ticketEvent', op: 'upsert', row: e })),
    ],
    { 'queue:billing': seq },
    null,
  );
  return replica;
}

describe('tags in the overlay', () => {
  it('show an edit at once, as a set over the replica’s tags, and roll back exactly when refused', () => {
    const row = ticket(['vpn', 'invoice']);
    const replica = replicaWith(row);
    const clientId = replica.outbox.clientIdFor(olga.id);
    replica.outbox.enqueue(clientId, { name: 'ticket.setTags', args: { ticketId: row.id, add: ['refund', 'vpn'], remove: ['invoice'] }, createdAt: at });
    replica.outbox.enqueue(clientId, { name: 'ticket.setTags', args: { ticketId: row.id, add: ['urgent'], remove: [] }, createdAt: at });
    expect(replica.refreshOverlay(clientId, olga).ticketIds).toEqual([row.id]);
    expect(replica.getTicket(row.id)?.ticket.tags).toEqual(['vpn', 'refund', 'urgent']);
    expect(replica.listTickets()[0]?.tags).toEqual(['vpn', 'refund', 'urgent']);

    const first = replica.outbox.unconfirmed(clientId)[0]!.mutation.id;
    replica.outbox.refuse(clientId, first, { code: 'invalid', field: 'tags', message: 'too many tags' });
    replica.refreshOverlay(clientId, olga);
    expect(replica.getTicket(row.id)?.ticket.tags).toEqual(['vpn', 'invoice', 'urgent']);
    replica.close();
  });
});

describe('ticket history in the replica', () => {
  it('reads a ticket’s events oldest first with the ticket, and forgets them when the ticket leaves', () => {
    const row = ticket([]);
    const later = event(row.id, 'status', 30, { from: 'open', to: 'pending' });
    const earlier = event(row.id, 'tags', 10, { added: ['vpn'], removed: [] });
    const replica = replicaWith(row, [later, earlier]);
    expect(replica.getTicket(row.id)?.events.map((e) => e.kind)).toEqual(['tags', 'status']);

    replica.applyPull([storedChange({ seq: 10, scope: 'queue:billing', entity: 'ticket', op: 'delete', rowId: row.id })], { 'queue:billing': 10 }, null);
    expect(replica.getTicket(row.id)).toBeNull();
    // Back in the queue later: its whole history comes with it again, not twice.
    const back = replicaWith(row, [earlier, later, earlier]);
    expect(back.getTicket(row.id)?.events).toHaveLength(2);
    replica.close();
    back.close();
  });
});
